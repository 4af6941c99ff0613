/**
 * Cancels a live prediction of the account and refunds it (LIFECYCLE.cancel). The worker rendering
 * it — in this process or another — hears of it from the change notification, and at the latest
 * at its next lease renewal, which now fails.
 *
 * @example
 *   await cancelPrediction(sdb, id, accountId) // → { prediction, cancelled: true } | undefined (not found)
 */
import { transition } from '../lifecycle.js';
import { toPrediction } from '../rows.js';
import type { StoreDb } from '../store-db.js';
import type { Prediction } from '../types.js';

export async function cancelPrediction({ db }: StoreDb, id: string, accountId: string): Promise<{ prediction: Prediction; cancelled: boolean } | undefined> {
  return db.transaction().execute(async (trx) => {
    const row = await transition(trx, 'cancel', id, { accountId, fields: { error: 'cancelled by the user' } });
    if (row) return { prediction: toPrediction(row), cancelled: true };
    const current = await trx.selectFrom('predictions').selectAll().where('id', '=', id).where('account_id', '=', accountId).executeTakeFirst();
    return current && { prediction: toPrediction(current), cancelled: false };
  });
}
