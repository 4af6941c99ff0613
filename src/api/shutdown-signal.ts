/**
 * The moment a graceful shutdown lets go of the requests that wait: sync-mode submits answer with
 * the prediction's current state, SSE streams send a final event and end. Fired by the service's
 * close() after running renders had their grace period (start-service.ts).
 *
 * @example
 *   const off = ctx.shutdown.on(() => answerNow()); … off();
 */
export class ShutdownSignal {
  private fired = false;
  private readonly listeners = new Set<() => void>();

  get begun(): boolean {
    return this.fired;
  }

  /** calls `listener` when the signal fires (at once if it already has); returns the unsubscribe function */
  on(listener: () => void): () => void {
    if (this.fired) {
      queueMicrotask(listener);
      return () => {};
    }
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  fire(): void {
    if (this.fired) return;
    this.fired = true;
    for (const listener of [...this.listeners]) listener();
    this.listeners.clear();
  }
}
