/**
 * Turns chosen moves into the plan's camera: each move's track built at its magnitude, the
 * tracks summed into keys (identity at t = 0), handheld shake and shutter blur gathered.
 *
 * Magnitude = the move's speed factor × the cfg factor (cfg 0 → 0.6×, 0.5 → 1×, 1 → 1.4×) ×
 * a duration factor ((duration / 5)^0.6: a 10 s clip covers ~1.5× the ground at ~¾ the speed).
 *
 * @example
 *   buildCamera([{ move: 'pan_left', speed: 'normal', factor: 1 }], { duration: 5, cfgScale: 0.5, … });
 *   // → { moves: ['pan_left'], keys: [{ t: 0, pan: 0, … }, { t: 5, pan: -0.1, … }], … }
 */
import type { Camera, CameraMove } from '../../../plan.js';
import type { Scene } from '../../../scene.js';
import type { Random } from '../../../util/random.js';
import type { Speed } from '../modifiers.js';
import { clauseText } from '../clauses.js';
import { CAMERA_MOVE_TABLE, type MovePart } from './moves.js';
import { composeKeys } from './track.js';

export interface PlannedMove {
  move: CameraMove;
  speed: Speed;
  /** magnitude factor before cfg and duration (1 = normal) */
  factor: number;
  /** where it was asked in the prompt (for clause details), or -1 */
  index: number;
  /** false for the default camera: cfg_scale is already in its factor */
  asked: boolean;
}

export interface CameraSetting {
  duration: number;
  cfgScale: number;
  scene: Scene;
  subjectNear: number;
  backgroundNear: number;
  foregroundNear: number;
  /** the prompt, quotes blanked */
  text: string;
  noShake: boolean;
  noBlur: boolean;
  rng: Random;
}

export const cfgFactor = (cfg: number) => 0.6 + 0.8 * cfg;
export const durationFactor = (duration: number) => Math.pow(duration / 5, 0.6);

export function buildCamera(moves: readonly PlannedMove[], setting: CameraSetting): Camera {
  const parts: MovePart[] = moves.map((m) => {
    const entry = CAMERA_MOVE_TABLE.find((e) => e.move === m.move)!;
    const strength = m.factor * (m.asked ? cfgFactor(setting.cfgScale) : 1), magnitude = strength * durationFactor(setting.duration);
    return entry.build({
      duration: setting.duration,
      magnitude,
      strength,
      subject: setting.scene.subject,
      subjectNear: setting.subjectNear,
      backgroundNear: setting.backgroundNear,
      foregroundNear: setting.foregroundNear,
      clause: m.index >= 0 ? clauseText(setting.text, m.index) : '',
      rng: setting.rng,
    });
  });
  const tracks = parts.map((p) => p.track).filter((t) => t.keys.length > 0);
  let keys = composeKeys(tracks, setting.duration, setting.subjectNear);
  if (setting.noBlur) keys = keys.map((k) => ({ ...k, aperture: 0 }));
  const shake = parts.find((p) => p.shake)?.shake;
  const blur = Math.max(0, ...parts.map((p) => p.motionBlur ?? 0));
  return {
    moves: moves.length ? moves.map((m) => m.move) : ['static'],
    speed: moves[0]?.speed ?? 'normal',
    easing: 'ease_in_out',
    keys,
    shake: shake && !setting.noShake ? shake : { amplitude: 0, frequency: 0 },
    motion_blur: setting.noBlur ? 0 : Math.min(1, blur),
  };
}
