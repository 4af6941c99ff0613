/**
 * Retention of predictions (MOVIOLA_RETENTION_DAYS): finished predictions created before the cutoff
 * are listed with their blobs, then replaced by tombstones (expired_predictions) in one transaction.
 * Portable SQL (SQLite and PostgreSQL).
 *
 * @example
 *   const due = await expiringPredictions(db, cutoffMs, 100); // delete their blobs, then:
 *   await tombstonePredictions(db, due.map((p) => p.id), Date.now());
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { blobKeys } from '../input-keys.js';

export interface ExpiringPrediction { id: string; accountId: string; blobKeys: string[] }

export async function expiringPredictions(db: Kysely<Database>, createdBefore: number, limit: number): Promise<ExpiringPrediction[]> {
  const rows = await db.selectFrom('predictions').select(['id', 'account_id', 'image_key', 'input', 'output_keys', 'poster_key'])
    .where('status', 'in', ['completed', 'failed', 'cancelled']).where('created_at', '<', createdBefore)
    .orderBy('created_at').limit(limit).execute();
  return rows.map((r) => ({
    id: r.id, accountId: r.account_id,
    // every file it holds, last_image's stored copy included
    blobKeys: blobKeys({ imageKey: r.image_key, input: JSON.parse(r.input), outputKeys: JSON.parse(r.output_keys) as string[], posterKey: r.poster_key }),
  }));
}

export async function tombstonePredictions(db: Kysely<Database>, predictions: ExpiringPrediction[], now: number): Promise<void> {
  if (predictions.length === 0) return;
  const ids = predictions.map((p) => p.id);
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('expired_predictions').values(predictions.map((p) => ({ id: p.id, account_id: p.accountId, expired_at: now })))
      .onConflict((oc) => oc.column('id').doNothing()).execute();
    await trx.deleteFrom('webhook_deliveries').where('prediction_id', 'in', ids).execute();
    await trx.deleteFrom('predictions').where('id', 'in', ids).execute();
  });
}

/** when the account's prediction expired, or undefined (never existed, or another account's) */
export async function expiredAt(db: Kysely<Database>, id: string, accountId: string): Promise<Date | undefined> {
  const row = await db.selectFrom('expired_predictions').select('expired_at')
    .where('id', '=', id).where('account_id', '=', accountId).executeTakeFirst();
  return row ? new Date(Number(row.expired_at)) : undefined;
}
