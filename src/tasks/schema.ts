/** The task store's tables (Kysely types) and their creation, shared by the SQLite store (and next PostgreSQL). */
import { sql, type Kysely } from 'kysely';

export interface AccountsTable { id: string; name: string; balance_micros: number; webhook_secret: string; created_at: number }
export interface ApiKeysTable { key_hash: string; account_id: string; name: string; created_at: number }
export interface PredictionsTable {
  id: string; account_id: string; model: string; status: string; input: string; image_key: string; resolution: string;
  progress: number; error: string; output_keys: string; poster_key: string | null; plan: string | null; has_nsfw: string;
  inference_ms: number; charge_micros: number; charge_state: string; webhook_url: string | null; idempotency_key: string | null;
  input_hash: string; base_url: string; attempts: number; lease_owner: string | null; lease_expires_at: number | null;
  created_at: number; started_at: number | null; finished_at: number | null; updated_at: number;
}
export interface UploadsTable { id: string; account_id: string; filename: string; size: number; content_type: string; key: string; complete: number; created_at: number }
export interface WebhookDeliveriesTable {
  id: string; prediction_id: string; account_id: string; url: string; attempts: number; next_attempt_at: number;
  state: string; last_error: string; created_at: number;
}

export interface Database {
  accounts: AccountsTable;
  api_keys: ApiKeysTable;
  predictions: PredictionsTable;
  uploads: UploadsTable;
  webhook_deliveries: WebhookDeliveriesTable;
}

/** Creates the tables if they are missing (idempotent). */
export async function createTables(db: Kysely<Database>): Promise<void> {
  await db.schema.createTable('accounts').ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('balance_micros', 'integer', (c) => c.notNull())
    .addColumn('webhook_secret', 'text', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createTable('api_keys').ifNotExists()
    .addColumn('key_hash', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createTable('predictions').ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('input', 'text', (c) => c.notNull())
    .addColumn('image_key', 'text', (c) => c.notNull())
    .addColumn('resolution', 'text', (c) => c.notNull())
    .addColumn('progress', 'real', (c) => c.notNull().defaultTo(0))
    .addColumn('error', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('output_keys', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('poster_key', 'text')
    .addColumn('plan', 'text')
    .addColumn('has_nsfw', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('inference_ms', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('charge_micros', 'integer', (c) => c.notNull())
    .addColumn('charge_state', 'text', (c) => c.notNull())
    .addColumn('webhook_url', 'text')
    .addColumn('idempotency_key', 'text')
    .addColumn('input_hash', 'text', (c) => c.notNull())
    .addColumn('base_url', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lease_owner', 'text')
    .addColumn('lease_expires_at', 'integer')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('started_at', 'integer')
    .addColumn('finished_at', 'integer')
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('predictions_queue').ifNotExists().on('predictions').columns(['status', 'created_at']).execute();
  await db.schema.createIndex('predictions_account').ifNotExists().on('predictions').columns(['account_id', 'created_at']).execute();
  await sql`CREATE UNIQUE INDEX IF NOT EXISTS predictions_idempotency ON predictions (account_id, idempotency_key) WHERE idempotency_key IS NOT NULL`.execute(db);
  await db.schema.createTable('uploads').ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('complete', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createTable('webhook_deliveries').ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('prediction_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('webhook_due').ifNotExists().on('webhook_deliveries').columns(['state', 'next_attempt_at']).execute();
}
