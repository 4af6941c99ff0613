/**
 * Timed effects: what the prompt names ("a door slams at 2 s", "subtle whooshes on cuts",
 * "footsteps") and what the picture's plan implies (a lightning flash → thunder a moment later,
 * a whip pan → a whoosh, fire → crackle is a bed). Each is panned from where its source is.
 *
 * @example
 *   planEvents('a door slams', scene, shot, 5, new Set(), rng, notes) // → [{ type: 'door', t: 1, … }]
 */
import type { Shot, SoundEvent, SoundId } from '../../plan.js';
import type { Scene } from '../../scene.js';
import type { Random } from '../../util/random.js';
import type { AskedAt } from '../order-steps.js';
import { findMentions, normalizeText, type Mention } from '../lexicon.js';
import { SUBJECT_WORDS } from '../characters/subject-words.js';
import { HEARD_VERBS } from '../characters/verb-words.js';
import { regionPan, subjectPan } from './pan-from-screen.js';
import { peopleSoundOfAnimal } from './animal-verbs.js';
import { personWords } from './anyone.js';
import { EFFECT_WORDS, engineCourse } from './vocabulary.js';
import { insideMissingSound, insideOtherSound } from './missing-sounds.js';
import { SOUNDS } from '../../sound/sounds/table.js';

/** Surfaces footsteps take from the words near them (src/engine/sound/sounds/footsteps.ts). */
const SURFACE_WORDS: ReadonlyArray<[RegExp, string]> = [[/\b(gravel|pebbles?|stones?)\b/, 'gravel'], [/\b(wood(en)?|floorboards?|planks?|deck|stairs)\b/, 'wood'], [/\bsnow(y)?\b/, 'snow'], [/\b(grass(y)?|lawn|meadow|leaves)\b/, 'grass'], [/\b(concrete|pavement|sidewalk|street|tiles?|marble|corridor|hallway)\b/, 'concrete']];

/** Seconds between a flash and its thunder: the director's planned window is [MIN, MAX]. */
export const THUNDER_DELAY = { min: 0.3, max: 1.2 } as const;

const event = (type: string, t: number, gain_db: number, pan: number, params: SoundEvent['params'] = {}): SoundEvent =>
  ({ type, t: Math.max(0, Math.round(t * 1000) / 1000), gain_db: Math.round(gain_db * 10) / 10, pan: Math.round(pan * 100) / 100, params });

/** "at 2 seconds", "at 1.5s", "after 3 s", "at the end" near a mention. */
function timeNear(text: string, index: number, duration: number): number | null {
  const after = text.slice(index, index + 50);
  const m = /\b(?:at|after|around)\s+(\d+(?:\.\d+)?)\s*(?:s|sec|secs|second|seconds)\b/.exec(after);
  if (m) return Math.min(duration - 0.2, parseFloat(m[1]!));
  if (/\bat the end\b/.test(after)) return Math.max(0, duration - 1.2);
  if (/\bat the (?:start|beginning)\b/.test(after)) return 0.2;
  return null;
}

/** Moments the camera changes: intermediate keys, or the fastest segment's start for whip pans. */
function whipTimes(shot: Shot): Array<{ t: number; dir: number }> {
  const moves = shot.camera.moves;
  const dir = moves.includes('whip_pan_left') ? -1 : moves.includes('whip_pan_right') ? 1 : 0;
  if (!dir) return [];
  const keys = shot.camera.keys;
  let best = 0, bestSpeed = -1;
  for (let i = 0; i + 1 < keys.length; i++) {
    const dt = Math.max(1e-3, keys[i + 1]!.t - keys[i]!.t);
    const speed = (Math.abs(keys[i + 1]!.pan - keys[i]!.pan) + Math.abs(keys[i + 1]!.truck - keys[i]!.truck)) / dt;
    if (speed > bestSpeed) { bestSpeed = speed; best = i; }
  }
  const k0 = keys[best]!, k1 = keys[Math.min(keys.length - 1, best + 1)]!;
  // the whoosh peaks mid-whip; its swell starts a little before
  return [{ t: Math.max(0, (k0.t + k1.t) / 2 - 0.3), dir }];
}

/** Animals by name ("dog", "kitten"): named, each is heard by its own call ("dog" → a bark). */
const ANIMAL_NAMES = new Set(SUBJECT_WORDS.find((k) => k.id === 'animal')!.phrases);

/**
 * An animal named by a bare name whose clause gives it another sound ("the kitten hisses", "the
 * dog growls"): its own call does not stand in for the sound asked for (which is played or noted).
 */
function otherCall(text: string, m: Mention<SoundId>): boolean {
  if (!ANIMAL_NAMES.has(m.phrase)) return false;
  // (to the sentence's end: "a dog tilts its head curiously and whines", "…, soft purring")
  const after = text.slice(m.index + m.length).split(/[.;!?]/)[0]!.slice(0, 90);
  const verb = findMentions(after, HEARD_VERBS)[0];
  return !!verb && !findMentions(after.slice(verb.index), EFFECT_WORDS).some((e) => e.id === m.id && e.index === 0);
}

