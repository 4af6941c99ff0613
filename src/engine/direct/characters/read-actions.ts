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
import { subjectMentions, type SubjectWordKind } from './subject-words.js';
import { AUXILIARIES, BODY_PARTS } from './verb-words.js';
import { PREAMBLE, clauses } from './reading-clauses.js';
import { GIVING, LIVING, NEGATORS, NOT_VERBS, OBJECT_OPENERS, PARTICLES, PREPOSITIONS, QUANTIFIERS, SOUND_NOUNS, THINGS, DETERMINERS, adverb, bareBeforeObject, bareVerb, heardThing, isKnownVerb, onBody, opensActionPhrase, pastAuxiliaries, plural, soundSource, tokens, verbBeforeObject, verbLike } from './reading-words.js';
import { livingNear, namedSubject, theyAnimals, ownedPart, partActs, participleVerb, repeatedLook, resolve, thingBefore, unknownSubject } from './reading-subjects.js';

export { DETERMINERS } from './reading-words.js';

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
  /** the subject is a name the tables lack ("Charles nods"): one being, whatever its word's ending */
  name?: true;
}


/** Verbs of beginning, auxiliaries before a verb ("begins to sing") and verbs before their object ("begins his speech"). */
const BEGINNING = new Set(['begins', 'begin', 'starts', 'start', 'continues', 'finishes']);
const beginsSomething = (clause: ReadonlyArray<{ word: string }>, k: number) => BEGINNING.has(clause[k]!.word) && DETERMINERS.has(clause[k + 1]?.word ?? '');

/** Words a gesture is aimed with: at no place, at someone ("waves goodbye", "waves at him"). */
const AIMED = new Set(['goodbye', 'hello', 'bye', 'hi', 'back', 'me', 'us', 'you', 'him', 'her', 'them', 'someone', 'everyone', 'his', 'their']);

/** The verb at `k` is aimed at someone or the camera: a greeting, a pronoun, or "at"/"to" someone of the subject table. */
function aimedAtSomeone(clause: ReadonlyArray<{ word: string; start: number }>, k: number, nounAt: ReadonlyMap<number, { id: string }>): boolean {
  let i = k + 1;
  if (AIMED.has(clause[i]?.word ?? '')) return true;
  if (clause[i]?.word !== 'at' && clause[i]?.word !== 'to') return false;
  for (i++; i < clause.length && DETERMINERS.has(clause[i]!.word); i++);
  const id = nounAt.get(clause[i]?.start ?? -1)?.id;
  return AIMED.has(clause[i]?.word ?? '') || id === 'person' || id === 'animal' || id === 'camera';
}

