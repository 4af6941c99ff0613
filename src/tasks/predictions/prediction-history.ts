/**
 * One page of an account's predictions, newest first, with the total count.
 *
 * @example
 *   const { items, total } = await predictionHistory(sdb, { accountId, page: 1, pageSize: 20 });
 */
import { toPrediction } from '../rows.js';
import type { StoreDb } from '../store-db.js';
import type { HistoryQuery, Prediction } from '../types.js';

export async function predictionHistory({ db }: StoreDb, q: HistoryQuery): Promise<{ items: Prediction[]; total: number }> {
  let base = db.selectFrom('predictions').where('account_id', '=', q.accountId);
  if (q.createdAfter) base = base.where('created_at', '>=', q.createdAfter.getTime());
  if (q.createdBefore) base = base.where('created_at', '<=', q.createdBefore.getTime());
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base.selectAll().orderBy('created_at', 'desc').orderBy('id')
    .limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  return { items: rows.map(toPrediction), total: Number(total.n) };
}
