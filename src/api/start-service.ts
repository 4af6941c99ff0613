/**
 * Starts the service: the task store (SQLite in the data dir, or PostgreSQL with DATABASE_URL), blob
 * storage (the data dir, or S3 with MOVIOLA_STORAGE_URL), the API, MOVIOLA_WORKERS in-process
 * workers (0: API only, for the distributed mode's `moviola worker` processes) and the webhook
 * dispatcher. Ensures an API key exists (MOVIOLA_API_KEY, or a
 * new one printed once), warms the engine's models up before listening, and returns the bound URL.
 *
 * @example
 *   const service = await startService(configFromEnv());
 *   console.log(service.url); // → http://127.0.0.1:8080
 *   await service.close();
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ServiceConfig } from './config.js';
import type { ServiceContext } from './context.js';
import { createMetrics } from './metrics.js';
import { buildServer } from './server.js';
import { createAccountWithKey, hashKey, toMicros } from '../tasks/api-keys.js';
import { openDataDir } from '../tasks/open-data-dir.js';
import { TaskEvents } from '../tasks/task-events.js';
import { TERMINAL } from '../tasks/types.js';
import { WebhookDispatcher } from '../worker/webhook-dispatcher.js';
import { guardedFetch } from './outbound/guarded-fetch.js';
import { ShutdownSignal } from './shutdown-signal.js';
import { RetentionSweeper } from '../worker/retention-sweeper.js';
import { WebhookEvents } from '../worker/webhook-events.js';
import { WorkerPool } from '../worker/worker-pool.js';
import { warmUpEngine } from '../worker/warm-up.js';
import { holdAnalysisThread, warmUpAnalysis } from './analyze-thread/analyze-in-thread.js';

export interface Service {
  app: FastifyInstance;
  ctx: ServiceContext;
  url: string;
  /** the key created at boot when no key existed (printed once), else undefined */
  createdKey?: string;
  /** deletes what retention says is due as of `now` (runs by itself at start and every 10 minutes) */
  sweepRetention(now?: number): Promise<{ predictions: number; uploads: number }>;
  /**
   * graceful stop: refuses new submits, lets running renders finish within MOVIOLA_SHUTDOWN_GRACE_MS
   * (or returns them to the queue), answers waiting sync requests and ends SSE streams, then closes
   */
  close(): Promise<void>;
}

export interface StartOptions {
  /** where to print the created key and the address (default stdout) */
  print?: (line: string) => void;
  logger?: boolean;
}

/**
 * The upload-URL signing key, shared by every API process through the store. A data dir from before
 * the store kept it still has it as a file: that key is carried over, so its signed URLs stay valid.
 */
async function signingKey(store: ServiceContext['store'], dataDir: string): Promise<Buffer> {
  const legacy = await readFile(join(dataDir, 'signing.key'), 'utf8').then((t) => t.trim(), () => undefined);
  return Buffer.from(await store.sharedSetting('upload_signing_key', () => legacy ?? randomBytes(32).toString('base64')), 'base64');
}


/** gives the requests the shutdown signal released a moment to write their answers (bounded) */
async function waitForAnswers(ctx: ServiceContext): Promise<void> {
  const deadline = Date.now() + 2000;
  await new Promise((resolve) => setImmediate(resolve));
  while (Date.now() < deadline && (ctx.inFlight?.() ?? 0) > 0) await new Promise((resolve) => setTimeout(resolve, 20));
}

