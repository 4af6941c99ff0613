/**
 * Ambience beds: what the prompt names, or (when it names none) what the picture implies — sky
 * and foliage → wind and birds, night → crickets, water → waves or a stream, street → traffic,
 * indoor → room tone, space → a drone — plus the beds the picture's effects imply (rain → rain,
 * fire → crackle, neon → buzz) whatever the prompt says.
 *
 * @example
 *   planBeds('soft city ambience', scene, shot, new Set()) // → [{ type: 'city_traffic', gain_db: -16, … }]
 */
import type { Bed, Shot } from '../../plan.js';
import type { Scene } from '../../scene.js';
import { findMentions } from '../lexicon.js';
import { peopleSoundOfAnimal } from './animal-verbs.js';
import type { SubjectVerb } from './events.js';
import { insideOtherBed } from './missing-sounds.js';
import { AMBIENCE_WORDS } from './vocabulary.js';

const bed = (type: string, gain_db: number, duration: number, params: Bed['params'] = {}, start = 0, end = duration): Bed =>
  ({ type, gain_db: Math.round(gain_db * 10) / 10, start, end: Math.min(end, duration), pan: 0, params });

/** The beds a picture implies when the prompt names none (its tags and regions). */
function impliedByPicture(scene: Scene, duration: number): Bed[] {
  const tags = new Set(scene.tags);
  const out: Bed[] = [];
  const night = tags.has('night');
  if (tags.has('space')) return [bed('space_drone', -18, duration)];
  if (tags.has('indoor')) return [bed('room_tone', -22, duration)];
  if (tags.has('street')) out.push(bed('city_traffic', -18, duration));
  if (tags.has('water')) {
    const open = scene.horizon !== null && tags.has('sky');
    out.push(bed(open ? 'ocean_waves' : 'stream', -18, duration));
  }
  if (night && tags.has('outdoor')) out.push(bed('night_insects', -22, duration));
  else if (tags.has('foliage')) out.push(bed('forest_birds', -22, duration));
  if (tags.has('sky') || tags.has('foliage') || (tags.has('outdoor') && !out.length)) out.push(bed('wind', out.length ? -26 : -20, duration));
  if (!out.length) out.push(bed('room_tone', -24, duration));
  return out;
}

/** Beds implied by the picture's effects (they are on screen, so they are heard). */
function impliedByEffects(shot: Shot, duration: number): Bed[] {
  const out: Bed[] = [];
  for (const e of shot.effects) {
    const span = [Math.max(0, e.start), Math.min(duration, e.end > e.start ? e.end : duration)] as const;
    if (e.type === 'rain') out.push(bed('rain', -22 + 10 * e.intensity, duration, { intensity: e.intensity }, ...span));
    if (e.type === 'fire_glow' || e.type === 'embers') out.push(bed('fire', -20 + 6 * e.intensity, duration, { intensity: e.intensity }, ...span));
    if (e.type === 'candle_flicker') out.push(bed('fire', -28, duration, { intensity: 0.1 }, ...span));
    if (e.type === 'neon_flicker') out.push(bed('electric_buzz', -28, duration, {}, ...span));
    if (e.type === 'snow' || e.type === 'falling_leaves' || e.type === 'fog') out.push(bed('wind', -24, duration, { intensity: 0.3 }, ...span));
  }
  return out;
}

/** `readings`: the subjects and verbs the action reader found: an animal's verb is its own voice, no people's bed ("the squirrel chatters"). */
export function planBeds(text: string, scene: Scene, shot: Shot, duration: number, removed: Set<string>, readings: readonly SubjectVerb[] = []): Bed[] {
  const other = insideOtherBed(text);
  const animalVerb = peopleSoundOfAnimal(readings);
  const named = findMentions(text, AMBIENCE_WORDS, { across: true }).filter((m) => !m.negated && !other(m) && !animalVerb(m));
  const beds: Bed[] = named.map((m, i) => bed(m.id, i === 0 ? -14 : -18, duration));
  // (a named bed the negative prompt removes leaves the picture's own: "rain outside" without "rain sounds" still has its air)
  if (!named.some((m) => !removed.has(m.id))) beds.push(...impliedByPicture(scene, duration));
  beds.push(...impliedByEffects(shot, duration));
  // one bed per sound (the loudest wins), nothing the user removed
  const byType = new Map<string, Bed>();
  for (const b of beds) {
    if (removed.has(b.type) || removed.has('beds')) continue;
    const seen = byType.get(b.type);
    if (!seen || seen.gain_db < b.gain_db) byType.set(b.type, b);
  }
  // a little left/right variety so two beds do not sit on top of each other
  return [...byType.values()].map((b, i) => ({ ...b, pan: i === 0 ? 0 : i % 2 ? -0.3 : 0.3 }));
}
