/**
 * The engine's one V8 setting, made once per process before the first render: no concurrent
 * on-stack replacement. The setup's long loops (synthesis, mattes, margins) run once per clip in
 * each of the main, helper and render threads' isolates; with concurrent OSR, V8 compiles their
 * optimised loop code on its background threads again and again (a job that finishes after the
 * loop has moved on is thrown away), which cost ~2.5 s of CPU per 5 s 1080p clip on 2 cores —
 * a fifth of all the engine's CPU. Compiled on the thread that runs the loop, the same code costs
 * a fraction of that and is there when the loop needs it. It changes no result (the same code is
 * compiled), only when and where it is compiled. V8 reads this flag at each OSR request, so setting
 * it at run time covers every isolate of the process, the workers' included.
 *
 * @example tuneV8(); // at the engine's entry points; a no-op after the first call
 */
import { setFlagsFromString } from 'node:v8';

let tuned = false;

export function tuneV8(): void {
  if (tuned) return;
  tuned = true;
  setFlagsFromString('--no-concurrent-osr');
}
