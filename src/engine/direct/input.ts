/** What the director is given besides the Scene: the request's parameters, already validated. */
import type { CameraControl } from './picture/camera/camera-control.js';
import type { ShotRequest } from './multi-shot.js';

export interface DirectInput {
  prompt: string;
  negativePrompt: string;
  /** 0 image-led (gentle, tasteful) … 1 prompt-led (literal, stronger) */
  cfgScale: number;
  /** seconds */
  duration: number;
  /** 0 … 2^32-1, already resolved (no -1 here) */
  seed: number;
  /** output frame size */
  width: number;
  height: number;
  /** false: no audio stream at all */
  sound: boolean;
  /** voice ids from voice_list, in order (<<<voice_1>>> is the first) */
  voices: string[];
  /** Kling's camera_control: replaces the prompt's camera words */
  cameraControl?: CameraControl;
  /** multi_prompt: the shots, in order, their durations summing to `duration` */
  shots?: ShotRequest[];
  /**
   * multi_prompt, set per shot: the cuts on this shot's own timeline (`[0]` when a shot precedes
   * it, `[]` for the first). Whooshes asked "on the cuts" swell into these; a one-shot clip has
   * none (undefined), so they ride its camera's key changes instead.
   */
  cuts?: number[];
}
