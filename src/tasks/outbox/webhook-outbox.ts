/**
 * The webhook outbox: deliveries are queued in the same transaction as the terminal state
 * (lifecycle.ts). A dispatcher *claims* due deliveries — `FOR UPDATE SKIP LOCKED` and a claim
 * window pushed into `next_attempt_at` — so with dispatchers in several processes each delivery is
 * sent by one of them; one that dies mid-send is retried after the window, under the same
 * `webhook-id` (the delivery's id), which is how consumers de-duplicate.
 *
 * @example
 *   const due = await claimDueDeliveries(sdb, new Date(), 20);
 *   await deliveryDone(sdb, due[0].id);
 */
import { toDelivery } from '../rows.js';
import { skipLocked, type StoreDb } from '../store-db.js';
import type { WebhookDelivery } from '../types.js';

/** how long a claimed delivery is left to its dispatcher before another may send it */
export const DELIVERY_CLAIM_MS = 60_000;

export async function claimDueDeliveries({ db, dialect }: StoreDb, now: Date, limit: number): Promise<WebhookDelivery[]> {
  return db.transaction().execute(async (trx) => {
    const rows = await skipLocked(trx.selectFrom('webhook_deliveries').selectAll()
      .where('state', '=', 'pending').where('next_attempt_at', '<=', now.getTime()).orderBy('next_attempt_at').limit(limit), dialect).execute();
    if (rows.length) {
      await trx.updateTable('webhook_deliveries').set({ next_attempt_at: now.getTime() + DELIVERY_CLAIM_MS })
        .where('id', 'in', rows.map((r) => r.id)).execute();
    }
    return rows.map(toDelivery);
  });
}

export async function deliveryDone({ db }: StoreDb, id: string): Promise<void> {
  await db.updateTable('webhook_deliveries').set((eb) => ({ state: 'done', attempts: eb('attempts', '+', 1) })).where('id', '=', id).execute();
}

export async function deliveryRetry({ db }: StoreDb, id: string, nextAttemptAt: Date | null, error: string): Promise<void> {
  await db.updateTable('webhook_deliveries').set((eb) => ({
    state: nextAttemptAt ? 'pending' : 'dead',
    next_attempt_at: nextAttemptAt ? nextAttemptAt.getTime() : Date.now(),
    attempts: eb('attempts', '+', 1),
    last_error: error.slice(0, 500),
  })).where('id', '=', id).execute();
}
