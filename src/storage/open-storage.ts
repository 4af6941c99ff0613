/**
 * Blob storage from MOVIOLA_STORAGE_URL: an S3 bucket for `s3://…`, else files in the data dir.
 * Scratch space (renders in progress) is always the local data dir's tmp/.
 *
 * @example
 *   const storage = await openStorage(process.env.MOVIOLA_STORAGE_URL, './data');
 */
import { join } from 'node:path';
import { LocalStorage } from './local-storage.js';
import type { BlobStorage } from './types.js';

export async function openStorage(storageUrl: string | undefined, dataDir: string): Promise<BlobStorage> {
  if (!storageUrl) return new LocalStorage(dataDir);
  const { parseS3Url } = await import('./s3-url.js');
  const location = parseS3Url(storageUrl);
  const { S3Storage } = await import('./s3-storage.js');
  return new S3Storage(location, join(dataDir, 'tmp'));
}
