/**
 * The verb-and-subject reader: every action the prompt asks of someone or something, read from the
 * sentence rather than from a list of known verbs. A clause's subject is a noun from the subject
 * table (or a pronoun, or the previous clause's subject when the clause starts with its verb:
 * "the squirrel turns its head and nibbles the nut"); its verb is the first verb-like word after it
 * (a known verb, a word in -s, -ing or -ed), skipping auxiliaries and adverbs ("is slowly turning");
 * the verb phrase runs from there to the clause's end (at most six words). Quoted speech is blanked.
 *
 * @example
 *   readActions('the man waves at the camera while waves crash')
 *   // → [{ subject: 'man', kind: 'person', verb: 'waves at the camera', … }, { subject: 'waves', kind: 'nature', verb: 'crash', … }]
 */
import { findMentions, normalizeText, withoutQuotes } from '../lexicon.js';
import { ACTIONS } from './actions.js';
import { SUBJECT_WORDS, type SubjectWordKind } from './subject-words.js';
import { ACTIVITY_VERBS, AUXILIARIES, BODY_PARTS, POSE_VERBS, SOUND_SOURCES, SOUND_VERBS } from './verb-words.js';
import { AMBIENCE_WORDS, EFFECT_WORDS, MISSING_SOUND_WORDS } from '../audio/vocabulary.js';

export interface ReadAction {
  /** the subject as the prompt names it ("squirrel", "she"; '' when the prompt names none) */
  subject: string;
  /** the subject's kind; 'unknown' for a noun outside the subject table or no subject at all */
  kind: Exclude<SubjectWordKind, 'pronoun'> | 'unknown';
  /** offset of the subject word in the normalised text (-1: none) */
  subjectIndex: number;
  /** the verb phrase ("turns its head", "driving past") */
  verb: string;
  /** offset and length of the verb phrase in the normalised text */
  index: number;
  length: number;
  negated: boolean;
  /** the clause named no subject: it continues the previous one ("… and nibbles the nut") */
  inherited: boolean;
}

interface Token { word: string; start: number; end: number }

const CLAUSE_BREAK = /[,.;:!?()[\]{}\n]/;
const CLAUSE_WORDS = new Set(['and', 'then', 'while', 'as', 'but', 'before', 'after', 'when', 'until', 'so', 'whilst', 'meanwhile']);
const PREPOSITIONS = new Set(['in', 'with', 'on', 'at', 'of', 'near', 'by', 'from', 'under', 'behind', 'beside', 'next', 'inside', 'outside', 'over', 'against', 'wearing', 'holding', 'dressed']);
export const DETERMINERS = new Set(['a', 'an', 'the', 'his', 'her', 'its', 'their', 'my', 'our', 'your', 'this', 'that', 'some', 'one', 'two', 'three', 'another']);
const NEGATORS = new Set(['not', 'no', 'never', "doesn't", 'doesnt', "don't", 'dont', "isn't", 'isnt', 'without', 'nor']);
const NOT_VERBS = new Set(['is', 'was', 'has', 'this', 'his', 'its', 'us', 'as', 'yes', 'always', 'perhaps', 'sometimes', 'towards', 'afterwards', 'nothing', 'something', 'everything', 'thing', 'during', 'morning', 'evening', 'ceiling', 'building', 'clothing', 'king', 'ring', 'spring', 'string', 'wing', 'sibling', 'red', 'bed', 'shed', 'seed', 'speed', 'need', 'bread', 'head', 'sled', 'less', 'glass', 'dress', 'grass', 'across', 'bus', 'gas', 'focus', 'lens', 'noise', 'deafening', 'footsteps', 'hooves', 'sound', 'raindrops', 'droplets', 'snowflakes', 'teardrops', 'dewdrops', 'freckles', 'sparkles']);

