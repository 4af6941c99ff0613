/**
 * The render worker's body (built by `npm run build:bundles`, see bundles/entries.ts; workerData carries the compiled kernels):
 * keeps one FrameRenderer per active render (keyed by setup id) and
 * answers frame requests with I420 frames, written into the render's shared frame ring when the
 * request names a slot, else in a buffer that is transferred, not copied.
 *
 * It also runs setup tasks (./setup-tasks.ts) for a render not started yet, beside the main thread's own setup.
 *
 * Messages in: { type: 'setup', setup } | { type: 'frame', id, index, ring?, offset? } | { type: 'release', id } | { type: 'ping' }
 *   | { type: 'task', id, task, input }.
 * Messages out: { type: 'frame', id, index, data } | { type: 'error', id, index, message } | { type: 'pong' }
 *   | { type: 'task', id, result } | { type: 'task-error', id, message }.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createRenderer, type FrameRenderer } from '../kernel/renderer.js';
import type { RenderSetup } from '../types.js';
import { useKernelModule } from '../kernel/wasm/load.js';
import { resultBuffers, SETUP_TASKS, type SetupTask } from './setup-tasks.js';

type Message =
  | { type: 'setup'; setup: RenderSetup }
  | { type: 'frame'; id: number; index: number; ring?: SharedArrayBuffer; offset?: number }
  | { type: 'release'; id: number }
  | { type: 'ping' }
  | { type: 'task'; id: number; task: SetupTask; input: never };

useKernelModule((workerData as { kernels: WebAssembly.Module }).kernels);

const renderers = new Map<number, FrameRenderer | Error>();
const port = parentPort!;

port.on('message', (msg: Message) => {
  if (msg.type === 'ping') {
    port.postMessage({ type: 'pong', id: -1, index: -1 });
  } else if (msg.type === 'setup') {
    try { renderers.set(msg.setup.id, createRenderer(msg.setup)); } catch (err) { renderers.set(msg.setup.id, err as Error); }
  } else if (msg.type === 'release') {
    renderers.delete(msg.id);
  } else if (msg.type === 'task') {
    try {
      const result = SETUP_TASKS[msg.task](msg.input);
      port.postMessage({ type: 'task', id: msg.id, result }, resultBuffers(result));
    } catch (err) {
      port.postMessage({ type: 'task-error', id: msg.id, message: err instanceof Error ? err.stack ?? err.message : String(err) });
    }
  } else {
    const r = renderers.get(msg.id);
    try {
      if (!r) throw new Error(`picture worker: unknown render ${msg.id}`);
      if (r instanceof Error) throw r;
      if (msg.ring) {
        // into the render's shared frame ring: nothing to allocate or transfer
        r.render(msg.index, new Uint8Array(msg.ring, msg.offset));
        port.postMessage({ type: 'frame', id: msg.id, index: msg.index, data: null });
      } else {
        const data = r.render(msg.index);
        port.postMessage({ type: 'frame', id: msg.id, index: msg.index, data }, [data.buffer as ArrayBuffer]);
      }
    } catch (err) {
      port.postMessage({ type: 'error', id: msg.id, index: msg.index, message: err instanceof Error ? err.stack ?? err.message : String(err) });
    }
  }
});
