/**
 * Every API key with its account (never the key itself: only its hash is stored; the first 12 hex
 * characters of the hash are the key's id for `moviola keys revoke | rotate | top-up`).
 *
 * @example
 *   await listKeys(db) // → [{ keyId: '3f9a…', keyName: 'alice', accountId: '…', accountName: 'alice', balanceMicros: 100000000, createdAt }]
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export interface KeyListing {
  keyId: string;
  keyHash: string;
  keyName: string;
  accountId: string;
  accountName: string;
  balanceMicros: number;
  createdAt: Date;
}

export const KEY_ID_LENGTH = 12;

export async function listKeys(db: Kysely<Database>): Promise<KeyListing[]> {
  const rows = await db.selectFrom('api_keys').innerJoin('accounts', 'accounts.id', 'api_keys.account_id')
    .select(['api_keys.key_hash', 'api_keys.name as key_name', 'api_keys.created_at', 'accounts.id as account_id', 'accounts.name as account_name', 'accounts.balance_micros'])
    .orderBy('api_keys.created_at').orderBy('api_keys.key_hash').execute();
  return rows.map((r) => ({
    keyId: r.key_hash.slice(0, KEY_ID_LENGTH), keyHash: r.key_hash, keyName: r.key_name, accountId: r.account_id,
    accountName: r.account_name, balanceMicros: Number(r.balance_micros), createdAt: new Date(Number(r.created_at)),
  }));
}
