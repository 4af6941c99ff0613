/**
 * The workers of this process: `concurrency` loops that lease a task, render it, renew the lease
 * (and report progress) while rendering, and settle it. A cancelled task, or one whose lease was
 * lost, is aborted at once. On shutdown running tasks go back to the queue; after a crash, their
 * leases expire (or, embedded, are released at boot) and they run again.
 *
 * @example
 *   const pool = new WorkerPool({ store, storage, events, concurrency: 1, leaseMs: 30_000, nsfw: true });
 *   pool.start(); … pool.wake(); … await pool.stop();
 */
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import { isInputError } from '../engine/errors.js';
import { sceneCache } from '../api/scene-cache.js';
import type { BlobStorage } from '../storage/types.js';
import { newId } from '../tasks/ids.js';
import type { TaskEvents } from '../tasks/task-events.js';
import type { Prediction, TaskStore } from '../tasks/types.js';
import { persist } from './persist.js';
import { runPrediction } from './run-prediction.js';
import { cancelIfLate } from './deadline.js';

/** how long a finished render waits for an unavailable store before it is given up (its lease then expires and it runs again) */
const SETTLE_RETRY_MS = 120_000;

export interface WorkerPoolOptions {
  store: TaskStore;
  storage: BlobStorage;
  events: TaskEvents;
  concurrency: number;
  leaseMs: number;
  /** fairness: an account's renders at once, across every worker of the store (MOVIOLA_MAX_RUNNING_PER_ACCOUNT) */
  maxRunningPerAccount?: number;
  nsfw: boolean;
  renderArea?: number;
  /** the disk cache of analysed scenes (config.sceneCacheDir); default none */
  sceneCacheDir?: string | null;
  /** how often an idle worker looks at the queue without being woken */
  pollMs?: number;
  logger?: Pick<Logger, 'info' | 'warn' | 'error'>;
  onStarted?: (task: Prediction) => void;
  /** the render's progress, 0 … 100 */
  onProgress?: (task: Prediction, percent: number) => void;
  onFinished?: (task: Prediction, status: 'completed' | 'failed', seconds: number) => void;
}

export class WorkerPool {
  private stopping = false;
  /** shutting down gracefully: no new leases, running tasks may finish */
  private draining = false;
  private readonly loops: Promise<void>[] = [];
  private readonly running = new Map<string, AbortController>();
  private sleepers: Array<() => void> = [];

  constructor(private readonly options: WorkerPoolOptions) {}

  start(): void {
    for (let i = 0; i < this.options.concurrency; i++) {
      this.loops.push(this.loop(`${hostname()}:${process.pid}:${newId().slice(0, 8)}:${i}`));
    }
  }

  /** a task was queued: idle workers look now */
  wake(): void {
    const sleepers = this.sleepers;
    this.sleepers = [];
    for (const wake of sleepers) wake();
  }

  /**
   * graceful: takes no new tasks and lets the running ones finish for up to `graceMs`; whatever is
   * still running then is aborted and returned to the queue (stop())
   */
  async drain(graceMs: number): Promise<void> {
    this.draining = true;
    this.wake();
    const deadline = Date.now() + graceMs;
    while (this.running.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, Math.min(100, Math.max(1, deadline - Date.now()))));
    await this.stop();
  }

  /** running tasks are aborted and returned to the queue */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const controller of this.running.values()) controller.abort(new Error('worker shutting down'));
    this.wake();
    await Promise.all(this.loops);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const wake = () => done();
      this.sleepers.push(wake);
      function done() {
        clearTimeout(timer);
        resolve();
      }
    });
  }

  private async loop(owner: string): Promise<void> {
    const { store, leaseMs, logger } = this.options;
    while (!this.stopping && !this.draining) {
      let task: Prediction | undefined;
      try {
        task = await store.lease(owner, leaseMs, { maxRunningPerAccount: this.options.maxRunningPerAccount });
      } catch (error) {
        logger?.error({ err: error }, 'worker: lease failed');
      }
      if (!task) {
        await this.sleep(this.options.pollMs ?? 1000);
        continue;
      }
      // a store that stayed unavailable past the settle retries: the lease expires and the task runs again
      await this.execute(task, owner).catch((error) => logger?.error({ err: error, prediction: task!.id }, 'worker: could not settle'));
    }
  }

  private async execute(task: Prediction, owner: string): Promise<void> {
    const { store, storage, events, leaseMs, logger } = this.options;
    const started = performance.now();
    // Cancel-After: a task not started by its deadline is cancelled (and refunded), not rendered
    if (await cancelIfLate(store, task).catch(() => false)) return;
    this.options.onStarted?.(task);
    const controller = new AbortController();
    this.running.set(task.id, controller);
    // stop() may have run between the lease and now
    if (this.stopping) controller.abort(new Error('worker shutting down'));
    const off = events.on(task.id, (status) => {
      if (status === 'cancelled') controller.abort(new Error('cancelled'));
    });
    let progress = 0;
    let renewing = false;
    const renewer = setInterval(() => {
      if (renewing) return;
      renewing = true;
      store.renew(task.id, owner, leaseMs, progress)
        .then((held) => held || controller.abort(new Error('lease lost')))
        .catch((error) => logger?.warn({ err: error }, 'worker: renew failed'))
        .finally(() => (renewing = false));
    }, Math.min(500, leaseMs / 3));
    try {
      const completion = await runPrediction(task, {
        storage,
        renderArea: this.options.renderArea,
        nsfw: this.options.nsfw,
        sceneCacheDir: this.options.sceneCacheDir ?? null,
        signal: controller.signal,
        onProgress: (percent) => {
          progress = percent;
          this.options.onProgress?.(task, percent);
        },
        scene: typeof task.input.image_sha256 === 'string' ? sceneCache.get(task.input.image_sha256) : undefined,
        // a worker process did not see the submit's analysis: it keeps its own for the next task with the same image
        onScene: (scene) => typeof task.input.image_sha256 === 'string' && sceneCache.set(task.input.image_sha256, scene),
      });
      clearInterval(renewer);
      const retry = { forMs: SETTLE_RETRY_MS, onRetry: (error: unknown) => logger?.warn({ err: error, prediction: task.id }, 'worker: store unavailable; retrying') };
      if (await persist(() => store.complete(task.id, owner, completion), retry)) {
        this.options.onFinished?.(task, 'completed', (performance.now() - started) / 1000);
      } else {
        // cancelled or deleted meanwhile: its files are not wanted
        for (const key of [...completion.outputKeys, ...(completion.posterKey ? [completion.posterKey] : [])]) await storage.delete(key);
      }
    } catch (error) {
      clearInterval(renewer);
      if (this.stopping) {
        await store.release(task.id, owner).catch(() => {});
      } else if (!controller.signal.aborted) {
        const message = isInputError(error) ? error.message : `render failed: ${(error as Error)?.message ?? String(error)}`;
        if (!isInputError(error)) logger?.error({ err: error, prediction: task.id }, 'worker: render failed');
        const retry = { forMs: SETTLE_RETRY_MS, onRetry: (e: unknown) => logger?.warn({ err: e, prediction: task.id }, 'worker: store unavailable; retrying') };
        if (await persist(() => store.fail(task.id, owner, message), retry)) this.options.onFinished?.(task, 'failed', (performance.now() - started) / 1000);
      }
    } finally {
      clearInterval(renewer);
      off();
      this.running.delete(task.id);
    }
  }
}
