/** `moviola worker` — a render-only process for the distributed mode (no HTTP server). */
import type { Command } from 'commander';

export function registerWorker(program: Command): void {
  program.command('worker')
    .description('render tasks from the shared queue, without serving the API (DATABASE_URL, MOVIOLA_STORAGE_URL, MOVIOLA_WORKERS, …)')
    .option('--data-dir <dir>', 'state directory: scratch space; and the SQLite file and blobs when DATABASE_URL / MOVIOLA_STORAGE_URL are unset (env MOVIOLA_DATA_DIR, default ./data)')
    .addHelpText('after', `
Examples:
  $ DATABASE_URL=postgres://moviola@db/moviola \\
    MOVIOLA_STORAGE_URL='s3://clips?endpoint=http://minio:9000&region=us-east-1&forcePathStyle=true' \\
    AWS_ACCESS_KEY_ID=… AWS_SECRET_ACCESS_KEY=… MOVIOLA_WORKERS=2 moviola worker

Run any number of workers on any hosts, beside \`MOVIOLA_WORKERS=0 moviola serve\` API processes.
SIGTERM or SIGINT: running renders may finish within MOVIOLA_SHUTDOWN_GRACE_MS (default 30 s), the rest go
back to the queue, and the worker exits; a worker that dies
instead loses its lease after MOVIOLA_LEASE_MS and another worker renders the task.

Environment: DATABASE_URL, MOVIOLA_STORAGE_URL (+ AWS_* credentials), MOVIOLA_WORKERS (renders at a
time, default 1), MOVIOLA_LEASE_MS, MOVIOLA_DATA_DIR, MOVIOLA_CACHE_DIR (analysed scenes; default <data dir>/cache, off: none), MOVIOLA_WEBHOOK_BACKOFF_MS, MOVIOLA_NSFW=off,
MOVIOLA_RENDER_AREA (test/dev knob: render small), MOVIOLA_MAX_RUNNING_PER_ACCOUNT, MOVIOLA_SHUTDOWN_GRACE_MS,
MOVIOLA_ALLOW_PRIVATE_URLS (webhooks), LOG_LEVEL.`)
    .action(async (options: { dataDir?: string }) => {
      // loaded here so other commands (and --help) do not pay for the engine's modules
      const { configFromEnv } = await import('../api/config.js');
      const { startWorker } = await import('../worker/start-worker.js');
      let worker;
      try {
        const config = configFromEnv({ ...process.env, ...(options.dataDir !== undefined ? { MOVIOLA_DATA_DIR: options.dataDir } : {}) });
        worker = await startWorker(config);
      } catch (error) {
        process.stderr.write(`moviola worker: ${(error as Error).message}\n`);
        process.exit(1);
      }
      const shutdown = () => worker.close().then(() => process.exit(0), () => process.exit(1));
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    });
}
