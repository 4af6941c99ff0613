/**
 * Retention (MOVIOLA_RETENTION_DAYS, default 7 like the hosted history): finished predictions older
 * than that lose their input, outputs and poster and become tombstones that answer "expired";
 * finished uploads expire with them; upload tickets never used expire after their hour. Everything
 * is decided from timestamps in the store, so the sweep that runs at start and then every
 * `intervalMs` simply continues after a restart.
 *
 * @example
 *   const sweeper = new RetentionSweeper({ store, storage, retentionDays: 7 });
 *   sweeper.start(); … await sweeper.sweep(); … sweeper.stop();
 */
import type { Logger } from 'pino';
import type { BlobStorage } from '../storage/types.js';
import type { TaskStore } from '../tasks/types.js';

/** an upload ticket's lifetime (its signed PUT URL expires with it) */
export const UPLOAD_TICKET_TTL_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const BATCH = 200;

export interface RetentionSweeperOptions {
  store: TaskStore;
  storage: BlobStorage;
  retentionDays: number;
  /** between sweeps (default 10 minutes) */
  intervalMs?: number;
  logger?: Pick<Logger, 'info' | 'warn' | 'error'>;
}

export class RetentionSweeper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(private readonly options: RetentionSweeperOptions) {}

  start(): void {
    const tick = () => {
      this.running ??= this.sweep().catch((error) => this.options.logger?.error({ err: error }, 'retention: sweep failed')).finally(() => (this.running = undefined));
    };
    tick();
    this.timer = setInterval(tick, this.options.intervalMs ?? 10 * 60 * 1000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** one sweep as of `now`; returns how many predictions and uploads expired */
  async sweep(now = Date.now()): Promise<{ predictions: number; uploads: number }> {
    const { store, storage, retentionDays } = this.options;
    // MOVIOLA_RETENTION_DAYS=0 keeps predictions and uploads forever (unused tickets still expire)
    const cutoff = retentionDays > 0 ? now - retentionDays * DAY_MS : Number.NEGATIVE_INFINITY;
    let predictions = 0;
    for (; retentionDays > 0;) {
      const due = await store.expiringPredictions(cutoff, BATCH);
      if (due.length === 0) break;
      for (const p of due) for (const key of p.blobKeys) await storage.delete(key);
      await store.tombstonePredictions(due, now);
      predictions += due.length;
      if (due.length < BATCH) break;
    }
    let uploads = 0;
    for (;;) {
      const due = await store.expiringUploads({ completeBefore: retentionDays > 0 ? cutoff : 0, ticketBefore: now - UPLOAD_TICKET_TTL_MS, limit: BATCH });
      if (due.length === 0) break;
      for (const u of due) await storage.delete(u.key);
      await store.deleteUploads(due.map((u) => u.id));
      uploads += due.length;
      if (due.length < BATCH) break;
    }
    if (predictions || uploads) this.options.logger?.info({ predictions, uploads }, 'retention: expired');
    return { predictions, uploads };
  }
}
