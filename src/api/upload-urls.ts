/**
 * Upload URLs: the signed, expiring PUT URL an upload ticket hands out, and recognising our own
 * download URLs when they come back as a prediction's `image`.
 *
 * @example
 *   const url = signedPutUrl(key, base, uploadId, Date.now() + 3600_000);
 *   verifyPutSignature(key, uploadId, expires, signature) // → true
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

function sign(key: Buffer, uploadId: string, expires: number): string {
  return createHmac('sha256', key).update(`${uploadId}.${expires}`).digest('base64url');
}

export function signedPutUrl(key: Buffer, baseUrl: string, uploadId: string, expires: number): string {
  return `${baseUrl}/api/v3/media/uploads/${uploadId}/content?expires=${expires}&signature=${sign(key, uploadId, expires)}`;
}

export function verifyPutSignature(key: Buffer, uploadId: string, expires: number, signature: string): boolean {
  if (!Number.isFinite(expires) || expires < Date.now()) return false;
  const expected = Buffer.from(sign(key, uploadId, expires));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** the upload id in one of our download URLs (`…/files/uploads/<id>/<name>`), else undefined */
export function parseUploadUrl(url: string): string | undefined {
  try {
    return /^\/files\/uploads\/([0-9a-f]{32})\//.exec(new URL(url).pathname)?.[1];
  } catch {
    return undefined;
  }
}

/** a safe file name for storage keys and URLs */
export function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^\.+/, '').slice(-100);
  return cleaned || 'file';
}