/**
 * "thundering" or "thunderous" before the noun it describes, or "the thunder of" a thing that is
 * not a storm ("the thunder of hooves", "of the waterfall"): no thunder is asked for.
 */
const FIGURATIVE_THUNDER = /^(?:thunder(?:ing|ous)\s+|thunder\s+of\s+(?:(?:the|a|an|distant|many)\s+)?)(?!thunder|storm|clouds?|rolls?|rumbl|cracks?|claps?|booms?|the\s+(?:storm|sky|gods?|heavens))[a-z]{3,}/;

/** "X thunders" where X is no storm: the waterfall's, the hooves', the crowd's roar ("the sky thunders" is thunder). */
const THUNDERS = /^thunder(?:s|ed)\b/;
const STORM_BEFORE = /\b(?:sky|skies|storm|storms|clouds?|heavens|it|thunder|distance|overhead|above)\s+(?:\w+ly\s+)?$/;

/** The word "thunder…" at `index` of the normalised text describes another sound (FIGURATIVE_THUNDER, or a thing that thunders). */
export const figurativeThunder = (text: string, index: number): boolean => {
  const at = text.slice(index, index + 32), before = text.slice(Math.max(0, index - 30), index);
  return FIGURATIVE_THUNDER.test(at) || (THUNDERS.test(at) && /\w\s+$/.test(before) && !STORM_BEFORE.test(before));
};

/** How many times a one-shot is asked for right after its words ("twice", "three times"), 1 by default. */
function repeats(text: string, m: Mention<SoundId>): number {
  const after = /^\s*(?:\w+ly\s+)?(twice|two times|three times|thrice|four times)\b/.exec(text.slice(m.index + m.length))?.[1];
  return after === undefined ? 1 : after === 'twice' || after === 'two times' ? 2 : after === 'four times' ? 4 : 3;
}

/** A subject and its verb as the action reader found them (direct/characters/read-actions.ts). */
export interface SubjectVerb { subject: string; kind?: string; verb: string; index: number; length: number; negated: boolean; name?: true }


/**
 * The sounds a subject and its verb name together where the prompt's words stand apart ("the
 * parrot tilts its head and squawks", "the dog runs to the gate and barks"), that the text's own
 * mentions lack: each placed at its verb.
 */
function readSounds(readings: readonly SubjectVerb[], found: readonly Mention<SoundId>[]): Mention<SoundId>[] {
  const out: Mention<SoundId>[] = [];
  // (an animal's bare name found alone does not stand for its call asked here: "the eagle … screeches")
  const called = found.filter((f) => !ANIMAL_NAMES.has(f.phrase));
  for (const r of readings) {
    if (r.negated || !r.subject) continue;
    // someone's sound is read with their own word, else as anyone's ("the referee whistles" is
    // the referee's whistle, "the farmer whistles" a tune)
    for (const subject of personWords(r.subject, r.kind, r.name)) {
      // (the phrase must join the two: the subject's name alone is the text's own mention)
      const joined = findMentions(`${subject} ${r.verb}`, EFFECT_WORDS, { across: true }).filter((m) => !m.negated && m.index < subject.length && m.index + m.length > subject.length + 1);
      // (placed at its verb, as long as the verb's words it takes: "claps twice" counts after it)
      for (const m of joined) if (![...called, ...out].some((f) => f.id === m.id)) out.push({ ...m, index: r.index, length: Math.max(1, m.index + m.length - subject.length - 1) });
      if (joined.length) break;
    }
  }
  return out;
}

