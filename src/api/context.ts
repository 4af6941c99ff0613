/** What every route and the workers share: configuration, the store, blob storage, events and metrics. */
import type { FastifyRequest } from 'fastify';
import type { ServiceConfig } from './config.js';
import type { BlobStorage } from '../storage/types.js';
import type { TaskStore } from '../tasks/types.js';
import type { TaskEvents } from '../tasks/task-events.js';
import type { ServiceMetrics } from './metrics.js';

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
}

/** The base of absolute URLs: MOVIOLA_PUBLIC_URL, or the scheme and host the request came in on. */
export function baseUrlOf(ctx: ServiceContext, request: FastifyRequest): string {
  if (ctx.config.publicUrl) return ctx.config.publicUrl;
  return `${request.protocol}://${request.host}`;
}
