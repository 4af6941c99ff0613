/**
 * Revokes a key: its row goes, so the next request with it is a 401 (authentication reads the store
 * on every request). The account and its balance stay.
 *
 * @example
 *   await revokeKey(db, keyHash) // → true (false when no such key)
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export async function revokeKey(db: Kysely<Database>, keyHash: string): Promise<boolean> {
  const result = await db.deleteFrom('api_keys').where('key_hash', '=', keyHash).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
