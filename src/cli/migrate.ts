/** `moviola migrate` — brings the task store's schema up to date (every start does it too). */
import type { Command } from 'commander';

export function registerMigrate(program: Command): void {
  program.command('migrate')
    .description('apply pending task-store migrations (SQLite in the data dir, or DATABASE_URL) and exit')
    .option('--data-dir <dir>', 'state directory (env MOVIOLA_DATA_DIR, default ./data)')
    .addHelpText('after', `
Examples:
  $ moviola migrate                                   # ./data/moviola.db
  $ DATABASE_URL=postgres://moviola@db/moviola moviola migrate

Prints each migration it applied; nothing when the schema is current. Exit 1 if one fails.`)
    .action(async (options: { dataDir?: string }) => {
      const { configFromEnv } = await import('../api/config.js');
      const { mkdir } = await import('node:fs/promises');
      const { TaskEvents } = await import('../tasks/task-events.js');
      const { SqliteStore } = await import('../tasks/sqlite-store.js');
      const config = configFromEnv({ ...process.env, ...(options.dataDir !== undefined ? { MOVIOLA_DATA_DIR: options.dataDir } : {}) });
      if (!config.databaseUrl) await mkdir(config.dataDir, { recursive: true });
      // open without the automatic migration, so the names applied can be printed
      let store;
      try {
        store = config.databaseUrl
          ? await (await import('../tasks/postgres-store.js')).openPostgresStore(config.databaseUrl, new TaskEvents())
          : new SqliteStore({ file: (await import('node:path')).join(config.dataDir, 'moviola.db') });
      } catch (error) {
        process.stderr.write(`moviola migrate: ${(error as Error).message}\n`);
        process.exitCode = 1;
        return;
      }
      try {
        const applied = await store.migrate();
        for (const name of applied) process.stdout.write(`applied ${name}\n`);
        process.stderr.write(`task store is at the latest schema (${config.databaseUrl ? 'PostgreSQL' : `${config.dataDir}/moviola.db`})\n`);
      } catch (error) {
        process.stderr.write(`moviola migrate: ${(error as Error).message}\n`);
        process.exitCode = 1;
      } finally {
        await store.close();
      }
    });
}
