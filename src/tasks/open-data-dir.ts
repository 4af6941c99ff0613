/**
 * Opens the embedded mode's data dir: the SQLite store (migrated), blob storage and the event bus
 * the store notifies. Shared by `moviola serve` and `moviola keys`.
 *
 * @example
 *   const { store, storage, events } = await openDataDir('./data');
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { LocalStorage } from '../storage/local-storage.js';
import { SqliteStore } from './sqlite-store.js';
import { TaskEvents } from './task-events.js';

export async function openDataDir(dataDir: string, events = new TaskEvents()) {
  await mkdir(join(dataDir, 'blobs'), { recursive: true });
  await mkdir(join(dataDir, 'tmp'), { recursive: true });
  const store = new SqliteStore({ file: join(dataDir, 'moviola.db'), notify: (id, status) => events.emit(id, status) });
  await store.migrate();
  return { store, storage: new LocalStorage(dataDir), events };
}
