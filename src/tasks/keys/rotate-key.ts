/**
 * Rotates a key in one transaction: a new key (by its hash) for the same account and name, the old
 * one revoked.
 *
 * @example
 *   await rotateKey(db, oldHash, hashKey(newKey)) // → true (false when the old key does not exist)
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export async function rotateKey(db: Kysely<Database>, oldHash: string, newHash: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const old = await trx.selectFrom('api_keys').selectAll().where('key_hash', '=', oldHash).executeTakeFirst();
    if (!old) return false;
    await trx.insertInto('api_keys').values({ key_hash: newHash, account_id: old.account_id, name: old.name, created_at: Date.now() }).execute();
    await trx.deleteFrom('api_keys').where('key_hash', '=', oldHash).execute();
    return true;
  });
}
