/**
 * The characters and subjects of a shot, and the truth about every action the prompt asks for.
 *
 * One character per detected face (blinking, idle, with the face actions bound to the face the
 * prompt describes), and one subject per living thing the prompt names that has no face rig (an
 * animal, or a person whose face was not found), deformed in place with breathing and idle
 * movement. Each action the reader finds (read-actions.ts) is either laid out on a performer's
 * timeline, in prompt order, or written to the notes with the reason, using the prompt's words:
 * "'the car driving past': moving objects are not animated".
 *
 * @example
 *   directCharacters({ prompt: 'the woman smiles', duration: 5, … }, scene, readActions('the woman smiles'), notes)
 *   // → { characters: [{ face: 0, blink: true, speaks: [], actions: [{ type: 'smile', start: 0.4, end: 2.6 }] }], subjects: [] }
 */
import type { Character, PlanSubject } from '../../plan.js';
import type { Box, Scene } from '../../scene.js';
import type { DirectInput } from '../input.js';
import type { AskedAt } from '../order-steps.js';
import { extractQuotes, findMentions, normalizeText, withoutQuotes, type QuotedLine } from '../lexicon.js';
import { CAMERA_VOCABULARY, PICTURE_VOCABULARY } from '../picture/vocabulary.js';
import { ANIMATION_REASONS } from '../picture/unsupported-actions.js';
import { ACTIONS, type ActionEntry, type SubjectKind } from './actions.js';
import { turnToward } from './turn-toward.js';
import { facesFor, namesSomeone } from './bind-face.js';
import type { ReadAction } from './read-actions.js';
import { adverb } from './reading-words.js';
import { rigReason } from './rigs.js';
import { SUBJECT_WORDS, subjectMentions } from './subject-words.js';
import { animalParts } from '../../analyze/animals/index.js';
import { animalRegion } from '../../analyze/animals/region.js';
import { headSize } from '../../analyze/animals/body.js';
import { bodyInFrame, handsMeet } from '../../analyze/subjects/pose.js';
import { heldByHand } from '../../analyze/subjects/held-objects.js';
import { gesturingSide } from '../../picture/characters/arm.js';
import { HEARD_VERBS, POSE_VERBS, SOUND_VERBS } from './verb-words.js';
import { AMBIENCE_WORDS, EFFECT_WORDS, MUSIC_WORDS } from '../audio/vocabulary.js';
import { mouthedLines } from '../audio/dialogue.js';
import { ANIMAL_NOT_SHOWN, PERSON_NOT_SHOWN, animalShown, heardOnly, personShown } from './shown-subjects.js';

const round = (v: number) => Math.round(v * 1000) / 1000;

export interface CastResult {
  characters: Character[];
  subjects: PlanSubject[];
}

/** The action row a verb phrase opens with, if any ("gives a slight nod" is a nod). */
export function actionOf(verb: string): ActionEntry | null {
  return actionAt(verb)?.entry ?? null;
}

/** The action row a verb phrase opens with and how many of its characters name it. */
function actionAt(verb: string): { entry: ActionEntry; length: number } | null {
  const light = LIGHT_VERB.exec(verb)?.[0].length ?? 0;
  const rest = verb.slice(light);
  const m = findMentions(rest, ACTIONS).find((x) => x.index === 0);
  // ("the dragon breathes fire" is no breath)
  if (m && opensWith(rest, [{ id: 'not', phrases: ACTIONS.find((a) => a.id === m.id)!.not ?? [] }])) return null;
  if (m) return { entry: ACTIONS.find((a) => a.id === m.id)!, length: light + m.length };
  // simple English ("man turn head to left") or a participle or past tense ("slowly turning his
  // head", "she turned her head"): the verb's third person, as the rows write their phrases
  for (const simple of thirdPersonReadings(rest)) {
    const s = findMentions(simple, ACTIONS).find((x) => x.index === 0);
    if (s) return { entry: ACTIONS.find((a) => a.id === s.id)!, length: light + Math.max(1, Math.min(rest.length, s.length - (simple.length - rest.length))) };
  }
  // an adverb or a side inside the phrase ("turns slightly toward the camera", "raises his right
  // hand"): the phrase without it, its length the original's up to the phrase's last word
  const kept = [...rest.matchAll(/\S+/g)].filter((w, i) => i === 0 || !(adverb(w[0]) || SIDE.test(w[0])));
  const bare = kept.map((w) => w[0]).join(' ');
  const b = bare !== rest.trim() ? findMentions(bare, ACTIONS).find((x) => x.index === 0) : undefined;
  if (!b) return null;
  const words = bare.slice(0, b.length).split(' ').length;
  const last = kept[words - 1]!;
  return { entry: ACTIONS.find((a) => a.id === b.id)!, length: light + last.index! + last[0].length };
}

