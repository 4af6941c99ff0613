/**
 * Submit-time image analysis on a worker thread, so a large image being checked never stalls the
 * API's event loop (other requests, SSE streams, progress). Same answer as `analyzeImage()`: the
 * Scene, or the engine's InputError.
 *
 * @example
 *   const scene = await analyzeInThread(bytes, cacheDir);   // throws InputError('IMAGE_TOO_SMALL', …) etc.
 */
import { Worker } from 'node:worker_threads';
import { builtFile } from '../../bundles/entries.js';
import { InputError, type InputErrorCode } from '../../engine/errors.js';
import type { Scene } from '../../engine/scene.js';

type Reply = { id: number; scene?: Scene; inputError?: { code: InputErrorCode; message: string; field: string }; error?: string };

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, { resolve: (scene: Scene) => void; reject: (error: Error) => void }>();

function thread(): Worker {
  if (worker) return worker;
  // built by npm run build:bundles (see bundles/entries.ts)
  const w = new Worker(builtFile('analyze-thread'));
  w.unref();
  w.on('message', (reply: Reply) => {
    const waiter = pending.get(reply.id);
    if (!waiter) return;
    pending.delete(reply.id);
    if (reply.scene) waiter.resolve(reply.scene);
    else if (reply.inputError) waiter.reject(new InputError(reply.inputError.code, reply.inputError.message, reply.inputError.field));
    else waiter.reject(new Error(`analysis thread: ${reply.error}`));
  });
  const fail = (error: Error) => {
    worker = undefined;
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  };
  w.on('error', fail);
  w.on('exit', (code) => fail(new Error(`analysis thread exited with code ${code}`)));
  worker = w;
  return w;
}

/** `cacheDir`: the disk cache of analysed scenes (config.sceneCacheDir), or null */
export function analyzeInThread(bytes: Buffer, cacheDir: string | null): Promise<Scene> {
  const id = nextId++;
  return new Promise<Scene>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    // a copy is sent: the caller keeps its bytes (they are stored next)
    thread().postMessage({ id, bytes: new Uint8Array(bytes), cacheDir });
  });
}

/** the running thread's warm-up: one per thread, awaited by every caller while it runs */
let warmed: { thread: Worker; done: Promise<void> } | undefined;

/**
 * Starts the thread and runs one analysis so the first submit does not pay for loading. A thread
 * that has run it is warm: a second caller (a service with in-process workers warms up for both;
 * a second service in one process) waits for the same analysis instead of running another.
 */
export async function warmUpAnalysis(): Promise<void> {
  const w = thread();
  if (warmed?.thread !== w) {
    const done = (async () => {
      const sharp = (await import('sharp')).default;
      const sample = await sharp({ create: { width: 320, height: 320, channels: 3, background: { r: 120, g: 140, b: 160 } } }).png().toBuffer();
      await analyzeInThread(sample, null);
    })();
    warmed = { thread: w, done };
    // a failed warm-up is not kept: the next caller tries again
    done.catch(() => { if (warmed?.done === done) warmed = undefined; });
  }
  await warmed!.done;
}

let holders = 0;

/**
 * A service or a worker holds the thread while it runs; its close lets go, and the last one to let
 * go ends the thread. Another service in the same process (tests start several) keeps its warm
 * thread and its models, and no analysis of its own is cut short by a neighbour's close.
 */
export function holdAnalysisThread(): () => Promise<void> {
  holders++;
  let held = true;
  return async () => {
    if (!held) return;
    held = false;
    if (--holders === 0) await stopAnalysisThread();
  };
}

/** ends the thread now, whoever holds it (tests) */
export async function stopAnalysisThread(): Promise<void> {
  const w = worker;
  worker = undefined;
  await w?.terminate();
}
