/**
 * How many predictions are in each state (the queue depth for /healthz and /metrics).
 *
 * @example
 *   await countByStatus(sdb) // → { created: 2, processing: 1, completed: 40 }
 */
import type { StoreDb } from '../store-db.js';

export async function countByStatus({ db }: StoreDb): Promise<Record<string, number>> {
  const rows = await db.selectFrom('predictions').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
