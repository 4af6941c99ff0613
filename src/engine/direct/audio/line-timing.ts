/**
 * How long a line takes to say (or sing), and how to fit it: a per-character estimate for the engine
 * (Flite's English ≈ 15 characters a second, eSpeak's Mandarin ≈ 3.4 syllables a second, Japanese ≈ 3 morae a second, other
 * languages ≈ 14 characters a second), a little faster (up to 1.25×) when it is too long for its
 * slot, and cut at a word boundary when even that is not enough.
 *
 * @example
 *   speechSeconds('Welcome home.', 'en') // → 0.85
 */
import { syllableCount, syllableSeconds, type Tune } from '../../sound/speech/sing.js';

export const MAX_SPEEDUP = 1.25;

export function speechSeconds(text: string, language: string): number {
  if (language === 'zh' || language === 'yue' || language === 'ja') {
    // a Han character is a syllable; a kana is a mora, and eSpeak says them a little slower
    const syllables = [...text].filter((c) => /[\p{L}\p{N}]/u.test(c)).length;
    return syllables * (language === 'ja' ? 0.34 : 0.29) + 0.1;
  }
  const chars = text.replace(/\s+/g, ' ').trim().length;
  const pauses = (text.match(/[,;:.!?—]/g) ?? []).length;
  return chars * 0.062 + pauses * 0.12;
}

/**
 * How long a line takes to sing to `tune`, `pace` notes to a syllable's usual one: a note a
 * syllable, the last held for two — and never quicker than the words take to say.
 */
export function sungSeconds(text: string, language: string, tune: Tune, pace = 1): number {
  const note = syllableSeconds(tune) / pace;
  return Math.max((syllableCount(text) + 1) * note, speechSeconds(text, language) + 2 * note) + 0.15;
}

/** Words of `text` that fit in `seconds` by `secondsOf` (spoken at a rate, or sung) ('' if not even one). */
export function cutToFit(text: string, language: string, seconds: number, secondsOf: (words: string) => number): string {
  const cjk = language === 'zh' || language === 'yue' || language === 'ja';
  const units = cjk ? [...text] : text.split(/\s+/);
  let kept = '';
  for (let i = 1; i <= units.length; i++) {
    const candidate = units.slice(0, i).join(cjk ? '' : ' ');
    if (secondsOf(candidate) > seconds) break;
    kept = candidate;
  }
  return kept.replace(/[,;:—-]+$/, '');
}
