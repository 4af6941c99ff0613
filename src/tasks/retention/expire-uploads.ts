/**
 * Retention of uploads: finished uploads older than the retention period, and tickets never used
 * (no bytes PUT) older than their hour, are listed with their blob key, then deleted.
 *
 * @example
 *   const due = await expiringUploads(db, { completeBefore, ticketBefore, limit: 100 });
 *   await deleteUploads(db, due.map((u) => u.id));
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export async function expiringUploads(db: Kysely<Database>, q: { completeBefore: number; ticketBefore: number; limit: number }): Promise<Array<{ id: string; key: string }>> {
  return db.selectFrom('uploads').select(['id', 'key'])
    .where((eb) => eb.or([
      eb.and([eb('complete', '=', 1), eb('created_at', '<', q.completeBefore)]),
      eb.and([eb('complete', '=', 0), eb('created_at', '<', q.ticketBefore)]),
    ]))
    .orderBy('created_at').limit(q.limit).execute();
}

export async function deleteUploads(db: Kysely<Database>, ids: string[]): Promise<void> {
  if (ids.length) await db.deleteFrom('uploads').where('id', 'in', ids).execute();
}
