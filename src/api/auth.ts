/**
 * API-key authentication: `Authorization: Bearer <key>` (the SDKs' header), looked up by its SHA-256.
 * Sets `request.account`; everything a request can see belongs to that account. Lookups are cached
 * for a few seconds (the account's id and secret, never its balance, which routes read fresh).
 */
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { ServiceContext } from './context.js';
import { apiError } from './errors.js';
import type { Account } from '../tasks/types.js';

declare module 'fastify' {
  interface FastifyRequest {
    account: Account;
  }
}

const CACHE_MS = 5000;
const CACHE_MAX = 1000;

export function authenticate(ctx: ServiceContext) {
  const cache = new Map<string, { account: Account; until: number }>();
  return async (request: FastifyRequest): Promise<void> => {
    const header = request.headers.authorization;
    if (!header) throw apiError('AUTH_MISSING');
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw apiError('AUTH_INVALID');
    const hash = createHash('sha256').update(match[1]!).digest('hex');
    const now = Date.now();
    const hit = cache.get(hash);
    if (hit && hit.until > now) {
      request.account = hit.account;
      return;
    }
    const account = await ctx.store.accountByKeyHash(hash);
    if (!account) throw apiError('AUTH_INVALID');
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(hash, { account, until: now + CACHE_MS });
    request.account = account;
  };
}
