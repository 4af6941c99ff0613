/**
 * The `Cancel-After` header (as Replicate's): a duration like `30s`, `5m` or `1h30m`; a prediction
 * that has not started by then is cancelled and refunded. The deadline is stored with the task
 * (`cancel_after_at`): the worker checks it when it leases the task (src/worker/deadline.ts), and
 * this process also cancels a task still queued when the deadline passes.
 *
 * @example
 *   parseCancelAfter('1h30m') // → 5400000
 */
import type { ServiceContext } from './context.js';
import type { Prediction } from '../tasks/types.js';

export const CANCEL_AFTER_PATTERN = '^(\\d+(\\.\\d+)?(ms|s|m|h))+$';
export const CANCEL_AFTER_RULE = 'must be a duration like 30s, 5m or 1h30m';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** milliseconds (the header's schema has checked its shape) */
export function parseCancelAfter(text: string): number {
  let total = 0;
  for (const [, amount, unit] of text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) total += Number(amount) * UNIT_MS[unit!]!;
  return total;
}

/** cancels the prediction at its deadline if it is still queued then */
export function scheduleDeadline(ctx: ServiceContext, prediction: Prediction, deadline: number): void {
  const timer = setTimeout(() => {
    void (async () => {
      const now = await ctx.store.get(prediction.id);
      if (now?.status === 'created') await ctx.store.cancel(prediction.id, prediction.accountId);
    })().catch(() => undefined);
  }, Math.max(0, deadline - Date.now()));
  timer.unref();
}
