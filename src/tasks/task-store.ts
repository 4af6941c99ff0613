/**
 * The task store: one implementation of `TaskStore` over Kysely, for SQLite (embedded) and
 * PostgreSQL (distributed) alike. Each method is one query operation from the folders beside it
 * (queue/, predictions/, accounts/, uploads/, outbox/); this class only calls them and announces
 * every committed change through `notify` (in-process events embedded, NOTIFY on PostgreSQL).
 *
 * @example
 *   const store = new KyselyTaskStore({ db, dialect: 'sqlite' }, (id, status) => events.emit(id, status));
 *   await store.migrate();
 */
import { migrateToLatest } from './migrations/index.js';
import { accountByKeyHash, addKey, countKeys, createAccount, ensureAccountWithKey, findAccount } from './accounts/accounts-and-keys.js';
import { claimDueDeliveries, deliveryDone, deliveryRetry } from './outbox/webhook-outbox.js';
import { cancelPrediction } from './predictions/cancel-prediction.js';
import { deletePredictions } from './predictions/delete-predictions.js';
import { findByIdempotencyKey, findPrediction } from './predictions/find-prediction.js';
import { predictionHistory } from './predictions/prediction-history.js';
import { submitPrediction } from './predictions/submit-prediction.js';
import { countByStatus } from './queue/count-by-status.js';
import { leaseTask, type LeaseOptions } from './queue/lease-task.js';
import { releaseAllLeases, releaseTask } from './queue/release-task.js';
import { renewLease } from './queue/renew-lease.js';
import { settleTask } from './queue/settle-task.js';
import { sharedSetting } from './settings.js';
import { listKeys } from './keys/list-keys.js';
import { revokeKey } from './keys/revoke-key.js';
import { rotateKey } from './keys/rotate-key.js';
import { topUp } from './keys/top-up.js';
import { countLive } from './limits/count-live.js';
import { expiredAt, expiringPredictions, tombstonePredictions, type ExpiringPrediction } from './retention/expire-predictions.js';
import { deleteUploads, expiringUploads } from './retention/expire-uploads.js';
import { listDeliveries } from './webhooks/list-deliveries.js';
import { queueDelivery } from './webhooks/queue-delivery.js';
import type { StoreDb } from './store-db.js';
import { completeUpload, createUpload, findUpload } from './uploads/uploads.js';
import type {
  Account, Completion, HistoryQuery, NewPrediction, Prediction, PredictionStatus, SubmitOutcome, TaskStore, Upload, WebhookDelivery,
} from './types.js';

export type Notify = (id: string, status: PredictionStatus) => void;

export class KyselyTaskStore implements TaskStore {
  constructor(
    readonly sdb: StoreDb,
    private readonly notify: Notify = () => {},
    /** runs after the database is closed (e.g. the LISTEN connection) */
    private readonly onClose: () => Promise<void> = async () => {},
    /** a faster read of one row by id, where the engine offers one (SQLite's prepared statement) */
    private readonly fastGet?: (id: string, accountId?: string) => Prediction | undefined,
  ) {}

  get db() {
    return this.sdb.db;
  }

  get dialect() {
    return this.sdb.dialect;
  }

  /** applies pending migrations; returns their names */
  async migrate(): Promise<string[]> {
    return migrateToLatest(this.sdb.db);
  }

  async close(): Promise<void> {
    await this.sdb.db.destroy();
    await this.onClose();
  }

  // accounts and keys
  createAccount(name: string, balanceMicros: number): Promise<Account> { return createAccount(this.sdb, name, balanceMicros); }
  addKey(accountId: string, name: string, keyHash: string): Promise<void> { return addKey(this.sdb, accountId, name, keyHash); }
  accountByKeyHash(keyHash: string): Promise<Account | undefined> { return accountByKeyHash(this.sdb, keyHash); }
  account(id: string): Promise<Account | undefined> { return findAccount(this.sdb, id); }
  countKeys(): Promise<number> { return countKeys(this.sdb); }
  ensureAccountWithKey(name: string, balanceMicros: number, keyHash: string) { return ensureAccountWithKey(this.sdb, name, balanceMicros, keyHash); }
  sharedSetting(name: string, create: () => string): Promise<string> { return sharedSetting(this.sdb, name, create); }
  listKeys() { return listKeys(this.sdb.db); }
  revokeKey(keyHash: string) { return revokeKey(this.sdb.db, keyHash); }
  rotateKey(oldHash: string, newHash: string) { return rotateKey(this.sdb.db, oldHash, newHash); }
  topUp(accountId: string, micros: number, maxMicros: number) { return topUp(this.sdb.db, accountId, micros, maxMicros); }

