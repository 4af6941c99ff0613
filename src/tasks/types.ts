/**
 * The records the task store keeps and the interface of the store (task-store.ts, on SQLite or
 * PostgreSQL). The store is also the queue: workers lease tasks from it (DESIGN.md §2).
 * Money is kept in integer micro-dollars so sums never drift.
 */

import type { KeyListing } from './keys/list-keys.js';
import type { TopUpOutcome } from './keys/top-up.js';
import type { ExpiringPrediction } from './retention/expire-predictions.js';
import type { DeliveryRecord } from './webhooks/list-deliveries.js';

export type PredictionStatus = 'created' | 'processing' | 'completed' | 'failed' | 'cancelled';

export const TERMINAL: ReadonlySet<PredictionStatus> = new Set(['completed', 'failed', 'cancelled']);

/** The normalised request a worker renders (the model's validated input plus the stored image). */
export interface TaskInput {
  prompt: string;
  negative_prompt: string;
  image: string;
  cfg_scale: number;
  sound: boolean;
  duration: 5 | 10;
  voice_list: Array<{ voice_id: string }>;
  seed: number;
  [key: string]: unknown;
}

export interface Prediction {
  id: string;
  accountId: string;
  model: string;
  status: PredictionStatus;
  input: TaskInput;
  /** storage key of the validated input image */
  imageKey: string;
  resolution: '720p' | '1080p';
  progress: number;
  error: string;
  outputKeys: string[];
  posterKey: string | null;
  plan: unknown;
  hasNsfw: boolean[];
  inferenceMs: number;
  /** micro-dollars reserved at submit; refunded on failure or cancel */
  chargeMicros: number;
  chargeState: 'reserved' | 'settled' | 'refunded';
  webhookUrl: string | null;
  idempotencyKey: string | null;
  inputHash: string;
  /** the public base URL the prediction was submitted through (for webhooks' absolute URLs) */
  baseUrl: string;
  attempts: number;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface Account {
  id: string;
  name: string;
  balanceMicros: number;
  webhookSecret: string;
  createdAt: Date;
}

export interface Upload {
  id: string;
  accountId: string;
  filename: string;
  size: number;
  contentType: string;
  key: string;
  complete: boolean;
  createdAt: Date;
}

export interface NewPrediction {
  id: string;
  accountId: string;
  model: string;
  input: TaskInput;
  imageKey: string;
  resolution: '720p' | '1080p';
  chargeMicros: number;
  webhookUrl: string | null;
  idempotencyKey: string | null;
  inputHash: string;
  baseUrl: string;
}

export interface Completion {
  outputKeys: string[];
  posterKey: string | null;
  plan: unknown;
  hasNsfw: boolean[];
  inferenceMs: number;
}

export interface WebhookDelivery {
  id: string;
  predictionId: string;
  accountId: string;
  url: string;
  attempts: number;
  nextAttemptAt: Date;
}

export interface HistoryQuery {
  accountId: string;
  page: number;
  pageSize: number;
  createdAfter?: Date;
  createdBefore?: Date;
}

export type SubmitOutcome =
  | { kind: 'created'; prediction: Prediction }
  | { kind: 'existing'; prediction: Prediction }
  | { kind: 'insufficient'; balanceMicros: number };

/** Everything the API and the workers need from persistence. */
export interface TaskStore {
  /** applies pending migrations; returns their names */
  migrate(): Promise<string[]>;
  close(): Promise<void>;

