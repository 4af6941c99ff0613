/**
 * Retries a store write that threw (the database restarting, a connection cut) with a growing delay,
 * for up to `forMs`: a finished render is not thrown away because PostgreSQL blinked. An answer of
 * `false` (the lease was lost) is an answer, not an error, and is not retried.
 *
 * @example
 *   const settled = await persist(() => store.complete(id, owner, completion), { forMs: 120_000 });
 */
export async function persist<T>(write: () => Promise<T>, options: { forMs: number; onRetry?: (error: unknown) => void }): Promise<T> {
  const deadline = Date.now() + options.forMs;
  let delay = 100;
  for (;;) {
    try {
      return await write();
    } catch (error) {
      if (Date.now() + delay > deadline) throw error;
      options.onRetry?.(error);
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 2000);
    }
  }
}
