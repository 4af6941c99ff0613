/**
 * Extends a lease and records progress. The rule is the WHERE: only the holder of a task that is
 * still processing renews it — so a worker learns here that its task was cancelled, or that its
 * lease expired and another worker took it over.
 *
 * @example
 *   if (!(await renewLease(sdb, id, owner, 30_000, 42))) controller.abort();
 */
import type { StoreDb } from '../store-db.js';

export async function renewLease({ db }: StoreDb, id: string, owner: string, leaseMs: number, progress: number): Promise<boolean> {
  const now = Date.now();
  const result = await db.updateTable('predictions')
    .set({ lease_expires_at: now + leaseMs, progress: Math.max(0, Math.min(99, progress)), updated_at: now })
    .where('id', '=', id).where('lease_owner', '=', owner).where('status', '=', 'processing').executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
