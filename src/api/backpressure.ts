/**
 * Backpressure at submit (issue #12): an account may have at most MOVIOLA_MAX_QUEUED_PER_ACCOUNT
 * predictions waiting or rendering and the server MOVIOLA_MAX_QUEUED in all; past either, a 429 with
 * Retry-After naming the limit. Checked before any image work, so a refused submit costs a count.
 *
 * @example
 *   await checkQueueLimits(ctx, request.account.id); // throws 429 LIMIT_ACCOUNT_QUEUE when full
 */
import type { ServiceContext } from './context.js';
import { apiError } from './errors.js';

/** how long a client should wait before retrying a full queue (renders take seconds to minutes) */
const QUEUE_RETRY_AFTER_S = 10;

export async function checkQueueLimits(ctx: ServiceContext, accountId: string): Promise<void> {
  if (ctx.shuttingDown) throw apiError('SHUTTING_DOWN');
  const { maxQueuedPerAccount, maxQueued } = ctx.config;
  if ((await ctx.store.countLive(accountId)) >= maxQueuedPerAccount) {
    throw apiError('LIMIT_ACCOUNT_QUEUE', { limit: maxQueuedPerAccount, retryAfter: QUEUE_RETRY_AFTER_S });
  }
  if ((await ctx.store.countLive()) >= maxQueued) {
    throw apiError('LIMIT_GLOBAL_QUEUE', { limit: maxQueued, retryAfter: QUEUE_RETRY_AFTER_S });
  }
}
