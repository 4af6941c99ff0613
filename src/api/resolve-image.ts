/**
 * Turns a submit's `image` field into validated image bytes: one of our upload URLs (read from
 * storage, owner checked), an http(s) URL (downloaded with a timeout and size limit), a data URI or
 * raw base64. Local paths are never read. The bytes are analysed here (on a worker thread), so a
 * corrupt, tiny or oddly shaped image is a 400 at submit rather than a failed task.
 *
 * @example
 *   const { bytes, format } = await resolveImage(ctx, account, 'data:image/png;base64,iVBOR…', baseUrl);
 */
import { finishDirectUpload } from './direct-upload.js';
import { createHash } from 'node:crypto';
import { loadImageSource, MAX_IMAGE_BYTES } from '../engine/analyze/load-source.js';
import { sniffFormat } from '../engine/analyze/decode.js';
import { inputError } from '../engine/errors.js';
import { renameImageError } from '../engine/analyze/end-image.js';
import type { Scene } from '../engine/scene.js';
import type { Account } from '../tasks/types.js';
import type { ServiceContext } from './context.js';
import { apiError } from './errors.js';
import { analyzeOnce } from './image-gate.js';
import { parseUploadUrl } from './upload-urls.js';
import { guardedFetch } from './outbound/guarded-fetch.js';

export interface ResolvedImage {
  bytes: Buffer;
  format: 'jpeg' | 'png' | 'webp';
  hash: string;
  scene: Scene;
}

const IMAGE_RULE = 'must be an http(s) URL, a data URI or base64 of a JPEG, PNG or WebP image';

async function imageBytes(ctx: ServiceContext, account: Account, image: string, field: string): Promise<Buffer> {
  const text = image.trim();
  if (/^https?:\/\//i.test(text)) {
    const uploadId = parseUploadUrl(text);
    if (uploadId) {
      // ours: read it from storage (only the owner may use it); an unknown id is someone else's server
      const upload = await finishDirectUpload(ctx, await ctx.store.upload(uploadId));
      if (upload && (upload.accountId !== account.id || !upload.complete)) {
        throw apiError('FIELD_INVALID', { field, rule: 'must be a finished upload of this account', value: text });
      }
      if (upload) {
        if (upload.size > MAX_IMAGE_BYTES) throw inputError('IMAGE_TOO_LARGE_BYTES', { bytes: upload.size });
        return ctx.storage.get(upload.key);
      }
    }
    // every hop through the outbound guard: no loopback/private addresses, one opaque failure message
    return loadImageSource(text, { timeoutMs: ctx.config.imageTimeoutMs, maxBytes: MAX_IMAGE_BYTES, fetch: guardedFetch(ctx.config.outboundPolicy), opaqueErrors: true });
  }
  if (/^data:/i.test(text)) return loadImageSource(text, { maxBytes: MAX_IMAGE_BYTES });
  const compact = text.replace(/\s+/g, '');
  if (compact.length >= 16 && /^[A-Za-z0-9+/_-]+={0,2}$/.test(compact)) {
    // base64 of 10 MB is ~13.3 M characters
    if ((compact.length * 3) / 4 > MAX_IMAGE_BYTES) throw inputError('IMAGE_TOO_LARGE_BYTES', { bytes: Math.round((compact.length * 3) / 4) });
    return Buffer.from(compact, 'base64');
  }
  throw apiError('FIELD_INVALID', { field, rule: IMAGE_RULE, value: text });
}

/** `field`: the request field the image came in (image, last_image); its refusals name it */
export async function resolveImage(ctx: ServiceContext, account: Account, image: string, field = 'image'): Promise<ResolvedImage> {
  try {
    return await resolveImageAs(ctx, account, image, field);
  } catch (error) {
    throw renameImageError(error, field);
  }
}

async function resolveImageAs(ctx: ServiceContext, account: Account, image: string, field: string): Promise<ResolvedImage> {
  const bytes = await imageBytes(ctx, account, image, field);
  if (bytes.length === 0) throw inputError('IMAGE_EMPTY');
  const format = sniffFormat(bytes);
  if (!format) throw inputError('IMAGE_NOT_AN_IMAGE');
  const hash = createHash('sha256').update(bytes).digest('hex');
  const scene = await analyzeOnce(hash, bytes, ctx.config.maxPendingImages, ctx.config.sceneCacheDir, () => ctx.metrics.analysed());
  return { bytes, format: format as ResolvedImage['format'], hash, scene };
}
