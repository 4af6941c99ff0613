/**
 * Scene tags: the words the director reads (outdoor, night, street, close_up, …), each decided
 * from measured evidence: region coverage, statistics, the focus split, lights, the horizon.
 * Only the tags that apply are returned, in a fixed order.
 *
 * @example
 *   sceneTags(evidence) // → ['outdoor', 'dusk', 'sky', 'lights', 'cool']
 */
import type { Box, Face, LightSource, SceneStats, SceneTag } from '../scene.js';

export interface TagEvidence {
  stats: SceneStats;
  /** mask coverage, fraction of the frame */
  sky: number;
  water: number;
  foliage: number;
  /** mean luma of the sky region (0 when none) */
  skyLuma: number;
  horizon: number | null;
  lights: LightSource[];
  faces: Face[];
  subject: Box;
  /** mean saliency inside the subject box over mean saliency outside it */
  subjectContrast: number;
  /** mean boundary prior inside the subject box: 1 when none of its colours touch the frame's edge */
  subjectIsolation: number;
  /** the picture looks like outer space: black, scattered point sources, no sky */
  space: boolean;
  shallow: boolean;
  /** a street: sky between tall vertical structures above a textured ground */
  street: boolean;
  /** standard deviation of the depth map */
  depthSpread: number;
}

export function sceneTags(e: TagEvidence): SceneTag[] {
  const tags = new Set<SceneTag>();
  const { stats } = e;
  const outdoor = !e.space && (e.sky > 0.03 || e.water > 0.05 || e.foliage > 0.25 || e.horizon !== null);
  if (outdoor) tags.add('outdoor');
  else if (!e.space) tags.add('indoor');

  if (e.space) tags.add('night');
  else if (outdoor) {
    const light = e.sky > 0.03 ? e.skyLuma : stats.meanLuma;
    if (light < 0.12) tags.add('night');
    else if (light < 0.35) tags.add('dusk');
    else tags.add('day');
  }
  if (e.sky > 0.03) tags.add('sky');
  if (e.water > 0.05) tags.add('water');
  if (e.foliage > 0.15) tags.add('foliage');
  if (!e.space && e.lights.length >= 2 && stats.medianLuma < 0.25) tags.add('lights');

  const largestFace = e.faces.reduce((a, f) => Math.max(a, f.box.w * f.box.h), 0);
  if (e.faces.length > 0) tags.add('face');
  if (largestFace > 0.02) tags.add('portrait');

  const subjectArea = e.subject.w * e.subject.h;
  const closeUp = !e.space && e.sky < 0.03 && !e.street && (e.shallow || largestFace > 0.12 || (subjectArea > 0.3 && e.subjectContrast > 1.6));
  if (closeUp) tags.add('close_up');
  if (outdoor && e.street) tags.add('street');
  if (outdoor && !e.street && !closeUp && e.horizon !== null && e.horizon > 0.2 && e.horizon < 0.85) tags.add('landscape');
  if (e.space) tags.add('space');
  const cx = e.subject.x + e.subject.w / 2;
  const cy = e.subject.y + e.subject.h / 2;
  const centred = Math.abs(cx - 0.5) < 0.2 && Math.abs(cy - 0.5) < 0.25;
  // a product stands apart: its colours are not the backdrop's (a cat filling the frame is not one)
  if (!outdoor && !e.space && e.faces.length === 0 && centred && e.subjectContrast > 1.6 && e.subjectIsolation > 0.05) tags.add('product');

  if (stats.medianLuma < 0.22 && stats.highlights < 0.1) tags.add('low_key');
  if (stats.medianLuma > 0.7 && stats.shadows < 0.03) tags.add('high_key');
  if (stats.warmth > 0.2) tags.add('warm');
  if (stats.warmth < -0.1) tags.add('cool');
  if (stats.saturation < 0.05) tags.add('monochrome');
  if (e.shallow) tags.add('shallow_depth_of_field');
  if (e.space || e.depthSpread < 0.06 || stats.contrast < 0.04) tags.add('flat');

  const order: SceneTag[] = [
    'outdoor', 'indoor', 'day', 'dusk', 'night', 'sky', 'water', 'foliage', 'lights', 'portrait', 'face',
    'close_up', 'landscape', 'street', 'space', 'product', 'low_key', 'high_key', 'warm', 'cool',
    'monochrome', 'shallow_depth_of_field', 'flat',
  ];
  return order.filter((t) => tags.has(t));
}
