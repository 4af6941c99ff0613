/**
 * Backpressure at submit (issue #12): an account may have at most MOVIOLA_MAX_QUEUED_PER_ACCOUNT
 * predictions waiting or rendering and the server MOVIOLA_MAX_QUEUED in all; past either, a 429 with
 * Retry-After naming the limit. Checked before any image work, so a refused submit costs a count.
 * Submits of this process that passed the check but are not stored yet (their image is being
 * checked) count too, so a burst cannot slip past the limit between the count and the insert.
 *
 * @example
 *   await claimQueueSlot(ctx, request.account.id, request); // throws 429 LIMIT_ACCOUNT_QUEUE when full
 *   try { … store.submit(…) … } finally { releaseQueueSlot(request); }
 */
import type { FastifyRequest } from 'fastify';
import type { ServiceContext } from './context.js';
import { apiError } from './errors.js';

/** how long a client should wait before retrying a full queue (renders take seconds to minutes) */
const QUEUE_RETRY_AFTER_S = 10;

const pendingByAccount = new Map<string, number>();
let pendingTotal = 0;
const held = new WeakMap<FastifyRequest, string>();

export async function claimQueueSlot(ctx: ServiceContext, accountId: string, request: FastifyRequest): Promise<void> {
  if (ctx.shuttingDown) throw apiError('SHUTTING_DOWN');
  const { maxQueuedPerAccount, maxQueued } = ctx.config;
  const mine = await ctx.store.countLive(accountId);
  if (mine + (pendingByAccount.get(accountId) ?? 0) >= maxQueuedPerAccount) {
    throw apiError('LIMIT_ACCOUNT_QUEUE', { limit: maxQueuedPerAccount, retryAfter: QUEUE_RETRY_AFTER_S });
  }
  if ((await ctx.store.countLive()) + pendingTotal >= maxQueued) {
    throw apiError('LIMIT_GLOBAL_QUEUE', { limit: maxQueued, retryAfter: QUEUE_RETRY_AFTER_S });
  }
  pendingByAccount.set(accountId, (pendingByAccount.get(accountId) ?? 0) + 1);
  pendingTotal++;
  held.set(request, accountId);
}

/** the submit is stored (or failed): its slot is now counted by the store, or free */
export function releaseQueueSlot(request: FastifyRequest): void {
  const accountId = held.get(request);
  if (accountId === undefined) return;
  held.delete(request);
  const left = (pendingByAccount.get(accountId) ?? 1) - 1;
  if (left > 0) pendingByAccount.set(accountId, left);
  else pendingByAccount.delete(accountId);
  pendingTotal--;
}
