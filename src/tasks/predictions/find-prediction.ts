/**
 * Reads one prediction: by id (optionally only the account's own), or by the account's idempotency key.
 *
 * @example
 *   const p = await findPrediction(sdb, id, accountId);
 */
import { toPrediction } from '../rows.js';
import type { StoreDb } from '../store-db.js';
import type { Prediction } from '../types.js';

export async function findPrediction({ db }: StoreDb, id: string, accountId?: string): Promise<Prediction | undefined> {
  const row = await db.selectFrom('predictions').selectAll().where('id', '=', id)
    .$if(accountId !== undefined, (qb) => qb.where('account_id', '=', accountId!)).executeTakeFirst();
  return row && toPrediction(row);
}

export async function findByIdempotencyKey({ db }: StoreDb, accountId: string, key: string): Promise<Prediction | undefined> {
  const row = await db.selectFrom('predictions').selectAll()
    .where('account_id', '=', accountId).where('idempotency_key', '=', key).executeTakeFirst();
  return row && toPrediction(row);
}
