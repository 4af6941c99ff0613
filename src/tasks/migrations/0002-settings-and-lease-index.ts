/**
 * Migration 0002: shared settings (the upload-URL signing key lives here, so every API process
 * signs and verifies the same URLs — before, it was a file in one process's data dir) and an index
 * for finding expired leases and each worker's tasks.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('settings')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('predictions_lease').on('predictions').columns(['status', 'lease_expires_at']).execute();
}
