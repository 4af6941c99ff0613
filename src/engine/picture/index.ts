/**
 * picture: renders a ShotPlan's frames from the Scene and streams them, in order (DESIGN.md §1).
 *
 * Setup (resize, maps, outpainting, per-frame camera specs) runs once, here or ahead of time
 * (preparePicture, while the soundtrack renders); frames render on the
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
import { prepareSetup, withCharacters } from './setup/prepare.js';
import type { FrameSpec, RenderSetup } from './types.js';
import { charactersMove, type LineVoice } from './characters/index.js';
import { endFrameProgress } from './end-frame/plan-end-frame.js';
import { flowTransition, type FlowTransition } from './end-frame/transition.js';

export { warmPicturePool, closePicturePool } from './pool/pool.js';
export type { RenderSetup } from './types.js';

export interface PictureOptions {
  /** called with each frame in order: I420 (yuv420p, BT.601 limited range), width×height×1.5 bytes */
  onFrame: (frame: Uint8Array, index: number) => Promise<void> | void;
  signal?: AbortSignal;
  /** each spoken line's rendered voice (the soundtrack's `voices`): mouths move with it */
  voices?: readonly LineVoice[];
  /** the setup, started earlier with preparePicture (so it overlaps the soundtrack) */
  prepared?: Promise<RenderSetup>;
  /**
   * frames are lent, not given: each is valid only until onFrame's promise resolves (the encoder
   * copies it to ffmpeg by then), which lets the workers render into a reused shared ring
   */
  borrowFrames?: boolean;
  /** last_image: the end picture as I420 at the output size (plan.end_frame says when it comes in) */
  endPicture?: Uint8Array;
}

/** Starts the picture's setup (resize, maps, outpainting, camera specs) for a later renderPicture. */
export function preparePicture(plan: ShotPlan, scene: Scene): Promise<RenderSetup> {
  const prepared = prepareSetup(plan, scene);
  prepared.catch(() => undefined); // awaited by renderPicture; a caller that fails first never asks
  return prepared;
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
  const setup = withCharacters(await (options.prepared ?? prepareSetup(plan, scene)), plan, scene, options.voices ?? []);
  const pool = await picturePool();
  pool.acquire();
  pool.setup(setup);
  // which earlier frame each frame repeats (itself when it must be rendered)
  const source = setup.frames.map((_, i) => i);
  const rigs = setup.characters ?? [];
  const still = (i: number) => !rigs.length || !charactersMove(rigs, i);
  for (let i = 1; i < count; i++) if (sameFrame(setup.frames[i - 1]!, setup.frames[i]!) && still(i - 1) && still(i)) source[i] = source[i - 1]!;
  // last_image: from the transition's start the frames come from it, so the renderer stops there
  const endFrame = options.endPicture ? plan.end_frame : undefined;
  if (endFrame) for (let i = endFrame.frame + 1; i < count; i++) source[i] = endFrame.frame;
  let transition: FlowTransition | null = null;

  const ahead = pool.size * 2;
  // borrowed frames go through a ring of shared slots the workers write into (no per-frame
  // allocation, transfer or garbage); a slot is reused only once its frame has been consumed and
  // is no longer the frame a repeat would show
  const frameBytes = (setup.width * setup.height * 3) / 2;
  const ring = options.borrowFrames ? new SharedArrayBuffer(frameBytes * (ahead + 2)) : null;
  const free = ring ? Array.from({ length: ahead + 2 }, (_, k) => k) : [];
  const slotOf = new Map<number, number>();
  const inflight = new Map<number, Promise<Uint8Array>>();
  let next = 0;
  const fill = (from: number) => {
    for (; next < count && next < from + ahead; next++) {
      if (source[next] !== next) continue;
      let p: Promise<Uint8Array>;
      if (ring) {
        const slot = free.pop()!;
        slotOf.set(next, slot);
        const view = new Uint8Array(ring, slot * frameBytes, frameBytes);
        p = pool.frame(setup.id, next, { ring, offset: slot * frameBytes }).then(() => view);
      } else p = pool.frame(setup.id, next).then((data) => data!);
      p.catch(() => undefined); // awaited in order below; don't let an early failure go unhandled
      inflight.set(next, p);
    }
  };
  try {
    let last: Uint8Array | null = null, lastIndex = -1;
    for (let i = 0; i < count; i++) {
      if (signal?.aborted) throw aborted(signal);
      fill(i);
      let frame: Uint8Array;
      if (source[i] === i) {
        frame = await inflight.get(i)!;
        inflight.delete(i);
        if (ring && lastIndex >= 0) free.push(slotOf.get(lastIndex)!), slotOf.delete(lastIndex);
        lastIndex = i;
      } else frame = last!;
      if (signal?.aborted) throw aborted(signal);
      last = frame;
      const progress = endFrame ? endFrameProgress(endFrame, count, i, plan.fps) : null;
      if (progress !== null) {
        transition ??= flowTransition(frame.slice(), options.endPicture!, setup.width, setup.height, plan.seed);
        await options.onFrame(transition.frame(progress), i);
        continue;
      }
      await options.onFrame(frame, i);
    }
  } finally {
    pool.forget(setup.id);
    pool.release();
  }
}
