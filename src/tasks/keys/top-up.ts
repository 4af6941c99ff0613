/**
 * Adds money to an account in one transaction, never past the balance ceiling.
 *
 * @example
 *   await topUp(db, accountId, 5_000_000, MAX_BALANCE_MICROS) // → { balanceMicros: 105_000_000 }
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export type TopUpOutcome = { balanceMicros: number } | { notFound: true } | { over: true; balanceMicros: number };

export async function topUp(db: Kysely<Database>, accountId: string, micros: number, maxMicros: number): Promise<TopUpOutcome> {
  return db.transaction().execute(async (trx): Promise<TopUpOutcome> => {
    const row = await trx.selectFrom('accounts').select('balance_micros').where('id', '=', accountId).executeTakeFirst();
    if (!row) return { notFound: true };
    const next = Number(row.balance_micros) + micros;
    if (next > maxMicros) return { over: true, balanceMicros: Number(row.balance_micros) };
    await trx.updateTable('accounts').set({ balance_micros: next }).where('id', '=', accountId).execute();
    return { balanceMicros: next };
  });
}
