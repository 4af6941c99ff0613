/**
 * The honesty check of the soundtrack: every sound the prompt asks for — a subject's sound verb
 * ("the dog barks", "a doorbell rings"), a vehicle that moves ("a car driving past"), "the sound
 * of …" / "we hear …", or a source that is a sound whenever it is named ("sirens") — is either in
 * the planned audio or in the notes. Whether
 * it is planned is read from the plan itself: the sound director's own vocabulary
 * (src/engine/direct/audio/vocabulary.ts, every table it exports, whose ids are the sound table's)
 * must find, in the request's words, a bed or event the plan holds (or the music, or a line).
 *
 * @example
 *   noteUnheardSounds(input, readings, audio, notes)
 *   // notes: ["'a doorbell rings': no sound in the sound table makes it"]
 */
import type { Audio } from '../../plan.js';
import { peopleSound } from '../audio/animal-verbs.js';
import * as soundVocabulary from '../audio/vocabulary.js';
import { removals } from '../audio/removals.js';
import { ownedNotHeard } from '../possessive-sounds.js';
import { figurativeThunder } from '../audio/events.js';
import { personWords } from '../audio/anyone.js';
import { isVocalise, SONG_VERBS } from '../audio/vocalise.js';
import type { DirectInput } from '../input.js';
import { extractQuotes, findMentions, normalizeText, withoutQuotes, type LexiconEntry } from '../lexicon.js';
import { readingWords } from './index.js';
import { DETERMINERS, type ReadAction } from './read-actions.js';
import { BODY_PARTS, POSE_VERBS, SOUND_INTRODUCERS, SOUND_SOURCES, SOUND_VERBS } from './verb-words.js';
import { CAMERA_VOCABULARY } from '../picture/vocabulary.js';
import { heardNotCamera } from '../picture/camera/moves.js';

/** Every table of the sound director (whatever it names them): entries with phrases. */
const AUDIO_TABLES: readonly LexiconEntry[] = Object.values(soundVocabulary as Record<string, unknown>)
  .filter((v): v is unknown[] => Array.isArray(v))
  .flat()
  .filter((e): e is LexiconEntry => typeof e === 'object' && e !== null && Array.isArray((e as LexiconEntry).phrases));

interface Request {
  /** the prompt's words, for the note */
  words: string;
  /** the words that name the sound (a sound verb's subject and verb: "dog growls", not "outside") */
  source: string;
  /** where in `source` the verb starts (-1: no verb): the sound the verb names is the one asked for */
  verbAt: number;
  /** the sound verb's row ("barks" → barking), when a living subject's sound verb asked for it */
  verbRow?: LexiconEntry;
  /** an animal's: a sound people make is not its voice ("the squirrel chatters" is no crowd's chatter) */
  animal?: boolean;
  /** the same with a person's subject read as anyone's ("person whistles" for "farmer whistles") */
  anyone?: { source: string; verbAt: number };
  start: number; end: number;
}

/** The sound verb a verb phrase opens with, if any (none where its words have their other sense: "knocks over a vase"). */
const soundVerbOf = (verb: string) => {
  if (findMentions(verb, soundVocabulary.OTHER_SENSE_WORDS).some((x) => x.index === 0)) return undefined;
  const m = findMentions(verb, SOUND_VERBS).find((x) => x.index === 0);
  return m ? SOUND_VERBS.find((v) => v.id === m.id) : undefined;
};

/** Words before "sound" that name no source ("at every sound", "no sound", "any sound"). */
const NOT_A_SOURCE = new Set(['at', 'to', 'of', 'for', 'by', 'any', 'no', 'every', 'each', 'without', 'with', 'the', 'and', 'or', 'but', 'surround', 'full', 'stereo', 'mono', 'good', 'great', 'high', 'low', 'quality']);

/** Words that describe a sound rather than name its source ("a loud crunch", "a deafening roar"). */
const SOUND_ADJECTIVES = /^(?:\w+ly|loud|soft|faint|distant|sharp|sudden|deafening|gentle|low|quiet|big|small|long|short|deep|high|single|final|last|first|little|huge|massive|thunderous)$/;

/** Words that own what follows ("its cry"). */
const POSSESSIVES = /^(?:its|his|her|their)$/;

/** Vehicles that move without a sound of their own to ask for. */
const QUIET_VEHICLES = new Set(['sailboat', 'sailing boat', 'rowboat', 'rowing boat', 'gondola', 'yacht', 'ship', 'canoe', 'kayak', 'balloon', 'hot air balloon', 'bicycle', 'bike', 'skateboard', 'sled', 'glider', 'raft']);
/**
 * A vehicle moving where it is or under sail: no sound of it passing ("the boat rocks on the
 * water", "a fishing boat bobs in the harbour", "a boat sails past").
 */
