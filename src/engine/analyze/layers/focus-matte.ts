/**
 * The in-focus subject's matte, for a shallow depth-of-field photo whose salient subject could not
 * be cut (a squirrel against bright blurred leaves, which draw the saliency): the subject is what
 * the lens focused on. The sharpest places of the fine focus map (focus.ts' fineFocus: it keeps
 * where the sharp-to-blurred boundary lies) seed the subject, the blurred ones the background, and
 * the matte grows from them by colour, nearness and sharpness as the salient one does
 * (salient-matte.ts: its checks and its confidence, the subject standing out in sharpness); a
 * blurred place stays out even where the subject encloses it (bokeh between paws and branch).
 * What the subject stands on shares its focus and its depth (a squirrel's branch): it is in the
 * matte, and moves with it (so the matte is a layer for parallax only: parallax-layer.ts).
 *
 * @example
 *   const found = focusMatte({ colours, depth, focus, width, height });
 *   'matte' in found ? found.confidence : found.note
 */
import { seededMatte, type SalientInput, type SalientMatte } from './salient-matte.js';

export interface FocusInput extends Omit<SalientInput, 'subject' | 'saliency'> {
  /** 0 (blurred) … 1 (sharp) per pixel (focus.ts) */
  focus: Float32Array;
}

/** a place this sharp (of the focus map's 0…1) seeds the subject; this blurred, the background */
const SHARP = 0.6;
const BLURRED = 0.2;

export function focusMatte(input: FocusInput): SalientMatte {
  const { focus } = input;
  const inner = (i: number) => (focus[i]! > SHARP ? focus[i]! : 0);
  const outer = (i: number) => (focus[i]! < BLURRED ? 1 - focus[i]! : 0);
  return seededMatte(input, { inner, outer, standsOut: focus, cues: [focus], staysOut: (i) => focus[i]! < BLURRED, what: 'in-focus subject', region: 'in-focus region' });
}
