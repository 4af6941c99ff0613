/**
 * What every query operation receives: the Kysely instance and which engine is behind it. The SQL is
 * the same for both; the only dialect switch is row locking (`FOR UPDATE SKIP LOCKED`), which
 * PostgreSQL needs for concurrent workers and SQLite has no use for (it writes one transaction at a time).
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

export interface StoreDb {
  db: Kysely<Database>;
  dialect: Dialect;
}

/** `FOR UPDATE SKIP LOCKED` on PostgreSQL; nothing on SQLite */
export function skipLocked<Q extends { forUpdate(): Q; skipLocked(): Q }>(qb: Q, dialect: Dialect): Q {
  return dialect === 'postgres' ? qb.forUpdate().skipLocked() : qb;
}