const SILENT_MOTION = /^(?:rocks?|rocking|bobs?|bobbing|sways?|swaying|floats?|floating|tilts?|tilting|lists|listing|sails?|sailing|glides?|gliding)\b/;


/** The music tables' ids: what names music is heard when the plan has music ("singing bowls" are the ambient genre). */
const MUSIC_IDS = new Set([soundVocabulary.MUSIC_WORDS, soundVocabulary.GENRE_WORDS, soundVocabulary.NEAREST_GENRE_WORDS].flat().map((e) => e.id));

/** The sounds the sound table has no row for yet: their notes name them. */
const MISSING_IDS = new Set(soundVocabulary.MISSING_SOUND_WORDS.map((e) => e.id));

/** The sound requests of a prompt, with their words and spans in the normalised text. */
export function soundRequests(prompt: string, readings: readonly ReadAction[]): Request[] {
  const text = normalizeText(withoutQuotes(prompt));
  const out: Request[] = [];
  // a camera move's words ask for no sound ("crash zoom on her eyes")
  // ("radio static" is a sound: the move's word names it there)
  const moves = findMentions(text, CAMERA_VOCABULARY).filter((m) => !heardNotCamera(m.id.slice(m.id.indexOf(':') + 1), text, m.index, m.length));
  const covered = (a: number, b: number) => out.some((r) => a < r.end && b > r.start) || moves.some((m) => a < m.index + m.length && b > m.index);
  // a subject named inside a phrase that names no sound ("her gown's train trails behind her")
  const noSound = findMentions(text, soundVocabulary.OTHER_SENSE_WORDS);
  const inNoSound = (i: number) => noSound.some((m) => i >= m.index && i < m.index + m.length);
  for (const r of readings) {
    // (a body part doing something is seen, not heard: "his eyes crinkling", "its tail swishing")
    if (r.negated || r.kind === 'camera' || BODY_PARTS.has(r.verb.split(' ')[0]!) || inNoSound(r.subjectIndex)) continue;
    // a sound verb asks for its sound; a vehicle that moves asks for the sound of it passing, unless
    // it moves in silence (a sailboat gliding, a balloon drifting)
    const moving = r.kind === 'vehicle' && !QUIET_VEHICLES.has(r.subject.split(' ').pop()!.replace(/s$/, '')) && !SILENT_MOTION.test(r.verb) && !findMentions(r.verb, POSE_VERBS).some((m) => m.index === 0);
    const verbRow = soundVerbOf(r.verb);
    if ((!moving && !verbRow) || covered(r.index, r.index + 1)) continue;
    const start = r.subjectIndex >= 0 && r.subjectIndex < r.index ? r.subjectIndex : r.index;
    // the subject with the few words between it and its verb: "a bicycle bell rings" is the bell's
    const between = r.subjectIndex >= 0 && r.subjectIndex < r.index ? text.slice(r.subjectIndex, r.index).trim().split(/\s+/).slice(r.subject.split(' ').length) : [];
    const named = r.subjectIndex > 0 ? namedWith(text, r.subjectIndex, r.subject) : undefined;
    const subject = r.subject ? `${[...(named ? [named] : []), r.subject, ...(between.length <= 2 ? between : [])].join(' ')} ` : '';
    // the verb keeps its object and particle: "rings his bell" is the bell's sound, "drives past" a
    // passing car's (the sound whose words span the verb's start is the one asked for)
    const verb = r.verb;
    // a living subject's voice is its own: another sound of it does not stand in ("the cat hisses")
    const living = r.kind === 'person' || r.kind === 'animal' || (r.kind === 'unknown' && r.subject !== '');
    const alias = personWords(r.subject, r.kind, r.name)[1];
    out.push({
      words: readingWords(text, r), source: `${subject}${verb}`, verbAt: subject.length, verbRow: living ? verbRow : undefined, start, end: r.index + r.length,
      ...(r.kind === 'animal' ? { animal: true } : {}),
      ...(alias ? { anyone: { source: `${alias} ${verb}`, verbAt: alias.length + 1 } } : {}),
    });
  }
  for (const m of findMentions(text, SOUND_INTRODUCERS)) {
    if (m.negated) continue;
    const rest = text.slice(m.index + m.length);
    const object = /^\s*((?:[\p{L}\p{N}']+\s*){1,5}?)(?=[,.;:!?()\n]|\band\b|\bwhile\b|\bas\b|\bthen\b|$)/u.exec(rest)?.[1]?.trim();
    if (!object) continue;
    const end = m.index + m.length + rest.indexOf(object) + object.length;
    if (!covered(m.index, end)) out.push({ words: text.slice(m.index, end), source: object, verbAt: -1, start: m.index, end });
  }
  // a sound named by what makes it ("breathing sounds inside the helmet", "kitchen noises"): the
  // two words before, with the noun
  for (const m of text.matchAll(/(?:^|[\s,.;:!?()])((?:[\p{L}']+\s+){0,1}[\p{L}']+)\s+(?:sounds?|noises?|sound effects?)(?=\s*(?:[,.;:!?()]|$|in\b|inside\b|from\b|behind\b|outside\b|nearby\b|around\b|fill|echo|play|can\b))/gu)) {
    const start = m.index + m[0].indexOf(m[1]!);
    const end = m.index + m[0].length;
    // ("a foghorn sounds": after a determiner it is the verb, read above)
    const determined = DETERMINERS.has(/([\p{L}']+)\s*$/u.exec(text.slice(0, start))?.[1] ?? '');
    const words = m[1]!.split(/\s+/);
    if (words.some((w) => DETERMINERS.has(w) || NOT_A_SOURCE.has(w)) || determined || covered(start, end)) continue;
    out.push({ words: text.slice(start, end), source: text.slice(start, end), verbAt: -1, start, end });
  }
  // a sound verb whose subject the reader does not know ("oil sizzles", "pages rustle"): the verb
  // with the word before it
  for (const m of findMentions(text, SOUND_VERBS)) {
    const said = text.slice(m.index, m.index + m.length);
    if (m.negated || covered(m.index, m.index + m.length) || inNoSound(m.index)) continue;
    const before = /([\p{L}\p{N}']+)\s*$/u.exec(text.slice(Math.max(0, m.index - 30), m.index))?.[1];
    // ("its cry echoing", "her sob": a possessive's sound noun is a sound asked for)
    const owned = !!before && POSSESSIVES.test(before);
    if (!before || (DETERMINERS.has(before) && !owned) || BODY_PARTS.has(before)) continue;
    if (hasNotHeard(text, m.index, said)) continue;
    // an inflected verb ("sizzles"), or a bare one after a plural ("shutters bang"), or the noun
    // of a sound ending its clause ("tire screech", "engine rumble")
    // ("ring" and "ding" are bare: "adjusts the focus ring" asks for no sound)
    const endsClause = /^\s*(?:[,.;:!?()\]]|$)/.test(text.slice(m.index + m.length)) && !NOT_A_SOURCE.has(before) && !SOUND_ADJECTIVES.test(before) && !/^(?:ring|ding)$/.test(said);
    if (!/^(?:\S{2,}(?:ing|ed)|\S+s)$/.test(said) && !/[^su]s$/.test(before) && !endsClause && !owned) continue;
    const own = text.lastIndexOf(before, m.index - 1);
    const named = namedWith(text, own, before);
    const start = named ? text.lastIndexOf(named, own - 1) : own;
    // the verb keeps its object, as a read one does: "ringing her bell" is the bell's
    const object = /^(?:\s+[\p{L}\p{N}']+){0,3}/u.exec(text.slice(m.index + m.length).split(/[,.;:!?()\n]/)[0]!)?.[0] ?? '';
    out.push({ words: text.slice(start, m.index + m.length), source: text.slice(start, m.index + m.length) + object, verbAt: m.index - start, start, end: m.index + m.length });
  }
  // a source named with no verb read ("a whistle blows", "fireworks overhead", "a kettle whistles"):
  // its words with the word after and the two before in its clause, so that "whistle blows" and
  // "blows the whistle" find their row
  for (const m of findMentions(text, [...SOUND_SOURCES, ...soundVocabulary.MISSING_SOUND_WORDS])) {
    if (m.negated || covered(m.index, m.index + m.length) || inNoSound(m.index) || hasNotHeard(text, m.index, text.slice(m.index, m.index + m.length))) continue;
    // ("the thunder of hooves": hooves, no thunder)
    if (m.id === 'source' && figurativeThunder(text, m.index)) continue;
    const next = /^\s*([\p{L}\p{N}']+)/u.exec(text.slice(m.index + m.length))?.[1] ?? '';
    const before = text.slice(Math.max(0, m.index - 30), m.index).split(/[,.;:!?()\n]|\band\b|\bthen\b|\bwhile\b|\bas\b/).pop()!.trim().split(/\s+/).filter(Boolean).slice(-2).join(' ');
    const source = `${before} ${text.slice(m.index, m.index + m.length)} ${next}`.trim();
    out.push({ words: text.slice(m.index, m.index + m.length), source, verbAt: -1, start: m.index, end: m.index + m.length });
  }
  return out.sort((a, b) => a.start - b.start);
}

export function noteUnheardSounds(input: DirectInput, readings: readonly ReadAction[], audio: Audio, notes: string[]): void {
  // sound off has its own note; nothing is heard at all
  if (!audio.enabled) return;
  const planned = new Set<string>([...audio.beds.map((b) => b.type), ...audio.events.map((e) => e.type)]);
  const removed = removals(withoutQuotes(input.prompt), input.negativePrompt);
  for (const req of soundRequests(input.prompt, readings)) {
    const read = [req, ...(req.anyone ? [req.anyone] : [])].map(({ source, verbAt }) => {
      const mentions = findMentions(source, AUDIO_TABLES, { across: true }).filter((m) => !m.negated && !(req.animal && m.index === verbAt && peopleSound(m.id)));
      // "a dog growls" asks for a growl, not the dog's bark: the verb's own sound, when the tables
      // name one, is the one asked for ("the wind howls" is the wind's: its row has "wind howl")
      const ofVerb = verbAt < 0 ? [] : mentions.filter((m) => m.index <= verbAt && m.index + m.length > verbAt);
      // otherwise a living subject's sound verb is heard only in a sound of its kind: "the cat
      // hisses" is not its meow, "he rings his bell" is the bell's chime
      const others = req.verbRow ? mentions.filter((m) => soundOfKind(m.id, req.verbRow!)) : mentions;
      return { mentions, ids: (ofVerb.length ? ofVerb : others).map((m) => m.id) };
    });
    const mentions = read.flatMap((r) => r.mentions), ids = read.flatMap((r) => r.ids);
    if (ids.some((id) => planned.has(id) || removed.has(id))) continue;
    // a line shouted or sung is the dialogue's
    const spoken = req.verbRow && spokenAfter(input.prompt, req, audio);
    const sung = req.verbAt >= 0 && SONG_VERBS.includes(req.source.slice(req.verbAt).split(' ')[0]!);
    if (spoken && (req.verbRow!.id === 'screaming' || sung)) continue;
    // a song with no words given is sung on "la" or hummed (direct/audio/vocalise.ts)
    if (sung && audio.dialogue.some((d) => isVocalise(d.text))) continue;
    if (ids.some((id) => MUSIC_IDS.has(id)) && audio.music) continue;
    // the note names a sound the table lacks: the verb's own, else any the words name ("tram")
    const missing = [...ids, ...mentions.map((m) => m.id)].find((id) => MISSING_IDS.has(id));
    notes.push(missing ? `'${req.words}': there is no ${missing.replace(/_/g, ' ')} sound yet, so it is not heard` : `'${req.words}': no sound in the sound table makes it`);
  }
}

/**
 * A thing the possessive before it owns, that its owner cannot sound: "the tree's bark", "the bride's
 * ring" (a maker's own sound, "the dog's bark", was read as its verb: direct/possessive-sounds.ts).
 */
function hasNotHeard(text: string, index: number, word: string): boolean {
  const owner = /([\p{L}]+)'s\s+$/u.exec(text.slice(Math.max(0, index - 30), index))?.[1];
  return !!owner && ownedNotHeard(owner, word);
}

/**
 * The word before `word` (at `index`) when the two are a name the sound tables know that ends on
 * `word`: "alarm" for "clock" in "the alarm clock rings", "vacuum" for "cleaner".
 */
function namedWith(text: string, index: number, word: string): string | undefined {
  const before = /([\p{L}']+)\s+$/u.exec(text.slice(Math.max(0, index - 20), index))?.[1];
  return before && findMentions(`${before} ${word}`, AUDIO_TABLES).some((m) => m.index === 0 && m.length > before.length) ? before : undefined;
}

/** A row of the sound tables whose phrases name the sound verb's row ("chime" rings, an engine "revving"). */
function soundOfKind(id: string, verbRow: LexiconEntry): boolean {
  const words = AUDIO_TABLES.filter((e) => e.id === id).flatMap((e) => e.phrases).join(' , ');
  return findMentions(words, [verbRow]).length > 0;
}

/** A voice verb followed by its quoted line, which the dialogue speaks ("shouts "goal!""). */
function spokenAfter(prompt: string, req: Request, audio: Audio): boolean {
  // the quote is blanked in the text read, so it starts inside the verb phrase or just after it;
  // its line may be planned cut short (too long for the clip)
  const planned = (quote: string) => audio.dialogue.some((d) => { const line = normalizeText(d.text); return line.length > 0 && (line.includes(quote) || quote.startsWith(line)); });
  return extractQuotes(prompt).some((q) => q.start >= req.start && q.start <= req.end + 12 && planned(normalizeText(q.text)));
}