export function readActions(prompt: string): ReadAction[] {
  // (blanked to the same length: offsets stay the prompt's)
  const text = normalizeText(withoutQuotes(prompt)).replace(PREAMBLE, (m) => ' '.repeat(m.length));
  const toks = tokens(text);
  // the lexicon inflects every phrase; a pronoun only counts as written ("it", never "its")
  // (a body part someone owns is no one: "a dog's face" is the dog's)
  // (known nouns never count as verbs: "glasses", "leaves" after a subject are its attributes)
  const nouns = subjectMentions(text).filter((n) => (n.id !== 'pronoun' || text.slice(n.index, n.index + n.length) === n.phrase) && !(BODY_PARTS.has(n.phrase) && /'s\s+(?:\S+\s+)?$/.test(text.slice(Math.max(0, n.index - 20), n.index))));
  const nounAt = new Map<number, (typeof nouns)[number]>();
  // a possessive ("the cat's ears") is its noun
  for (const n of nouns) for (const t of toks) if (t.start >= n.index && t.end - (t.word.endsWith("'s") ? 2 : 0) <= n.index + n.length) nounAt.set(t.start, n);
  const out: ReadAction[] = [];
  let previous: { subject: string; kind: ReadAction['kind']; index: number; name?: true } | null = null;

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
      const k = pastAuxiliaries(clause);
      const t = clause[k];
      const next = clause[k + 1];
      // (a plural noun before its bare verb opens a clause of its own: "…, sirens wail")
      const nounThenVerb = !!t && !!next && /[^su]s$/.test(t.word) && bareVerb(next.word, nounAt.has(next.start)) && !PARTICLES.has(next.word) && !OBJECT_OPENERS.has(next.word);
      const objectNext = !!t && (verbBeforeObject(t.word, next?.word) || opensActionPhrase(text, t.start));
      if (t && (!nounAt.has(t.start) || objectNext) && !SOUND_NOUNS.has(next?.word ?? '') && !GIVING.has(t.word) && !BODY_PARTS.has(t.word) && isKnownVerb(t.word) && !NOT_VERBS.has(t.word) && (!nounThenVerb || opensActionPhrase(text, t.start))) { verbAt = k; inherited = true; subject = previous; }
    }
    // a name before a word the tables know as a noun, opening that name's gesture ("mary waves
    // goodbye"): the name's, not the sea's (namedSubject takes such a noun as a verb only there)
    if (verbAt < 0) {
      const k = pastAuxiliaries(clause);
      const named = namedSubject(clause, k, nounAt);
      if (named && nounAt.has(clause[named.verbAt]!.start)) { verbAt = named.verbAt; subject = { subject: named.word, kind: named.kind, index: named.index, name: true }; }
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
      // a shot or a view "of" someone is about them ("macro shot of a bee landing on a sunflower")
      if (noun.id === 'camera' && clause[j + 1]?.word === 'of') { i = j; continue; }
      // a possessive owns what follows ("the fisherman's weathered face"): it is no verb's subject
      if (clause[j]!.word.endsWith("'s")) { i = j; continue; }
      let k = j + 1, inPhrase = false, adjacent = true;
      const many = plural(text.slice(noun.index, noun.index + noun.length));
      // (a describing phrase may be long: "an owl perched on a branch at night slowly blinks")
      for (; k < clause.length && k <= j + (inPhrase ? 10 : 7); k++) {
        const w = clause[k]!.word;
        if ((AUXILIARIES.has(w) && !beginsSomething(clause, k)) || adverb(w) || QUANTIFIERS.has(w)) continue;
        if (k === j + 1) {
          // a participle describing the subject: its own verb follows ("a cat sleeping on a windowsill wakes up")
          const own = participleVerb(clause, k, nounAt);
          if (own >= 0) { verbAt = own; break; }
        }
        if (PREPOSITIONS.has(w)) { inPhrase = true; adjacent = false; continue; }
        // a heard thing right after a noun is named by it ("night crickets", "city traffic"), or is
        // one with it ("whale song echoes": the song echoes, not the whale), unless it is a plural's
        // verb before its object ("tears stream down her face")
        // (a bare noun: "a plane passes" is the plane's verb, though "plane passes" names a sound)
        const heard = heardThing(w) || (!/(?:s|ed|ing)$/.test(w) && heardThing(`${clause[j]!.word} ${w}`));
        if (k === j + 1 && heard && !isKnownVerb(w) && !(many && bareBeforeObject(clause[k + 1]?.word))) break;
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
        if (verb || beginsSomething(clause, k)) { verbAt = k; break; }
        // a noun right after a noun: the first names the second ("the bridge lights turn on"), which is the subject
        if (k === j + 1 && isNoun && !inPhrase) break;
        adjacent = false;
        if (!inPhrase && !DETERMINERS.has(w) && !isNoun) { if (k > j + 2) break; }
      }
      if (verbAt >= 0) {
        const word = text.slice(noun.index, noun.index + noun.length);
        subject = (word === 'they' ? theyAnimals(nouns, noun.index, text, clause[verbAt]!.word) : null) ?? resolve(noun.id, word, noun.index, previous, livingNear(nouns, noun.index, text), thingBefore(nouns, noun.index, text), clause[verbAt]!.word);
      } else i = j;
    }
    // a noun the subject table lacks, doing what only something alive does ("the tabby licks its
    // lips", "the corgi blinks"): read with its own word, so it is performed or noted, never lost
    if (verbAt < 0) {
      const unknown = unknownSubject(clause, nounAt);
      if (unknown) { verbAt = unknown.verbAt; subject = { subject: unknown.word, kind: unknown.kind, index: unknown.index, ...(unknown.name ? { name: true as const } : {}) }; }
    }
    // no subject in the clause: it continues the previous one when it opens with its verb
    if (verbAt < 0) {
      let k = 0;
      // ("…, both smiling": all of them)
      // (but "each" before a bare word and a verb is that noun's: "…, each chop echoes", as "each" takes "raises")
      const quantifiesNoun = clause[0]?.word === 'each' && !/s$/.test(clause[1]?.word ?? 's') && /[^su]s$/.test(clause[2]?.word ?? '') && verbLike(clause[2]!.word, nounAt.has(clause[2]!.start));
      const all = QUANTIFIERS.has(clause[0]?.word ?? '') && previous?.kind === 'person' && !quantifiesNoun ? clause[0]! : null;
      while (k < clause.length && ((AUXILIARIES.has(clause[k]!.word) && !beginsSomething(clause, k)) || adverb(clause[k]!.word) || (all && k === 0))) k++;
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
      // (nor is someone living named after someone living with no verb of the reader's: "…, birds in the background")
      const livingAfterThing = LIVING.has(nounAt.get(clause[k]?.start ?? -1)?.id ?? '') && (THINGS.has(previous?.kind ?? '') || !isKnownVerb(w ?? ''));
      const noun = nounAt.has(clause[k]?.start ?? -1) && (livingAfterThing || !(w && (verbBeforeObject(w, next) || opensActionPhrase(text, clause[k]!.start))));
      // ("…, sizzling sounds": a participle describing a sound is no one's verb)
      const continues = w && !pluralNoun && !nounBeforeVerb && !SOUND_NOUNS.has(next) && (joined ? verbLike(w, noun) || bare(w) : !noun && next !== 'of' && (isKnownVerb(w) || withObject || alone || (w.endsWith('ing') && verbLike(w, false))));
      // with no one named or acting before, a noun of the scenery opening the clause is the scenery, unless its
      // gesture is aimed at someone ("waves at the beach" is the sea, "waves at the camera" a gesture)
      const scenery = !previous && !out.length && nounAt.get(clause[k]?.start ?? -1)?.id === 'nature' && !aimedAtSomeone(clause, k, nounAt);
      const continuing = (continues && !scenery) || gesture;
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
    // (at most six words, and the noun a last determiner or preposition opens: "gives a thumbs up to the camera")
    let end = Math.min(clause.length - 1, verbAt + 5);
    while (end < Math.min(clause.length - 1, verbAt + 7) && (DETERMINERS.has(clause[end]!.word) || PREPOSITIONS.has(clause[end]!.word))) end++;
    // (and its noun after one describing word: "in a dark room", "on her birthday cake")
    const after = clause[end + 1]?.word;
    if (end > verbAt + 5 && DETERMINERS.has(clause[end - 1]!.word) && after && !DETERMINERS.has(after) && !PREPOSITIONS.has(after) && !adverb(after)) end++;
    const endTok = clause[end]!;
    const before = clause.slice(Math.max(0, verbAt - 3), verbAt).map((t) => t.word);
    out.push({
      subject: subject.subject, kind: subject.kind, subjectIndex: subject.index,
      verb: text.slice(verbTok.start, endTok.end), index: verbTok.start, length: endTok.end - verbTok.start,
      negated: before.some((w) => NEGATORS.has(w)), inherited, ...(subject.name ? { name: true as const } : {}),
    });
    // (a thing someone owns does not: "…, her dress flowing, then bows" is hers)
    const owned = THINGS.has(subject.kind) && /\b(?:her|his|its|their)\s+(?:\S+\s+)?$/.test(text.slice(Math.max(0, subject.index - 24), subject.index));
    if ((subject.kind !== 'unknown' || subject.subject) && !owned) previous = subject;
  }
  return out;
}
