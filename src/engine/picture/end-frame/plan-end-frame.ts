/**
 * last_image in the plan: the clip's own move runs first, then from `start` seconds the
 * flow-guided transition carries the picture to the end image, eased in and out, landing on it a
 * quarter second before the last frame.
 *
 * @example planEndFrame({ duration: 5, fps: 24 }) // → { start: 2, frame: 48, method: 'flow-guided', width: …}
 */
import { frameCount, type ShotPlan } from '../../plan.js';

/** the share of the clip the prompt's own move keeps before the transition starts */
const OWN_SHARE = 0.4;

export function planEndFrame(plan: Pick<ShotPlan, 'duration' | 'fps'>, end: { width: number; height: number }): NonNullable<ShotPlan['end_frame']> {
  const frame = Math.round(frameCount(plan) * OWN_SHARE);
  return { start: frame / plan.fps, frame, method: 'flow-guided', source: { width: end.width, height: end.height } };
}

/**
 * The camera path from the first framing to the last: a single shot's own move is retimed to finish
 * (easing out) as the transition starts, which then carries on to the end image's framing — no
 * move cut off at speed. Multi-shot plans keep their shots' timing (their last shot is cut into).
 */
export function fitCameraToEndFrame(plan: ShotPlan): void {
  const end = plan.end_frame;
  if (!end || plan.shots.length !== 1 || end.start <= 0) return;
  const shot = plan.shots[0]!;
  const scale = end.start / Math.max(1e-6, shot.end - shot.start);
  for (const key of shot.camera.keys) key.t = shot.start + (key.t - shot.start) * scale;
}

/** the end image is held still for the last quarter second (the encoder settles on it) */
const HOLD_SECONDS = 0.25;

/** the transition's progress (0 … 1, eased) at frame i, or null before it starts */
export function endFrameProgress(endFrame: NonNullable<ShotPlan['end_frame']>, count: number, i: number, fps: number): number | null {
  if (i < endFrame.frame) return null;
  const last = Math.max(endFrame.frame + 1, count - 1 - Math.round(HOLD_SECONDS * fps));
  const t = Math.min(1, (i - endFrame.frame) / (last - endFrame.frame));
  return t * t * (3 - 2 * t);
}
