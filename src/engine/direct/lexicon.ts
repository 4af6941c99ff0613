/**
 * Finding the director's vocabulary in free text. Vocabulary lives in tables (DESIGN.md §1): each
 * entry has an id and the phrases people use for it; this file only finds those phrases.
 *
 * Matching is on whole words, case-insensitive, treats "push-in", "push in" and "pushin" alike,
 * accepts simple plurals and -ing/-ed forms of every word of three letters or more ("pushes in",
 * "panning left", "camera moving left", "drizzling"), and marks a mention as negated when "no",
 * "not", "without", "don't", "never" or "avoid" stands shortly before it. With `across` (the sound
 * tables, whose phrases are "source verb"), a short place phrase, an adverb or a verb of beginning
 * may stand between a phrase's first word and the rest ("the phone on the desk starts to ring").
 *
 * @example
 *   findMentions('slow push-in, no rain', [{ id: 'rain', phrases: ['rain', 'raining'] }])
 *   // → [{ id: 'rain', phrase: 'rain', index: 15, negated: true }]
 */

export interface LexiconEntry<Id extends string = string> {
  id: Id;
  /** lowercase phrases; the first is the canonical one */
  phrases: readonly string[];
}

export interface Mention<Id extends string = string> {
  id: Id;
  /** the entry phrase that matched */
  phrase: string;
  /** character offset in the (lowercased) text */
  index: number;
  /** character length of the matched text */
  length: number;
  negated: boolean;
}

const NEGATORS = new Set(['no', 'not', 'without', "don't", 'dont', 'never', 'avoid', 'nor', 'zero', 'non']);

/** lowercases, unifies quotes and dashes so hyphenated and spaced forms match alike */
export function normalizeText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[‐‑‒–—-]/g, ' ');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

/**
 * Inflected forms that are other words, never read as their stem's: "an athlete training", "she
 * looks alarmed", "the crowd" (no crow), "on board" (no boar), "he ducked under the branch".
 */
const OTHER_WORDS = new Set(['training', 'trained', 'alarmed', 'alarming', 'crowd', 'board', 'card', 'ducking', 'ducked']);

/**
 * The inflected forms of one word as a regular-expression fragment: plural / 3rd person (-s, -es),
 * -ing and -ed, with a final silent e dropped ("move" → "moving") and a final consonant doubled
 * after a single vowel ("pan" → "panning"), a final y after a consonant turned to -ies / -ied
 * ("cry" → "cries"). Words shorter than three letters other than the last
 * ("in", "up") are matched as they are; a form that is another word ("training") is not one.
 */
function wordPattern(word: string, isLast: boolean): string {
  if (!/^[a-z]+$/.test(word)) return isLast ? `${escapeRegExp(word)}(?:s|es|ing|ed|d)?` : escapeRegExp(word);
  if (!isLast && word.length < 3) return escapeRegExp(word);
  const forms = new Set([word, `${word}s`, `${word}es`, `${word}ing`, `${word}ed`, `${word}d`]);
  if (word.endsWith('e') && word.length > 2) forms.add(`${word.slice(0, -1)}ing`);
  if (/[^aeiou]y$/.test(word)) { forms.add(`${word.slice(0, -1)}ies`); forms.add(`${word.slice(0, -1)}ied`); }
  const [a, b, c] = word.slice(-3);
  if (word.length >= 3 && a && b && c && !VOWELS.has(a) && VOWELS.has(b) && !VOWELS.has(c) && !'wxy'.includes(c)) {
    forms.add(`${word}${c}ing`);
    forms.add(`${word}${c}ed`);
  }
  for (const other of OTHER_WORDS) if (other !== word) forms.delete(other);
  // longest first, so the alternation never stops at a shorter form
  return `(?:${[...forms].sort((x, y) => y.length - x.length).join('|')})`;
}

/**
 * What may stand between a sound's source and its verb ("the phone on the desk starts to ring",
 * "a kettle begins to whistle", "the dog suddenly barks"): a short place phrase, an adverb in -ly,
 * a verb of beginning — all optional, none crossing a punctuation mark.
 */
const SOURCE_VERB_GAP = "(?:\\s+(?:on|in|at|by|near|beside|behind|outside|inside|across|over|under|from|next\\s+to|in\\s+front\\s+of)(?:\\s+[\\p{L}']+){1,3}?)?"
  + '(?:\\s+\\p{L}+ly)?'
  + '(?:\\s+(?:(?:start|begin|continue|keep)(?:s|ed|ing)?|began|begun)(?:\\s+to)?)?'
  + '\\s+';

/**
 * A regular expression for one phrase: word-bounded, flexible spacing, simple inflections on every
 * word; `across`: a gap (SOURCE_VERB_GAP) may separate its first word from the rest.
 */
function phrasePattern(phrase: string, across: boolean): RegExp {
  const words = normalizeText(phrase).trim().split(/\s+/);
  const forms = words.map((w, i) => wordPattern(w, i === words.length - 1));
  if (!across || forms.length < 2) return wordBounded(forms.join('\\s*'));
  // after "starts to" the verb is bare: "rings" is also "ring", "whistles" "whistle", "cries" "cry"
  const verb = words[words.length - 1]!;
  const bare = [verb.replace(/ies$/, 'y'), verb.replace(/es$/, ''), verb.replace(/s$/, '')].filter((w) => w !== verb && w.length > 2);
  forms[forms.length - 1] = `(?:${[verb, ...new Set(bare)].map((w) => wordPattern(w, true)).join('|')})`;
  return wordBounded(`${forms[0]}(?:${SOURCE_VERB_GAP}|\\s*)${forms.slice(1).join('\\s*')}`);
}

