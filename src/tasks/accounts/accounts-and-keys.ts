/**
 * Accounts (a balance in micro-dollars and a webhook signing secret) and their API keys (stored as
 * SHA-256 hashes; see ../api-keys.ts).
 *
 * @example
 *   const account = await createAccount(sdb, 'alice', 100_000_000);
 *   await addKey(sdb, account.id, 'alice', hashKey(key));
 */
import { newId } from '../ids.js';
import { toAccount } from '../rows.js';
import type { StoreDb } from '../store-db.js';
import type { Account } from '../types.js';
import { webhookSecret } from '../webhook-secret.js';

export async function createAccount({ db }: StoreDb, name: string, balanceMicros: number): Promise<Account> {
  const row = { id: newId(), name, balance_micros: Math.round(balanceMicros), webhook_secret: webhookSecret(), created_at: Date.now() };
  await db.insertInto('accounts').values(row).execute();
  return toAccount(row);
}

/**
 * An account with a given key in one transaction, unless the key exists already (then its account):
 * API processes that start together with the same MOVIOLA_API_KEY make one account, not two.
 */
export async function ensureAccountWithKey({ db }: StoreDb, name: string, balanceMicros: number, keyHash: string): Promise<{ account: Account; created: boolean }> {
  return db.transaction().execute(async (trx) => {
    const id = newId();
    const now = Date.now();
    const inserted = await trx.insertInto('api_keys').values({ key_hash: keyHash, account_id: id, name, created_at: now })
      .onConflict((oc) => oc.column('key_hash').doNothing()).returning('key_hash').executeTakeFirst();
    if (!inserted) {
      const existing = await trx.selectFrom('api_keys').innerJoin('accounts', 'accounts.id', 'api_keys.account_id')
        .selectAll('accounts').where('api_keys.key_hash', '=', keyHash).executeTakeFirstOrThrow();
      return { account: toAccount(existing), created: false };
    }
    const row = { id, name, balance_micros: Math.round(balanceMicros), webhook_secret: webhookSecret(), created_at: now };
    await trx.insertInto('accounts').values(row).execute();
    return { account: toAccount(row), created: true };
  });
}

export async function addKey({ db }: StoreDb, accountId: string, name: string, keyHash: string): Promise<void> {
  await db.insertInto('api_keys').values({ key_hash: keyHash, account_id: accountId, name, created_at: Date.now() }).execute();
}

export async function accountByKeyHash({ db }: StoreDb, keyHash: string): Promise<Account | undefined> {
  const row = await db.selectFrom('api_keys').innerJoin('accounts', 'accounts.id', 'api_keys.account_id')
    .selectAll('accounts').where('api_keys.key_hash', '=', keyHash).executeTakeFirst();
  return row && toAccount(row);
}

export async function findAccount({ db }: StoreDb, id: string): Promise<Account | undefined> {
  const row = await db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toAccount(row);
}

export async function countKeys({ db }: StoreDb): Promise<number> {
  const row = await db.selectFrom('api_keys').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