  // predictions
  async submit(p: NewPrediction): Promise<SubmitOutcome> {
    const outcome = await submitPrediction(this.sdb, p);
    if (outcome.kind === 'created') this.notify(outcome.prediction.id, 'created');
    return outcome;
  }

  async get(id: string, accountId?: string): Promise<Prediction | undefined> {
    return this.fastGet ? this.fastGet(id, accountId) : findPrediction(this.sdb, id, accountId);
  }

  byIdempotencyKey(accountId: string, key: string): Promise<Prediction | undefined> { return findByIdempotencyKey(this.sdb, accountId, key); }
  history(q: HistoryQuery): Promise<{ items: Prediction[]; total: number }> { return predictionHistory(this.sdb, q); }

  async delete(accountId: string, ids: string[]): Promise<Prediction[]> {
    const { deleted } = await deletePredictions(this.sdb, accountId, ids);
    for (const p of deleted) this.notify(p.id, 'cancelled');
    return deleted;
  }

  async cancel(id: string, accountId: string): Promise<{ prediction: Prediction; cancelled: boolean } | undefined> {
    const result = await cancelPrediction(this.sdb, id, accountId);
    if (result?.cancelled) this.notify(id, 'cancelled');
    return result;
  }

  // the queue
  async lease(owner: string, leaseMs: number, options: LeaseOptions = {}): Promise<Prediction | undefined> {
    const { leased, abandoned } = await leaseTask(this.sdb, owner, leaseMs, options);
    for (const id of abandoned) this.notify(id, 'failed');
    if (leased) this.notify(leased.id, 'processing');
    return leased;
  }

  async renew(id: string, owner: string, leaseMs: number, progress: number): Promise<boolean> {
    const held = await renewLease(this.sdb, id, owner, leaseMs, progress);
    if (held) this.notify(id, 'processing');
    return held;
  }

  async complete(id: string, owner: string, r: Completion): Promise<boolean> {
    const ok = await settleTask(this.sdb, id, owner, 'complete', {
      output_keys: JSON.stringify(r.outputKeys), poster_key: r.posterKey, plan: JSON.stringify(r.plan),
      has_nsfw: JSON.stringify(r.hasNsfw), inference_ms: Math.round(r.inferenceMs), error: '',
    });
    if (ok) this.notify(id, 'completed');
    return ok;
  }

  async fail(id: string, owner: string, error: string): Promise<boolean> {
    const ok = await settleTask(this.sdb, id, owner, 'fail', { error });
    if (ok) this.notify(id, 'failed');
    return ok;
  }

  release(id: string, owner: string): Promise<void> { return releaseTask(this.sdb, id, owner); }
  releaseAllLeases(): Promise<number> { return releaseAllLeases(this.sdb); }

  async queueDepth(): Promise<{ created: number; processing: number }> {
    const counts = await countByStatus(this.sdb);
    return { created: counts.created ?? 0, processing: counts.processing ?? 0 };
  }

  countByStatus(): Promise<Record<string, number>> { return countByStatus(this.sdb); }
  countLive(accountId?: string): Promise<number> { return countLive(this.sdb.db, accountId); }

  // retention (MOVIOLA_RETENTION_DAYS)
  expiringPredictions(createdBefore: number, limit: number) { return expiringPredictions(this.sdb.db, createdBefore, limit); }
  tombstonePredictions(predictions: ExpiringPrediction[], now: number) { return tombstonePredictions(this.sdb.db, predictions, now); }
  expiredAt(id: string, accountId: string) { return expiredAt(this.sdb.db, id, accountId); }
  expiringUploads(q: { completeBefore: number; ticketBefore: number; limit: number }) { return expiringUploads(this.sdb.db, q); }
  deleteUploads(ids: string[]) { return deleteUploads(this.sdb.db, ids); }

  // uploads
  createUpload(u: Omit<Upload, 'complete' | 'createdAt'>): Promise<Upload> { return createUpload(this.sdb, u); }
  upload(id: string): Promise<Upload | undefined> { return findUpload(this.sdb, id); }
  completeUpload(id: string, size: number): Promise<boolean> { return completeUpload(this.sdb, id, size); }

  // webhooks
  dueDeliveries(now: Date, limit: number): Promise<WebhookDelivery[]> { return claimDueDeliveries(this.sdb, now, limit); }
  deliveryDone(id: string): Promise<void> { return deliveryDone(this.sdb, id); }
  deliveryRetry(id: string, nextAttemptAt: Date | null, error: string): Promise<void> { return deliveryRetry(this.sdb, id, nextAttemptAt, error); }
  listDeliveries(predictionId: string) { return listDeliveries(this.sdb.db, predictionId); }
  queueDelivery(d: { id: string; predictionId: string; accountId: string; url: string; now: number }) { return queueDelivery(this.sdb.db, d); }
}
