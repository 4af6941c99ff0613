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

Environment: PORT, HOST, MOVIOLA_DATA_DIR, MOVIOLA_PUBLIC_URL, MOVIOLA_API_KEY, MOVIOLA_START_BALANCE,
MOVIOLA_WORKERS, MOVIOLA_SYNC_TIMEOUT_MS, MOVIOLA_WEBHOOK_BACKOFF_MS, MOVIOLA_IMAGE_TIMEOUT_MS,
MOVIOLA_NSFW=off, MOVIOLA_RENDER_AREA (test/dev knob: render small), LOG_LEVEL, MOVIOLA_LEASE_MS,
DATABASE_URL (PostgreSQL instead of SQLite), MOVIOLA_STORAGE_URL (s3://… with AWS_* credentials).`)
    .action(async (options: { port?: string; host?: string; dataDir?: string }) => {
      // loaded here so other commands (and --help) do not pay for the server's modules
      const { configFromEnv } = await import('../api/config.js');
      const { startService } = await import('../api/start-service.js');
      const config = configFromEnv({
        ...process.env,
        ...(options.port !== undefined ? { PORT: options.port } : {}),
        ...(options.host !== undefined ? { HOST: options.host } : {}),
        ...(options.dataDir !== undefined ? { MOVIOLA_DATA_DIR: options.dataDir } : {}),
      });
      const service = await startService(config);
      const shutdown = (signal: string) => {
        service.app.log.info(`${signal}: shutting down`);
        service.close().then(() => process.exit(0), () => process.exit(1));
      };
      process.once('SIGINT', () => shutdown('SIGINT'));
      process.once('SIGTERM', () => shutdown('SIGTERM'));
    });
}
