/**
 * What a line is written in, and whether our engines can speak it: the language from the script
 * (Han → Mandarin, kana → Japanese, Hangul → Korean, Cyrillic → Russian, …), and the text cleaned
 * of what no engine can say (emoji, pictographs, symbols).
 *
 * @example
 *   detectLanguage('你好')        // → 'zh'
 *   speakableText('hi 👋 there') // → 'hi there'
 */
const SCRIPTS: Array<[RegExp, string]> = [
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, 'ja'],
  [/\p{Script=Han}/u, 'zh'],
  [/\p{Script=Hangul}/u, 'ko'],
  [/\p{Script=Cyrillic}/u, 'ru'],
  [/\p{Script=Arabic}/u, 'ar'],
  [/\p{Script=Devanagari}/u, 'hi'],
  [/\p{Script=Greek}/u, 'el'],
  [/\p{Script=Hebrew}/u, 'he'],
  [/\p{Script=Thai}/u, 'th'],
];

/** The language the script implies, or null for Latin script (the prompt or voice decides). */
export function detectLanguage(text: string): string | null {
  for (const [pattern, language] of SCRIPTS) if (pattern.test(text)) return language;
  return null;
}

const SUPPORTED = /[\p{Script=Latin}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Cyrillic}\p{Script=Arabic}\p{Script=Devanagari}\p{Script=Greek}\p{Script=Hebrew}\p{Script=Thai}\p{N}]/u;

/** The text with emoji, symbols and characters of scripts we cannot speak removed; '' when nothing speakable is left. */
export function speakableText(text: string): string {
  let out = '';
  for (const ch of text) {
    if (SUPPORTED.test(ch) || /[\s.,!?;:'"\-—…，。！？、；：]/u.test(ch) || /\p{M}/u.test(ch)) out += ch;
    else out += ' ';
  }
  out = out.replace(/\s+/g, ' ').trim();
  return /[\p{L}\p{N}]/u.test(out) ? out : '';
}

/** Latin text for Flite: accents folded to ASCII, anything else dropped. */
export function asciiText(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/[^\x20-\x7e]/g, ' ').replace(/\s+/g, ' ').trim();
}
