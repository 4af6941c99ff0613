/**
 * A head turned to someone else in the picture turns their way ("the man turns to the woman",
 * "they turn to each other", "she glances at him"): with two or more faces, a turn or glance aimed
 * at a person is a turn to the screen side where that person's face is, not to a side at random.
 *
 * @example
 *   turnToward('turns to the woman', 0, faces) // → 'turn_right' (her face is right of face 0)
 */
import type { Face } from '../../scene.js';
import { facesFor } from './bind-face.js';

/** The person a head move is aimed at: a pronoun, "each other", or a person's words after to/toward/at. */
const AIMED_AT = /\b(?:to|toward|towards|at)\s+(?:face\s+)?(him|her|them|each other|one another|(?:the|his|her|their)\s+(?:\w+\s+)?\w+)\b/;

export function turnToward(verb: string, face: number, faces: readonly Pick<Face, 'box' | 'gender' | 'age'>[]): 'turn_left' | 'turn_right' | null {
  if (faces.length < 2) return null;
  const aim = AIMED_AT.exec(verb)?.[1];
  if (!aim || /\bcamera\b|\blens\b|\bwindow\b|\bsky\b|\bdoor\b|\bsea\b/.test(aim)) return null;
  const others = faces.map((_, i) => i).filter((i) => i !== face);
  // the one the words fit (a woman, him), else any other; of those, the nearest
  const pronoun = aim === 'him' ? 'man' : aim === 'her' ? 'woman' : aim;
  const fits = facesFor(pronoun, faces), fitting = others.filter((i) => fits.includes(i));
  const centre = (i: number) => faces[i]!.box.x + faces[i]!.box.w / 2;
  const pool = fitting.length ? fitting : others;
  const target = pool.reduce((best, i) => (Math.abs(centre(i) - centre(face)) < Math.abs(centre(best) - centre(face)) ? i : best), pool[0]!);
  return centre(target) > centre(face) ? 'turn_right' : 'turn_left';
}
