/**
 * A prompt's clauses for the reader (read-actions.ts): split at punctuation and conjunctions
 * ("and", "then", "while"), with section labels of structured prompts ("Sound:") and a preamble
 * that only presents the scene ("the video shows") left out.
 */
import { CLAUSE_WORDS, type Token } from './reading-words.js';

export const CLAUSE_BREAK = /[,.;:!?()[\]{}\n]/;

/** Words that label a section of a structured prompt before a colon. */
export const LABELS = new Set(['sound', 'sounds', 'audio', 'music', 'sfx', 'action', 'actions', 'camera', 'shot', 'scene', 'style', 'subject', 'setting', 'lighting', 'mood', 'ambience', 'ambient', 'dialogue', 'voice', 'narration', 'narrator', 'note', 'notes', 'prompt', 'motion', 'movement', 'effects', 'vfx', 'background', 'foreground', 'character', 'characters', 'timeline', 'beat', 'part', 'step', 'cut']);

/** Clauses as token ranges; `joined` when a conjunction ("and", "then") opens the clause. */
export function clauses(text: string, toks: Token[]): Array<{ tokens: Token[]; joined: boolean }> {
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
export const PREAMBLE = /\b(?:(?:the|this) (?:video|clip|scene|shot|image|footage|film|picture|frame|animation) (?:shows|depicts|features|captures|presents|opens on|opens with|begins with|starts with)|we (?:see|watch))\b/g;
