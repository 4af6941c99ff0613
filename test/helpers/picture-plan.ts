/**
 * Hand-written ShotPlans for renderer tests: one shot, a camera path from a start and end pose,
 * effects and a grade, checked against the published schema (PlanSchema) so tests never feed the
 * renderer something the director could not produce.
 *
 * @example
 *   const plan = picturePlan({ width: 320, height: 180, duration: 1, end: { zoom: 1.2 } });
 *   const rainy = picturePlan({ effects: [pictureEffect('rain', { intensity: 0.8 })] });
 */
import { Value } from '@sinclair/typebox/value';
import { PlanSchema, type CameraKey, type CameraMove, type Effect, type EffectType, type Easing, type Grade, type ShotPlan } from '../../src/engine/plan.js';

export const IDENTITY_KEY: Omit<CameraKey, 't'> = { zoom: 1, pan: 0, tilt: 0, roll: 0, truck: 0, pedestal: 0, dolly: 0, focus: 0.5, aperture: 0 };

export interface PicturePlanOptions {
  width?: number;
  height?: number;
  duration?: number;
  seed?: number;
  moves?: CameraMove[];
  easing?: Easing;
  /** the pose at t = 0 (defaults to identity) and at the end */
  start?: Partial<CameraKey>;
  end?: Partial<CameraKey>;
  /** explicit keys instead of start/end */
  keys?: CameraKey[];
  shake?: { amplitude: number; frequency: number };
  motionBlur?: number;
  effects?: Effect[];
  grade?: Partial<Grade>;
}

export function pictureEffect(type: EffectType, options: Partial<Effect> = {}): Effect {
  return { type, intensity: 0.8, start: 0, end: 60, fade_in: 0.2, region: 'all', events: [], params: {}, ...options };
}

export function picturePlan(o: PicturePlanOptions = {}): ShotPlan {
  const duration = o.duration ?? 1;
  const keys = o.keys ?? [
    { t: 0, ...IDENTITY_KEY, ...o.start },
    { t: duration, ...IDENTITY_KEY, ...o.end },
  ];
  const plan: ShotPlan = {
    version: 1,
    seed: o.seed ?? 42,
    duration,
    fps: 24,
    width: o.width ?? 320,
    height: o.height ?? 180,
    prompt: 'test',
    negative_prompt: '',
    cfg_scale: 0.5,
    scene: { tags: [], faces: 0 },
    shots: [{
      start: 0,
      end: duration,
      camera: { moves: o.moves ?? ['static'], speed: 'normal', easing: o.easing ?? 'ease_in_out', keys, shake: o.shake ?? { amplitude: 0, frequency: 0 }, motion_blur: o.motionBlur ?? 0 },
      effects: o.effects ?? [],
      grade: { exposure: 0, contrast: 1, saturation: 1, warmth: 0, vignette: 0, fade_in: 0.5, ...o.grade },
      characters: [],
    }],
    audio: { enabled: false, reverb: 'none', beds: [], events: [], music: null, dialogue: [], loudness_lufs: -14, true_peak_db: -1 },
    notes: [],
  };
  if (!Value.Check(PlanSchema, plan)) {
    const first = [...Value.Errors(PlanSchema, plan)][0];
    throw new Error(`picturePlan: invalid plan at ${first?.path}: ${first?.message}`);
  }
  return plan;
}
