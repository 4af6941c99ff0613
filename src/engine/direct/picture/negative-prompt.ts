/**
 * Reads negative_prompt: each comma-separated item removes what it names — an effect ("rain"),
 * a camera move ("pan left"), moves in general ("camera movement" → a static camera), zooms
 * ("zoom" → no push-in, pull-out or dolly zoom), shake ("camera shake"), flicker, blur (motion
 * blur and rack focus), or a look ("black and white"). Generic quality words that image models
 * are usually told to avoid ("low quality", "watermark", …) are ignored with one short note; any
 * other item it cannot act on is noted as not understood. Sound words are left to the sound half.
 *
 * @example
 *   const ex = emptyExclusions(); const notes: string[] = [];
 *   readNegativePrompt('rain, camera shake, blurry faces', ex, notes);
 *   ex.effects.has('rain'); ex.noShake;   // true, true
 *   notes;   // ['negative_prompt: "blurry faces" — not understood, ignored']
 */
import { findMentions, normalizeText, type LexiconEntry } from '../lexicon.js';
import { AUDIO_WORDS } from './audio-words.js';
import { excludeMention } from './exclude-mention.js';
import type { Exclusions } from './exclusions.js';
import { UNSUPPORTED_ACTIONS } from './unsupported-actions.js';
import { LOOK_VOCABULARY, PICTURE_VOCABULARY } from './vocabulary.js';

/** Generic quality terms from image-model negative prompts: nothing to act on, nothing to report one by one. */
const JUNK: readonly LexiconEntry[] = [{
  id: 'junk',
  phrases: [
    'blurry', 'blurred', 'low quality', 'worst quality', 'bad quality', 'normal quality', 'poor quality', 'lowres', 'low res',
    'low resolution', 'distorted', 'distortion', 'watermark', 'text', 'signature', 'logo', 'deformed', 'disfigured',
    'jpeg artifacts', 'compression artifacts', 'artifacts', 'artefacts', 'artifact', 'noise', 'noisy', 'grainy', 'grain', 'ugly',
    'bad anatomy', 'extra fingers', 'extra limbs', 'missing limbs', 'missing fingers', 'fused fingers', 'mutated', 'mutation',
    'poorly drawn', 'poorly drawn face', 'poorly drawn hands', 'bad hands', 'cropped', 'out of frame', 'duplicate', 'morbid',
    'mutilated', 'overexposed', 'underexposed', 'oversaturated', 'pixelated', 'glitch', 'glitchy', 'error', 'username',
    'bad proportions', 'gross proportions', 'malformed', 'long neck', 'cloned face', 'low detail', 'bad composition',
    'amateur', 'nsfw', 'inconsistent', 'unnatural', 'unrealistic', 'warping', 'warped', 'subtitles', 'captions',
    'oversharpened', 'overprocessed', 'bad', 'ugly face', 'bad face', 'messy', 'static image', 'still image', 'frozen',
  ],
}];

const STOP = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'with', 'in', 'on', 'any', 'too', 'much', 'many', 'very', 'no', 'some', 'at', 'to', 'from', 'by', 'for']);

export function readNegativePrompt(negative: string, exclusions: Exclusions, notes: string[]): void {
  const ignored: string[] = [];
  for (const raw of negative.split(/[,;\n|]+/)) {
    const item = raw.trim();
    if (!item) continue;
    const text = normalizeText(item);
    let blanked = text;
    const blank = (index: number, length: number) => { blanked = blanked.slice(0, index) + ' '.repeat(length) + blanked.slice(index + length); };

    let understood = false;
    // "rain sounds", "traffic noise": what is heard, not what is seen (the sound half removes it)
    const heard = /\b(?:sounds?|noises?|audio|sfx)\b/.test(text) && !/^(?:noise|noisy)$/.test(text);
    for (const m of heard ? [] : findMentions(text, PICTURE_VOCABULARY)) {
      excludeMention(m.id, exclusions, 'negative_prompt');
      understood = true;
    }
    for (const m of findMentions(text, LOOK_VOCABULARY)) {
      excludeMention(m.id, exclusions, 'negative_prompt');
      understood = true;
    }
    // sound words are the sound director's; actions are never animated anyway
    if (findMentions(text, [...AUDIO_WORDS, ...UNSUPPORTED_ACTIONS]).length) understood = true;
    if (understood) continue;

    const junk = findMentions(text, JUNK);
    for (const j of junk) blank(j.index, j.length);
    const rest = blanked.split(/[^\p{L}\p{N}']+/u).filter((w) => w && !STOP.has(w));
    if (junk.length && rest.length === 0) ignored.push(item);
    else notes.push(`negative_prompt: "${item}" — not understood, ignored`);
  }
  if (ignored.length) notes.push(`negative_prompt: generic quality terms ignored (${ignored.join(', ')})`);
}
