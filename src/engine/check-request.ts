/**
 * The engine's input check: a GenerateRequest's parameters against the parameter registry's rows
 * (src/parameters), the same rules the API and the CLI apply, with the registry's defaults filled.
 * `clipSeconds` is the test/dev knob beside `area`: a shorter render of a valid request.
 *
 * @example
 *   checkRequest({ image, prompt: 'rain', duration: 7 }) // throws 'duration: must be 5 or 10 (got 7)'
 */
import { brokenRelation, checkValue, PARAMETERS, type EngineField } from '../parameters/index.js';
import { inputError } from './errors.js';
import type { Resolution } from './encode/output-size.js';
import type { CameraControl } from './direct/picture/camera/camera-control.js';
import type { AspectRatio } from './framing/plan-framing.js';

export interface CheckedRequest {
  prompt: string;
  negativePrompt: string;
  cfgScale: number;
  duration: number;
  seed: number;
  resolution: Resolution;
  sound: boolean;
  voices: string[];
  cameraControl?: CameraControl;
  aspectRatio?: AspectRatio;
  /** multi_prompt, as shots in order (durations in seconds, summing to `duration`) */
  multiPrompt?: Array<{ index: number; prompt: string; duration: number }>;
}

/** the engine's value in the API's shape, where the two differ */
const TO_API: Partial<Record<EngineField, (value: unknown) => unknown>> = {
  voices: (value) => (Array.isArray(value) ? value.map((id) => ({ voice_id: id })) : value),
};
const FROM_API: Partial<Record<EngineField, (value: unknown) => unknown>> = {
  voices: (value) => (value as Array<{ voice_id: string }>).map((v) => v.voice_id),
};

export function checkRequest(request: Partial<Record<EngineField, unknown>> & { clipSeconds?: number; lastImage?: unknown }): CheckedRequest {
  const out: Record<string, unknown> = {};
  for (const row of PARAMETERS) {
    if (!row.engine) continue;
    const given = request[row.engine];
    const value = given === undefined ? undefined : (TO_API[row.engine]?.(given) ?? given);
    const checked = checkValue(row, value);
    if (!checked.ok) {
      throw checked.missing ? inputError('PARAMETER_REQUIRED', { field: row.name }) : inputError('PARAMETER_INVALID', { field: row.name, rule: checked.rule, value: given });
    }
    out[row.engine] = checked.value === undefined ? undefined : (FROM_API[row.engine]?.(checked.value) ?? checked.value);
  }
  const checked = out as unknown as CheckedRequest;
  // the rules between parameters the engine sees (multi_shot and shot_type are the API's switches for multi_prompt)
  const broken = brokenRelation({ duration: checked.duration, multi_prompt: checked.multiPrompt, multi_shot: checked.multiPrompt !== undefined, shot_type: 'customize', last_image: request.lastImage, camera_control: checked.cameraControl });
  if (broken) throw inputError('PARAMETER_INVALID', broken);
  if (request.clipSeconds !== undefined) {
    const seconds = request.clipSeconds;
    if (!(seconds > 0 && seconds <= checked.duration)) throw inputError('CLIP_SECONDS_INVALID', { value: seconds, duration: checked.duration });
    // a short render keeps the shots' proportions
    if (checked.multiPrompt) checked.multiPrompt = checked.multiPrompt.map((s) => ({ ...s, duration: (s.duration * seconds) / checked.duration }));
    checked.duration = seconds;
  }
  return checked;
}
