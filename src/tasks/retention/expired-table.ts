/**
 * SCHEMA CHANGE (issue #12, retention) — one new table, for the integrator to turn into a numbered
 * migration: `expired_predictions`, a tombstone per prediction deleted by retention, so a request for
 * it answers "expired" (410) rather than "not found".
 *
 *   CREATE TABLE expired_predictions (id text PRIMARY KEY, account_id text NOT NULL, expired_at integer NOT NULL)
 */
import type { Kysely } from 'kysely';

export interface ExpiredPredictionsTable { id: string; account_id: string; expired_at: number }

export async function createExpiredTable(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('expired_predictions').ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('expired_at', 'integer', (c) => c.notNull())
    .execute();
}
