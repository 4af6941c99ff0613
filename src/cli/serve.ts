/** `moviola serve` — the API, with MOVIOLA_WORKERS renders in the same process (0: API only, for the distributed mode). */
import type { Command } from 'commander';

export function registerServe(program: Command): void {
  program.command('serve')
    .description('serve the WaveSpeed-compatible API with in-process workers (PORT, HOST, MOVIOLA_DATA_DIR, …)')
    .option('--port <port>', 'port to listen on (env PORT, default 8080; 0 = any free port)')
    .option('--host <host>', 'address to bind (env HOST, default 127.0.0.1)')
    .option('--data-dir <dir>', 'state directory (env MOVIOLA_DATA_DIR, default ./data)')
    .addHelpText('after', `
Examples:
  $ moviola serve                                  # http://127.0.0.1:8080, state in ./data
  $ PORT=9000 MOVIOLA_API_KEY=secret moviola serve # a known key with the starting balance
  $ moviola serve --host 0.0.0.0 --data-dir /srv/moviola
  $ DATABASE_URL=postgres://moviola@db/moviola MOVIOLA_STORAGE_URL='s3://clips?endpoint=http://minio:9000&forcePathStyle=true' \
    MOVIOLA_WORKERS=0 moviola serve                # an API-only process of the distributed mode (see: moviola worker)

Environment: PORT, HOST, MOVIOLA_DATA_DIR, MOVIOLA_CACHE_DIR (analysed scenes; default <data dir>/cache, off: none), MOVIOLA_PUBLIC_URL, MOVIOLA_API_KEY, MOVIOLA_START_BALANCE,
MOVIOLA_WORKERS, MOVIOLA_SYNC_TIMEOUT_MS, MOVIOLA_WEBHOOK_BACKOFF_MS, MOVIOLA_IMAGE_TIMEOUT_MS,
MOVIOLA_NSFW=off, MOVIOLA_RENDER_AREA (test/dev knob: render small), LOG_LEVEL, MOVIOLA_LEASE_MS,
DATABASE_URL (PostgreSQL instead of SQLite), MOVIOLA_STORAGE_URL (s3://… with AWS_* credentials),
MOVIOLA_ALLOW_PRIVATE_URLS, MOVIOLA_TRUST_PROXY, MOVIOLA_MAX_QUEUED_PER_ACCOUNT, MOVIOLA_MAX_RUNNING_PER_ACCOUNT, MOVIOLA_MAX_QUEUED,
MOVIOLA_MAX_PENDING_IMAGES, MOVIOLA_AUTH_FAILURES_PER_MINUTE, MOVIOLA_SHUTDOWN_GRACE_MS, MOVIOLA_RETENTION_DAYS.

SIGTERM/SIGINT shut down gracefully: no new submits, running renders finish within
MOVIOLA_SHUTDOWN_GRACE_MS (else they go back to the queue), waiting clients get their answers, exit 0.`)
    .action(async (options: { port?: string; host?: string; dataDir?: string }) => {
      // loaded here so other commands (and --help) do not pay for the server's modules
      const { configFromEnv } = await import('../api/config.js');
      const { startService } = await import('../api/start-service.js');
      let config, service;
      try {
        config = configFromEnv({
          ...process.env,
          ...(options.port !== undefined ? { PORT: options.port } : {}),
          ...(options.host !== undefined ? { HOST: options.host } : {}),
          ...(options.dataDir !== undefined ? { MOVIOLA_DATA_DIR: options.dataDir } : {}),
        });
        service = await startService(config);
      } catch (error) {
        // a bad setting, an unreachable DATABASE_URL, a port in use: one line, not a stack trace
        process.stderr.write(`moviola serve: ${(error as Error).message}\n`);
        process.exit(1);
      }
      // graceful: running renders get MOVIOLA_SHUTDOWN_GRACE_MS, waiting clients their answers, exit 0
      const shutdown = (signal: string) => {
        service.app.log.info(`${signal}: shutting down (grace ${config.shutdownGraceMs} ms)`);
        service.close().then(() => process.exit(0), (error) => {
          service.app.log.error({ err: error }, 'shutdown failed');
          process.exit(1);
        });
      };
      process.once('SIGINT', () => shutdown('SIGINT'));
      process.once('SIGTERM', () => shutdown('SIGTERM'));
    });
}