/** The phrase with its first word put in the third person, each way that word may have been formed. */
function thirdPersonReadings(phrase: string): string[] {
  const first = /^\S+/.exec(phrase)?.[0] ?? '';
  const rest = phrase.slice(first.length).replace(/\bto (left|right)\b/, 'to the $1');
  const third = (base: string) => (/(?:ch|sh|x|z|s)$/.test(base) ? `${base}es` : `${base}s`);
  let bases: string[];
  const ending = /(?:ing|ed)$/.exec(first)?.[0];
  if (ending) {
    const stem = first.slice(0, -ending.length);
    // "turning" → turn, "waving" → wave, "nodding" → nod, "tilted" → tilt, "smiled" → smile
    bases = stem.length >= 2 ? [stem, `${stem}e`, ...(/(.)\1$/.test(stem) ? [stem.slice(0, -1)] : [])] : [];
  } else bases = /[sd]$/.test(first) ? [] : [first];
  const readings = bases.map((b) => `${third(b)}${rest}`);
  // (a bare verb whose article alone is missing: "man turn head to left")
  if (rest !== phrase.slice(first.length)) readings.push(`${first}${rest}`);
  return readings.filter((r) => r !== phrase);
}

/** A side inside an action's phrase ("his right hand"), which changes nothing, as an adverb does ("slightly"). */
const SIDE = /^(?:right|left|other|both)$/;

/** A verb phrase without the adverbs inside it ("looks directly into the camera" → "looks into the camera"). */
const withoutAdverbs = (verb: string) => verb.split(' ').filter((w, i) => i === 0 || !adverb(w)).join(' ');

/** A verb that only carries its noun ("gives a nod", "flashes a quick smile", "lets out a yawn"). */
const LIGHT_VERB = /^(?:gives?|giving|offers?|offering|flash(?:es)?|flashing|lets? out|letting out|breaks? into|breaking into|cracks?|cracking) (?:(?:the camera|the viewer|the lens|us|him|her|them|me|you) (?=a |an ))?(?:(?:a|an|her|his|its|their|one) )?(?:(?:small|slight|little|quick|brief|big|broad|wide|warm|faint|gentle|soft|short|long|knowing|shy|single|firm|slow) )?/;

const opensWith = (verb: string, table: Parameters<typeof findMentions>[1]) => findMentions(verb, table).some((m) => m.index === 0);

/** The prompt's words for a reading: "the car driving past". */
export function readingWords(text: string, r: ReadAction): string {
  if (r.subjectIndex < 0 || r.subjectIndex > r.index || r.index - r.subjectIndex > 60) return r.subject ? `${r.subject} ${r.verb}` : r.verb;
  const det = /\b(the|a|an|his|her|its|their)\s+$/.exec(text.slice(Math.max(0, r.subjectIndex - 8), r.subjectIndex));
  const phrase = r.inherited ? `${r.subject} ${r.verb}` : text.slice(r.subjectIndex, r.index + r.length);
  // (a quoted line is blanked in the text it is read from: "sings "la la la" softly")
  return (det ? `${det[1]} ${phrase}` : phrase).replace(/\s+/g, ' ');
}

/** The largest of some boxes, or undefined when there are none. */
function largest(boxes: readonly Box[]): Box | undefined {
  return boxes.reduce<Box | undefined>((best, b) => (!best || b.w * b.h > best.w * best.h ? b : best), undefined);
}

