/**
 * Sync mode's answer when the wait ends before the prediction is terminal, whatever its state
 * (created or processing): shaped so the official WaveSpeed SDKs raise their sync-timeout error
 * rather than report a failure — `data.code: 5004` and an error starting "Sync mode timed out"
 * with the result URL to poll. The prediction goes on (and is charged once) either way.
 *
 * @example
 *   markSyncTimeout(wire, 300_000); // wire.code === 5004, wire.error === 'Sync mode timed out after 300 s; …'
 */

/** WaveSpeed's code for "sync wait over, task still running" (the SDKs test `data.code == 5004`) */
export const SYNC_TIMEOUT_CODE = 5004;

export function markSyncTimeout<T extends { error: string; urls: { get: string } }>(wire: T, waitedMs: number): T & { code: number } {
  return Object.assign(wire, {
    code: SYNC_TIMEOUT_CODE,
    error: `Sync mode timed out after ${Math.round(waitedMs / 1000)} s; the prediction goes on: poll ${wire.urls.get}`,
  });
}
