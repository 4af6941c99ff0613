/** Database rows → the store's records (JSON columns parsed, epoch ms → Date, bigint → number). */
import type { Selectable } from 'kysely';
import type { AccountsTable, PredictionsTable, UploadsTable, WebhookDeliveriesTable } from './schema.js';
import type { Account, Prediction, PredictionStatus, Upload, WebhookDelivery } from './types.js';

const date = (ms: number | string | null) => (ms === null ? null : new Date(Number(ms)));

export function toPrediction(r: Selectable<PredictionsTable>): Prediction {
  return {
    id: r.id,
    accountId: r.account_id,
    model: r.model,
    status: r.status as PredictionStatus,
    input: JSON.parse(r.input),
    imageKey: r.image_key,
    resolution: r.resolution as Prediction['resolution'],
    progress: Number(r.progress),
    error: r.error,
    outputKeys: JSON.parse(r.output_keys),
    posterKey: r.poster_key,
    plan: r.plan ? JSON.parse(r.plan) : null,
    hasNsfw: JSON.parse(r.has_nsfw),
    inferenceMs: Number(r.inference_ms),
    chargeMicros: Number(r.charge_micros),
    chargeState: r.charge_state as Prediction['chargeState'],
    webhookUrl: r.webhook_url,
    idempotencyKey: r.idempotency_key,
    inputHash: r.input_hash,
    baseUrl: r.base_url,
    attempts: Number(r.attempts),
    createdAt: date(r.created_at)!,
    startedAt: date(r.started_at),
    finishedAt: date(r.finished_at),
  };
}

export function toAccount(r: Selectable<AccountsTable>): Account {
  return { id: r.id, name: r.name, balanceMicros: Number(r.balance_micros), webhookSecret: r.webhook_secret, createdAt: date(r.created_at)! };
}

export function toUpload(r: Selectable<UploadsTable>): Upload {
  return {
    id: r.id, accountId: r.account_id, filename: r.filename, size: Number(r.size), contentType: r.content_type, key: r.key,
    complete: Number(r.complete) === 1, createdAt: date(r.created_at)!,
  };
}

export function toDelivery(r: Selectable<WebhookDeliveriesTable>): WebhookDelivery {
  return {
    id: r.id, predictionId: r.prediction_id, accountId: r.account_id, url: r.url, attempts: Number(r.attempts),
    nextAttemptAt: date(r.next_attempt_at)!,
  };
}
