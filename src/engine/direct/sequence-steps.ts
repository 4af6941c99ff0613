/**
 * The order a prompt puts its events in with sequence words: "the dog barks, then the man says
 * 'hello'", "he nods; after that he smiles", "…, finally …", "he nods before he smiles", "she
 * smiles after he waves", "Before he leaves, he nods." The prompt is cut into steps and every
 * offset of it belongs to one; steps are ranked in the order they happen. A prompt with no
 * sequence words is one step (its events may overlap, as they always could).
 *
 * Read on the prompt with its quotes blanked (a "then" inside a spoken line orders nothing) and
 * normalised, so offsets match every other reader of the prompt.
 *
 * @example
 *   const steps = promptSteps('the dog barks, then the man says "hello"');
 *   steps.rankAt(9)  // → 0 (barks)
 *   steps.rankAt(30) // → 1 (the line)
 */
import { normalizeText, withoutQuotes } from './lexicon.js';

export interface PromptSteps {
  /** how many steps (1: no sequence words) */
  count: number;
  /** the rank in time (0 first) of the step the prompt offset belongs to */
  rankAt(offset: number): number;
  /** the second a step of this rank starts at, where the prompt gives it ("2-4s: she smiles") */
  startOf(rank: number): number | undefined;
}

/**
 * A timed section's label: "0-2s:", "2 to 4 seconds:", "at 3 s:" (read on the normalised text,
 * where a dash is a space): a later step from the first second it names.
 */
const TIMESTAMP = /(?<![\w.])(?:at\s+)?(\d+(?:\.\d+)?)(?:\s*(?:s|secs?|seconds?))?(?:\s*(?:to|\s)\s*\d+(?:\.\d+)?)?\s*(?:s|secs?|seconds?)\s*:/g;

/** Words that start a later step where they stand ("then", "after that", "finally", "… before …"), or an earlier one ("… after …"). */
const MARKER = /\b(?:and then|then|after that|after this|afterwards?|finally|eventually|subsequently|followed by|at last|later|before|after)\b/g;
/** "by then", "until then", "now and then": no sequence. */
const NOT_AFTER = /\b(?:by|until|till|since|now and|and now|now|than)\s*$/;
/** "after 2 s", "before 3 seconds": a time (the sound director reads those), not an order. */
const TIME_NEXT = /^\s*\d/;
/** a sentence's end (not a decimal point) */
const SENTENCE_BREAK = /^(?:[!?;\n]|\.(?!\d))/;
const SENTENCE_BREAKS = /[!?;\n]|\.(?!\d)/g;

export function promptSteps(prompt: string): PromptSteps {
  const text = normalizeText(withoutQuotes(prompt));
  let next = 0;
  const order: number[] = [next++];
  let current = 0;
  const spans: Array<{ from: number; step: number }> = [{ from: 0, step: 0 }];
  const later = (at: number) => { current = next++; order.push(current); spans.push({ from: at, step: current }); };
  const earlier = (at: number) => { const s = next++; order.splice(order.indexOf(current), 0, s); current = s; spans.push({ from: at, step: s }); };

  // markers and sentence breaks, in text order: a new sentence goes on from the latest step
  const stamps = [...text.matchAll(TIMESTAMP)];
  const events = [...text.matchAll(MARKER), ...text.matchAll(SENTENCE_BREAKS), ...stamps].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
  const starts = new Map<number, number>();
  let sentenceFrom = 0;
  for (const m of events) {
    const at = m.index ?? 0, word = m[0];
    if (stamps.includes(m)) {
      later(at);
      starts.set(current, Number(m[1]));
      sentenceFrom = at + word.length;
      continue;
    }
    if (at < sentenceFrom) continue;
    if (SENTENCE_BREAK.test(word)) {
      sentenceFrom = at + 1;
      const latest = order[order.length - 1]!;
      if (current !== latest) { current = latest; spans.push({ from: at + 1, step: latest }); }
      continue;
    }
    const before = text.slice(sentenceFrom, at);
    if (NOT_AFTER.test(before) || ((word === 'after' || word === 'before') && TIME_NEXT.test(text.slice(at + word.length)))) continue;
    if ((word === 'before' || word === 'after') && before.trim() === '') {
      // "Before he leaves, he nods": the main clause after the comma comes first; "After he
      // nods, he smiles": it comes next. With no comma the clauses cannot be told apart.
      const comma = clauseComma(text, at);
      if (comma < 0) continue;
      if (word === 'before') { later(at); earlier(comma + 1); } else later(comma + 1);
      sentenceFrom = comma + 1;
      continue;
    }
    if (word === 'after') earlier(at);
    else later(at);
  }
  spans.sort((a, b) => a.from - b.from);
  return {
    count: order.length,
    rankAt(offset: number): number {
      let step = 0;
      for (const s of spans) if (s.from <= offset) step = s.step;
      return order.indexOf(step);
    },
    startOf: (rank: number) => starts.get(order[rank]!),
  };
}

/** The comma that closes a clause opening at `at`, within its sentence, or -1. */
function clauseComma(text: string, at: number): number {
  for (let i = at; i < text.length; i++) {
    if (text[i] === ',') return i;
    if (SENTENCE_BREAK.test(text.slice(i, i + 2))) return -1;
  }
  return -1;
}
