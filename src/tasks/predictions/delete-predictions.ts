/**
 * Deletes the account's predictions among `ids` (live ones are cancelled and refunded first,
 * LIFECYCLE.delete) with their pending webhooks; returns the deleted predictions (their blobs are
 * the caller's to remove).
 *
 * @example
 *   const gone = await deletePredictions(sdb, accountId, [id1, id2]);
 */
import { LIFECYCLE, transition } from '../lifecycle.js';
import { toPrediction } from '../rows.js';
import type { StoreDb } from '../store-db.js';
import type { Prediction } from '../types.js';

export async function deletePredictions({ db }: StoreDb, accountId: string, ids: string[]): Promise<{ deleted: Prediction[]; cancelled: string[] }> {
  if (ids.length === 0) return { deleted: [], cancelled: [] };
  return db.transaction().execute(async (trx) => {
    const rows = await trx.selectFrom('predictions').selectAll().where('account_id', '=', accountId).where('id', 'in', ids).execute();
    const cancelled: string[] = [];
    for (const row of rows) {
      if (LIFECYCLE.delete.from.includes(row.status as never) && (await transition(trx, 'delete', row.id))) cancelled.push(row.id);
    }
    if (rows.length) {
      await trx.deleteFrom('predictions').where('id', 'in', rows.map((r) => r.id)).execute();
      await trx.deleteFrom('webhook_deliveries').where('prediction_id', 'in', rows.map((r) => r.id)).execute();
    }
    return { deleted: rows.map(toPrediction), cancelled };
  });
}