/** A subject's box grown to hold its eyes and the fur their lids sweep down (4 radii around each). */
function withEyes(box: PlanSubject['box'], eyes: NonNullable<PlanSubject['eyes']>, aspect: number): PlanSubject['box'] {
  let x0 = box.x, y0 = box.y, x1 = box.x + box.w, y1 = box.y + box.h;
  for (const e of eyes) {
    x0 = Math.min(x0, e.x - 4 * e.r); x1 = Math.max(x1, e.x + 4 * e.r);
    y0 = Math.min(y0, e.y - 4 * e.r * aspect); y1 = Math.max(y1, e.y + 4 * e.r * aspect);
  }
  x0 = Math.max(0, x0); y0 = Math.max(0, y0); x1 = Math.min(1, x1); y1 = Math.min(1, y1);
  return { x: round(x0), y: round(y0), w: round(x1 - x0), h: round(y1 - y0) };
}

/**
 * A box round an animal's head alone, from its eyes (normalised): wider than the head the picture
 * stage places round them (analyze/animals/body.ts headSize) so the head keeps its size.
 */
function headOnly(eyes: ReadonlyArray<{ x: number; y: number; r: number }>, aspect: number): PlanSubject['box'] {
  const size = 1.6 * headSize(eyes);
  const cx = eyes.reduce((t, e) => t + e.x, 0) / eyes.length, cy = eyes.reduce((t, e) => t + e.y, 0) / eyes.length;
  const x0 = Math.max(0, cx - size / 2), y0 = Math.max(0, cy - (size / 2) * aspect);
  const x1 = Math.min(1, cx + size / 2), y1 = Math.min(1, cy + (size / 2) * aspect);
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/** A subject's box grown to hold some points and a margin around them (normalised). */
function withPoints(box: PlanSubject['box'], points: ReadonlyArray<{ x: number; y: number }>, margin: number): PlanSubject['box'] {
  let x0 = box.x, y0 = box.y, x1 = box.x + box.w, y1 = box.y + box.h;
  for (const p of points) { x0 = Math.min(x0, p.x - margin); x1 = Math.max(x1, p.x + margin); y0 = Math.min(y0, p.y - margin); y1 = Math.max(y1, p.y + margin); }
  x0 = Math.max(0, x0); y0 = Math.max(0, y0); x1 = Math.min(1, x1); y1 = Math.min(1, y1);
  return { x: round(x0), y: round(y0), w: round(x1 - x0), h: round(y1 - y0) };
}

/** Idle life of a living subject: present at every cfg_scale, livelier as it rises. */
const idleFor = (cfgScale: number) => round(0.4 + 0.6 * Math.min(1, Math.max(0, cfgScale)));

export function directCharacters(input: DirectInput, scene: Scene, readings: readonly ReadAction[], notes: string[], asked?: AskedAt): CastResult {
  const idle = idleFor(input.cfgScale);
  const text = normalizeText(withoutQuotes(input.prompt));
  // an animal the prompt only hears ("birds chirping" over a portrait) is not in the picture
  const named = subjectMentions(text).filter((m) => !m.negated && (m.id !== 'animal' || !heardOnly(m, text, readings, scene)));
  const animalInPicture = animalShown(scene);
  const personInPicture = personShown(scene);
  // a prompt about animals alone: a face found in the picture is not a person's (a detector that
  // knows only people can take an animal's eye and fur for one), so no face rig goes on it
  const animalsOnly = named.some((m) => m.id === 'animal') && !named.some((m) => m.id === 'person');
  const characters: Character[] = animalsOnly ? [] : scene.faces.map((_, face) => ({ face, blink: true, speaks: [], actions: [], idle }));
  const subjects: PlanSubject[] = [];
  const duration = input.duration;
  const cursors = new Map<object, number>();
  // the prompt's move and effect phrases, read once when a reading first needs them
  let effects: ReturnType<typeof findMentions> | undefined;
  const pictureWords = () => (effects ??= findMentions(text, PICTURE_EFFECTS));
  // the effects alone: a camera move's word performs no scenery's verb ("searchlights sweep")
  const effectWords = () => pictureWords().filter((m) => !CAMERA_IDS.has(m.id));

  // every living subject the prompt names without a face to rig gets a subject (idle life); "the
  // subject" alone is the photographer's word for whatever the picture shows (a launch pad's
  // gantry in "orbit around the subject"), living only once it does something (a reading, below)
  const living = named.filter((m) => ((m.id === 'animal' && animalInPicture) || (m.id === 'person' && !scene.faces.length && personInPicture)) && !GENERIC_SUBJECT.test(text.slice(m.index, m.index + m.length)));
  const subjectFor = (kind: SubjectKind, name: string): PlanSubject => {
    let s = subjects.find((x) => x.kind === kind) ?? subjects[0];
    if (!s) {
      // an animal: where the detector found it, else the salient box (region.ts, the part finders'
      // rule too); a person without a face: the layered scene's subject matte when analysis found
      // one (its largest part), else the salient box
      const region = kind === 'animal' ? animalRegion(scene, name) : null;
      const parts = kind === 'animal' ? animalParts(scene, name) : null;
      // a salient region (no detector box) may take in the animal's surroundings: where its eyes
      // were found, its body is the fur connected to them, or, with no body bounded, its head alone
      // (the box is what breathes and sways: picture/characters/displace-body.ts)
      const bounded = region && !region.detected && parts?.eyes ? parts.body?.box ?? headOnly(parts.eyes.eyes, scene.image.width / scene.image.height) : null;
      const b = bounded ?? region?.box ?? largest(scene.layers?.subjects ?? []) ?? scene.subject;
      s = { kind, name, box: { x: round(b.x), y: round(b.y), w: round(b.w), h: round(b.h) }, idle, actions: [] };
      // an animal's eyes, where the picture shows them: its blink closes lids over them
      if (parts?.eyes) {
        s.eyes = parts.eyes.eyes.map((e) => ({ x: round(e.x), y: round(e.y), r: Math.round(e.r * 1e5) / 1e5, ...(e.room !== undefined ? { room: round(e.room) } : {}) }));
        s.box = withEyes(s.box, s.eyes, scene.image.width / scene.image.height);
      }
      // no eyes: its head where its outline shows it, said how
      if (parts?.head && !parts.eyes) {
        const h = parts.head;
        s.head = { x: round(h.x), y: round(h.y), size: round(h.size), found: 'at the end of its outline that rises above its back (no eyes were found)' };
        const half = h.size / 2, tall = (half * scene.image.width) / scene.image.height;
        s.box = withPoints(s.box, [{ x: h.x - half, y: h.y - tall }, { x: h.x + half, y: h.y + tall }], 0.03);
      }
      // and its ears, where they stand out of its outline: the ear action turns them
      if (parts?.ears.length) {
        s.ears = parts.ears.map((e) => ({ tip: { x: round(e.tip.x), y: round(e.tip.y) }, base: { x: round(e.base.x), y: round(e.base.y) }, width: round(e.width) }));
        s.box = withPoints(s.box, s.ears.flatMap((e) => [e.tip, e.base]), 0.03);
      }
      // and its tail, where it stands out of its outline away from the head: the tail action swings it
      if (parts?.tail) {
        const t = parts.tail;
        s.tail = { base: { x: round(t.base.x), y: round(t.base.y) }, tip: { x: round(t.tip.x), y: round(t.tip.y) }, width: round(t.width) };
        s.box = withPoints(s.box, [s.tail.base, s.tail.tip], 0.03);
      }
      subjects.push(s);
    }
    return s;
  };
  // named after the first one the prompt has do something other than make a sound ("the crowd
  // chants his name as he raises both arms": the rig is his)
  const first = living.find((m) => readings.some((r) => r.subjectIndex === m.index && !r.negated && !opensWith(r.verb, HEARD_VERBS))) ?? living[0];
  if (first) subjectFor(first.id as SubjectKind, text.slice(first.index, first.index + first.length));
  // a person whose body the picture shows, or an animal the detector found in it, is alive whether
  // or not the prompt names them (a face's own rig breathes when a face was found)
  else if (!scene.faces.length && bodyInFrame(scene.pose)) subjectFor('person', 'person');
  else if (!scene.faces.length && scene.animals?.length) subjectFor('animal', 'animal');

  // a mouthed line ("she mouths "thank you"") is talked for as long as it takes to say it slowly
  const mouthed = mouthedLines(input.prompt);
  const quotes = extractQuotes(input.prompt);
  const place = (performer: { actions: Character['actions'] }, entry: ActionEntry, r: ReadAction, seconds = entry.seconds) => {
    // a state that lasts the clip is laid out once ("its chest rising and falling with each breath")
    if (seconds === null && performer.actions.some((a) => a.type === entry.id)) return;
    const from = cursors.get(performer) ?? 0.4;
    const start = Math.min(from, Math.max(0, duration - 0.8));
    const end = seconds === null ? duration : Math.min(duration, start + seconds);
    if (end - start < 0.2) return;
    const action = { type: entry.id, start: round(start), end: round(end) };
    performer.actions.push(action);
    asked?.set(action, { at: r.index, words: `'${readingWords(text, r)}'` });
    if (entry.seconds !== null) cursors.set(performer, end + 0.2);
  };

  // the people the prompt names whom each face fits (so far)
  const boundTo = new Map<number, string[]>();
  for (const r of readings) {
    if (r.negated || r.kind === 'camera') continue;
    const words = readingWords(text, r);
    if (r.kind === 'person' && namesSomeone(r.subject)) for (const f of facesFor(r.subject, scene.faces, true)) boundTo.set(f, [...(boundTo.get(f) ?? []), r.subject]);
    if (r.kind === 'nature') {
      // a state the still shows, a sound (the sound half's: "thunder cracks"), or an effect's own
      const sound = opensWith(r.verb, HEARD_VERBS) || opensWith(r.subject, [...AMBIENCE_WORDS, ...EFFECT_WORDS]);
      const effect = effectAt(effectWords(), r) || effectAt(effectWords(), { index: r.subjectIndex });
      if (!posed(r.verb) && !sound && !effect) notes.push(`'${words}': ${NATURE_REASON}`);
      // the wind heard or drawn still moves no thing it blows ("wind blows through her hair")
      else if (WIND.test(r.subject) && findMentions(r.verb, [OBJECT_ROW]).some((m) => m.index > 0 && !m.negated)) notes.push(`'${words}': ${OBJECT_ROW.reason}`);
      continue;
    }
    // a speech verb with no line of its own ("the grandfather tells a story", "she whispers to
    // him"): the lips move, and the note says no words are heard
    const unvoiced = !r.negated && opensWith(r.verb, [SPEECH]) && !quoteNear(quotes, r);
    if (unvoiced && (r.kind !== 'person' || VOICE_ONLY.test(r.subject))) { notes.push(`'${words}': ${UNVOICED_REASON}`); continue; }
    const entry = unvoiced ? TALK : actionOf(r.verb);
    // (its note says the lips move once they do, below)
    const unvoicedNote = unvoiced ? notes.push(`'${words}': ${UNVOICED_REASON}`) - 1 : -1;
    const kindRow = SUBJECT_WORDS.find((k) => k.id === r.kind);
    if (!entry) {
      // states the still already shows, spoken lines, sounds (accounted by the sound half) and
      // the picture's own effect words are not subject actions
      // (a person's or an animal's verb is theirs even when the picture knows the word: "the dog
      // shakes off the water" is not a camera shake, see claimedSpans)
      if (!namedUnknown(r) && r.kind === 'unknown') continue;
      if (posed(r.verb) || opensWith(r.verb, HEARD_VERBS) || (!livingKind(r) && effectAt(effectWords(), r)) || musicPlays(r)) continue;
      // a subject the table lacks ("the tabby"): the reason of the living subject the picture has
      const reason = r.kind === 'animal' && !animalInPicture ? ANIMAL_NOT_SHOWN
        : r.kind === 'person' && !personInPicture ? PERSON_NOT_SHOWN
        : kindRow?.reason ?? SUBJECT_WORDS.find((k) => k.id === (characters.length ? 'person' : subjects[0]?.kind))?.reason;
      const done = doneFor(r.verb);
      notes.push(`'${words}': ${done ? `${done}, but ` : ''}${reason ?? 'it is not animated'}`);
      continue;
    }
    // who performs it: the subject named, or (no subject named) the picture's faces or living subject
    const kind: SubjectKind | null = r.kind === 'person' || r.kind === 'animal' ? r.kind
      : r.kind === 'unknown' ? (characters.length ? 'person' : subjects[0]?.kind ?? null) : null;
    // an animal's voice is the sound half's: performed too by the animal the picture shows when
    // the prompt names that one (already alive: named and not only heard), never noted here, and
    // never the reason to make one alive ("the cat sits as a dog barks in the distance": no jaw)
    if (entry.voice && (kind !== 'animal' || !subjects.some((x) => x.kind === 'animal' && sameAnimal(x.name, r.subject)))) continue;
    if (!kind) {
      notes.push(`'${words}': ${kindRow?.reason ?? 'no living subject was found to perform it'}`);
      continue;
    }
    if (kind === 'animal' && !animalInPicture) {
      notes.push(`'${words}': ${ANIMAL_NOT_SHOWN}`);
      continue;
    }
    // (an animal's cry is its call: the sound half's, heard or noted there)
    if (!entry.subjects.includes(kind) && kind === 'animal' && opensWith(r.verb, SOUND_VERBS)) continue;
    if (!entry.subjects.includes(kind)) {
      notes.push(`'${words}': ${SUBJECT_WORDS.find((k) => k.id === kind)!.reason}`);
      continue;
    }
    // people the prompt puts in the background are not the picture's subjects ("children laughing
    // in the background"): their sound is the sound half's
    if (r.kind === 'person' && r.subject && IN_THE_BACKGROUND.test(words)) { notes.push(`'${words}': ${BACKGROUND_REASON}`); continue; }
    const faces = kind === 'person' ? facesFor(r.subject, scene.faces) : [];
    // a person the faces do not fit, while each is already someone the prompt named who fits it,
    // is another person ("the woman reads while a baby cries"), not in the picture
    if (kind === 'person' && namesSomeone(r.subject) && faces.length && faces.every((f) => !boundTo.get(f)?.includes(r.subject) && boundTo.has(f))) {
      notes.push(`'${words}': ${PERSON_NOT_SHOWN}`);
      continue;
    }
    const rig = entry.rig[kind]!;
    // a person with a face: the face rig also breathes, sways, leans and (with the arm in the
    // frame) gestures; without a face the subject rig does
    // (an animal's parts are those of the animal the subject already performing is, else of the one named)
    const partsOf = () => animalParts(scene, subjects.find((x) => x.kind === 'animal')?.name ?? r.subject);
    const eyes = rig === 'eyes' ? partsOf().eyesReason : undefined;
    const ears = rig === 'ears' ? partsOf().earsReason : undefined;
    const tail = rig === 'tail' ? partsOf().tailReason : undefined;
    const head = rig === 'head' ? partsOf().headReason : undefined;
    // (a shrug lifts the shoulders, not a hand: hands holding something together may shrug)
    const holding = rig === 'arm' && entry.id !== 'shrug' ? handsMeet(scene.pose, scene.image.width, scene.image.height) : undefined;
    // (the gesturing hand on something it cannot carry: a camera on its tripod, a ball held up)
    const side = rig === 'arm' && entry.id !== 'shrug' ? gesturingSide(scene.pose) : null;
    const held = side ? heldByHand(scene.held, side) : null;
    const reason = rigReason(rig === 'subject' && kind === 'person' && faces.length ? 'face' : rig, { kind, name: nameOf(r, input.prompt) || kind, faces, arms: armInFrame(scene), handsMeet: holding, holds: held ? (held.bounded ? 'larger' : 'runs on') : undefined, eyes, ears, tail, head });
    const useFace = kind === 'person' && faces.length > 0;
    if (reason) { if (!entry.voice) notes.push(`'${words}': ${reason}`); continue; }
    // (after the rig's own reason: "'a woman smiles': no face was found" says more)
    if (kind === 'person' && !useFace && !personInPicture) { notes.push(`'${words}': ${PERSON_NOT_SHOWN}`); continue; }
    const line = entry.id === 'talk' && MOUTHING.test(r.verb) ? mouthed.shift() : undefined;
    // (lips shape mouthed words slower and larger than spoken ones)
    const seconds = line ? Math.max(1, line.seconds * 1.3 + 0.2) : entry.seconds;
    // (a head turned to someone else in the picture turns their way)
    const aimed = (f: number) => (entry.id === 'turn_head' ? turnToward(r.verb, f, scene.faces) : null);
    if (useFace) for (const f of faces) place(characters[f]!, ACTIONS.find((a) => a.id === aimed(f)) ?? entry, r, seconds);
    else place(subjectFor(kind, r.subject || kind), entry, r, seconds);
    if (unvoicedNote >= 0) notes[unvoicedNote] += ': the lips move';
  }
  dropPictureNotes(notes, text, readings);
  return { characters, subjects };
}

/** The same animal word, singular or plural ("dog", "dogs"). */
const sameAnimal = (a: string, b: string) => a.replace(/e?s$/, '') === b.replace(/e?s$/, '');

/** Speech verbs ("says", "whispers", "tells"); the talk row their lips perform when no line is quoted. */
const SPEECH = POSE_VERBS.find((v) => v.id === 'speech')!;
const TALK = ACTIONS.find((a) => a.id === 'talk')!;
const UNVOICED_REASON = 'no words are quoted, so nothing is heard';
/** Speakers with no face to move ("the narrator says"). */
const VOICE_ONLY = /\b(?:narrator|voice|voiceover|announcer)\b/;

/** A quoted line right after the speech verb's phrase, or just before its subject ("'Hello,' she says"). */
function quoteNear(quotes: readonly QuotedLine[], r: ReadAction): boolean {
  const from = r.subjectIndex >= 0 ? Math.min(r.subjectIndex, r.index) : r.index;
  return quotes.some((q) => (q.start >= r.index && q.start <= r.index + r.length + 12) || (q.end <= from && q.end >= from - 12));
}

/** The picture's generic "'runs' is not supported yet" notes for verbs this reader accounted for. */
function dropPictureNotes(notes: string[], text: string, readings: readonly ReadAction[]): void {
  for (let i = notes.length - 1; i >= 0; i--) {
    const [, word, reason] = /^'([^']+)' is not supported yet: (.*)$/.exec(notes[i]!) ?? [];
    // (only the body and object ones: "'slow motion' is not supported yet" stays whatever reads it)
    if (!word || !ANIMATION_REASONS.includes(reason!)) continue;
    const read = readings.some((r) => {
      const at = text.indexOf(word, r.index);
      return at >= 0 && at < r.index + r.length;
    });
    if (read) notes.splice(i, 1);
  }
}

