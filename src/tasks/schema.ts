/**
 * The task store's tables as Kysely types, shared by SQLite and PostgreSQL. The tables themselves
 * are made by the numbered migrations in ./migrations. Times are epoch milliseconds.
 */

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

export interface SettingsTable { name: string; value: string }
/** a prediction deleted by retention: its id still answers "expired" */
export interface ExpiredPredictionsTable { id: string; account_id: string; expired_at: number }

export interface Database {
  accounts: AccountsTable;
  api_keys: ApiKeysTable;
  predictions: PredictionsTable;
  uploads: UploadsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  settings: SettingsTable;
  expired_predictions: ExpiredPredictionsTable;
}
