/**
 * The store's numbered migrations, applied in order by Kysely's Migrator (at every start, and by
 * `moviola migrate`). Add a migration by adding a file and one row here; never edit a shipped one.
 * The Migrator takes a lock, so processes starting together migrate once.
 *
 * @example
 *   const applied = await migrateToLatest(db); // → ['0002-settings-and-lease-index']
 */
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as m0001 from './0001-initial.js';
import * as m0002 from './0002-settings-and-lease-index.js';
import * as m0003 from './0003-expired-predictions.js';

export const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-settings-and-lease-index': m0002,
  '0003-expired-predictions': m0003,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** applies the pending migrations; returns their names; throws with the failing migration's name */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const { error, results = [] } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`task store: migration ${failed} failed: ${(error as Error).message ?? String(error)}`);
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
