/**
 * Load shedding in front of Fastify. While the submit gates are closed (image-gate.ts: too many
 * submits being received, or every analysis slot taken), a submit is answered with its 429 by the
 * HTTP server itself — no routing, hooks, key lookup, logging or error serialisation. A burst's
 * requests arrive together, hundreds of sockets ready in one turn of the event loop; refused through
 * the framework they cost a millisecond or two each and hold /healthz and every other request for
 * that long. Refused here they cost microseconds. The answer is the one Fastify would give: the
 * envelope, the message naming the setting, Retry-After; the body is left unread (Node discards it).
 * Authentication comes after this, so while saturated an unknown key gets the 429 too.
 *
 * @example
 *   Fastify({ serverFactory: sheddingServer(ctx, submitPaths) })
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { FastifyServerFactory } from 'fastify';
import type { ServiceContext } from './context.js';
import { failure } from './envelope.js';
import { submitGateClosed } from './image-gate.js';

export function sheddingServer(ctx: Pick<ServiceContext, 'config' | 'metrics'>, submitPaths: ReadonlySet<string>): FastifyServerFactory {
  return (handler, options) => {
    const server: Server = createServer(options.http ?? {}, (request: IncomingMessage, response: ServerResponse) => {
      if (!shed(request, response)) handler(request, response);
    });
    // as Fastify sets up its own HTTP/1 server
    const { keepAliveTimeout, requestTimeout, connectionTimeout } = options as Record<string, unknown>;
    if (typeof keepAliveTimeout === 'number') server.keepAliveTimeout = keepAliveTimeout;
    if (typeof requestTimeout === 'number') server.requestTimeout = requestTimeout;
    if (typeof connectionTimeout === 'number') server.setTimeout(connectionTimeout);
    return server;
  };

  function shed(request: IncomingMessage, response: ServerResponse): boolean {
    if (request.method !== 'POST') return false;
    const path = (request.url ?? '').split('?')[0]!;
    if (!submitPaths.has(path)) return false;
    const refusal = submitGateClosed(ctx.config.maxPendingImages);
    if (!refusal) return false;
    const started = performance.now();
    const body = JSON.stringify(failure(refusal.statusCode, refusal.message, refusal.code));
    response.writeHead(refusal.statusCode, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
      ...(refusal.retryAfter !== undefined ? { 'retry-after': String(refusal.retryAfter) } : {}),
    });
    response.end(body);
    ctx.metrics.http('POST', path, refusal.statusCode, (performance.now() - started) / 1000);
    return true;
  }
}