/** A state the still already shows ("sits on the porch", "curled up"), not a change of pose ("lies down", "sits up"). */
export const posed = (verb: string) => opensWith(withoutAdverbs(verb), POSE_VERBS) && !/^\S+(?<!ed) (?:down|up)\b/.test(verb);

/** What a note says of scenery that acts with no effect to perform it. */
const NATURE_REASON = SUBJECT_WORDS.find((k) => k.id === 'nature')!.reason;
/** The things a prompt may ask to move, and why they do not. */
const OBJECT_ROW = SUBJECT_WORDS.find((k) => k.id === 'object')!;
const WIND = /\b(?:wind|breeze|gusts?)$/;

/** An instrument or the music itself that plays ("soft piano music plays"): the sound half's music. */
const musicPlays = (r: ReadAction) => r.kind === 'object' && findMentions(r.subject, MUSIC_WORDS).length > 0 && /^(?:play|swell|start|begin|fade|kick|rise)/.test(r.verb);

/** The picture's subject, named as such (see `living` above). */
const GENERIC_SUBJECT = /^subjects?$/;
/** Where the prompt puts people who are not the picture's subjects. */
const IN_THE_BACKGROUND = /\b(?:in the background|in the distance|off ?screen|out of frame|out of shot|in the next room|outside the frame)\b/;
const BACKGROUND_REASON = 'people in the background are not in the picture to animate (a sound they make is heard when the sound table has it)';
/** The verbs of a line mouthed without a voice ('mouths', 'lip-syncs' read as 'syncs'). */
const MOUTHING = /^(?:mouth|lip|sync)/;

