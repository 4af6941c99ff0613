/**
 * The render pool: a few worker threads started once and reused across renders. Workers are
 * unref'd while idle, so a CLI or test process exits without closing them; `closePicturePool()`
 * terminates them outright. Frames of one render are spread over the workers and may finish out
 * of order; the caller puts them back in order. Before a render, a worker may also run one of its
 * setup tasks (./setup-tasks.ts), beside the main thread's own setup.
 *
 * @example await warmPicturePool(); … ; await closePicturePool();
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RenderSetup } from '../types.js';
import { kernelModule } from '../kernel/wasm/load.js';
import { builtWorker } from '../../util/built-worker.js';
import type { SetupInput, SetupResult, SetupTask } from './setup-tasks.js';

interface Pending<T = Uint8Array | null> { resolve: (data: T) => void; reject: (err: Error) => void }

interface Slot {
  worker: Worker;
  pending: Map<string, Pending>;
  /** setup tasks under way, by task id */
  tasks: Map<number, Pending<never>>;
  failed: Error | null;
}

const key = (id: number, index: number) => `${id}:${index}`;

export class RenderPool {
  private slots: Slot[] = [];
  private active = 0;
  private nextTask = 1;

  /** code: the worker's built file (see builtWorker) */
  constructor(readonly size: number, private readonly code: URL) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const worker = new Worker(this.code, { workerData: { kernels: kernelModule() } });
    const slot: Slot = { worker, pending: new Map(), tasks: new Map(), failed: null };
    worker.on('message', (msg: { type: string; id: number; index: number; data?: Uint8Array | null; message?: string; result?: never }) => {
      if (msg.type === 'task' || msg.type === 'task-error') {
        const t = slot.tasks.get(msg.id);
        if (!t) return;
        slot.tasks.delete(msg.id);
        if (msg.type === 'task') t.resolve(msg.result!);
        else t.reject(new Error(`picture: setup task failed: ${msg.message}`));
        return;
      }
      const p = slot.pending.get(key(msg.id, msg.index));
      if (!p) return;
      slot.pending.delete(key(msg.id, msg.index));
      if (msg.type === 'frame') p.resolve(msg.data ?? null);
      else p.reject(new Error(`picture: frame ${msg.index} failed: ${msg.message}`));
    });
    const fail = (err: Error) => {
      slot.failed = err;
      for (const p of [...slot.pending.values(), ...slot.tasks.values()]) p.reject(err);
      slot.pending.clear();
      slot.tasks.clear();
      const i = this.slots.indexOf(slot);
      if (i >= 0) { this.slots[i] = this.spawn(); if (this.active === 0) this.slots[i]!.worker.unref(); }
    };
    worker.on('error', fail);
    worker.on('exit', (code) => { if (!slot.failed && code !== 0) fail(new Error(`picture worker exited with code ${code}`)); });
    if (this.active === 0) worker.unref();
    return slot;
  }

  /** Keep the process alive while a render uses the pool. */
  acquire(): void {
    if (this.active++ === 0) for (const s of this.slots) s.worker.ref();
  }

  release(): void {
    if (--this.active === 0) for (const s of this.slots) s.worker.unref();
  }

  setup(setup: RenderSetup): void {
    for (const s of this.slots) s.worker.postMessage({ type: 'setup', setup });
  }

  forget(id: number): void {
    for (const s of this.slots) s.worker.postMessage({ type: 'release', id });
  }

  /**
   * Renders a frame on the least busy worker: into `ring` at byte `offset` when given (resolves
   * null), else into a fresh buffer handed over to this thread.
   */
  frame(id: number, index: number, target?: { ring: SharedArrayBuffer; offset: number }): Promise<Uint8Array | null> {
    const slot = this.slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    return new Promise((resolve, reject) => {
      slot.pending.set(key(id, index), { resolve, reject });
      slot.worker.postMessage({ type: 'frame', id, index, ...target });
    });
  }

  /**
   * Runs a setup task on the least busy worker (the process is kept alive meanwhile). The input is
   * copied but for the buffers in `transfer`, which are handed over.
   */
  async task<K extends SetupTask>(task: K, input: SetupInput<K>, transfer: ArrayBuffer[] = []): Promise<SetupResult<K>> {
    const slot = this.slots.reduce((a, b) => (b.pending.size + b.tasks.size < a.pending.size + a.tasks.size ? b : a));
    const id = this.nextTask++;
    this.acquire();
    try {
      return await new Promise<SetupResult<K>>((resolve, reject) => {
        slot.tasks.set(id, { resolve: resolve as (r: never) => void, reject });
        slot.worker.postMessage({ type: 'task', id, task, input }, transfer);
      });
    } finally {
      this.release();
    }
  }

  /** Round-trips a no-op to every worker, so module loading is done before the first render. */
  async ready(): Promise<void> {
    this.acquire();
    try {
      await this.pingAll();
    } finally {
      this.release();
    }
  }

  private async pingAll(): Promise<void> {
    await Promise.all(this.slots.map((s) => new Promise<void>((resolve, reject) => {
      const onMsg = (m: { type: string }) => { if (m.type === 'pong') { s.worker.off('message', onMsg); resolve(); } };
      s.worker.on('message', onMsg);
      s.worker.once('error', reject);
      s.worker.postMessage({ type: 'ping' });
    })));
  }

  async close(): Promise<void> {
    const slots = this.slots;
    this.slots = [];
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}

let pool: Promise<RenderPool> | null = null;

/** The shared pool (started on first use): one worker per core, at most 4. */
export function picturePool(): Promise<RenderPool> {
  if (!pool) {
    const size = Math.max(1, Math.min(4, Number(process.env.MOVIOLA_PICTURE_WORKERS) || availableParallelism()));
    const started = builtWorker('picture-worker').then((code) => new RenderPool(size, code));
    started.catch(() => { if (pool === started) pool = null; });
    pool = started;
  }
  return pool;
}

/** Starts the workers and loads their code now, so the first render doesn't pay for it. */
export async function warmPicturePool(): Promise<void> {
  await (await picturePool()).ready();
}

/** Terminates the workers (a later render starts a fresh pool). */
export async function closePicturePool(): Promise<void> {
  const p = pool;
  pool = null;
  await (await p?.catch(() => null))?.close();
}
