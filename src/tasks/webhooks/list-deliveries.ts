/**
 * A prediction's webhook deliveries, oldest first, with their attempts and state (pending, done,
 * dead), for `GET /api/v3/predictions/{id}/webhooks`.
 *
 * @example
 *   await listDeliveries(db, predictionId) // → [{ id: 'msg_…', state: 'dead', attempts: 7, lastError: 'HTTP 503', … }]
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export interface DeliveryRecord {
  id: string;
  url: string;
  state: 'pending' | 'done' | 'dead';
  attempts: number;
  lastError: string;
  nextAttemptAt: Date;
  createdAt: Date;
}

export async function listDeliveries(db: Kysely<Database>, predictionId: string): Promise<DeliveryRecord[]> {
  const rows = await db.selectFrom('webhook_deliveries').selectAll().where('prediction_id', '=', predictionId)
    .orderBy('created_at').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id, url: r.url, state: r.state as DeliveryRecord['state'], attempts: Number(r.attempts), lastError: r.last_error,
    nextAttemptAt: new Date(Number(r.next_attempt_at)), createdAt: new Date(Number(r.created_at)),
  }));
}
