/**
 * The prediction lifecycle as one table: for each event, the states it may start from, the state it
 * ends in, what happens to the reserved charge, whether only the lease holder may cause it, and
 * whether the account's webhook hears of it. Every state change in the store goes through
 * `transition()`, which turns a row of this table into one guarded UPDATE (its rule is in SQL: the
 * `WHERE status IN (…)` makes a second, racing transition a no-op, in SQLite and PostgreSQL alike).
 *
 * @example
 *   const row = await transition(trx, 'complete', id, { owner, fields: { output_keys: '["…"]' } });
 *   // row: the prediction after the change, or undefined when it was not in a `from` state
 */
import type { Kysely, Transaction, Updateable } from 'kysely';
import { newId } from './ids.js';
import type { Database, PredictionsTable } from './schema.js';
import type { PredictionStatus } from './types.js';

export type LifecycleEvent = 'lease' | 'release' | 'complete' | 'fail' | 'abandon' | 'cancel' | 'delete';

export interface Transition {
  from: readonly PredictionStatus[];
  to: PredictionStatus;
  /** settle: the reserved charge is kept; refund: it goes back to the balance; none: still reserved */
  money: 'none' | 'settle' | 'refund';
  /** only the worker holding the lease may cause it */
  owned: boolean;
  /** a webhook delivery is queued in the same transaction (the outbox) */
  webhook: boolean;
}

export const LIFECYCLE: Record<LifecycleEvent, Transition> = {
  // a worker takes a queued task, or one whose lease expired (queue/lease-task.ts adds the expiry rule)
  lease: { from: ['created', 'processing'], to: 'processing', money: 'none', owned: false, webhook: false },
  // graceful shutdown: back to the queue, not counted as an attempt
  release: { from: ['processing'], to: 'created', money: 'none', owned: true, webhook: false },
  complete: { from: ['processing'], to: 'completed', money: 'settle', owned: true, webhook: true },
  fail: { from: ['processing'], to: 'failed', money: 'refund', owned: true, webhook: true },
  // its workers kept dying (MAX_ATTEMPTS leases): failed by whoever finds it
  abandon: { from: ['created', 'processing'], to: 'failed', money: 'refund', owned: false, webhook: true },
  cancel: { from: ['created', 'processing'], to: 'cancelled', money: 'refund', owned: false, webhook: true },
  // deleting a live prediction cancels it first; nobody is told (it is gone)
  delete: { from: ['created', 'processing'], to: 'cancelled', money: 'refund', owned: false, webhook: false },
};

export const CHARGE_STATE: Record<Transition['money'], string | undefined> = { none: undefined, settle: 'settled', refund: 'refunded' };

export interface TransitionOptions {
  /** the lease holder (required by `owned` events) */
  owner?: string;
  /** only this account's prediction */
  accountId?: string;
  /** further columns to set (outputs, error, …) */
  fields?: Updateable<PredictionsTable>;
}

/** Applies one lifecycle event to one prediction inside `trx`; returns the row after it, or undefined. */
export async function transition(
  trx: Transaction<Database> | Kysely<Database>, event: LifecycleEvent, id: string, options: TransitionOptions = {},
) {
  const rule = LIFECYCLE[event];
  if (rule.owned && !options.owner) throw new Error(`lifecycle: "${event}" needs the lease owner`);
  const now = Date.now();
  const terminal = rule.to === 'completed' || rule.to === 'failed' || rule.to === 'cancelled';
  const chargeState = CHARGE_STATE[rule.money];
  const row = await trx.updateTable('predictions')
    .set({
      ...options.fields,
      status: rule.to,
      updated_at: now,
      ...(terminal ? { finished_at: now, lease_owner: null, lease_expires_at: null } : {}),
      ...(chargeState ? { charge_state: chargeState } : {}),
      ...(rule.to === 'completed' ? { progress: 100 } : {}),
    })
    .where('id', '=', id)
    .where('status', 'in', rule.from)
    .$if(rule.owned, (qb) => qb.where('lease_owner', '=', options.owner!))
    .$if(options.accountId !== undefined, (qb) => qb.where('account_id', '=', options.accountId!))
    .returningAll()
    .executeTakeFirst();
  if (!row) return undefined;
  if (rule.money === 'refund') {
    await trx.updateTable('accounts').set((eb) => ({ balance_micros: eb('balance_micros', '+', row.charge_micros) }))
      .where('id', '=', row.account_id).execute();
  }
  if (rule.webhook && row.webhook_url) {
    await trx.insertInto('webhook_deliveries').values({
      id: `msg_${newId()}`, prediction_id: row.id, account_id: row.account_id, url: row.webhook_url, attempts: 0,
      next_attempt_at: now, state: 'pending', last_error: '', created_at: now,
    }).execute();
  }
  return row;
}
