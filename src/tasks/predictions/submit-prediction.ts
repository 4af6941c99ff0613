/**
 * Inserts a prediction and reserves its charge in one transaction. The balance rule is in SQL
 * (`UPDATE … SET balance = balance - charge WHERE balance >= charge`), so two API processes
 * submitting at once can never overdraw an account. An idempotency key already used by the account
 * returns the first prediction instead — also when two submits race (the unique index decides).
 *
 * @example
 *   const outcome = await submitPrediction(sdb, newPrediction); // → { kind: 'created', prediction }
 */
import type { Selectable } from 'kysely';
import { toPrediction } from '../rows.js';
import type { PredictionsTable } from '../schema.js';
import type { StoreDb } from '../store-db.js';
import type { NewPrediction, SubmitOutcome } from '../types.js';
import { findByIdempotencyKey } from './find-prediction.js';

export async function submitPrediction(sdb: StoreDb, p: NewPrediction): Promise<SubmitOutcome> {
  const { db } = sdb;
  try {
    return await db.transaction().execute(async (trx): Promise<SubmitOutcome> => {
      if (p.idempotencyKey) {
        const twin = await trx.selectFrom('predictions').selectAll()
          .where('account_id', '=', p.accountId).where('idempotency_key', '=', p.idempotencyKey).executeTakeFirst();
        if (twin) return { kind: 'existing', prediction: toPrediction(twin) };
      }
      const charged = await trx.updateTable('accounts').set((eb) => ({ balance_micros: eb('balance_micros', '-', p.chargeMicros) }))
        .where('id', '=', p.accountId).where('balance_micros', '>=', p.chargeMicros).returning('balance_micros').executeTakeFirst();
      if (!charged) {
        const account = await trx.selectFrom('accounts').select('balance_micros').where('id', '=', p.accountId).executeTakeFirstOrThrow();
        return { kind: 'insufficient', balanceMicros: Number(account.balance_micros) };
      }
      const now = Date.now();
      const row: Selectable<PredictionsTable> = {
        id: p.id, account_id: p.accountId, model: p.model, status: 'created', input: JSON.stringify(p.input),
        image_key: p.imageKey, resolution: p.resolution, progress: 0, error: '', output_keys: '[]', poster_key: null,
        plan: null, has_nsfw: '[]', inference_ms: 0, charge_micros: p.chargeMicros, charge_state: 'reserved',
        webhook_url: p.webhookUrl, idempotency_key: p.idempotencyKey, input_hash: p.inputHash, base_url: p.baseUrl,
        attempts: 0, lease_owner: null, lease_expires_at: null, created_at: now, started_at: null, finished_at: null, updated_at: now,
      };
      await trx.insertInto('predictions').values(row).execute();
      return { kind: 'created', prediction: toPrediction(row) };
    });
  } catch (error) {
    // a concurrent submit with the same idempotency key won the unique index: answer with its prediction
    const twin = p.idempotencyKey ? await findByIdempotencyKey(sdb, p.accountId, p.idempotencyKey) : undefined;
    if (twin) return { kind: 'existing', prediction: twin };
    throw error;
  }
}
