/**
 * Waits until a prediction is terminal (completed, failed, cancelled) or `timeoutMs` passes, then
 * returns its latest state. Used by sync mode.
 *
 * @example
 *   const p = await waitForTerminal(ctx, id, 60_000);
 */
import type { ServiceContext } from './context.js';
import { TERMINAL, type Prediction } from '../tasks/types.js';

export async function waitForTerminal(ctx: ServiceContext, id: string, timeoutMs: number): Promise<Prediction | undefined> {
  const current = await ctx.store.get(id);
  if (!current || TERMINAL.has(current.status)) return current;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(done, timeoutMs);
    // a slow poll too, in case a change happened in another process
    const poll = setInterval(() => void ctx.store.get(id).then((p) => (!p || TERMINAL.has(p.status)) && done()), 2000);
    const off = ctx.events.on(id, (status) => TERMINAL.has(status) && done());
    // a graceful shutdown answers with the current state rather than leave the client hanging
    const offShutdown = ctx.shutdown.on(done);
    function done() {
      clearTimeout(timer);
      clearInterval(poll);
      off();
      offShutdown();
      resolve();
    }
  });
  return ctx.store.get(id);
}