export async function startService(config: ServiceConfig, options: StartOptions = {}): Promise<Service> {
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  let reconnected = () => {};
  const { store, storage, events } = await openDataDir(config.dataDir, new TaskEvents(), {
    databaseUrl: config.databaseUrl, storageUrl: config.storageUrl, onReconnect: () => reconnected(),
  });
  if (!config.databaseUrl) {
    // embedded: no other process can hold a lease, so tasks in flight at a crash run again now
    await store.releaseAllLeases();
    // …and their half-written scratch files are garbage
    await rm(join(config.dataDir, 'tmp'), { recursive: true, force: true });
    await mkdir(join(config.dataDir, 'tmp'), { recursive: true });
  }

  let createdKey: string | undefined;
  if (config.apiKey) await store.ensureAccountWithKey('default', toMicros(config.startBalance), hashKey(config.apiKey));
  else if ((await store.countKeys()) === 0) {
    createdKey = (await createAccountWithKey(store, 'default', config.startBalance)).key;
    print(`moviola: created API key ${createdKey} (balance $${config.startBalance}); it is shown only this once and stored hashed`);
  }

  const metrics = createMetrics(() => store.queueDepth());
  const ctx: ServiceContext = { config, store, storage, events, metrics, signingKey: await signingKey(store, config.dataDir), wake: () => {}, shutdown: new ShutdownSignal() };
  const app = await buildServer(ctx, { logger: options.logger });

  // webhook_events_filter's start and progress events (completed goes through the outbox)
  // webhooks leave through the outbound guard
  const fetch = guardedFetch(config.outboundPolicy);
  const webhookEvents = new WebhookEvents(store, storage, app.log, fetch);
  const pool = new WorkerPool({
    store, storage, events,
    concurrency: config.workers,
    leaseMs: config.leaseMs,
    maxRunningPerAccount: config.maxRunningPerAccount,
    nsfw: config.nsfw,
    renderArea: config.renderArea,
    sceneCacheDir: config.sceneCacheDir,
    logger: app.log,
    // woken by every new task (NOTIFY from any process, distributed); the poll finds expired leases
    pollMs: config.databaseUrl ? Math.min(5000, config.leaseMs / 2) : undefined,
    onStarted: (task) => {
      metrics.started((Date.now() - task.createdAt.getTime()) / 1000);
      webhookEvents.started(task);
    },
    onProgress: (task, percent) => webhookEvents.progress(task, percent),
    onFinished: (task, status, seconds) => {
      metrics.finished(status, task.model, seconds);
      webhookEvents.finished(task);
    },
  });
  ctx.wake = () => pool.wake();
  const webhooks = new WebhookDispatcher({ store, storage, backoffMs: config.webhookBackoffMs, logger: app.log, fetch });
  const retention = new RetentionSweeper({ store, storage, retentionDays: config.retentionDays, logger: app.log });
  ctx.kickWebhooks = () => webhooks.kick();
  const offTerminal = events.onAny((_id, status) => TERMINAL.has(status) && webhooks.kick());
  const offCreated = events.onAny((_id, status) => status === 'created' && pool.wake());
  reconnected = () => {
    pool.wake();
    webhooks.kick();
  };

  // models load before the first request, so it does not pay for them
  const releaseAnalysisThread = holdAnalysisThread();
  await Promise.all([
    warmUpAnalysis().catch((error) => app.log.warn({ err: error }, 'analysis warm-up failed')),
    config.workers > 0 ? warmUpEngine({ nsfw: config.nsfw, logger: app.log }) : undefined,
  ]);

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  ctx.listenUrl = url;
  pool.start();
  webhooks.start();
  retention.start();
  print(`moviola: listening on ${url} (data in ${config.dataDir}; docs at ${url}/docs)`);

  let closing: Promise<void> | undefined;
  return {
    app, ctx, url, createdKey,
    sweepRetention: (now) => retention.sweep(now),
    close() {
      closing ??= (async () => {
        ctx.shuttingDown = true;
        await pool.drain(config.shutdownGraceMs);
        // renders are settled or back in the queue: waiting clients get the state as it now is
        ctx.shutdown.fire();
        await waitForAnswers(ctx);
        offTerminal();
        offCreated();
        await retention.stop();
        await app.close();
        await webhooks.stop();
        await store.close();
        await releaseAnalysisThread();
      })();
      return closing;
    },
  };
}
