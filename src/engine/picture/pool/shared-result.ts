/**
 * A result one thread writes into shared memory for another to read without a message: a setup
 * task on one render worker hands it to a task on another (or the same) worker that waits for it.
 * The reader's task can then be posted before the writer is done, and neither waits for the main
 * thread's event loop (busy with its own setup) to pass the result on.
 *
 * @example
 *   const r = sharedResult(n);           // main thread: posted to both tasks
 *   settle(r, bytes);                    // the writer (or settle(r, null) when it failed)
 *   const bytes = awaitResult(r);        // the reader: blocks until settled; null when it failed
 */
export interface SharedResult {
  /** the result's bytes */
  data: Uint8Array;
  /** [0]: 0 while pending, 1 when written, 2 when the writer failed */
  state: Int32Array;
}

const PENDING = 0, WRITTEN = 1, FAILED = 2;
/** how long a reader waits for a writer that never settles (a worker that died): then it does without */
const PATIENCE_MS = 120_000;

export function sharedResult(bytes: number): SharedResult {
  return { data: new Uint8Array(new SharedArrayBuffer(bytes)), state: new Int32Array(new SharedArrayBuffer(4)) };
}

/** Writes the result (null: the writer failed) and wakes the readers. */
export function settle(result: SharedResult, data: Uint8Array | null): void {
  if (data) result.data.set(data);
  Atomics.store(result.state, 0, data ? WRITTEN : FAILED);
  Atomics.notify(result.state, 0);
}

/** The result once written (blocking until then), or null when the writer failed or never settled. */
export function awaitResult(result: SharedResult): Uint8Array | null {
  if (Atomics.load(result.state, 0) === PENDING) Atomics.wait(result.state, 0, PENDING, PATIENCE_MS);
  return Atomics.load(result.state, 0) === WRITTEN ? result.data : null;
}
