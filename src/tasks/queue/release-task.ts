/**
 * Returns a task to the queue without counting an attempt (graceful shutdown, LIFECYCLE.release);
 * and, for the embedded mode only, expires every lease at boot (no other process can hold one).
 *
 * @example
 *   await releaseTask(sdb, id, owner);
 */
import { LIFECYCLE } from '../lifecycle.js';
import type { StoreDb } from '../store-db.js';

export async function releaseTask({ db }: StoreDb, id: string, owner: string): Promise<void> {
  await db.updateTable('predictions')
    .set((eb) => ({ status: LIFECYCLE.release.to, lease_owner: null, lease_expires_at: null, attempts: eb('attempts', '-', 1), updated_at: Date.now() }))
    .where('id', '=', id).where('lease_owner', '=', owner).where('status', 'in', LIFECYCLE.release.from).execute();
}

export async function releaseAllLeases({ db }: StoreDb): Promise<number> {
  const result = await db.updateTable('predictions').set({ lease_expires_at: 0 }).where('status', '=', 'processing').executeTakeFirst();
  return Number(result.numUpdatedRows);
}