  // accounts and keys
  createAccount(name: string, balanceMicros: number): Promise<Account>;
  addKey(accountId: string, name: string, keyHash: string): Promise<void>;
  accountByKeyHash(keyHash: string): Promise<Account | undefined>;
  account(id: string): Promise<Account | undefined>;
  countKeys(): Promise<number>;
  /** every key (by hash; its id is the hash's first 12 hex characters) with its account */
  listKeys(): Promise<KeyListing[]>;
  /** deletes a key; the next request with it is a 401 */
  revokeKey(keyHash: string): Promise<boolean>;
  /** a new key hash for the old key's account, the old one revoked (one transaction) */
  rotateKey(oldHash: string, newHash: string): Promise<boolean>;
  /** adds micro-dollars to an account, never past maxMicros */
  topUp(accountId: string, micros: number, maxMicros: number): Promise<TopUpOutcome>;
  /** an account with this key unless the key exists (atomic: concurrent starts make one account) */
  ensureAccountWithKey(name: string, balanceMicros: number, keyHash: string): Promise<{ account: Account; created: boolean }>;
  /** a value every process shares, created by the first that asks */
  sharedSetting(name: string, create: () => string): Promise<string>;

  // predictions
  /** inserts the prediction and reserves its charge in one transaction (or finds the idempotent twin) */
  submit(p: NewPrediction): Promise<SubmitOutcome>;
  get(id: string, accountId?: string): Promise<Prediction | undefined>;
  byIdempotencyKey(accountId: string, key: string): Promise<Prediction | undefined>;
  history(q: HistoryQuery): Promise<{ items: Prediction[]; total: number }>;
  /** deletes terminal predictions (cancelling live ones first); returns the ids deleted */
  delete(accountId: string, ids: string[]): Promise<Prediction[]>;
  /** cancels a live prediction and refunds it; undefined when not found, the prediction when it was already terminal */
  cancel(id: string, accountId: string): Promise<{ prediction: Prediction; cancelled: boolean } | undefined>;

  // the queue
  /** leases the oldest runnable task (created, or processing with an expired lease) */
  lease(owner: string, leaseMs: number, options?: { maxRunningPerAccount?: number }): Promise<Prediction | undefined>;
  /** extends a lease; false when the lease was lost or the task is no longer processing (cancelled) */
  renew(id: string, owner: string, leaseMs: number, progress: number): Promise<boolean>;
  complete(id: string, owner: string, result: Completion): Promise<boolean>;
  fail(id: string, owner: string, error: string): Promise<boolean>;
  /** returns a task to the queue (e.g. on shutdown) without counting an attempt */
  release(id: string, owner: string): Promise<void>;
  /** embedded mode: at boot no other process holds leases, so in-flight tasks go straight back to the queue */
  releaseAllLeases(): Promise<number>;
  queueDepth(): Promise<{ created: number; processing: number }>;
  countByStatus(): Promise<Record<string, number>>;
  /** predictions waiting or rendering, of one account or of all (backpressure) */
  countLive(accountId?: string): Promise<number>;

  // uploads
  createUpload(u: Omit<Upload, 'complete' | 'createdAt'>): Promise<Upload>;
  upload(id: string): Promise<Upload | undefined>;
  /** marks an upload complete; false if it already was (single use) */
  completeUpload(id: string, size: number): Promise<boolean>;

  // retention (MOVIOLA_RETENTION_DAYS)
  expiringPredictions(createdBefore: number, limit: number): Promise<ExpiringPrediction[]>;
  /** replaces predictions by tombstones, so they answer "expired" */
  tombstonePredictions(predictions: ExpiringPrediction[], now: number): Promise<void>;
  expiredAt(id: string, accountId: string): Promise<Date | undefined>;
  expiringUploads(q: { completeBefore: number; ticketBefore: number; limit: number }): Promise<Array<{ id: string; key: string }>>;
  deleteUploads(ids: string[]): Promise<void>;

  // webhooks
  /** claims due deliveries for this dispatcher (others skip them until the claim window passes) */
  dueDeliveries(now: Date, limit: number): Promise<WebhookDelivery[]>;
  deliveryDone(id: string): Promise<void>;
  deliveryRetry(id: string, nextAttemptAt: Date | null, error: string): Promise<void>;
  /** a prediction's deliveries with attempts and state */
  listDeliveries(predictionId: string): Promise<DeliveryRecord[]>;
  /** a new delivery, due now (redelivery) */
  queueDelivery(d: { id: string; predictionId: string; accountId: string; url: string; now: number }): Promise<void>;
}
