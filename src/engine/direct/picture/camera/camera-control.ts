/**
 * Kling's `camera_control`, as camera moves of our table: `type: "simple"` with one non-zero value
 * among horizontal, vertical, pan, tilt, roll and zoom in [-10, 10] (the sign sets the direction,
 * the size the amount: 5 is a normal move, 10 twice that), or a preset. It replaces the camera
 * words of the prompt. Axes as Kling documents them: horizontal / vertical move the camera
 * (+ right / + up), pan / tilt turn it (+ right / + up), roll turns it about the lens axis
 * (+ clockwise), zoom changes the focal length (− narrower: closer; + wider).
 *
 * @example
 *   controlMoves({ type: 'simple', config: { pan: -5 } }) // → [{ move: 'pan_left', factor: 1, … }]
 *   controlMoves({ type: 'forward_up' })                  // → push_in and crane_up
 */
import type { CameraMove } from '../../../plan.js';
import type { PlannedMove } from './build-camera.js';

export const CONTROL_AXES = ['horizontal', 'vertical', 'pan', 'tilt', 'roll', 'zoom'] as const;
export type ControlAxis = (typeof CONTROL_AXES)[number];

export const CONTROL_PRESETS = ['down_back', 'forward_up', 'right_turn_forward', 'left_turn_forward'] as const;
export type ControlPreset = (typeof CONTROL_PRESETS)[number];

export type CameraControl =
  | { type: 'simple'; config: Partial<Record<ControlAxis, number>> }
  | { type: ControlPreset; config?: unknown };

/** each axis: the move for a positive and for a negative value */
const AXIS_MOVES: Record<ControlAxis, [positive: CameraMove, negative: CameraMove]> = {
  horizontal: ['truck_right', 'truck_left'],
  vertical: ['crane_up', 'crane_down'],
  pan: ['pan_right', 'pan_left'],
  tilt: ['tilt_up', 'tilt_down'],
  roll: ['roll_clockwise', 'roll_counterclockwise'],
  zoom: ['pull_out', 'push_in'],
};

/** each preset as moves at a normal amount */
const PRESET_MOVES: Record<ControlPreset, CameraMove[]> = {
  down_back: ['crane_down', 'pull_out'],
  forward_up: ['push_in', 'crane_up'],
  right_turn_forward: ['pan_right', 'push_in'],
  left_turn_forward: ['pan_left', 'push_in'],
};

/** a control value of 5 is a normal move (factor 1) */
const NORMAL = 5;

const planned = (move: CameraMove, factor: number): PlannedMove =>
  // not `asked`: the amount is the control's, cfg_scale does not scale it
  ({ move, speed: 'normal', factor, index: -1, asked: false });

export function controlMoves(control: CameraControl): PlannedMove[] {
  if (control.type !== 'simple') return PRESET_MOVES[control.type].map((move) => planned(move, 1));
  const moves: PlannedMove[] = [];
  for (const axis of CONTROL_AXES) {
    const value = control.config[axis] ?? 0;
    if (value !== 0) moves.push(planned(AXIS_MOVES[axis][value > 0 ? 0 : 1], Math.abs(value) / NORMAL));
  }
  return moves;
}

/** Kling's rule for "simple": exactly one axis is non-zero */
export function oneAxisMoves(control: CameraControl): boolean {
  return control.type !== 'simple' || CONTROL_AXES.filter((a) => (control.config[a] ?? 0) !== 0).length === 1;
}
