/**
 * API-key authentication: `Authorization: Bearer <key>` (the SDKs' header), looked up by its SHA-256.
 * Sets `request.account`; everything a request can see belongs to that account. Every request looks
 * its key up afresh (one indexed read), so a key revoked with `moviola keys revoke` — by another
 * process — gets 401 at once.
 *
 * Failed authentications are rate-limited per client address with @fastify/rate-limit
 * (MOVIOLA_AUTH_FAILURES_PER_MINUTE): past the limit the address gets 429 with Retry-After, before its
 * key is even looked at, until the minute is over.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServiceContext } from './context.js';
import { apiError } from './errors.js';
import type { Account } from '../tasks/types.js';

declare module 'fastify' {
  interface FastifyRequest {
    account: Account;
  }
}

const WINDOW_MS = 60_000;

/** registers the rate-limit plugin (no global limit: only failures count) and returns the onRequest hook */
export async function authenticate(app: FastifyInstance, ctx: ServiceContext) {
  await app.register((await import('@fastify/rate-limit')).default, { global: false });
  const limit = ctx.config.authFailuresPerMinute;
  const countFailure = app.createRateLimit({ max: limit, timeWindow: WINDOW_MS });
  // addresses over the limit, until when (checked before the key, so guessing stops)
  const blocked = new Map<string, number>();

  const refuseBlocked = (request: FastifyRequest) => {
    const until = blocked.get(request.ip);
    if (until === undefined) return;
    if (until <= Date.now()) {
      blocked.delete(request.ip);
      return;
    }
    throw apiError('AUTH_RATE_LIMITED', { limit, retryAfter: Math.ceil((until - Date.now()) / 1000) });
  };
  const failed = async (request: FastifyRequest, error: Error): Promise<never> => {
    const state = await countFailure(request);
    if (!state.isAllowed && state.isExceeded) {
      const retryAfter = Math.max(1, Math.ceil(state.ttl / 1000));
      if (blocked.size > 10_000) blocked.clear();
      blocked.set(request.ip, Date.now() + retryAfter * 1000);
      throw apiError('AUTH_RATE_LIMITED', { limit, retryAfter });
    }
    throw error;
  };

  return async (request: FastifyRequest): Promise<void> => {
    refuseBlocked(request);
    const header = request.headers.authorization;
    if (!header) return failed(request, apiError('AUTH_MISSING'));
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) return failed(request, apiError('AUTH_INVALID'));
    const hash = createHash('sha256').update(match[1]!).digest('hex');
    const account = await ctx.store.accountByKeyHash(hash);
    if (!account) return failed(request, apiError('AUTH_INVALID'));
    request.account = account;
  };
}
