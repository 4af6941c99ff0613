/**
 * `GET /files/<key>` for blobs in a remote store (S3): streamed from the bucket through the API, with
 * Range requests passed on, so clients keep the same unguessable URLs as with local storage and the
 * bucket can stay private. (Local storage is served by @fastify/static instead.)
 *
 * @example
 *   curl -r 0-99 http://127.0.0.1:8080/files/outputs/<id>/<token>/output.mp4
 */
import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../context.js';
import { failure } from '../envelope.js';
import { apiError } from '../errors.js';

export async function remoteFilesRoute(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  const read = ctx.storage.read?.bind(ctx.storage);
  if (!read) throw new Error('remoteFilesRoute: the storage cannot stream blobs');
  const handler = async (request: import('fastify').FastifyRequest, reply: import('fastify').FastifyReply) => {
    const key = (request.params as { '*': string })['*'];
    const notFound = () => {
      const error = apiError('ROUTE_NOT_FOUND', { method: request.method, url: request.url.split('?')[0]! });
      return reply.status(404).send(failure(404, error.message, error.code));
    };
    if (!key || key.split('/').some((part) => part === '' || part === '.' || part === '..')) return notFound();
    const range = typeof request.headers.range === 'string' ? request.headers.range : undefined;
    const blob = await read(key, range);
    if (!blob) return notFound();
    if (blob.unsatisfiable) return reply.status(416).send();
    reply.header('content-type', blob.contentType).header('accept-ranges', 'bytes').header('cache-control', 'public, max-age=604800, immutable');
    if (blob.contentLength !== undefined) reply.header('content-length', blob.contentLength);
    if (blob.partial && blob.contentRange) reply.status(206).header('content-range', blob.contentRange);
    if (request.method === 'HEAD') {
      blob.body.destroy();
      return reply.send();
    }
    return reply.send(blob.body);
  };
  app.get('/files/*', { schema: { hide: true } }, handler);
}
