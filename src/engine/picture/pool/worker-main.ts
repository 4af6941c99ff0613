/**
 * The render worker's body: keeps one FrameRenderer per active render (keyed by setup id) and
 * answers frame requests with I420 frames whose buffers are transferred, not copied.
 *
 * Messages in: { type: 'setup', setup } | { type: 'frame', id, index } | { type: 'release', id } | { type: 'ping' }.
 * Messages out: { type: 'frame', id, index, data } | { type: 'error', id, index, message } | { type: 'pong' }.
 */
import { parentPort } from 'node:worker_threads';
import { createRenderer, type FrameRenderer } from '../kernel/renderer.js';
import type { RenderSetup } from '../types.js';

type Message =
  | { type: 'setup'; setup: RenderSetup }
  | { type: 'frame'; id: number; index: number }
  | { type: 'release'; id: number }
  | { type: 'ping' };

const renderers = new Map<number, FrameRenderer | Error>();
const port = parentPort!;

port.on('message', (msg: Message) => {
  if (msg.type === 'ping') {
    port.postMessage({ type: 'pong', id: -1, index: -1 });
  } else if (msg.type === 'setup') {
    try { renderers.set(msg.setup.id, createRenderer(msg.setup)); } catch (err) { renderers.set(msg.setup.id, err as Error); }
  } else if (msg.type === 'release') {
    renderers.delete(msg.id);
  } else {
    const r = renderers.get(msg.id);
    try {
      if (!r) throw new Error(`picture worker: unknown render ${msg.id}`);
      if (r instanceof Error) throw r;
      const data = r.render(msg.index);
      port.postMessage({ type: 'frame', id: msg.id, index: msg.index, data }, [data.buffer as ArrayBuffer]);
    } catch (err) {
      port.postMessage({ type: 'error', id: msg.id, index: msg.index, message: err instanceof Error ? err.stack ?? err.message : String(err) });
    }
  }
});
