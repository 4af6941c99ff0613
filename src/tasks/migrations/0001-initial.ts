/**
 * Migration 0001: the tables of the first release (accounts, keys, predictions = the queue, uploads,
 * the webhook outbox). `ifNotExists` throughout, because data directories made before migrations
 * existed already hold exactly these tables: for them this step is a no-op and the later ones apply.
 * Times and money are `bigint` (epoch ms and micro-dollars outgrow PostgreSQL's 32-bit integer; in
 * SQLite it is the same INTEGER as before).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('accounts').ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('balance_micros', 'bigint', (c) => c.notNull())
    .addColumn('webhook_secret', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createTable('api_keys').ifNotExists()
    .addColumn('key_hash', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createTable('predictions').ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('input', 'text', (c) => c.notNull())
    .addColumn('image_key', 'text', (c) => c.notNull())
    .addColumn('resolution', 'text', (c) => c.notNull())
    .addColumn('progress', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('error', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('output_keys', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('poster_key', 'text')
    .addColumn('plan', 'text')
    .addColumn('has_nsfw', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('inference_ms', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('charge_micros', 'bigint', (c) => c.notNull())
    .addColumn('charge_state', 'text', (c) => c.notNull())
    .addColumn('webhook_url', 'text')
    .addColumn('idempotency_key', 'text')
    .addColumn('input_hash', 'text', (c) => c.notNull())
    .addColumn('base_url', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lease_owner', 'text')
    .addColumn('lease_expires_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('started_at', 'bigint')
    .addColumn('finished_at', 'bigint')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('predictions_queue').ifNotExists().on('predictions').columns(['status', 'created_at']).execute();
  await db.schema.createIndex('predictions_account').ifNotExists().on('predictions').columns(['account_id', 'created_at']).execute();
  await sql`CREATE UNIQUE INDEX IF NOT EXISTS predictions_idempotency ON predictions (account_id, idempotency_key) WHERE idempotency_key IS NOT NULL`.execute(db);
  await db.schema.createTable('uploads').ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('complete', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createTable('webhook_deliveries').ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('prediction_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('webhook_due').ifNotExists().on('webhook_deliveries').columns(['state', 'next_attempt_at']).execute();
}
