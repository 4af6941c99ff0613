/**
 * The colour grade: looks named in the prompt (LOOK_TABLE), strengthened or softened by cfg_scale
 * (0.6× … 1.4× of each look's change) and by the picture (a warm look on an already warm picture
 * pushes less; a moody look on a dark picture darkens less). Identity when nothing asks for a look.
 * It eases in over the first second so frame 0 stays untouched.
 *
 * @example
 *   buildGrade('golden hour portrait', scene, 0.5, exclusions);  // { warmth: 0.35, vignette: 0.15, … }
 */
import type { Grade } from '../../plan.js';
import type { Scene } from '../../scene.js';
import { findMentions } from '../lexicon.js';
import type { Exclusions } from './exclusions.js';
import { LOOK_TABLE } from './looks.js';
import { splitId, LOOK_VOCABULARY } from './vocabulary.js';

const round = (v: number) => Math.round(v * 1000) / 1000;

export function buildGrade(text: string, scene: Scene, cfgScale: number, exclusions: Exclusions, duration: number): Grade {
  const grade = { exposure: 0, contrast: 1, saturation: 1, warmth: 0, vignette: 0 };
  const strength = 0.6 + 0.8 * cfgScale;
  const seen = new Set<string>();
  for (const m of findMentions(text, LOOK_VOCABULARY)) {
    const id = splitId(m.id).name;
    if (m.negated || exclusions.looks.has(id) || seen.has(id)) continue;
    seen.add(id);
    const look = LOOK_TABLE.find((l) => l.id === id)!.grade;
    let warmth = look.warmth ?? 0, exposure = look.exposure ?? 0;
    if (warmth * scene.stats.warmth > 0) warmth *= 1 - Math.min(0.6, Math.abs(scene.stats.warmth));
    if (exposure < 0 && scene.stats.meanLuma < 0.25) exposure *= 0.5;
    grade.exposure += exposure * strength;
    grade.warmth += warmth * strength;
    // multiplicative changes scale in log space; a saturation of 0 (black and white) stays 0
    if (look.contrast !== undefined) grade.contrast *= Math.pow(look.contrast, strength);
    if (look.saturation !== undefined) grade.saturation *= look.saturation === 0 ? 0 : Math.pow(look.saturation, strength);
    if (look.vignette !== undefined) grade.vignette = Math.max(grade.vignette, look.vignette * strength);
  }
  return {
    exposure: round(Math.max(-1.5, Math.min(1.5, grade.exposure))),
    contrast: round(Math.max(0.5, Math.min(2, grade.contrast))),
    saturation: round(Math.max(0, Math.min(2, grade.saturation))),
    warmth: round(Math.max(-1, Math.min(1, grade.warmth))),
    vignette: round(Math.max(0, Math.min(1, grade.vignette))),
    fade_in: round(Math.min(1, duration / 4)),
  };
}