function wordBounded(body: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'gu');
}

const prefixCache = new Map<string, string>();
/** Up to three first letters of a phrase's first word (every inflected, spaced or joined form has them). */
function prefixOf(phrase: string): string {
  let prefix = prefixCache.get(phrase);
  if (prefix === undefined) {
    const first = normalizeText(phrase).trim().split(/\s+/)[0] ?? '';
    // "cry" is written "cries": a final y is not part of every form
    prefix = first.slice(0, /[^aeiou]y$/.test(first) ? Math.min(3, first.length - 1) : 3);
    prefixCache.set(phrase, prefix);
  }
  return prefix;
}

const patternCache = new Map<string, RegExp>();
function cachedPattern(phrase: string, across: boolean): RegExp {
  const key = across ? `\u0000${phrase}` : phrase;
  let pattern = patternCache.get(key);
  if (!pattern) {
    pattern = phrasePattern(phrase, across);
    patternCache.set(key, pattern);
  }
  pattern.lastIndex = 0;
  return pattern;
}

function isNegated(text: string, index: number): boolean {
  // the three words before the mention, within the same clause
  const before = text.slice(Math.max(0, index - 40), index);
  const clause = before.split(/[,.;:!?\n]|\bbut\b|\band\b|\bthen\b/).pop() ?? '';
  const words = clause.trim().split(/\s+/).filter(Boolean).slice(-3);
  return words.some((w) => NEGATORS.has(w.replace(/[^a-z']/g, '')));
}

export interface MentionOptions {
  /**
   * a sound's words may be parted by a short gap between its source and its verb (SOURCE_VERB_GAP):
   * for the sound tables, whose phrases are "source verb" ("phone rings", "kettle whistles")
   */
  across?: boolean;
}

/**
 * Every mention of every entry, in text order. Where phrases overlap (e.g. "dolly zoom" and
 * "zoom"), the longest match wins, so specific phrases beat generic ones.
 */
export function findMentions<Id extends string>(text: string, entries: readonly LexiconEntry<Id>[], options: MentionOptions = {}): Mention<Id>[] {
  const across = options.across ?? false;
  const normalized = normalizeText(text);
  const candidates: Mention<Id>[] = [];
  for (const entry of entries) {
    for (const phrase of entry.phrases) {
      // cheap pre-check: the phrase's first three letters must occur somewhere in the text
      if (!normalized.includes(prefixOf(phrase))) continue;
      const pattern = cachedPattern(phrase, across);
      // exec on the cached expression (matchAll would clone and recompile it on every call)
      for (let match = pattern.exec(normalized); match; match = pattern.exec(normalized)) {
        const index = match.index;
        candidates.push({ id: entry.id, phrase, index, length: match[0].length, negated: isNegated(normalized, index) });
        if (match[0].length === 0) pattern.lastIndex++;
      }
    }
  }
  candidates.sort((a, b) => b.length - a.length || a.index - b.index);
  const taken: Array<[number, number]> = [];
  const kept: Mention<Id>[] = [];
  for (const c of candidates) {
    const end = c.index + c.length;
    if (taken.some(([s, e]) => c.index < e && end > s)) continue;
    taken.push([c.index, end]);
    kept.push(c);
  }
  return kept.sort((a, b) => a.index - b.index);
}

/** The ids mentioned (not negated) in text. */
export function mentionedIds<Id extends string>(text: string, entries: readonly LexiconEntry<Id>[]): Set<Id> {
  return new Set(findMentions(text, entries).filter((m) => !m.negated).map((m) => m.id));
}

export interface QuotedLine {
  text: string;
  /** offset of the opening quote in the original prompt */
  start: number;
  /** offset just after the closing quote */
  end: number;
}

// "…", “…”, 「…」, «…», and '…' when the single quotes are not apostrophes inside words;
// a quoted line may itself hold apostrophes between letters ('don't go')
const QUOTE_PATTERN = /"([^"]+)"|“([^”]+)”|「([^」]+)」|«([^»]+)»|(?<![\p{L}\p{N}])'((?:[^']|(?<=\p{L})'(?=\p{L}))+?)'(?![\p{L}\p{N}])/gu;

/** Quoted passages in a prompt (lines to be spoken), in order. */
export function extractQuotes(prompt: string): QuotedLine[] {
  const lines: QuotedLine[] = [];
  for (const match of prompt.matchAll(QUOTE_PATTERN)) {
    const text = (match[1] ?? match[2] ?? match[3] ?? match[4] ?? match[5] ?? '').trim();
    if (text) lines.push({ text, start: match.index ?? 0, end: (match.index ?? 0) + match[0].length });
  }
  return lines;
}

/** The prompt with quoted passages blanked out (same length), so spoken words never trigger vocabulary. */
export function withoutQuotes(prompt: string): string {
  let out = prompt;
  for (const q of extractQuotes(prompt)) {
    out = out.slice(0, q.start) + ' '.repeat(q.end - q.start) + out.slice(q.end);
  }
  return out;
}
