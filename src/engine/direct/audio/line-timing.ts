/**
 * How long a line takes to say, and how to fit it: a per-character estimate for the engine
 * (Flite's English ≈ 15 characters a second, eSpeak's Mandarin ≈ 3.4 syllables a second, Japanese ≈ 3 morae a second, other
 * languages ≈ 14 characters a second), a little faster (up to 1.25×) when it is too long for its
 * slot, and cut at a word boundary when even that is not enough.
 *
 * @example
 *   speechSeconds('Welcome home.', 'en') // → 0.85
 */
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

/** Words of `text` that fit in `seconds` at the given rate ('' if not even one). */
export function cutToFit(text: string, language: string, seconds: number, rate: number): string {
  const cjk = language === 'zh' || language === 'yue' || language === 'ja';
  const units = cjk ? [...text] : text.split(/\s+/);
  let kept = '';
  for (let i = 1; i <= units.length; i++) {
    const candidate = units.slice(0, i).join(cjk ? '' : ' ');
    if (speechSeconds(candidate, language) / rate > seconds) break;
    kept = candidate;
  }
  return kept.replace(/[,;:—-]+$/, '');
}
