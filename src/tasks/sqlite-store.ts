/**
 * The embedded task store: one SQLite file (Kysely + better-sqlite3, WAL) behind the shared
 * `KyselyTaskStore`. Every state change and its money movement happen in one transaction, so a
 * crash never loses or doubles a charge.
 *
 * @example
 *   const store = new SqliteStore({ file: 'data/moviola.db', notify: (id, status) => events.emit(id, status) });
 *   await store.migrate();
 */
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { toPrediction } from './rows.js';
import type { Database as Db, PredictionsTable } from './schema.js';
import { KyselyTaskStore, type Notify } from './task-store.js';
import type { Selectable } from 'kysely';

export { MAX_ATTEMPTS } from './queue/lease-task.js';

export interface SqliteStoreOptions {
  /** the database file (":memory:" for a throwaway store) */
  file: string;
  /** called with a prediction id after every committed change (SSE, sync mode, worker wake-up) */
  notify?: Notify;
}

export class SqliteStore extends KyselyTaskStore {
  constructor(options: SqliteStoreOptions) {
    const database = new Database(options.file);
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('busy_timeout = 5000');
    const db = new Kysely<Db>({ dialect: new SqliteDialect({ database }) });
    // the hottest read (result polling): prepared statements instead of a query built per call
    // (prepared on first use: the table exists only once migrated)
    let byId: Database.Statement<[string]> | undefined;
    let byIdAndAccount: Database.Statement<[string, string]> | undefined;
    const fastGet = (id: string, accountId?: string) => {
      byId ??= database.prepare('SELECT * FROM predictions WHERE id = ?');
      byIdAndAccount ??= database.prepare('SELECT * FROM predictions WHERE id = ? AND account_id = ?');
      const row = (accountId === undefined ? byId.get(id) : byIdAndAccount.get(id, accountId)) as Selectable<PredictionsTable> | undefined;
      return row && toPrediction(row);
    };
    super({ db, dialect: 'sqlite' }, options.notify, async () => {}, fastGet);
  }
}
