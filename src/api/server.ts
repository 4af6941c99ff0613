/**
 * The Fastify application: envelope-shaped errors and 404s, OpenAPI (/openapi.json) and its docs
 * page (/docs), health and metrics, blobs at /files/*, the Playground at /, and the authenticated
 * /api/v3 routes.
 * It knows nothing of rendering: it persists predictions and the workers pick them up.
 *
 * @example
 *   const app = await buildServer(ctx);
 *   await app.listen({ port: 8080 });
 */
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type { ServiceContext } from './context.js';
import { authenticate } from './auth.js';
import { failure } from './envelope.js';
import { apiError } from './errors.js';
import { errorHandler } from './error-handler.js';
import { validatorCompiler } from './validation.js';
import { accountRoutes } from './routes/account.js';
import { healthRoutes } from './routes/health.js';
import { modelRoutes } from './routes/models.js';
import { predictionRoutes } from './routes/predictions.js';
import { submitPath, submitRoutes } from './routes/submit.js';
import { MODELS } from './models/index.js';
import { sheddingServer } from './shed-submits.js';
import { uploadContentRoute, uploadRoutes } from './routes/uploads.js';
import { remoteFilesRoute } from './routes/files.js';
import { playgroundPlugin } from './playground.js';
import { jsonBodyParser } from './json-body.js';
import { setServedHeaders } from './served-type.js';
import { trackInFlight } from './in-flight.js';
import { webhookDeliveryRoutes } from './routes/webhook-deliveries.js';

export async function buildServer(ctx: ServiceContext, options: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger === false ? false : { level: ctx.config.logLevel },
    bodyLimit: ctx.config.bodyLimit,
    // X-Forwarded-* count only when MOVIOLA_TRUST_PROXY says so (else a client could set our URLs)
    // (a hop count is a number, which Fastify accepts though its types do not list it)
    trustProxy: ctx.config.trustProxy as boolean | string[],
    // SSE streams must not hold a shutdown open
    forceCloseConnections: true,
    logController: new LogController({ disableRequestLogging: ctx.config.logLevel !== 'debug' }),
    // while the submit gates are closed, a burst of submits is refused before Fastify sees it
    serverFactory: sheddingServer(ctx, new Set(MODELS.map(submitPath))),
  });

  app.decorateRequest('account', null as never);
  jsonBodyParser(app);
  ctx.inFlight = trackInFlight(app);
  app.setErrorHandler(errorHandler(ctx.config.bodyLimit));
  // every route schema is TypeBox, validated by Fastify with field-and-rule messages
  app.setValidatorCompiler(validatorCompiler);
  app.setNotFoundHandler((request, reply) => {
    const error = apiError('ROUTE_NOT_FOUND', { method: request.method, url: request.url.split('?')[0]! });
    return reply.status(404).send(failure(404, error.message, error.code));
  });
  app.addHook('onResponse', async (request, reply) => {
    ctx.metrics.http(request.method, request.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
  });

  await app.register((await import('@fastify/swagger')).default, {
    openapi: {
      info: { title: 'Moviola API', version: '0.1.0', description: 'WaveSpeed-compatible image-to-video with sound. Envelope: {code, message, data}.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });
  await app.register((await import('@fastify/swagger-ui')).default, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  // blobs: files from the data dir, or streamed from a remote store (S3)
  if (ctx.storage.read) await remoteFilesRoute(app, ctx);
  else await app.register((await import('@fastify/static')).default, {
    root: (ctx.storage as { root?: string }).root ?? ctx.storage.scratchDir(),
    prefix: '/files/',
    index: false,
    list: false,
    dotfiles: 'deny',
    cacheControl: true,
    maxAge: '7d',
    immutable: true,
    // the sniffed media type, nosniff and a no-script CSP (an upload is never a page on our origin)
    setHeaders: setServedHeaders,
  });

  // the Playground (web/dist, built by `npm install`) at /
  await app.register(playgroundPlugin);

  await healthRoutes(app, ctx);
  await uploadContentRoute(app, ctx);
  await modelRoutes(app);
  await app.register(async (api) => {
    // onRequest: a request without a valid key is refused before its body is read
    api.addHook('onRequest', await authenticate(api, ctx));
    await submitRoutes(api, ctx);
    await predictionRoutes(api, ctx);
    await uploadRoutes(api, ctx);
    await accountRoutes(api, ctx);
    await webhookDeliveryRoutes(api, ctx);
  });
  return app;
}
