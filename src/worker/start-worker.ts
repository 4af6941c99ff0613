/**
 * Starts a worker process (`moviola worker`): no HTTP server, only MOVIOLA_WORKERS render loops that
 * lease tasks from the shared store (PostgreSQL in the distributed mode), render them, store the
 * outputs (S3) and settle them, plus a webhook dispatcher that shares the outbox with every other
 * process. Idle loops wake on NOTIFY; the engine's models load before the first lease.
 *
 * @example
 *   const worker = await startWorker(configFromEnv());
 *   process.once('SIGTERM', () => worker.close());
 */
import pino from 'pino';
import type { ServiceConfig } from '../api/config.js';
import { openDataDir } from '../tasks/open-data-dir.js';
import { TaskEvents } from '../tasks/task-events.js';
import { TERMINAL } from '../tasks/types.js';
import { guardedFetch } from '../api/outbound/guarded-fetch.js';
import { WebhookDispatcher } from './webhook-dispatcher.js';
import { WebhookEvents } from './webhook-events.js';
import { WorkerPool } from './worker-pool.js';
import { warmUpEngine } from './warm-up.js';
import { holdAnalysisThread } from '../api/analyze-thread/analyze-in-thread.js';

export interface WorkerProcess {
  close(): Promise<void>;
}

export async function startWorker(config: ServiceConfig, print: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Promise<WorkerProcess> {
  const logger = pino({ level: config.logLevel });
  const concurrency = Math.max(1, config.workers);
  let reconnected = () => {};
  const { store, storage, events } = await openDataDir(config.dataDir, new TaskEvents(), {
    databaseUrl: config.databaseUrl, storageUrl: config.storageUrl, logger, onReconnect: () => reconnected(),
  });
  // webhooks leave through the outbound guard, as from the API process
  const fetch = guardedFetch(config.outboundPolicy);
  const webhookEvents = new WebhookEvents(store, storage, logger, fetch);
  const pool = new WorkerPool({
    store, storage, events, concurrency,
    leaseMs: config.leaseMs,
    maxRunningPerAccount: config.maxRunningPerAccount,
    nsfw: config.nsfw,
    renderArea: config.renderArea,
    sceneCacheDir: config.sceneCacheDir,
    logger,
    // woken by every new task; the poll only finds leases that expired (a worker died)
    pollMs: Math.min(5000, config.leaseMs / 2),
    onStarted: (task) => webhookEvents.started(task),
    onProgress: (task, percent) => webhookEvents.progress(task, percent),
    onFinished: (task) => webhookEvents.finished(task),
  });
  const webhooks = new WebhookDispatcher({ store, storage, backoffMs: config.webhookBackoffMs, logger, fetch });
  const offCreated = events.onAny((_id, status) => status === 'created' && pool.wake());
  const offTerminal = events.onAny((_id, status) => TERMINAL.has(status) && webhooks.kick());
  reconnected = () => {
    pool.wake();
    webhooks.kick();
  };
  const releaseAnalysisThread = holdAnalysisThread();
  await warmUpEngine({ nsfw: config.nsfw, logger });
  pool.start();
  webhooks.start();
  print(`moviola worker: ready, ${concurrency} render${concurrency === 1 ? '' : 's'} at a time (tasks in ${config.databaseUrl ? 'PostgreSQL' : `${config.dataDir}/moviola.db`}, blobs in ${config.storageUrl ? 'S3' : config.dataDir})`);

  let closing: Promise<void> | undefined;
  return {
    close() {
      closing ??= (async () => {
        offCreated();
        offTerminal();
        // running renders may finish within the grace period; the rest go back to the queue
        await pool.drain(config.shutdownGraceMs);
        await webhooks.stop();
        await store.close();
        await releaseAnalysisThread();
      })();
      return closing;
    },
  };
}
