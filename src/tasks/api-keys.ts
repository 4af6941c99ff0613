/**
 * API keys: `mvl_` + 32 random base64url characters. Only the SHA-256 of a key is stored (keys are
 * high-entropy, so a fast hash is enough and lets every request look its key up by hash).
 *
 * @example
 *   const { account, key } = await createAccountWithKey(store, 'alice', 100);
 *   (await store.accountByKeyHash(hashKey(key)))?.id === account.id // → true
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Account, TaskStore } from './types.js';

export function newApiKey(): string {
  return `mvl_${randomBytes(24).toString('base64url')}`;
}

export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** dollars → the store's integer micro-dollars */
export function toMicros(dollars: number): number {
  return Math.round(dollars * 1_000_000);
}

export function fromMicros(micros: number): number {
  return micros / 1_000_000;
}

/** A new account with a starting balance (dollars) and its first key, returned in clear this once. */
export async function createAccountWithKey(store: TaskStore, name: string, balance: number, key = newApiKey()): Promise<{ account: Account; key: string }> {
  const account = await store.createAccount(name, toMicros(balance));
  await store.addKey(account.id, name, hashKey(key));
  return { account, key };
}
