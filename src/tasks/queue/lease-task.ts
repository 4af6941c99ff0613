/**
 * Leases the oldest runnable task: `created`, or `processing` whose lease expired (its worker died).
 * On PostgreSQL the candidate row is locked `FOR UPDATE SKIP LOCKED`, so concurrent workers in any
 * number of processes each get a different task and never wait on each other. A task whose workers
 * already died MAX_ATTEMPTS times is failed and refunded instead (LIFECYCLE.abandon).
 * Fairness: with `maxRunningPerAccount`, a waiting task whose account already has that many
 * renders under a live lease is passed over for the next account's, so one account's burst cannot
 * hold every worker (MOVIOLA_MAX_RUNNING_PER_ACCOUNT).
 *
 * @example
 *   const { leased, abandoned } = await leaseTask(sdb, 'host:123:w0', 30_000, { maxRunningPerAccount: 4 });
 */
import { transition, LIFECYCLE } from '../lifecycle.js';
import { toPrediction } from '../rows.js';
import { skipLocked, type StoreDb } from '../store-db.js';
import type { Prediction } from '../types.js';

/** a task whose worker died this many times is failed instead of retried forever */
export const MAX_ATTEMPTS = 3;

export interface LeaseOptions {
  /** at most this many live leases per account (default: no limit) */
  maxRunningPerAccount?: number;
}

export async function leaseTask({ db, dialect }: StoreDb, owner: string, leaseMs: number, options: LeaseOptions = {}): Promise<{ leased?: Prediction; abandoned: string[] }> {
  const cap = options.maxRunningPerAccount;
  const abandoned: string[] = [];
  const leased = await db.transaction().execute(async (trx) => {
    for (;;) {
      const now = Date.now();
      const candidate = await skipLocked(trx.selectFrom('predictions').select(['id', 'attempts', 'started_at'])
        .where((eb) => eb.or([
          cap === undefined
            ? eb('status', '=', 'created')
            : eb.and([
              eb('status', '=', 'created'),
              // accounts at their cap of live leases wait their turn
              eb('account_id', 'not in', eb.selectFrom('predictions as running').select('running.account_id')
                .where('running.status', '=', 'processing').where('running.lease_expires_at', '>=', now)
                .groupBy('running.account_id').having((h) => h.fn.countAll(), '>=', cap)),
            ]),
          eb.and([eb('status', '=', 'processing'), eb('lease_expires_at', '<', now)]),
        ]))
        .orderBy('created_at').orderBy('id').limit(1), dialect).executeTakeFirst();
      if (!candidate) return undefined;
      if (Number(candidate.attempts) >= MAX_ATTEMPTS) {
        await transition(trx, 'abandon', candidate.id, { fields: { error: `the worker stopped ${candidate.attempts} times while rendering this prediction` } });
        abandoned.push(candidate.id);
        continue;
      }
      const row = await trx.updateTable('predictions').set((eb) => ({
        status: LIFECYCLE.lease.to, lease_owner: owner, lease_expires_at: now + leaseMs, attempts: eb('attempts', '+', 1),
        started_at: candidate.started_at ?? now, updated_at: now,
      })).where('id', '=', candidate.id).returningAll().executeTakeFirstOrThrow();
      return toPrediction(row);
    }
  });
  return { leased, abandoned };
}
