/**
 * The embedded task store: one SQLite file (Kysely + better-sqlite3). It holds accounts, keys,
 * predictions (which are also the queue, with leases), uploads and the webhook outbox. Every state
 * change and its money movement happen in one transaction, so a crash never loses or doubles a charge.
 *
 * @example
 *   const store = new SqliteStore({ file: 'data/moviola.db', notify: (id) => bus.emit(id) });
 *   await store.migrate();
 */
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, type Transaction, type Selectable } from 'kysely';
import { createTables, type Database as Db, type PredictionsTable } from './schema.js';
import { newId } from './ids.js';
import { webhookSecret } from './webhook-secret.js';
import { countLive } from './limits/count-live.js';
import { listKeys } from './keys/list-keys.js';
import { revokeKey } from './keys/revoke-key.js';
import { rotateKey } from './keys/rotate-key.js';
import { topUp } from './keys/top-up.js';
import { createExpiredTable } from './retention/expired-table.js';
import { expiredAt, expiringPredictions, tombstonePredictions, type ExpiringPrediction } from './retention/expire-predictions.js';
import { deleteUploads, expiringUploads } from './retention/expire-uploads.js';
import { listDeliveries } from './webhooks/list-deliveries.js';
import { queueDelivery } from './webhooks/queue-delivery.js';
import type {
  Account, Completion, HistoryQuery, NewPrediction, Prediction, PredictionStatus, SubmitOutcome, TaskStore, Upload, WebhookDelivery,
} from './types.js';

/** a task whose worker died this many times is failed instead of retried forever */
export const MAX_ATTEMPTS = 3;

type Row = Selectable<PredictionsTable>;

function toPrediction(r: Row): Prediction {
  return {
    id: r.id,
    accountId: r.account_id,
    model: r.model,
    status: r.status as PredictionStatus,
    input: JSON.parse(r.input),
    imageKey: r.image_key,
    resolution: r.resolution as Prediction['resolution'],
    progress: r.progress,
    error: r.error,
    outputKeys: JSON.parse(r.output_keys),
    posterKey: r.poster_key,
    plan: r.plan ? JSON.parse(r.plan) : null,
    hasNsfw: JSON.parse(r.has_nsfw),
    inferenceMs: r.inference_ms,
    chargeMicros: r.charge_micros,
    chargeState: r.charge_state as Prediction['chargeState'],
    webhookUrl: r.webhook_url,
    idempotencyKey: r.idempotency_key,
    inputHash: r.input_hash,
    baseUrl: r.base_url,
    attempts: r.attempts,
    createdAt: new Date(r.created_at),
    startedAt: r.started_at === null ? null : new Date(r.started_at),
    finishedAt: r.finished_at === null ? null : new Date(r.finished_at),
  };
}

function toAccount(r: { id: string; name: string; balance_micros: number; webhook_secret: string; created_at: number }): Account {
  return { id: r.id, name: r.name, balanceMicros: r.balance_micros, webhookSecret: r.webhook_secret, createdAt: new Date(r.created_at) };
}

export interface SqliteStoreOptions {
  /** the database file (":memory:" for a throwaway store) */
  file: string;
  /** called with a prediction id after every committed change (SSE, sync mode, worker wake-up) */
  notify?: (id: string, status: PredictionStatus) => void;
}

export class SqliteStore implements TaskStore {
  readonly db: Kysely<Db>;
  private readonly database: Database.Database;
  private byId?: Database.Statement<[string]>;
  private byIdAndAccount?: Database.Statement<[string, string]>;
  private readonly notify: (id: string, status: PredictionStatus) => void;

  constructor(options: SqliteStoreOptions) {
    const database = new Database(options.file);
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('busy_timeout = 5000');
    this.database = database;
    this.db = new Kysely<Db>({ dialect: new SqliteDialect({ database }) });
    this.notify = options.notify ?? (() => {});
  }

