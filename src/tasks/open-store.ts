/**
 * Opens the task store the configuration asks for — PostgreSQL when `DATABASE_URL` is a
 * postgres:// URL, else the SQLite file in the data dir — and migrates it to the latest schema.
 * Changes reach `events`: directly (SQLite, one process) or through LISTEN/NOTIFY (PostgreSQL,
 * every process).
 *
 * @example
 *   const store = await openStore({ databaseUrl: process.env.DATABASE_URL, dataDir: './data', events });
 */
import { join } from 'node:path';
import type { Logger } from 'pino';
import { SqliteStore } from './sqlite-store.js';
import type { TaskEvents } from './task-events.js';
import type { KyselyTaskStore } from './task-store.js';

export interface OpenStoreOptions {
  databaseUrl?: string;
  dataDir: string;
  events: TaskEvents;
  logger?: Pick<Logger, 'info' | 'warn' | 'error'>;
  onReconnect?: () => void;
}

export async function openStore(options: OpenStoreOptions): Promise<KyselyTaskStore> {
  const { databaseUrl, events } = options;
  let store: KyselyTaskStore;
  if (databaseUrl) {
    if (!/^postgres(ql)?:\/\//i.test(databaseUrl)) {
      throw new Error(`DATABASE_URL: must be a postgres:// (or postgresql://) URL (got "${databaseUrl.replace(/\/\/[^@/]*@/, '//…@')}")`);
    }
    const { openPostgresStore } = await import('./postgres-store.js');
    store = await openPostgresStore(databaseUrl, events, options);
  } else {
    store = new SqliteStore({ file: join(options.dataDir, 'moviola.db'), notify: (id, status) => events.emit(id, status) });
  }
  await store.migrate();
  return store;
}
