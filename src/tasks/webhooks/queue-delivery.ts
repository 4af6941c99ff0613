/**
 * Queues a new delivery of a prediction's webhook (a redelivery asked for by its owner): a fresh
 * outbox row, due now, with its own webhook-id.
 *
 * @example
 *   await queueDelivery(db, { id: 'msg_…', predictionId, accountId, url, now: Date.now() });
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export async function queueDelivery(db: Kysely<Database>, d: { id: string; predictionId: string; accountId: string; url: string; now: number }): Promise<void> {
  await db.insertInto('webhook_deliveries').values({
    id: d.id, prediction_id: d.predictionId, account_id: d.accountId, url: d.url, attempts: 0,
    next_attempt_at: d.now, state: 'pending', last_error: '', created_at: d.now,
  }).execute();
}
