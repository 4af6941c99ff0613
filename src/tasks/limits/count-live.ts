/**
 * How many predictions are live (waiting or rendering), for one account or for everyone: the
 * backpressure limits (MOVIOLA_MAX_QUEUED_PER_ACCOUNT, MOVIOLA_MAX_QUEUED) read it at submit.
 * Portable SQL (SQLite and PostgreSQL); uses the predictions_queue / predictions_account indexes.
 *
 * @example
 *   await countLive(db, accountId) // → 3
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export async function countLive(db: Kysely<Database>, accountId?: string): Promise<number> {
  let query = db.selectFrom('predictions').select((eb) => eb.fn.countAll<number>().as('n')).where('status', 'in', ['created', 'processing']);
  if (accountId !== undefined) query = query.where('account_id', '=', accountId);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}
