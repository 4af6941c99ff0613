/**
 * With a remote store the client PUTs an upload's bytes straight into the bucket (presigned URL),
 * so the API learns of it only when the upload is first used: then the object's size must be the
 * size the ticket declared, and the upload is marked complete. (The bucket accepts PUTs to a presigned
 * URL until it expires; the first use of the upload fixes what it is.)
 *
 * @example
 *   const upload = await finishDirectUpload(ctx, await ctx.store.upload(id));
 */
import type { ServiceContext } from './context.js';
import { apiError } from './errors.js';
import type { Upload } from '../tasks/types.js';

export async function finishDirectUpload(ctx: ServiceContext, upload: Upload | undefined): Promise<Upload | undefined> {
  if (!upload || upload.complete || !ctx.storage.size) return upload;
  const size = await ctx.storage.size(upload.key);
  if (size === undefined) return upload;
  if (size !== upload.size) {
    await ctx.storage.delete(upload.key);
    throw apiError('UPLOAD_SIZE_MISMATCH', { expected: upload.size, got: size });
  }
  await ctx.store.completeUpload(upload.id, size);
  return { ...upload, complete: true };
}
