/**
 * The lease holder settles its task: `complete` keeps the charge and stores the outputs, `fail`
 * refunds it (LIFECYCLE). False when the worker no longer holds the task (cancelled, or its lease
 * expired and another worker took it): the result is then not wanted.
 *
 * @example
 *   await settleTask(sdb, id, owner, 'complete', { output_keys: '["outputs/…/output.mp4"]', … });
 */
import type { Updateable } from 'kysely';
import { transition } from '../lifecycle.js';
import type { PredictionsTable } from '../schema.js';
import type { StoreDb } from '../store-db.js';

export async function settleTask({ db }: StoreDb, id: string, owner: string, event: 'complete' | 'fail', fields: Updateable<PredictionsTable>): Promise<boolean> {
  const row = await db.transaction().execute((trx) => transition(trx, event, id, { owner, fields }));
  return row !== undefined;
}