const livingKind = (r: ReadAction) => r.kind === 'person' || r.kind === 'animal';

/** A subject the prompt names with a word the subject table lacks ("the tabby licks its lips"). */
const namedUnknown = (r: ReadAction) => r.kind === 'unknown' && r.subject !== '' && r.subject !== 'it';

/**
 * The subject's word for a note: a name as the prompt writes it ("Mary", "Grace Hopper"); else the
 * reader's word. (The normalised text keeps the prompt's offsets.)
 */
function nameOf(r: ReadAction, prompt: string): string {
  if (!r.name || r.subjectIndex < 0) return r.subject;
  const written = prompt.slice(r.subjectIndex, r.subjectIndex + r.subject.length);
  return written.toLowerCase() === r.subject ? written : r.subject;
}

/**
 * The picture's words that perform or note themselves (moves and effects). Its flags ("flicker")
 * only switch behaviours off: "the lamps flicker" is not performed by them.
 */
const PICTURE_EFFECTS = PICTURE_VOCABULARY.filter((e) => !e.id.startsWith('flag:'));

const CAMERA_IDS = new Set(CAMERA_VOCABULARY.map((e) => e.id));

/** A move or effect phrase (of the prompt's, read once) holds the reading's verb ("the lamps flicker": "lamps flicker") or noun. */
const effectAt = (mentions: ReturnType<typeof findMentions>, r: Pick<ReadAction, 'index'>) => mentions.some((m) => m.index <= r.index && m.index + m.length > r.index);

