/**
 * The helper thread: one worker, started on first use and kept, that runs the stages listed in
 * ./tasks.ts beside the calling thread. It is unref'd while idle, so a CLI or test process exits
 * without closing it; if it dies, its pending tasks fail with the reason and the next task starts
 * a fresh one.
 *
 * @example const cues = await onHelper('pixels', { image, small });
 */
import { Worker } from 'node:worker_threads';
import { builtWorker } from '../util/built-worker.js';
import type { HelperInput, HelperResult, HelperTask } from './tasks.js';

interface Pending { resolve: (result: never) => void; reject: (err: Error) => void }
interface Helper { worker: Worker; pending: Map<number, Pending> }
interface Reply { id: number; result?: never; error?: { message: string; stack?: string } }

/**
 * The helper's young generation (MB): its work is loops over typed arrays, whose bytes live
 * outside the V8 heap, so a small nursery costs no measurable time; left to grow, it takes 32 MB
 * of the process's peak (a 1080p clip's pixel cues and soundtrack: 48 → 20 MB of heap).
 */
const HELPER_YOUNG_MB = 6;

let helper: Promise<Helper> | null = null;
/** the started helper, once it is: tasks are then posted at once, not a tick later */
let ready: Helper | null = null;
let nextId = 1;

function start(): Promise<Helper> {
  const started = builtWorker('helper').then((code) => {
    const worker = new Worker(code, { resourceLimits: { maxYoungGenerationSizeMb: HELPER_YOUNG_MB } });
    const h: Helper = { worker, pending: new Map() };
    worker.on('message', (msg: Reply) => {
      const p = h.pending.get(msg.id);
      if (!p) return;
      h.pending.delete(msg.id);
      if (!h.pending.size) worker.unref();
      if (msg.error) {
        const err = new Error(msg.error.message);
        if (msg.error.stack) err.stack = msg.error.stack;
        p.reject(err);
      } else p.resolve(msg.result!);
    });
    const fail = (err: Error) => {
      if (helper === started) helper = null;
      if (ready === h) ready = null;
      for (const p of h.pending.values()) p.reject(err);
      h.pending.clear();
    };
    worker.on('error', (err) => { fail(err); void worker.terminate(); });
    worker.on('exit', (code) => fail(new Error(`the helper thread exited with code ${code}`)));
    // after the listeners: adding a 'message' listener refs the worker again
    worker.unref();
    if (helper === started) ready = h;
    return h;
  });
  started.catch(() => { if (helper === started) helper = null; });
  return started;
}

function post<K extends HelperTask>(h: Helper, task: K, input: HelperInput<K>): Promise<HelperResult<K>> {
  return new Promise<HelperResult<K>>((resolve, reject) => {
    const id = nextId++;
    h.pending.set(id, { resolve: resolve as (r: never) => void, reject });
    h.worker.ref();
    h.worker.postMessage({ id, task, input });
  });
}

/**
 * Runs a task on the helper thread. Once the helper has started (see warmHelper) the task is
 * posted before this returns, so the caller may then block its own thread.
 */
export function onHelper<K extends HelperTask>(task: K, input: HelperInput<K>): Promise<HelperResult<K>> {
  if (ready) return post(ready, task, input);
  return (helper ??= start()).then((h) => post(h, task, input));
}

/** Starts the helper thread now (and, with `speech`, loads its English speech engine and the SoundFont). */
export async function warmHelper(options: { speech?: boolean } = {}): Promise<void> {
  if (options.speech) await onHelper('warmSound', null);
  else await (helper ??= start());
}

/** Stops the helper thread (a later task starts a fresh one). */
export async function closeHelper(): Promise<void> {
  const h = helper;
  helper = null;
  ready = null;
  await (await h?.catch(() => null))?.worker.terminate();
}
