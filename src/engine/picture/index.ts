/**
 * picture: renders a ShotPlan's frames from the Scene and streams them, in order (DESIGN.md §1).
 *
 * Setup (resize, maps, outpainting, per-frame camera specs) runs once here; frames render on the
 * shared worker pool, out of order, a few ahead of the consumer, and are handed to `onFrame`
 * strictly in order, waiting for it (the encoder's backpressure) before asking for more. A frame
 * whose spec equals the previous one (a static shot with no effects) is not rendered again.
 *
 * @example
 *   await renderPicture(plan, scene, { onFrame: (frame, i) => ffmpeg.write(frame) });
 *   await closePicturePool(); // only when the process is done rendering
 */
import { frameCount, type ShotPlan } from '../plan.js';
import type { Scene } from '../scene.js';
import { picturePool } from './pool/pool.js';
import { prepareSetup } from './setup/prepare.js';
import type { FrameSpec } from './types.js';
import { charactersMove, type LineVoice } from './characters/index.js';

export { warmPicturePool, closePicturePool } from './pool/pool.js';

export interface PictureOptions {
  /** called with each frame in order: I420 (yuv420p, BT.601 limited range), width×height×1.5 bytes */
  onFrame: (frame: Uint8Array, index: number) => Promise<void> | void;
  signal?: AbortSignal;
  /** each spoken line's rendered voice (the soundtrack's `voices`): mouths move with it */
  voices?: readonly LineVoice[];
}

function sameFrame(a: FrameSpec, b: FrameSpec): boolean {
  if (a.amounts.some((v) => v > 0) || b.amounts.some((v) => v > 0)) return false;
  return JSON.stringify([a.poses, a.grade]) === JSON.stringify([b.poses, b.grade]);
}

function aborted(signal?: AbortSignal): Error {
  return signal?.reason instanceof Error ? signal.reason : new DOMException('The picture render was aborted', 'AbortError');
}

export async function renderPicture(plan: ShotPlan, scene: Scene, options: PictureOptions): Promise<void> {
  const { signal } = options;
  if (signal?.aborted) throw aborted(signal);
  const count = frameCount(plan);
  const setup = await prepareSetup(plan, scene, options.voices);
  const pool = picturePool();
  pool.acquire();
  pool.setup(setup);
  // which earlier frame each frame repeats (itself when it must be rendered)
  const source = setup.frames.map((_, i) => i);
  const rigs = setup.characters ?? [];
  const still = (i: number) => !rigs.length || !charactersMove(rigs, i);
  for (let i = 1; i < count; i++) if (sameFrame(setup.frames[i - 1]!, setup.frames[i]!) && still(i - 1) && still(i)) source[i] = source[i - 1]!;

  const ahead = pool.size * 2;
  const inflight = new Map<number, Promise<Uint8Array>>();
  let next = 0;
  const fill = (from: number) => {
    for (; next < count && next < from + ahead; next++) {
      if (source[next] !== next) continue;
      const p = pool.frame(setup.id, next);
      p.catch(() => undefined); // awaited in order below; don't let an early failure go unhandled
      inflight.set(next, p);
    }
  };
  try {
    let last: Uint8Array | null = null;
    for (let i = 0; i < count; i++) {
      if (signal?.aborted) throw aborted(signal);
      fill(i);
      let frame: Uint8Array;
      if (source[i] === i) {
        frame = await inflight.get(i)!;
        inflight.delete(i);
      } else frame = last!;
      if (signal?.aborted) throw aborted(signal);
      last = frame;
      await options.onFrame(frame, i);
    }
  } finally {
    pool.forget(setup.id);
    pool.release();
  }
}