/** Effects someone's verb brings about, which the picture performs for them ("she turns off the lamp": the lights go out), and how their note says so. */
const DONE_FOR_SOMEONE = new Map([['effect:lights_out', 'the lights go out']]);
/** What the picture does for a person's verb (DONE_FOR_SOMEONE), or null. */
const doneFor = (verb: string) => {
  const m = findMentions(verb, PICTURE_VOCABULARY).find((x) => x.index === 0);
  return m ? DONE_FOR_SOMEONE.get(m.id) ?? null : null;
};

/**
 * Offsets of the phrases that, read as actions, mean nothing else ("waves at the camera"), and of
 * a person's or an animal's verb that the picture half would read as a camera move or an effect
 * ("the dog shakes off the water" is not a handheld camera).
 */
export function claimedSpans(readings: readonly ReadAction[]): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const r of readings) {
    if (r.negated) continue;
    // a thing's verb that is a camera move's word is the thing's ("searchlights sweep across the
    // sky" is no pan)
    if (r.kind === 'object' || r.kind === 'nature' || r.kind === 'vehicle') {
      const move = findMentions(r.verb, CAMERA_VOCABULARY).find((x) => x.index === 0);
      if (move) spans.push([r.index, r.index + move.length]);
    }
    if (r.kind === 'object' || r.kind === 'nature') {
      // a thing's verb that is a bed's noun is not that bed ("tears stream down her face", "sunlight
      // streams through the window"), unless the thing with its verb names that bed ("pots
      // sizzling", "the river streams")
      const verb = findMentions(r.verb, AMBIENCE_WORDS).find((x) => x.index === 0);
      const itsOwn = !!verb && findMentions(`${r.subject} ${r.verb}`, AMBIENCE_WORDS).some((x) => x.index === 0 && x.id === verb.id);
      if (verb && !itsOwn) spans.push([r.index, r.index + verb.length]);
      if (r.kind === 'object') continue;
    }
    if (!livingKind(r) && r.kind !== 'unknown') continue;
    const m = actionAt(r.verb);
    if (m && m.entry.claims) spans.push([r.index, r.index + m.length]);
    else if (livingKind(r) && !m) {
      // (an animal's call that is an instrument's name is no music: "the elephant trumpets")
      const verb = findMentions(r.verb, r.kind === 'animal' ? [...PICTURE_VOCABULARY, ...MUSIC_WORDS] : PICTURE_VOCABULARY).find((x) => x.index === 0);
      if (verb && !DONE_FOR_SOMEONE.has(verb.id)) spans.push([r.index, r.index + verb.length]);
    }
  }
  return spans;
}

/** An arm of the main person's pose is in the frame: shoulder, elbow and wrist all seen. */
function armInFrame(scene: Scene): boolean {
  const k = (name: string) => (scene.pose?.keypoints.find((p) => p.name === name)?.score ?? 0) >= 0.3;
  return ['left', 'right'].some((side) => k(`${side}_shoulder`) && k(`${side}_elbow`) && k(`${side}_wrist`));
}
