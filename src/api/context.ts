/** What every route and the workers share: configuration, the store, blob storage, events and metrics. */
import type { FastifyRequest } from 'fastify';
import type { ServiceConfig } from './config.js';
import type { BlobStorage } from '../storage/types.js';
import type { TaskStore } from '../tasks/types.js';
import type { TaskEvents } from '../tasks/task-events.js';
import type { ServiceMetrics } from './metrics.js';
import type { ShutdownSignal } from './shutdown-signal.js';

export interface ServiceContext {
  config: ServiceConfig;
  store: TaskStore;
  storage: BlobStorage;
  events: TaskEvents;
  metrics: ServiceMetrics;
  /** secret for signing upload URLs */
  signingKey: Buffer;
  /** wakes an idle worker (a task was queued) */
  wake: () => void;
  /** the address the server listens on (set once listening): the base of absolute URLs when no proxy is trusted */
  listenUrl?: string;
  /** true once shutdown began: submits are refused (503) */
  shuttingDown?: boolean;
  /** fires when waiting requests (sync mode, SSE) must answer now (graceful shutdown) */
  shutdown: ShutdownSignal;
  /** wakes the webhook dispatcher (a delivery was queued) */
  kickWebhooks?: () => void;
  /** requests in progress (set by buildServer) */
  inFlight?: () => number;
}

/**
 * The base of absolute URLs: MOVIOLA_PUBLIC_URL; else, behind a trusted proxy (MOVIOLA_TRUST_PROXY),
 * the scheme and host the request came in on; else the listening address (a client's Host or
 * X-Forwarded-Host never ends up in urls.get, outputs or webhook payloads).
 */
export function baseUrlOf(ctx: ServiceContext, request: FastifyRequest): string {
  if (ctx.config.publicUrl) return ctx.config.publicUrl;
  if (ctx.config.trustProxy !== false || !ctx.listenUrl) return `${request.protocol}://${request.host}`;
  return ctx.listenUrl;
}
