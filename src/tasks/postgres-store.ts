/**
 * The distributed task store: PostgreSQL (Kysely's PostgresDialect over a `pg` pool) behind the
 * shared `KyselyTaskStore`, plus change notifications across processes: every committed change is
 * sent with NOTIFY on one channel, and a dedicated LISTEN connection (pg-listener.ts) feeds them
 * to this process's TaskEvents — SSE, sync mode, cancel reaching the worker, idle workers waking.
 * The pool reconnects by itself after a database restart (a failed query fails; the next one
 * opens a new connection).
 *
 * @example
 *   const store = await openPostgresStore('postgres://moviola@db/moviola', events);
 */
import pg from 'pg';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { Logger } from 'pino';
import { PgListener, TASKS_CHANNEL } from './pg-listener.js';
import type { Database } from './schema.js';
import type { TaskEvents } from './task-events.js';
import { KyselyTaskStore } from './task-store.js';
import type { PredictionStatus } from './types.js';

// bigint columns (epoch ms, micro-dollars) as numbers: all stay far below 2^53
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export interface PostgresStoreOptions {
  /** connections in this process's pool */
  poolSize?: number;
  logger?: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** after the LISTEN connection came back (changes may have been missed meanwhile) */
  onReconnect?: () => void;
}

export async function openPostgresStore(url: string, events: TaskEvents, options: PostgresStoreOptions = {}): Promise<KyselyTaskStore> {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, connectionTimeoutMillis: 10_000 });
  // an idle connection cut by a database restart must not crash the process; the pool replaces it
  pool.on('error', (error) => options.logger?.warn({ err: error }, 'postgres: idle connection lost'));
  // …nor may one cut while checked out (its query fails and is retried or reported by the caller)
  pool.on('connect', (client) => client.on('error', (error) => options.logger?.warn({ err: error }, 'postgres: connection lost')));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const listener = new PgListener(url, (payload) => {
    const [id, status] = payload.split(':');
    if (id && status) events.emit(id, status as PredictionStatus);
  }, options);
  try {
    await listener.start();
  } catch (error) {
    await pool.end().catch(() => {});
    const where = (() => { try { const u = new URL(url); return `${u.hostname}:${u.port || 5432}${u.pathname}`; } catch { return 'the given address'; } })();
    throw new Error(`DATABASE_URL: cannot connect to PostgreSQL at ${where}: ${(error as Error).message}`);
  }
  const send = (payload: string) => sql`SELECT pg_notify(${TASKS_CHANNEL}, ${payload})`.execute(db);
  const notify = (id: string, status: PredictionStatus) => {
    // once more on failure: the first try may have drawn a pooled connection a restart had cut
    send(`${id}:${status}`).catch(() => send(`${id}:${status}`))
      .catch((error) => {
        // the change is committed; other processes' slow polls and lease renewals still see it
        options.logger?.warn({ err: error, prediction: id }, 'postgres: notify failed');
        events.emit(id, status);
      });
  };
  return new KyselyTaskStore({ db, dialect: 'postgres' }, notify, () => listener.stop());
}
