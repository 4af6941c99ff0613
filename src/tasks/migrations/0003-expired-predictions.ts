/**
 * Migration 0003: tombstones for predictions deleted by retention (MOVIOLA_RETENTION_DAYS), so a
 * request for one answers "expired" (410) rather than "not found".
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('expired_predictions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('expired_at', 'bigint', (c) => c.notNull())
    .execute();
}
