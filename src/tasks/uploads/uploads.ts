/**
 * Upload tickets: created when the client asks for one, completed once (single use) when its bytes
 * have arrived — through our PUT route, or, with S3 storage, straight into the bucket.
 *
 * @example
 *   await createUpload(sdb, { id, accountId, filename, size, contentType, key });
 *   await completeUpload(sdb, id, size) // → true the first time only
 */
import { toUpload } from '../rows.js';
import type { StoreDb } from '../store-db.js';
import type { Upload } from '../types.js';

export async function createUpload({ db }: StoreDb, u: Omit<Upload, 'complete' | 'createdAt'>): Promise<Upload> {
  const now = Date.now();
  await db.insertInto('uploads').values({
    id: u.id, account_id: u.accountId, filename: u.filename, size: u.size, content_type: u.contentType, key: u.key, complete: 0, created_at: now,
  }).execute();
  return { ...u, complete: false, createdAt: new Date(now) };
}

export async function findUpload({ db }: StoreDb, id: string): Promise<Upload | undefined> {
  const row = await db.selectFrom('uploads').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toUpload(row);
}

export async function completeUpload({ db }: StoreDb, id: string, size: number): Promise<boolean> {
  const result = await db.updateTable('uploads').set({ complete: 1, size }).where('id', '=', id).where('complete', '=', 0).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
