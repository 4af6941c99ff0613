/**
 * A leased task whose `Cancel-After` deadline has passed is not started: it is cancelled, and
 * refunded (src/api/cancel-after.ts sets the deadline).
 *
 * @example
 *   if (await cancelIfLate(store, task)) return; // not rendered, not charged
 */
import type { Prediction, TaskStore } from '../tasks/types.js';

export async function cancelIfLate(store: TaskStore, task: Prediction, now = Date.now()): Promise<boolean> {
  const deadline = task.input.cancel_after_at;
  if (typeof deadline !== 'number' || now <= deadline) return false;
  await store.cancel(task.id, task.accountId);
  return true;
}
