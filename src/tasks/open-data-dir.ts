/**
 * Opens what a process needs from its configuration: the task store (SQLite in the data dir, or
 * PostgreSQL with DATABASE_URL; migrated), blob storage (the data dir, or S3 with
 * MOVIOLA_STORAGE_URL) and the event bus the store notifies. Shared by `moviola serve`, `worker`,
 * `keys` and `migrate`.
 *
 * @example
 *   const { store, storage, events } = await openDataDir('./data');
 *   const distributed = await openDataDir('./data', new TaskEvents(), { databaseUrl, storageUrl });
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { openStorage } from '../storage/open-storage.js';
import { openStore } from './open-store.js';
import { TaskEvents } from './task-events.js';

export interface OpenDataDirOptions {
  databaseUrl?: string;
  storageUrl?: string;
  logger?: Pick<Logger, 'info' | 'warn' | 'error'>;
  onReconnect?: () => void;
}

export async function openDataDir(dataDir: string, events = new TaskEvents(), options: OpenDataDirOptions = {}) {
  await mkdir(join(dataDir, 'blobs'), { recursive: true });
  await mkdir(join(dataDir, 'tmp'), { recursive: true });
  const store = await openStore({ ...options, dataDir, events });
  const storage = await openStorage(options.storageUrl, dataDir);
  return { store, storage, events };
}