/** Whole words with their offsets. */
function tokens(text: string): Token[] {
  return [...text.matchAll(/[\p{L}\p{N}']+/gu)].map((m) => ({ word: m[0], start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
}

/** Every phrase's first word, per table: a word that opens a known verb phrase. */
const KNOWN_VERB = new Set([...ACTIONS, ...POSE_VERBS, ...SOUND_VERBS, ...ACTIVITY_VERBS].flatMap((e) => e.phrases.map((p) => p.split(' ')[0]!)).filter((w) => !BODY_PARTS.has(w)));

/** The first words of the states' phrases ("perched", "sitting"). */
const POSE_FIRST = new Set(POSE_VERBS.flatMap((e) => e.phrases.map((p) => p.split(' ')[0]!)));

/** Known nouns never count as verbs ("glasses", "leaves" after a subject are its attributes). */
const SUBJECT_MENTIONS = (text: string) => findMentions(text, SUBJECT_WORDS);

function stem(word: string): string[] {
  const forms = [word];
  if (word.endsWith('ing')) forms.push(word.slice(0, -3), `${word.slice(0, -3)}e`, word.slice(0, -4));
  if (word.endsWith('ies')) forms.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) forms.push(word.slice(0, -2));
  if (word.endsWith('s')) forms.push(word.slice(0, -1));
  if (word.endsWith('ed')) forms.push(word.slice(0, -2), word.slice(0, -1));
  // (a doubled consonant: "chopped", "stirring")
  if (/([^aeiou])\1(?:ed|ing)$/.test(word)) forms.push(word.replace(/.(?:ed|ing)$/, ''));
  return forms;
}

function isKnownVerb(word: string): boolean {
  // (a bare form too, as prompts in simple English write it: "man turn head to left")
  return stem(word).some((f) => KNOWN_VERB.has(f)) || (word.length >= 4 && (KNOWN_VERB.has(`${word}s`) || KNOWN_VERB.has(`${word}es`)));
}

function verbLike(word: string, nounAt: boolean): boolean {
  if (nounAt || NOT_VERBS.has(word) || AUXILIARIES.has(word) || DETERMINERS.has(word) || PREPOSITIONS.has(word)) return false;
  if (isKnownVerb(word)) return true;
  if (word.length < 4) return false;
  return (/[^su]s$/.test(word) && !word.endsWith("'s")) || word.endsWith('ing') || word.endsWith('ed');
}

/** Words after a verb that make it a phrasal verb or a state ("falls asleep", "pulls away"), never a verb themselves. */
const PARTICLES = new Set(['up', 'down', 'away', 'off', 'back', 'out', 'around', 'over', 'forward', 'aside', 'apart', 'together', 'again', 'asleep', 'awake', 'silent', 'still', 'quiet', 'open', 'closed', 'shut', 'loose', 'free', 'here', 'there', 'home', 'inside', 'outside']);

/** "slowly", "gently" — but not "fly". */
const adverb = (word: string) => word.length > 3 && word.endsWith('ly');

/** Words that open a verb's object or complement: "bats at a toy", "grooms itself", "tears the letter". */
const OBJECT_OPENERS = new Set([...DETERMINERS, ...PREPOSITIONS, 'itself', 'himself', 'herself', 'themselves', 'into', 'onto', 'through', 'across', 'past', 'to', 'toward', 'towards']);

/** A third-person verb form (a noun of the subject table can be one) followed by its object. */
const verbBeforeObject = (word: string, next: string | undefined) => /[^su]s$/.test(word) && word.length >= 4 && next !== undefined && OBJECT_OPENERS.has(next);

/** After a plural subject, a bare form of a noun of the table is its verb before an object or a direction ("cars stream across", "tears stream down"). */
const DIRECTIONS = new Set(['down', 'up', 'along', 'toward', 'towards', 'around', 'away']);
const bareBeforeObject = (next: string | undefined) => next !== undefined && (OBJECT_OPENERS.has(next) || DIRECTIONS.has(next));

/** An action's phrase of several words starts here ("waves goodbye", "wags its tail"). */
// (an adverb inside it changes nothing: "waves regally to the crowd")
const opensActionPhrase = (text: string, at: number) => findMentions(text.slice(at, at + 40).replace(/\s\w{3,}ly\b/g, ''), ACTIONS).some((m) => m.index === 0 && m.phrase.includes(' '));

/** A plural subject takes its verb's bare form ("pigeons take flight", "violins play"). */
const IRREGULAR_PLURALS = new Set(['people', 'children', 'men', 'women', 'geese', 'mice', 'sheep', 'fish', 'deer', 'they', 'crowd', 'fans', 'audience']);
function plural(subject: string): boolean {
  const last = subject.split(' ').pop() ?? '';
  return IRREGULAR_PLURALS.has(last) || /[^su]s$/.test(last);
}

/** A bare verb after a plural subject: a word of three letters or more that is nothing else. */
function bareVerb(word: string, nounAt: boolean): boolean {
  return !nounAt && word.length >= 3 && !NOT_VERBS.has(word) && !AUXILIARIES.has(word) && !OBJECT_OPENERS.has(word) && !DIRECTIONS.has(word) && !CLAUSE_WORDS.has(word) && !adverb(word);
}

/** Words that label a section of a structured prompt before a colon. */
const LABELS = new Set(['sound', 'sounds', 'audio', 'music', 'sfx', 'action', 'actions', 'camera', 'shot', 'scene', 'style', 'subject', 'setting', 'lighting', 'mood', 'ambience', 'ambient', 'dialogue', 'voice', 'narration', 'narrator', 'note', 'notes', 'prompt', 'motion', 'movement', 'effects', 'vfx', 'background', 'foreground', 'character', 'characters', 'timeline', 'beat', 'part', 'step', 'cut']);

/** Clauses as token ranges; `joined` when a conjunction ("and", "then") opens the clause. */
function clauses(text: string, toks: Token[]): Array<{ tokens: Token[]; joined: boolean }> {
  const out: Array<{ tokens: Token[]; joined: boolean }> = [];
  let cur: Token[] = [], joined = false;
  let last = 0;
  const close = (nextJoined: boolean) => { if (cur.length) out.push({ tokens: cur, joined }); cur = []; joined = nextJoined; };
  for (const t of toks) {
    const gap = text.slice(last, t.start);
    // a section's label ("Sound:", "Shot 1:", "[Camera: …]") is no clause
    if (/^\s*:/.test(gap) && cur.length && cur.every((c) => LABELS.has(c.word) || /^\d+s?$/.test(c.word))) cur = [];
    if (CLAUSE_BREAK.test(gap)) close(false);
    last = t.end;
    if (CLAUSE_WORDS.has(t.word)) { close(true); continue; }
    cur.push(t);
  }
  close(false);
  return out;
}

/** A preamble that presents the scene ("the video shows", "we see"): no one acts in it. */
const PREAMBLE = /\b(?:(?:the|this) (?:video|clip|scene|shot|image|footage|film|picture|frame|animation) (?:shows|depicts|features|captures|presents|opens on|opens with|begins with|starts with)|we (?:see|watch))\b/g;

export function readActions(prompt: string): ReadAction[] {
  // (blanked to the same length: offsets stay the prompt's)
  const text = normalizeText(withoutQuotes(prompt)).replace(PREAMBLE, (m) => ' '.repeat(m.length));
  const toks = tokens(text);
  // the lexicon inflects every phrase; a pronoun only counts as written ("it", never "its")
  // (a body part someone owns is no one: "a dog's face" is the dog's)
  const nouns = SUBJECT_MENTIONS(text).filter((n) => (n.id !== 'pronoun' || text.slice(n.index, n.index + n.length) === n.phrase) && !(BODY_PARTS.has(n.phrase) && /'s\s+(?:\S+\s+)?$/.test(text.slice(Math.max(0, n.index - 20), n.index))));
  const nounAt = new Map<number, (typeof nouns)[number]>();
  // a possessive ("the cat's ears") is its noun
  for (const n of nouns) for (const t of toks) if (t.start >= n.index && t.end - (t.word.endsWith("'s") ? 2 : 0) <= n.index + n.length) nounAt.set(t.start, n);
  const out: ReadAction[] = [];
  let previous: { subject: string; kind: ReadAction['kind']; index: number } | null = null;

  for (const { tokens: clause, joined } of clauses(text, toks)) {
    // "looks left, then right": a direction alone repeats the look or turn before it
    const repeated = repeatedLook(clause, out.at(-1));
    if (repeated) { out.push(repeated); continue; }
    // "its belly rising and falling": the fall is the same breath
    if (joined && clause.length === 1 && /^fall(?:s|ing)?$/.test(clause[0]!.word) && /^(?:\S+ )?ris(?:es|ing)\b/.test(out.at(-1)?.verb ?? '')) continue;
    // the subject: the first noun of the clause followed (after auxiliaries and a prepositional phrase) by a verb
    let subject: typeof previous = null;
    let verbAt = -1, inherited = false;
    // an owned body part opening the clause stands for its owner: "…, its tail swishes"
    let part = ownedPart(clause);
    // a bare part with its participle after a comma is the previous one's: "…, tail wagging, barking"
    const bare = part < 0 && !joined && !!previous && (previous.kind === 'person' || previous.kind === 'animal') && BODY_PARTS.has(clause[0]?.word ?? '') && !!clause[1]?.word.endsWith('ing');
    if (bare) part = 0;
    const partVerb = clause[part + 1];
    // before any subject ("its whiskers twitch as the cat watches"), the owner is the first one named after it
    // (the camera or the scenery owns no body: "zoom in on the cat's eyes as its pupils widen" is the cat's)
    const bodied = previous && previous.kind !== 'camera' && previous.kind !== 'nature' ? previous : null;
    const owner = bodied ?? (part >= 0 ? livingNear(nouns, clause[part]!.start, text) : null);
    if (part >= 0 && owner && partVerb && partActs(clause[part]!.word, partVerb, nounAt.has(partVerb.start), text.slice(clause[part]!.start, partVerb.end))) {
      // the owner's name, where the prompt wrote its possessive (the note quotes "its tail swishes")
      subject = { ...owner, index: clause[bare ? part : part - 1]!.start }; verbAt = part;
    }
    // a clause opening with a known verb continues the person or animal before it, and the nouns
    // after the verb are its objects ("…, then glances back up at the camera with a small smile")
    if (verbAt < 0 && previous && LIVING.has(previous.kind)) {
      let k = 0;
      while (k < clause.length && (AUXILIARIES.has(clause[k]!.word) || adverb(clause[k]!.word))) k++;
      const t = clause[k];
      const next = clause[k + 1];
      // (a plural noun before its bare verb opens a clause of its own: "…, sirens wail")
      const nounThenVerb = !!t && !!next && /[^su]s$/.test(t.word) && bareVerb(next.word, nounAt.has(next.start)) && !PARTICLES.has(next.word) && !OBJECT_OPENERS.has(next.word);
      const objectNext = !!t && (verbBeforeObject(t.word, next?.word) || opensActionPhrase(text, t.start));
      if (t && (!nounAt.has(t.start) || objectNext) && !SOUND_NOUNS.has(next?.word ?? '') && !GIVING.has(t.word) && !BODY_PARTS.has(t.word) && isKnownVerb(t.word) && !NOT_VERBS.has(t.word) && (!nounThenVerb || opensActionPhrase(text, t.start))) { verbAt = k; inherited = true; subject = previous; }
    }
    for (let i = 0; i < clause.length && verbAt < 0; i++) {
      const noun = nounAt.get(clause[i]!.start);
      if (!noun) continue;
      // the one a light verb gives something to is its object ("… and gives the camera a knowing smile")
      if (i > 0 && GIVING.has(clause[0]!.word)) break;
      // a clause opening with an action's phrase continues the person or animal before it ("…, then smiles and waves goodbye")
      if (i === 0 && previous && (previous.kind === 'person' || previous.kind === 'animal') && opensActionPhrase(text, clause[0]!.start)) {
        verbAt = 0; inherited = true; subject = previous;
        break;
      }
      // the noun's last token
      let j = i;
      while (j + 1 < clause.length && clause[j + 1]!.end <= noun.index + noun.length) j++;
      // the camera's verb is the word after it ("the camera trucks left", "camera cranes up")
      const after = clause[j + 1]?.word ?? '';
      if (noun.id === 'camera' && /camera$/.test(clause[j]!.word) && (/[^su]s$/.test(after) || (after.endsWith('ing') && after.length > 5)) && !NOT_VERBS.has(after)) {
        verbAt = j + 1; subject = { subject: text.slice(noun.index, noun.index + noun.length), kind: 'camera', index: noun.index };
        break;
      }
      // its body part doing something: "the cat's ears flatten" (the verb phrase keeps the part)
      const owned = clause[j]!.word.endsWith("'s") ? clause[j + 1] : undefined, ownedVerb = clause[j + 2];
      if (owned && ownedVerb && BODY_PARTS.has(owned.word) && partActs(owned.word, ownedVerb, nounAt.has(ownedVerb.start), text.slice(owned.start, ownedVerb.end))) {
        verbAt = j + 1;
        subject = resolve(noun.id, text.slice(noun.index, noun.index + noun.length), noun.index, previous);
        break;
      }
      // a possessive owns what follows ("the fisherman's weathered face"): it is no verb's subject
      if (clause[j]!.word.endsWith("'s")) { i = j; continue; }
      let k = j + 1, inPhrase = false, adjacent = true;
      const many = plural(text.slice(noun.index, noun.index + noun.length));
      // (a describing phrase may be long: "an owl perched on a branch at night slowly blinks")
      for (; k < clause.length && k <= j + (inPhrase ? 10 : 7); k++) {
        const w = clause[k]!.word;
        if (AUXILIARIES.has(w) || adverb(w) || QUANTIFIERS.has(w)) continue;
        if (k === j + 1) {
          // a participle describing the subject: its own verb follows ("a cat sleeping on a windowsill wakes up")
          const own = participleVerb(clause, k, nounAt);
          if (own >= 0) { verbAt = own; break; }
        }
        if (PREPOSITIONS.has(w)) { inPhrase = true; adjacent = false; continue; }
        // a heard thing right after a noun is named by it ("night crickets", "city traffic"), unless
        // it is a plural's verb before its object ("tears stream down her face")
        if (k === j + 1 && heardThing(w) && !isKnownVerb(w) && !(many && bareBeforeObject(clause[k + 1]?.word))) break;
        // a noun right after its subject is the verb when it is a known one ("the man waves") or
        // reads as one before its object ("the cat bats at a toy", "it grooms itself")
        const objectNext = clause[k + 1]?.word;
        // (a person or an animal is no verb of scenery or a thing: "soft morning light, birds outside";
        // an animal's may be: "the cat bats at a toy")
        const living = LIVING.has(nounAt.get(clause[k]!.start)?.id ?? '') && THINGS.has(noun.id);
        const isNoun = nounAt.has(clause[k]!.start) && (living || !(k === j + 1 && (isKnownVerb(w) || verbBeforeObject(w, objectNext) || (many && bareBeforeObject(objectNext)))));
        // a verb-like word right after the noun that ends a phrase is the subject's verb ("a
        // woman in a red dress spins": the dress is not the subject)
        // (a noun of the table too, before its object: "the man in the leather jacket lights a cigarette")
        const prev = clause[k - 1]!.word;
        const nounAsVerb = nounAt.has(clause[k]!.start) && verbBeforeObject(w, objectNext) && !DETERMINERS.has(prev) && !PREPOSITIONS.has(prev);
        const afterPhraseNoun = inPhrase && ((nounAt.has(clause[k - 1]!.start) && verbLike(w, isNoun)) || nounAsVerb);
        const verb = inPhrase ? (isKnownVerb(w) && !isNoun) || afterPhraseNoun : verbLike(w, isNoun) || (many && adjacent && bareVerb(w, isNoun));
        if (verb) { verbAt = k; break; }
        // a noun right after a noun: the first names the second ("the bridge lights turn on"), which is the subject
        if (k === j + 1 && isNoun && !inPhrase) break;
        adjacent = false;
        if (!inPhrase && !DETERMINERS.has(w) && !isNoun) { if (k > j + 2) break; }
      }
      if (verbAt >= 0) {
        subject = resolve(noun.id, text.slice(noun.index, noun.index + noun.length), noun.index, previous, livingNear(nouns, noun.index, text));
      } else i = j;
    }
    // a noun the subject table lacks, doing what only something alive does ("the tabby licks its
    // lips", "the corgi blinks"): read with its own word, so it is performed or noted, never lost
    if (verbAt < 0) {
      const unknown = unknownSubject(clause, nounAt);
      if (unknown) { verbAt = unknown.verbAt; subject = { subject: unknown.word, kind: unknown.kind, index: unknown.index }; }
    }
    // no subject in the clause: it continues the previous one when it opens with its verb
    if (verbAt < 0) {
      let k = 0;
      // ("…, both smiling": all of them)
      const all = QUANTIFIERS.has(clause[0]?.word ?? '') && previous?.kind === 'person' ? clause[0]! : null;
      while (k < clause.length && (AUXILIARIES.has(clause[k]!.word) || adverb(clause[k]!.word) || (all && k === 0))) k++;
      const w = clause[k]?.word;
      // after "and"/"then" any verb form continues the subject; after a comma only a known verb or
      // a participle does ("…, blinking slowly"), so a listed noun ("…, footsteps") is not a verb
      const bare = (word: string) => !!previous && plural(previous.subject) && bareVerb(word, nounAt.has(clause[k]!.start));
      // a plural noun before a bare verb opens a clause of its own ("… as footsteps approach"), as
      // does any noun before a verb's third-person form ("… as dusk falls")
      const next = clause[k + 1]?.word ?? '';
      const nextIsNoun = nounAt.has(clause[k + 1]?.start ?? -1);
      const pluralNoun = !!w && (!isKnownVerb(w) || soundSource(w)) && /[^su]s$/.test(w) && bareVerb(next, nextIsNoun) && !NOT_VERBS.has(next) && !PARTICLES.has(next);
      const nounBeforeVerb = !!w && !isKnownVerb(w) && !/(?:s|ing|ed)$/.test(w) && !adverb(w) && /[^su]s$/.test(next) && verbLike(next, nextIsNoun);
      // after a comma, a verb's third-person form with its object continues the subject too ("…, bites her lip")
      const withObject = !!w && !BODY_PARTS.has(w) && verbLike(w, false) && verbBeforeObject(w, next) && !onBody(clause, k);
      // "… and waves." ending the sentence after someone's verb: the gesture, not the sea
      const gesture = joined && clause.length === k + 1 && /^wav(?:es|ing)$/.test(w ?? '') && !!previous && previous.kind === 'person';
      // a verb alone between commas, in a form few nouns take ("…, wakes up, stretches, and …")
      const alone = !!w && clause.length === k + 1 && /(?:ch|sh|x|ss|z)es$/.test(w) && !!previous && LIVING.has(previous.kind);
      // ("…, sound of flapping fabric": a word before "of" names something, it is no verb)
      // a noun of the table before its object, or opening an action's phrase, is the verb ("… and waves goodbye")
      const livingAfterThing = LIVING.has(nounAt.get(clause[k]?.start ?? -1)?.id ?? '') && THINGS.has(previous?.kind ?? '');
      const noun = nounAt.has(clause[k]?.start ?? -1) && (livingAfterThing || !(w && (verbBeforeObject(w, next) || opensActionPhrase(text, clause[k]!.start))));
      // ("…, sizzling sounds": a participle describing a sound is no one's verb)
      const continues = w && !pluralNoun && !nounBeforeVerb && !SOUND_NOUNS.has(next) && (joined ? verbLike(w, noun) || bare(w) : !noun && next !== 'of' && (isKnownVerb(w) || withObject || alone || (w.endsWith('ing') && verbLike(w, false))));
      const continuing = continues || gesture;
      if (w && continuing) { verbAt = k; inherited = !all; subject = all ? { subject: all.word, kind: 'person', index: all.start } : previous ?? { subject: '', kind: 'unknown', index: -1 }; }
    }
    // clauses that name a subject without a verb still set who "it"/"and then" refer to
    const firstNoun = clause.map((t) => nounAt.get(t.start)).find((n) => n && n.id !== 'pronoun' && n.id !== 'camera');
    if (verbAt < 0 || !subject) {
      // "the sound of seagulls and distant waves": what is heard does nothing, and what follows
      // continues no one ("…, the sound of sizzling and clattering pans")
      if (clause.some((t, i) => SOUND_NOUNS.has(t.word) && clause[i + 1]?.word === 'of')) { previous = null; continue; }
      // (a thing named in an aside does not take over from someone: "…, raindrops on her face, and gives a faint smile")
      if (firstNoun && !(previous && LIVING.has(previous.kind) && THINGS.has(firstNoun.id))) previous = resolve(firstNoun.id, text.slice(firstNoun.index, firstNoun.index + firstNoun.length), firstNoun.index, previous);
      continue;
    }
    const verbTok = clause[verbAt]!;
    const endTok = clause[Math.min(clause.length - 1, verbAt + 5)]!;
    const before = clause.slice(Math.max(0, verbAt - 3), verbAt).map((t) => t.word);
    out.push({
      subject: subject.subject, kind: subject.kind, subjectIndex: subject.index,
      verb: text.slice(verbTok.start, endTok.end), index: verbTok.start, length: endTok.end - verbTok.start,
      negated: before.some((w) => NEGATORS.has(w)), inherited,
    });
    // (a thing someone owns does not: "…, her dress flowing, then bows" is hers)
    const owned = THINGS.has(subject.kind) && /\b(?:her|his|its|their)\s+(?:\S+\s+)?$/.test(text.slice(Math.max(0, subject.index - 24), subject.index));
    if ((subject.kind !== 'unknown' || subject.subject) && !owned) previous = subject;
  }
  return out;
}

/**
 * A body part does something: a verb form after it (a plural part takes the bare verb: "its
 * whiskers twitch", "her eyes close"), or the words open an action row ("tail wags").
 */
function partActs(part: string, verb: Token, verbIsNoun: boolean, words: string): boolean {
  const many = /[^su]s$/.test(part) || part === 'feet' || part === 'teeth' || part === 'antennae';
  return verbLike(verb.word, verbIsNoun) || (many && bareVerb(verb.word, verbIsNoun)) || findMentions(words, ACTIONS).length > 0;
}

/**
 * A clause opening with a determiner and a word the subject table lacks, whose verb is an action
 * row's or acts on someone's body ("the tabby licks its lips", "a tear rolls down her cheek"):
 * that word is its subject.
 */
function unknownSubject(clause: readonly Token[], nounAt: ReadonlyMap<number, unknown>): { word: string; kind: ReadAction['kind']; index: number; verbAt: number } | null {
  let k = 0;
  while (k < clause.length && (AUXILIARIES.has(clause[k]!.word) || adverb(clause[k]!.word))) k++;
  // a name the table lacks before an action's own verb ("grace hopper chuckles", "einstein smiles")
  const named = namedSubject(clause, k, nounAt);
  if (named) return named;
  const det = clause[k], word = clause[k + 1], verb = clause[k + 2];
  if (!det || !word || !verb || !DETERMINERS.has(det.word) || nounAt.has(word.start) || word.word.length < 3) return null;
  if (verbLike(word.word, false) || AUXILIARIES.has(word.word) || PREPOSITIONS.has(word.word) || CLAUSE_WORDS.has(word.word)) return null;
  if (!verbLike(verb.word, nounAt.has(verb.start))) return null;
  // a hand with no one named is someone's ("a hand reaches in and picks up the cup")
  if (HANDS.has(word.word)) return { word: word.word, kind: 'person', index: word.start, verbAt: k + 2 };
  const rest = clause.slice(k + 2, k + 6).map((t) => t.word).join(' ');
  // a body part owned in the verb phrase: "licks its lips", "rolls down her cheek"
  const ownPart = clause.slice(k + 3, k + 7).some((t, i, after) => ['its', 'his', 'her', 'their'].includes(t.word) && BODY_PARTS.has(after[i + 1]?.word ?? ''));
  return ownPart || findMentions(rest, ACTIONS).some((m) => m.index === 0) ? { word: word.word, kind: 'unknown', index: word.start, verbAt: k + 2 } : null;
}

/** Verbs that open a clause with the one they give something to ("gives the camera a smile", "shoots him a glance"). */
const GIVING = new Set(['gives', 'give', 'giving', 'offers', 'offering', 'flashes', 'flashing', 'shoots', 'casts', 'throws', 'blows']);

/** Kinds of subject that are alive, and kinds that are scenery or things: a living noun is no verb of a thing ("soft morning light, birds outside"). */
const LIVING = new Set<string>(['person', 'animal']);
const THINGS = new Set<string>(['nature', 'object', 'vehicle']);

/** Words of a prompt's style that open a clause and are no one's name ("slow motion", "close up"). */
const NOT_NAMES = new Set(['slow', 'fast', 'motion', 'close', 'closeup', 'wide', 'shot', 'camera', 'cinematic', 'realistic', 'portrait', 'macro', 'medium', 'extreme', 'static', 'handheld', 'suddenly', 'then', 'now', 'finally', 'meanwhile', 'also', 'still', 'just', 'only', 'soft', 'warm', 'golden', 'hour', 'night', 'day', 'morning', 'evening']);

/** One or two words no table knows opening a clause, then a verb that opens an action row: a name. */
function namedSubject(clause: readonly Token[], k: number, nounAt: ReadonlyMap<number, unknown>): { word: string; kind: ReadAction['kind']; index: number; verbAt: number } | null {
  for (const n of [1, 2]) {
    const words = clause.slice(k, k + n), verb = clause[k + n];
    if (!verb || words.length < n || words.some((t) => nounAt.has(t.start) || t.word.length < 3 || NOT_NAMES.has(t.word) || verbLike(t.word, false) || DETERMINERS.has(t.word) || PREPOSITIONS.has(t.word) || CLAUSE_WORDS.has(t.word) || AUXILIARIES.has(t.word) || adverb(t.word) || /\d/.test(t.word))) continue;
    const rest = clause.slice(k + n, k + n + 4).map((t) => t.word).join(' ');
    // (a noun of the table is no verb here: "distant waves")
    if (!nounAt.has(verb.start) && findMentions(rest, ACTIONS).some((m) => m.index === 0) && /s$/.test(verb.word)) return { word: words.map((t) => t.word).join(' '), kind: 'unknown', index: words[0]!.start, verbAt: k + n };
  }
  return null;
}

/** Nouns that name a sound ("the sound of …", "noises of …"). */
const SOUND_NOUNS = new Set(['sound', 'sounds', 'noise', 'noises']);

/** A word that names what makes a sound ("sirens", "bells"): a noun, even where a sound verb opens with it. */
const soundSource = (word: string) => findMentions(word, [...SOUND_SOURCES, ...MISSING_SOUND_WORDS]).some((m) => m.index === 0 && m.length === word.length);

/** A word that names a sound or an ambience by itself ("crickets", "traffic", "thunder"). */
const heardThing = (word: string) => findMentions(word, [...AMBIENCE_WORDS, ...EFFECT_WORDS, ...MISSING_SOUND_WORDS]).some((m) => m.index === 0 && m.length === word.length);

/** A plural word followed by where it is on someone's body is a thing there, not a verb ("…, tears in her eyes", "sweat on his brow"). */
function onBody(clause: readonly Token[], k: number): boolean {
  const [prep, owner, part] = [clause[k + 1]?.word, clause[k + 2]?.word, clause[k + 3]?.word];
  return (prep === 'in' || prep === 'on') && ['her', 'his', 'its', 'their'].includes(owner ?? '') && BODY_PARTS.has(part ?? '');
}

/** Words between a plural subject and its verb ("they both laugh", "the dogs all bark"). */
const QUANTIFIERS = new Set(['both', 'all', 'each', 'together']);

/** Body parts that stand for a person the prompt does not name. */
const HANDS = new Set(['hand', 'hands', 'finger', 'fingers', 'arm', 'arms']);

/**
 * A participle the action table does not know, right after its subject and before that subject's
 * own verb, describes the subject ("the man operating the camera turns his head", "a girl riding a
 * bike waves", "an owl perched on a branch at night slowly blinks"), as "wearing" does: the index of
 * that verb, or -1.
 */
function participleVerb(clause: readonly Token[], at: number, nounAt: ReadonlyMap<number, unknown>): number {
  const w = clause[at]!.word;
  // (a state's participle may describe too: "perched on a branch", "sitting by the fire")
  if (!/(?:ing|ed)$/.test(w) || w.length < 5 || (isKnownVerb(w) && !stem(w).some((f) => POSE_FIRST.has(f)))) return -1;
  for (let k = at + 2; k < Math.min(clause.length, at + 9); k++) {
    const t = clause[k]!, next = clause[k + 1]?.word;
    const before = clause[k - 1]!.word;
    // (a noun of the table is a verb it also is after a noun: "a girl riding a bike waves", not "over the waves")
    if (!/[^su]s$/.test(t.word) || (nounAt.has(t.start) && (!isKnownVerb(t.word) || DETERMINERS.has(before) || PREPOSITIONS.has(before)))) continue;
    // (a known noun is no verb: "kitesurfers gliding over the waves"); a verb the tables lack
    // shows itself by its particle or object ("wakes up", "tosses the ball")
    if (isKnownVerb(t.word) || (verbLike(t.word, false) && next !== undefined && (PARTICLES.has(next) || OBJECT_OPENERS.has(next)))) return k;
  }
  return -1;
}

/** Verbs of looking and turning whose direction a clause of its own can change. */
const LOOK_VERBS = /^(looks|glances|turns|gazes|peers|looking|glancing|turning)\b/;

/** A clause that is only a direction ("then right", "then to the left") after a look or a turn: that move again, the other way. */
function repeatedLook(clause: readonly Token[], last: ReadAction | undefined): ReadAction | null {
  const words = clause.filter((t) => !['to', 'the', 'back', 'again'].includes(t.word));
  const dir = words.length === 1 && ['left', 'right', 'up', 'down'].includes(words[0]!.word) ? words[0]! : null;
  const head = last && !last.negated ? LOOK_VERBS.exec(last.verb)?.[1] : undefined;
  if (!dir || !head || !last) return null;
  return { subject: last.subject, kind: last.kind, subjectIndex: last.subjectIndex, verb: `${head} ${dir.word}`, index: dir.start, length: dir.end - dir.start, negated: false, inherited: true };
}

/** The index of an owned body part opening a clause ("its tail", "her eyes"), or -1. */
function ownedPart(clause: readonly Token[]): number {
  let k = 0;
  while (k < clause.length && (AUXILIARIES.has(clause[k]!.word) || adverb(clause[k]!.word))) k++;
  const owner = clause[k]?.word, part = clause[k + 1]?.word;
  return owner && part && ['its', 'his', 'her', 'their'].includes(owner) && BODY_PARTS.has(part) ? k + 1 : -1;
}

/** The last person or animal the prompt names before an offset (else the first after it), as a subject. */
function livingNear(nouns: ReadonlyArray<{ id: SubjectWordKind; index: number; length: number }>, from: number, text: string) {
  const alive = (m: { id: SubjectWordKind; length: number }) => (m.id === 'animal' || m.id === 'person') && m.length > 0;
  const n = nouns.filter((m) => m.index < from && alive(m)).pop() ?? nouns.find((m) => m.index > from && alive(m));
  return n ? { subject: text.slice(n.index, n.index + n.length), kind: n.id as ReadAction['kind'], index: n.index } : null;
}

/**
 * A pronoun stands for the previous subject ("it" → the squirrel), or, after the camera, for the
 * living thing named last ("the camera follows the dog as it walks": the dog); he/she/they are people.
 */
function resolve(id: SubjectWordKind, word: string, index: number, previous: { subject: string; kind: ReadAction['kind']; index: number } | null, named?: { subject: string; kind: ReadAction['kind']; index: number } | null) {
  if (id === 'pronoun' && previous?.kind === 'camera' && named) return { ...named, index };
  if (id === 'pronoun') return previous ? { ...previous, subject: previous.subject, index } : { subject: word, kind: 'unknown' as const, index };
  return { subject: word, kind: id, index };
}