  async migrate(): Promise<void> {
    await createTables(this.db);
    // issue #12's new table (see retention/expired-table.ts)
    await createExpiredTable(this.db);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  // ── accounts and keys ────────────────────────────────────────────────────────────────────────

  async createAccount(name: string, balanceMicros: number): Promise<Account> {
    const row = { id: newId(), name, balance_micros: Math.round(balanceMicros), webhook_secret: webhookSecret(), created_at: Date.now() };
    await this.db.insertInto('accounts').values(row).execute();
    return toAccount(row);
  }

  async addKey(accountId: string, name: string, keyHash: string): Promise<void> {
    await this.db.insertInto('api_keys').values({ key_hash: keyHash, account_id: accountId, name, created_at: Date.now() }).execute();
  }

  async accountByKeyHash(keyHash: string): Promise<Account | undefined> {
    const row = await this.db.selectFrom('api_keys').innerJoin('accounts', 'accounts.id', 'api_keys.account_id')
      .selectAll('accounts').where('api_keys.key_hash', '=', keyHash).executeTakeFirst();
    return row && toAccount(row);
  }

  async account(id: string): Promise<Account | undefined> {
    const row = await this.db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toAccount(row);
  }

  async countKeys(): Promise<number> {
    const row = await this.db.selectFrom('api_keys').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  listKeys() {
    return listKeys(this.db);
  }

  revokeKey(keyHash: string) {
    return revokeKey(this.db, keyHash);
  }

  rotateKey(oldHash: string, newHash: string) {
    return rotateKey(this.db, oldHash, newHash);
  }

  topUp(accountId: string, micros: number, maxMicros: number) {
    return topUp(this.db, accountId, micros, maxMicros);
  }

  // ── predictions ──────────────────────────────────────────────────────────────────────────────

  async submit(p: NewPrediction): Promise<SubmitOutcome> {
    const outcome = await this.db.transaction().execute(async (trx): Promise<SubmitOutcome> => {
      if (p.idempotencyKey) {
        const twin = await trx.selectFrom('predictions').selectAll()
          .where('account_id', '=', p.accountId).where('idempotency_key', '=', p.idempotencyKey).executeTakeFirst();
        if (twin) return { kind: 'existing', prediction: toPrediction(twin) };
      }
      const account = await trx.selectFrom('accounts').select('balance_micros').where('id', '=', p.accountId).executeTakeFirstOrThrow();
      if (account.balance_micros < p.chargeMicros) return { kind: 'insufficient', balanceMicros: account.balance_micros };
      await trx.updateTable('accounts').set((eb) => ({ balance_micros: eb('balance_micros', '-', p.chargeMicros) }))
        .where('id', '=', p.accountId).execute();
      const now = Date.now();
      const row: Row = {
        id: p.id, account_id: p.accountId, model: p.model, status: 'created', input: JSON.stringify(p.input),
        image_key: p.imageKey, resolution: p.resolution, progress: 0, error: '', output_keys: '[]', poster_key: null,
        plan: null, has_nsfw: '[]', inference_ms: 0, charge_micros: p.chargeMicros, charge_state: 'reserved',
        webhook_url: p.webhookUrl, idempotency_key: p.idempotencyKey, input_hash: p.inputHash, base_url: p.baseUrl,
        attempts: 0, lease_owner: null, lease_expires_at: null, created_at: now, started_at: null, finished_at: null, updated_at: now,
      };
      await trx.insertInto('predictions').values(row).execute();
      return { kind: 'created', prediction: toPrediction(row) };
    });
    if (outcome.kind === 'created') this.notify(outcome.prediction.id, 'created');
    return outcome;
  }

  async get(id: string, accountId?: string): Promise<Prediction | undefined> {
    // the hottest read (result polling): a prepared statement instead of a query built per call
    this.byId ??= this.database.prepare('SELECT * FROM predictions WHERE id = ?');
    this.byIdAndAccount ??= this.database.prepare('SELECT * FROM predictions WHERE id = ? AND account_id = ?');
    const row = (accountId === undefined ? this.byId.get(id) : this.byIdAndAccount.get(id, accountId)) as Row | undefined;
    return row && toPrediction(row);
  }

  async byIdempotencyKey(accountId: string, key: string): Promise<Prediction | undefined> {
    const row = await this.db.selectFrom('predictions').selectAll()
      .where('account_id', '=', accountId).where('idempotency_key', '=', key).executeTakeFirst();
    return row && toPrediction(row);
  }

  async history(q: HistoryQuery): Promise<{ items: Prediction[]; total: number }> {
    let base = this.db.selectFrom('predictions').where('account_id', '=', q.accountId);
    if (q.createdAfter) base = base.where('created_at', '>=', q.createdAfter.getTime());
    if (q.createdBefore) base = base.where('created_at', '<=', q.createdBefore.getTime());
    const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await base.selectAll().orderBy('created_at', 'desc').orderBy('id')
      .limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
    return { items: rows.map(toPrediction), total: Number(total.n) };
  }

  async delete(accountId: string, ids: string[]): Promise<Prediction[]> {
    if (ids.length === 0) return [];
    const deleted = await this.db.transaction().execute(async (trx) => {
      const rows = await trx.selectFrom('predictions').selectAll().where('account_id', '=', accountId).where('id', 'in', ids).execute();
      for (const row of rows) {
        if (row.status === 'created' || row.status === 'processing') await this.finishTx(trx, row, 'cancelled', {}, false);
      }
      if (rows.length) {
        await trx.deleteFrom('predictions').where('id', 'in', rows.map((r) => r.id)).execute();
        await trx.deleteFrom('webhook_deliveries').where('prediction_id', 'in', rows.map((r) => r.id)).execute();
      }
      return rows.map(toPrediction);
    });
    for (const p of deleted) this.notify(p.id, 'cancelled');
    return deleted;
  }

  async cancel(id: string, accountId: string): Promise<{ prediction: Prediction; cancelled: boolean } | undefined> {
    const result = await this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('predictions').selectAll().where('id', '=', id).where('account_id', '=', accountId).executeTakeFirst();
      if (!row) return undefined;
      if (row.status !== 'created' && row.status !== 'processing') return { prediction: toPrediction(row), cancelled: false };
      await this.finishTx(trx, row, 'cancelled', { error: 'cancelled by the user' }, true);
      const after = await trx.selectFrom('predictions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      return { prediction: toPrediction(after), cancelled: true };
    });
    if (result?.cancelled) this.notify(id, 'cancelled');
    return result;
  }

  /**
   * Moves a live prediction to a terminal state inside `trx`: settles or refunds its charge and
   * queues its webhook (the outbox), all in the same transaction.
   */
  private async finishTx(
    trx: Transaction<Db>, row: Row, status: 'completed' | 'failed' | 'cancelled',
    fields: Partial<PredictionsTable>, webhook: boolean,
  ): Promise<void> {
    const now = Date.now();
    const refund = status !== 'completed' && row.charge_state === 'reserved';
    await trx.updateTable('predictions').set({
      ...fields, status, finished_at: now, updated_at: now, lease_owner: null, lease_expires_at: null,
      charge_state: status === 'completed' ? 'settled' : refund ? 'refunded' : row.charge_state,
      progress: status === 'completed' ? 100 : row.progress,
    }).where('id', '=', row.id).execute();
    if (refund) {
      await trx.updateTable('accounts').set((eb) => ({ balance_micros: eb('balance_micros', '+', row.charge_micros) }))
        .where('id', '=', row.account_id).execute();
    }
    if (webhook && row.webhook_url) {
      await trx.insertInto('webhook_deliveries').values({
        id: `msg_${newId()}`, prediction_id: row.id, account_id: row.account_id, url: row.webhook_url, attempts: 0,
        next_attempt_at: now, state: 'pending', last_error: '', created_at: now,
      }).execute();
    }
  }

  // ── the queue ────────────────────────────────────────────────────────────────────────────────

  async lease(owner: string, leaseMs: number): Promise<Prediction | undefined> {
    const failed: string[] = [];
    const leased = await this.db.transaction().execute(async (trx) => {
      for (;;) {
        const now = Date.now();
        const row = await trx.selectFrom('predictions').selectAll()
          .where((eb) => eb.or([
            eb('status', '=', 'created'),
            eb.and([eb('status', '=', 'processing'), eb('lease_expires_at', '<', now)]),
          ]))
          .orderBy('created_at').orderBy('id').limit(1).executeTakeFirst();
        if (!row) return undefined;
        if (row.attempts >= MAX_ATTEMPTS) {
          await this.finishTx(trx, row, 'failed', { error: `the worker stopped ${row.attempts} times while rendering this prediction` }, true);
          failed.push(row.id);
          continue;
        }
        await trx.updateTable('predictions').set({
          status: 'processing', lease_owner: owner, lease_expires_at: now + leaseMs, attempts: row.attempts + 1,
          started_at: row.started_at ?? now, updated_at: now,
        }).where('id', '=', row.id).execute();
        const after = await trx.selectFrom('predictions').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
        return toPrediction(after);
      }
    });
    for (const id of failed) this.notify(id, 'failed');
    if (leased) this.notify(leased.id, 'processing');
    return leased;
  }

  async renew(id: string, owner: string, leaseMs: number, progress: number): Promise<boolean> {
    const now = Date.now();
    const result = await this.db.updateTable('predictions')
      .set({ lease_expires_at: now + leaseMs, progress: Math.max(0, Math.min(99, progress)), updated_at: now })
      .where('id', '=', id).where('lease_owner', '=', owner).where('status', '=', 'processing').executeTakeFirst();
    const ok = Number(result.numUpdatedRows) === 1;
    if (ok) this.notify(id, 'processing');
    return ok;
  }

  private async settle(id: string, owner: string, status: 'completed' | 'failed', fields: Partial<PredictionsTable>): Promise<boolean> {
    const ok = await this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('predictions').selectAll()
        .where('id', '=', id).where('lease_owner', '=', owner).where('status', '=', 'processing').executeTakeFirst();
      if (!row) return false;
      await this.finishTx(trx, row, status, fields, true);
      return true;
    });
    if (ok) this.notify(id, status);
    return ok;
  }

  complete(id: string, owner: string, r: Completion): Promise<boolean> {
    return this.settle(id, owner, 'completed', {
      output_keys: JSON.stringify(r.outputKeys), poster_key: r.posterKey, plan: JSON.stringify(r.plan),
      has_nsfw: JSON.stringify(r.hasNsfw), inference_ms: Math.round(r.inferenceMs), error: '',
    });
  }

  fail(id: string, owner: string, error: string): Promise<boolean> {
    return this.settle(id, owner, 'failed', { error });
  }

  async release(id: string, owner: string): Promise<void> {
    await this.db.updateTable('predictions')
      .set((eb) => ({ status: 'created', lease_owner: null, lease_expires_at: null, attempts: eb('attempts', '-', 1), updated_at: Date.now() }))
      .where('id', '=', id).where('lease_owner', '=', owner).where('status', '=', 'processing').execute();
  }

  async releaseAllLeases(): Promise<number> {
    const result = await this.db.updateTable('predictions').set({ lease_expires_at: 0 })
      .where('status', '=', 'processing').executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async queueDepth(): Promise<{ created: number; processing: number }> {
    const counts = await this.countByStatus();
    return { created: counts.created ?? 0, processing: counts.processing ?? 0 };
  }

  async countByStatus(): Promise<Record<string, number>> {
    const rows = await this.db.selectFrom('predictions').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  }

  countLive(accountId?: string): Promise<number> {
    return countLive(this.db, accountId);
  }

  // ── uploads ──────────────────────────────────────────────────────────────────────────────────

  async createUpload(u: Omit<Upload, 'complete' | 'createdAt'>): Promise<Upload> {
    const now = Date.now();
    await this.db.insertInto('uploads').values({
      id: u.id, account_id: u.accountId, filename: u.filename, size: u.size, content_type: u.contentType, key: u.key, complete: 0, created_at: now,
    }).execute();
    return { ...u, complete: false, createdAt: new Date(now) };
  }

  async upload(id: string): Promise<Upload | undefined> {
    const r = await this.db.selectFrom('uploads').selectAll().where('id', '=', id).executeTakeFirst();
    return r && {
      id: r.id, accountId: r.account_id, filename: r.filename, size: r.size, contentType: r.content_type, key: r.key,
      complete: r.complete === 1, createdAt: new Date(r.created_at),
    };
  }

  async completeUpload(id: string, size: number): Promise<boolean> {
    const result = await this.db.updateTable('uploads').set({ complete: 1, size }).where('id', '=', id).where('complete', '=', 0).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  // ── retention ────────────────────────────────────────────────────────────────────────────────

  expiringPredictions(createdBefore: number, limit: number) {
    return expiringPredictions(this.db, createdBefore, limit);
  }

  tombstonePredictions(predictions: ExpiringPrediction[], now: number) {
    return tombstonePredictions(this.db, predictions, now);
  }

  expiredAt(id: string, accountId: string) {
    return expiredAt(this.db, id, accountId);
  }

  expiringUploads(q: { completeBefore: number; ticketBefore: number; limit: number }) {
    return expiringUploads(this.db, q);
  }

  deleteUploads(ids: string[]) {
    return deleteUploads(this.db, ids);
  }

  // ── webhooks ─────────────────────────────────────────────────────────────────────────────────

  listDeliveries(predictionId: string) {
    return listDeliveries(this.db, predictionId);
  }

  queueDelivery(d: { id: string; predictionId: string; accountId: string; url: string; now: number }) {
    return queueDelivery(this.db, d);
  }

  async dueDeliveries(now: Date, limit: number): Promise<WebhookDelivery[]> {
    const rows = await this.db.selectFrom('webhook_deliveries').selectAll()
      .where('state', '=', 'pending').where('next_attempt_at', '<=', now.getTime()).orderBy('next_attempt_at').limit(limit).execute();
    return rows.map((r) => ({
      id: r.id, predictionId: r.prediction_id, accountId: r.account_id, url: r.url, attempts: r.attempts, nextAttemptAt: new Date(r.next_attempt_at),
    }));
  }

  async deliveryDone(id: string): Promise<void> {
    await this.db.updateTable('webhook_deliveries').set((eb) => ({ state: 'done', attempts: eb('attempts', '+', 1) })).where('id', '=', id).execute();
  }

  async deliveryRetry(id: string, nextAttemptAt: Date | null, error: string): Promise<void> {
    await this.db.updateTable('webhook_deliveries').set((eb) => ({
      state: nextAttemptAt ? 'pending' : 'dead',
      next_attempt_at: nextAttemptAt ? nextAttemptAt.getTime() : Date.now(),
      attempts: eb('attempts', '+', 1),
      last_error: error.slice(0, 500),
    })).where('id', '=', id).execute();
  }
}
