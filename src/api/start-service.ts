/**
 * Starts the whole embedded service: the SQLite store and blob storage in the data dir, the API, the
 * in-process workers and the webhook dispatcher. Ensures an API key exists (MOVIOLA_API_KEY, or a
 * new one printed once), warms the engine's models up before listening, and returns the bound URL.
 *
 * @example
 *   const service = await startService(configFromEnv());
 *   console.log(service.url); // → http://127.0.0.1:8080
 *   await service.close();
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ServiceConfig } from './config.js';
import type { ServiceContext } from './context.js';
import { createMetrics } from './metrics.js';
import { buildServer } from './server.js';
import { createAccountWithKey, hashKey } from '../tasks/api-keys.js';
import { openDataDir } from '../tasks/open-data-dir.js';
import { TERMINAL } from '../tasks/types.js';
import { WebhookDispatcher } from '../worker/webhook-dispatcher.js';
import { WebhookEvents } from '../worker/webhook-events.js';
import { WorkerPool } from '../worker/worker-pool.js';
import { warmUpEngine } from '../worker/warm-up.js';
import { stopAnalysisThread, warmUpAnalysis } from './analyze-thread/analyze-in-thread.js';

export interface Service {
  app: FastifyInstance;
  ctx: ServiceContext;
  url: string;
  /** the key created at boot when no key existed (printed once), else undefined */
  createdKey?: string;
  close(): Promise<void>;
}

export interface StartOptions {
  /** where to print the created key and the address (default stdout) */
  print?: (line: string) => void;
  logger?: boolean;
}

async function signingKey(dataDir: string): Promise<Buffer> {
  const file = join(dataDir, 'signing.key');
  try {
    return Buffer.from((await readFile(file, 'utf8')).trim(), 'base64');
  } catch {
    const key = randomBytes(32);
    await writeFile(file, key.toString('base64'), { mode: 0o600 });
    return key;
  }
}


export async function startService(config: ServiceConfig, options: StartOptions = {}): Promise<Service> {
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const { store, storage, events } = await openDataDir(config.dataDir);
  // embedded: no other process can hold a lease, so tasks in flight at a crash run again now
  await store.releaseAllLeases();
  // …and their half-written scratch files are garbage
  await rm(join(config.dataDir, 'tmp'), { recursive: true, force: true });
  await mkdir(join(config.dataDir, 'tmp'), { recursive: true });

  let createdKey: string | undefined;
  if (config.apiKey && !(await store.accountByKeyHash(hashKey(config.apiKey)))) {
    await createAccountWithKey(store, 'default', config.startBalance, config.apiKey);
  }
  if ((await store.countKeys()) === 0) {
    createdKey = (await createAccountWithKey(store, 'default', config.startBalance)).key;
    print(`moviola: created API key ${createdKey} (balance $${config.startBalance}); it is shown only this once and stored hashed`);
  }

  const metrics = createMetrics(() => store.queueDepth());
  const ctx: ServiceContext = { config, store, storage, events, metrics, signingKey: await signingKey(config.dataDir), wake: () => {} };
  const app = await buildServer(ctx, { logger: options.logger });

  // webhook_events_filter's start and progress events (completed goes through the outbox)
  const webhookEvents = new WebhookEvents(store, storage, app.log);
  const pool = new WorkerPool({
    store, storage, events,
    concurrency: config.workers,
    leaseMs: config.leaseMs,
    nsfw: config.nsfw,
    renderArea: config.renderArea,
    logger: app.log,
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
  const webhooks = new WebhookDispatcher({ store, storage, backoffMs: config.webhookBackoffMs, logger: app.log });
  const offTerminal = events.onAny((_id, status) => TERMINAL.has(status) && webhooks.kick());

  // models load before the first request, so it does not pay for them
  await Promise.all([
    warmUpAnalysis().catch((error) => app.log.warn({ err: error }, 'analysis warm-up failed')),
    config.workers > 0 ? warmUpEngine({ nsfw: config.nsfw, logger: app.log }) : undefined,
  ]);

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  pool.start();
  webhooks.start();
  print(`moviola: listening on ${url} (data in ${config.dataDir}; docs at ${url}/docs)`);

  let closing: Promise<void> | undefined;
  return {
    app, ctx, url, createdKey,
    close() {
      closing ??= (async () => {
        offTerminal();
        await app.close();
        await pool.stop();
        await webhooks.stop();
        await store.close();
        await stopAnalysisThread();
      })();
      return closing;
    },
  };
}
