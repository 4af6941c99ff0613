/**
 * A prompt the director can read: Chinese words of its tables (chinese-words.ts) put in English,
 * joined into clauses the reader understands ("女孩眨眼，然后挥手" → "the girl blinks, then waves"),
 * quoted lines kept as written. Words in another script that no table knows are returned as
 * `unread`, so the plan's notes can say so instead of dropping them silently.
 *
 * @example
 *   englishPrompt('男人转头看向镜头，微笑') // → { text: 'the man turns head and looks at the camera, smiles', unread: [] }
 */
import { CHINESE_WORDS, type ChineseWordKind } from './chinese-words.js';
import { extractQuotes } from './lexicon.js';

export interface EnglishPrompt {
  text: string;
  /** runs of words in another script that were not read, in prompt order */
  unread: string[];
}

/** Letters of a script other than Latin (the reader's words are Latin). */
const FOREIGN = /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u;
const HAN = /\p{Script=Han}/u;

const PUNCTUATION: Record<string, string> = { '，': ',', '、': ',', '。': '.', '！': '!', '？': '?', '；': ';', '：': ':', '（': '(', '）': ')', '…': '.', '—': ',' };

/** The glossary by first character, longest words first (the longest match wins). */
const BY_FIRST = new Map<string, Array<(typeof CHINESE_WORDS)[number]>>();
for (const w of [...CHINESE_WORDS].sort((a, b) => b[0].length - a[0].length)) {
  const list = BY_FIRST.get(w[0][0]!) ?? [];
  list.push(w);
  BY_FIRST.set(w[0][0]!, list);
}

type Piece = { kind: ChineseWordKind | 'raw' | 'punct'; text: string };

export function englishPrompt(prompt: string): EnglishPrompt {
  if (!FOREIGN.test(prompt)) return { text: prompt, unread: [] };
  const pieces: Piece[] = [];
  const unread: string[] = [];
  let at = 0;
  for (const q of [...extractQuotes(prompt), { start: prompt.length, end: prompt.length }]) {
    readWords(prompt.slice(at, q.start), pieces, unread);
    if (q.end > q.start) pieces.push({ kind: 'raw', text: ` ${prompt.slice(q.start, q.end)} ` });
    at = q.end;
  }
  return { text: join(pieces), unread };
}

/** The pieces of a passage with no quote in it; unknown foreign words are collected, not kept. */
function readWords(text: string, pieces: Piece[], unread: string[]): void {
  // (particles next to unread words are quoted with them: "她身后有一幅油画" → '身后有一幅油画')
  let run = '', particles = '';
  const endRun = () => { if (run.trim()) unread.push(run.trim()); run = ''; particles = ''; };
  for (let i = 0; i < text.length;) {
    const ch = text[i]!;
    const word = HAN.test(ch) ? BY_FIRST.get(ch)?.find((w) => text.startsWith(w[0], i)) : undefined;
    if (word?.[2] === 'skip') {
      particles += word[0];
      i += word[0].length;
    } else if (word) {
      endRun();
      pieces.push({ kind: word[2], text: word[1] });
      i += word[0].length;
    } else if (PUNCTUATION[ch]) {
      endRun();
      pieces.push({ kind: 'punct', text: PUNCTUATION[ch]! });
      i++;
    } else if (FOREIGN.test(ch)) {
      run += particles + ch;
      particles = '';
      i++;
    } else {
      // (a space between two unknown foreign words keeps them one run)
      if (run && /\s/.test(ch)) run += ch;
      else endRun();
      pieces.push({ kind: 'raw', text: ch });
      i++;
    }
  }
  endRun();
}

/** Pieces joined into clauses: a camera move, a weather or a sound is a clause of its own; two actions in a row are joined by "and". */
function join(pieces: readonly Piece[]): string {
  let out = '';
  let prev: Piece['kind'] | 'start' = 'start';
  for (const p of pieces) {
    if (p.kind === 'raw') { out += p.text; if (p.text.trim()) prev = 'raw'; continue; }
    if (p.kind === 'punct') { out = `${out.trimEnd()}${p.text} `; prev = 'punct'; continue; }
    const opening = prev === 'start' || prev === 'punct' || prev === 'link';
    let gap = ' ';
    if (p.kind === 'link') gap = p.text === 'and' || opening ? ' ' : ', ';
    // (two in a row name one thing: "低沉的钢琴音乐" is low piano music)
    else if (p.kind === 'clause') gap = opening || prev === 'modifier' || prev === 'clause' ? ' ' : ', ';
    else if (p.kind === 'verb') gap = prev === 'verb' ? ' and ' : prev === 'clause' ? ', ' : ' ';
    else if (p.kind === 'subject') gap = prev === 'clause' ? ', ' : ' ';
    else if (p.kind === 'modifier') gap = prev === 'verb' ? ' and ' : prev === 'clause' ? ', ' : ' ';
    out += gap + p.text;
    prev = p.kind;
  }
  return out.replace(/\s+/g, ' ').replace(/\s+([,.!?;:])/g, '$1').replace(/^[\s,]+|[\s,]+$/g, '');
}
