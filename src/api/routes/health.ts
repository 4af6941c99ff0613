/** Liveness and Prometheus metrics (no API key needed). */
import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../context.js';
import { ok } from '../envelope.js';

export async function healthRoutes(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  app.get('/healthz', { schema: { tags: ['service'], summary: 'Liveness, with the queue depth' } }, async () => {
    const queue = await ctx.store.queueDepth();
    return ok({ status: 'ok', queue, workers: ctx.config.workers });
  });
  app.get('/metrics', { schema: { tags: ['service'], summary: 'Prometheus metrics' } }, async (_request, reply) => {
    reply.header('content-type', ctx.metrics.registry.contentType);
    return ctx.metrics.registry.metrics();
  });
}
