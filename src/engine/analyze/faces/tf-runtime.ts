/**
 * The one TensorFlow.js runtime of the process: @tensorflow/tfjs on the WASM backend (SIMD,
 * single-threaded), initialised once and shared by every model we run (face-api's detectors here,
 * nsfwjs in the worker). The .wasm binaries load from node_modules by file path, never the network.
 *
 * Every caller must go through `tfRuntime()`: tfjs-backend-wasm's `setWasmPaths` throws once the
 * backend is initialised, so a second module calling it on its own would fail.
 *
 * @example
 *   const tf = await tfRuntime();
 *   const t = tf.zeros([2, 2]); // runs on 'wasm'
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { speedUpConcat } from './fast-concat.js';

export type Tf = typeof import('@tensorflow/tfjs');

const require = createRequire(import.meta.url);
let runtime: Promise<Tf> | undefined;

async function init(): Promise<Tf> {
  // require, not import: the same CommonJS instance face-api and nsfwjs require, so one engine
  const tf = require('@tensorflow/tfjs') as Tf;
  const wasm = require('@tensorflow/tfjs-backend-wasm') as typeof import('@tensorflow/tfjs-backend-wasm');
  if (tf.getBackend() !== 'wasm') {
    const before = processListeners();
    const dir = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
    wasm.setWasmPaths(`${dir}/`);
    // one thread (Node has no WASM threads here anyway): the 2 cores are the renderer's
    wasm.setThreadsCount(1);
    if (!(await tf.setBackend('wasm'))) await tf.setBackend('cpu');
    else speedUpConcat(tf);
    dropNewListeners(before);
  }
  await tf.ready();
  tf.enableProdMode();
  return tf;
}

/** The shared tfjs module, its backend set (wasm, or cpu if wasm cannot start). */
export function tfRuntime(): Promise<Tf> {
  runtime ??= init().catch((err) => {
    runtime = undefined;
    throw err;
  });
  return runtime;
}

const EVENTS = ['uncaughtException', 'unhandledRejection'] as const;
type Listener = (...args: unknown[]) => void;

function processListeners(): Map<string, Listener[]> {
  return new Map(EVENTS.map((e) => [e, process.listeners(e as 'uncaughtException') as Listener[]]));
}

/**
 * Emscripten's Node glue adds process-wide 'uncaughtException'/'unhandledRejection' handlers that
 * just rethrow; they would pre-empt the server's own. Take them back off.
 */
function dropNewListeners(before: Map<string, Listener[]>): void {
  for (const event of EVENTS) {
    const old = before.get(event) ?? [];
    for (const l of process.listeners(event as 'uncaughtException') as Listener[]) {
      if (!old.includes(l)) process.removeListener(event, l);
    }
  }
}
