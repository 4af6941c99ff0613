/**
 * Uploads, both flows the official SDKs use:
 * - ticket + PUT: `POST /api/v3/media/uploads {filename, size, content_type}` answers a download URL
 *   and a signed, single-use, size-limited PUT URL; the client PUTs the bytes there (with S3 storage,
 *   a presigned PUT URL into the bucket; the size is checked when the upload is first used).
 * - binary: `POST /api/v3/media/upload/binary` with a multipart field `file`.
 * Download URLs are unguessable (`/files/uploads/<128-bit id>/<name>`).
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { baseUrlOf, type ServiceContext } from '../context.js';
import { ok } from '../envelope.js';
import { apiError } from '../errors.js';
import { safeFilename, signedPutUrl, verifyPutSignature } from '../upload-urls.js';
import { newId } from '../../tasks/ids.js';
import { BlobTooLargeError } from '../../storage/types.js';
import { checkUploadIsImage } from '../upload-check.js';
import type { Readable } from 'node:stream';

import { UPLOAD_TICKET_TTL_MS as TICKET_TTL_MS } from '../../worker/retention-sweeper.js';

const TicketBody = Type.Object({
  filename: Type.String({ minLength: 1, maxLength: 255, pattern: '\\S', 'x-rule': 'must be a file name of 1 to 255 characters' }),
  size: Type.Integer({ minimum: 1, 'x-rule': 'must be the file size in bytes, an integer ≥ 1' }),
  content_type: Type.Optional(Type.String({ maxLength: 255, pattern: '^[\\w.+-]+/[\\w.+-]+$', 'x-rule': 'must be a media type like image/png' })),
});

function mediaType(contentType: string): string {
  const top = contentType.split('/')[0] ?? '';
  return ['image', 'video', 'audio'].includes(top) ? top : 'file';
}

/** routes that need an API key */
export async function uploadRoutes(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  app.post('/api/v3/media/uploads', {
    schema: { tags: ['uploads'], summary: 'An upload ticket: a download URL and a signed PUT URL for the bytes', body: TicketBody },
  }, async (request) => {
    const { filename, size, content_type: contentType } = request.body as Static<typeof TicketBody>;
    if (size > ctx.config.uploadMaxBytes) throw apiError('UPLOAD_TOO_LARGE', { limit: ctx.config.uploadMaxBytes, size });
    const id = newId();
    const type = contentType ?? 'application/octet-stream';
    const upload = await ctx.store.createUpload({
      id, accountId: request.account.id, filename, size, contentType: type, key: `uploads/${id}/${safeFilename(filename)}`,
    });
    const base = baseUrlOf(ctx, request);
    const expires = Date.now() + TICKET_TTL_MS;
    return ok({
      id,
      download_url: ctx.storage.url(upload.key, base),
      filename,
      size,
      content_type: type,
      expires_at: new Date(expires).toISOString(),
      // a remote store takes the bytes directly (presigned PUT); else our signed PUT route does
      upload: {
        url: ctx.storage.presignPut
          ? await ctx.storage.presignPut(upload.key, type, TICKET_TTL_MS / 1000)
          : signedPutUrl(ctx.signingKey, base, id, expires),
        method: 'PUT',
        headers: { 'Content-Type': type },
      },
    });
  });

  await app.register(async (scope) => {
    await scope.register((await import('@fastify/multipart')).default, { limits: { fileSize: ctx.config.uploadMaxBytes, files: 1 } });
    scope.post('/api/v3/media/upload/binary', {
      schema: { tags: ['uploads'], summary: 'Upload a file as multipart form data (field "file")', consumes: ['multipart/form-data'] },
    }, async (request) => {
      if (!request.isMultipart()) throw apiError('UPLOAD_FILE_MISSING');
      const file = await request.file();
      if (!file || file.fieldname !== 'file') throw apiError('UPLOAD_FILE_MISSING');
      const id = newId();
      const filename = file.filename || 'file';
      const key = `uploads/${id}/${safeFilename(filename)}`;
      let size: number;
      try {
        size = await ctx.storage.putStream(key, file.file, ctx.config.uploadMaxBytes);
      } catch (error) {
        if (error instanceof BlobTooLargeError) throw apiError('UPLOAD_TOO_LARGE', { limit: ctx.config.uploadMaxBytes, size: ctx.config.uploadMaxBytes + 1 });
        throw error;
      }
      if (file.file.truncated) {
        await ctx.storage.delete(key);
        throw apiError('UPLOAD_TOO_LARGE', { limit: ctx.config.uploadMaxBytes, size: ctx.config.uploadMaxBytes + 1 });
      }
      await checkUploadIsImage(ctx, key);
      await ctx.store.createUpload({ id, accountId: request.account.id, filename, size, contentType: file.mimetype, key });
      await ctx.store.completeUpload(id, size);
      return ok({ type: mediaType(file.mimetype), download_url: ctx.storage.url(key, baseUrlOf(ctx, request)), filename, size });
    });
  });
}

/** the signed PUT target: no API key (the signature is the credential) */
export async function uploadContentRoute(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    scope.put('/api/v3/media/uploads/:id/content', {
      schema: { hide: true },
      bodyLimit: ctx.config.uploadMaxBytes,
    }, async (request) => {
      const { id } = request.params as { id: string };
      const { expires, signature } = request.query as { expires?: string; signature?: string };
      if (!signature || !verifyPutSignature(ctx.signingKey, id, Number(expires), signature)) throw apiError('UPLOAD_SIGNATURE_INVALID');
      const upload = await ctx.store.upload(id);
      if (!upload) throw apiError('UPLOAD_SIGNATURE_INVALID');
      if (upload.complete) throw apiError('UPLOAD_ALREADY_USED');
      const declared = Number(request.headers['content-length']);
      if (Number.isFinite(declared) && declared !== upload.size) throw apiError('UPLOAD_SIZE_MISMATCH', { expected: upload.size, got: declared });
      const body = request.body as Readable | undefined;
      let size = 0;
      try {
        size = body ? await ctx.storage.putStream(upload.key, body, upload.size) : 0;
      } catch (error) {
        if (error instanceof BlobTooLargeError) throw apiError('UPLOAD_SIZE_MISMATCH', { expected: upload.size, got: upload.size + 1 });
        throw error;
      }
      if (size !== upload.size) {
        await ctx.storage.delete(upload.key);
        throw apiError('UPLOAD_SIZE_MISMATCH', { expected: upload.size, got: size });
      }
      await checkUploadIsImage(ctx, upload.key);
      if (!(await ctx.store.completeUpload(id, size))) throw apiError('UPLOAD_ALREADY_USED');
      return ok({ id, size });
    });
  });
}