export function planEvents(text: string, scene: Scene, shot: Shot, duration: number, removed: Set<string>, rng: Random, notes: string[], cuts?: readonly number[], asked?: AskedAt, readings: readonly SubjectVerb[] = []): SoundEvent[] {
  const events: SoundEvent[] = [];
  const lower = normalizeText(text);
  const last = Math.max(0, duration - 0.4);

  // implied by the picture: thunder after each lightning flash, whooshes on whip pans
  for (const effect of shot.effects) {
    if (effect.type !== 'lightning') continue;
    for (const flash of effect.events) {
      const delay = THUNDER_DELAY.min + rng.next() * (THUNDER_DELAY.max - THUNDER_DELAY.min);
      if (flash + delay > duration - 0.3) continue;
      events.push(event('thunder', flash + delay, -3 + 3 * effect.intensity, regionPan(scene, 'sky'), { flash, delay: Math.round(delay * 1000) / 1000, intensity: effect.intensity }));
    }
  }
  for (const w of whipTimes(shot)) events.push(event('whoosh', w.t, -6, w.dir * 0.4, { length: 0.7 }));

  // named in the prompt
  let next = 1;
  const lastAt = new Map<string, number>();
  const other = insideOtherSound(text);
  const animalVerb = peopleSoundOfAnimal(readings);
  const named = findMentions(text, EFFECT_WORDS, { across: true }).filter((m) => !other(m) && !animalVerb(m));
  // a sound read from who makes it stands for the text's own word there ("she claps" is one
  // person's claps, not an audience's applause)
  // (read from who makes it too: "he cries out for help" is a shout the table lacks, not his sob)
  const missing = insideMissingSound(text);
  const read = readSounds(readings, named).filter((m) => !missing(m));
  const mentions = [...named.filter((m) => !read.some((r) => m.index >= r.index && m.index < r.index + r.length)), ...read].sort((a, b) => a.index - b.index);
  // an animal's call the prompt asks for ("barks twice") is the one heard; a bare name adds none then
  const called = new Set(mentions.filter((m) => !m.negated && !ANIMAL_NAMES.has(m.phrase)).map((m) => m.id));
  // ("a lion yawns … Low growl.": a voice asked in another sentence is the animal's, not a roar too)
  const voiceAsked = [...called].some((id) => SOUNDS.get(id)?.animalVoice);
  for (const m of mentions) {
    if (m.negated || (m.id === 'thunder' && events.some((e) => e.type === 'thunder'))) continue;
    // a bare name is heard once at most ("a cat sits … the cat blinks": one meow)
    if (ANIMAL_NAMES.has(m.phrase) && (called.has(m.id) || voiceAsked || events.some((e) => e.type === m.id))) continue;
    // "the cat meows": two words of one sound in one phrase are one sound
    const previous = lastAt.get(m.id);
    lastAt.set(m.id, m.index + m.length);
    if (previous !== undefined && m.index - previous < 12) continue;
    if (otherCall(lower, m)) continue;
    // "thundering hooves", "thunderous applause": the word describes another sound
    if (m.id === 'thunder' && figurativeThunder(lower, m.index)) continue;
    const nearby = lower.slice(Math.max(0, m.index - 25), m.index + m.length + 25);
    const gain = /\b(subtle|soft|faint|quiet|distant|distance|gentle)\b/.test(nearby) ? -14 : /\b(loud|big|huge|massive)\b/.test(nearby) ? -2 : -7;
    if (m.id === 'whoosh' && /\bcuts?\b|\btransitions?\b/.test(nearby) && cuts) {
      // multi_prompt: one whoosh swells into each cut (it peaks on the cut; its swell starts 0.3 s
      // before, in the previous shot: this shot's times are offset by its start when cut together)
      for (const t of cuts) events.push({ ...event('whoosh', 0, gain, 0, { length: 0.7 }), t: t - 0.3 });
      continue;
    }
    if (m.id === 'whoosh' && /\bcuts?\b|\btransitions?\b/.test(nearby)) {
      // a single shot has no cuts: whooshes ride the camera's key changes instead
      const keys = shot.camera.keys.map((k) => k.t).filter((t) => t > 0.3 && t < last);
      const times = keys.length ? keys : [duration / 2];
      if (!keys.length) notes.push('"whooshes on cuts": the clip is one shot with no cuts; one whoosh plays mid-clip');
      for (const t of times) if (!events.some((e) => e.type === 'whoosh' && Math.abs(e.t - t) < 0.5)) events.push(event('whoosh', t - 0.3, gain, 0, { length: 0.7 }));
      continue;
    }
    const at = timeNear(lower, m.index, duration);
    const sustained = SOUNDS.get(m.id)?.sustained;
    // a sound that goes on is planned once unless a time is given ("walks away …, footsteps echoing")
    if (sustained && at === null && events.some((e) => e.type === m.id)) continue;
    if (sustained) {
      const t = at ?? 0.3;
      const surface = m.id === 'footsteps' ? SURFACE_WORDS.find(([re]) => re.test(lower))?.[1] : undefined;
      // (a vehicle's engine follows what it does: "the bus pulls away" revs up and leaves)
      const course = m.id === 'engine' ? engineCourse(m.phrase) : undefined;
      const sound = event(m.id, t, gain - 2, subjectPan(scene), { length: Math.max(0.5, Math.min(duration - t - 0.1, duration - 0.6)), ...(surface ? { surface } : {}), ...(course ? { course } : {}) });
      events.push(sound);
      // a time the prompt gives is kept; otherwise "then" may move it (direct/order-steps.ts)
      if (at === null) asked?.set(sound, { at: m.index, words: `"${m.phrase}"` });
      continue;
    }
    const t = at ?? Math.min(last, next);
    next = Math.min(last, t + 1.3);
    const pan = m.id === 'thunder' ? regionPan(scene, 'sky') : m.id === 'door' || m.id === 'knock' ? (rng.next() < 0.5 ? -0.5 : 0.5) : subjectPan(scene);
    // "claps twice": a sound that repeats within itself counts them
    const counted = SOUNDS.get(m.id)?.counted;
    const sound = event(m.id, t, gain, pan, counted && repeats(lower, m) > 1 ? { count: repeats(lower, m) } : {});
    events.push(sound);
    if (at === null) asked?.set(sound, { at: m.index, words: `"${m.phrase}"` });
    // "barks twice", "knocks three times": the repeats follow close behind
    for (let k = 1; k < (counted ? 1 : repeats(lower, m)); k++) events.push(event(m.id, Math.min(last, t + 0.45 * k), gain, pan));
  }
  return events.filter((e) => !removed.has(e.type) && !removed.has('events')).sort((a, b) => a.t - b.t);
}
