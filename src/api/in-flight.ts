/**
 * Counts requests in progress (SSE streams and sync waits included) until their response is
 * closed, so a graceful shutdown can wait for the answers it released before closing connections.
 *
 * @example
 *   const inFlight = trackInFlight(app); … inFlight() // → 2
 */
import type { FastifyInstance } from 'fastify';

export function trackInFlight(app: FastifyInstance): () => number {
  let count = 0;
  app.addHook('onRequest', async (request, reply) => {
    count++;
    let done = false;
    const finish = () => {
      if (!done) {
        done = true;
        count--;
      }
    };
    reply.raw.once('close', finish);
    request.raw.once('close', () => reply.raw.writableEnded && finish());
  });
  return () => count;
}
