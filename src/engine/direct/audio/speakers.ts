/**
 * Who speaks a quoted line, read from the words around it: 'an old man says "…"',
 * 'narrator: "…"', '"…", she whispers'. Gives the speaker, gender, age, pitch and rate nudges,
 * style and language the voice is chosen from.
 *
 * @example
 *   describeSpeaker('a little girl whispers') // → { speaker: 'girl', gender: 'female', age: 'child', style: 'whisper', … }
 */
import { normalizeText } from '../lexicon.js';

export interface SpeakerDescription {
  speaker: string;
  narrator: boolean;
  gender: 'female' | 'male' | null;
  age: 'child' | 'adult' | 'old';
  /** semitones */
  pitch: number;
  rate: number;
  style: string;
  language: string | null;
  /** 1-based <<<voice_N>>> reference, if any */
  voiceRef: number | null;
}

const has = (text: string, words: string) => new RegExp(`\\b(?:${words})\\b`).test(text);

/** Chinese cues (no word boundaries in Han script): 她 she, 他 he, 女/男 woman/man, 老 old, 孩/童 child, 旁白 narrator, 低声 whisper, 喊 shout. */
const ZH = {
  female: /她|女/, male: /他|男/, old: /老/, child: /孩|童|小朋友/, narrator: /旁白|解说/, whisper: /低声|耳语|悄悄/, shout: /喊|叫道|大声/,
};

const LANGUAGES: Array<[string, string]> = [
  ['chinese|mandarin', 'zh'], ['cantonese', 'yue'], ['japanese', 'ja'], ['korean', 'ko'], ['spanish', 'es'],
  ['french', 'fr'], ['german', 'de'], ['italian', 'it'], ['portuguese', 'pt'], ['russian', 'ru'], ['arabic', 'ar'],
  ['hindi', 'hi'], ['dutch', 'nl'], ['polish', 'pl'], ['turkish', 'tr'], ['swedish', 'sv'], ['greek', 'el'],
  ['hebrew', 'he'], ['thai', 'th'], ['vietnamese', 'vi'], ['ukrainian', 'uk'], ['english', 'en'],
];

export function describeSpeaker(context: string): SpeakerDescription {
  const text = normalizeText(context);
  const narrator = has(text, 'narrator|narrates|narration|voice over|voiceover|announcer') || ZH.narrator.test(text);
  const child = has(text, 'child|kid|little|boy|girl|toddler|children|baby|infant|newborn') || ZH.child.test(text);
  const old = has(text, 'old|elderly|grandpa|grandma|grandfather|grandmother|aged|grandad|granny') || ZH.old.test(text);
  const female = has(text, 'she|her|woman|women|girl|lady|female|mother|mom|mum|grandma|grandmother|queen|wife|sister|daughter|granny|actress|princess') || ZH.female.test(text);
  const male = has(text, 'he|his|man|men|boy|guy|male|father|dad|grandpa|grandfather|king|husband|brother|son|grandad|prince') || ZH.male.test(text);
  const gender = female && !male ? 'female' : male && !female ? 'male' : female && male ? (text.search(/\b(she|woman|girl|lady|female)\b/) < text.search(/\b(he|man|boy|guy|male)\b/) ? 'female' : 'male') : null;
  let pitch = 0, rate = 1, style = narrator ? 'narrator' : 'neutral';
  if (has(text, 'low|deep|gravelly|husky')) pitch -= 3;
  if (has(text, 'high|squeaky|high pitched')) pitch += 3;
  if (has(text, 'calm|calmly|softly|gently|quietly|slowly|soothing')) { rate *= 0.92; style = style === 'narrator' ? style : 'calm'; }
  if (has(text, 'excited|excitedly|cheerfully|happily|eagerly|quickly|fast')) { rate *= 1.1; pitch += 2; }
  if (has(text, 'whisper|whispers|whispering|whispered|whispering') || ZH.whisper.test(text)) style = 'whisper';
  if (has(text, 'shout|shouts|shouting|shouted|yell|yells|yelling|screams|screaming|cries out') || ZH.shout.test(text)) { style = 'shout'; pitch += 2; rate *= 1.05; }
  if (has(text, 'radio|walkie talkie|intercom')) style = 'radio';
  if (has(text, 'megaphone|loudspeaker|bullhorn')) style = 'megaphone';
  if (has(text, 'phone|telephone')) style = 'phone';
  let language: string | null = null;
  for (const [words, code] of LANGUAGES) if (has(text, `in (?:${words})|(?:${words})`)) { language = code; break; }
  const ref = /<<<\s*voice_(\d+)\s*>>>/.exec(context);
  const speakerWord = /\b(narrator|announcer|old man|old woman|little girl|little boy|woman|man|girl|boy|child|kid|lady|guy|mother|father|grandma|grandpa|she|he)\b/.exec(text)?.[1];
  const speaker = narrator ? 'narrator' : speakerWord === 'she' ? 'woman' : speakerWord === 'he' ? 'man' : speakerWord ?? (gender === 'female' ? 'woman' : gender === 'male' ? 'man' : 'speaker');
  return {
    speaker, narrator, gender, age: child ? 'child' : old ? 'old' : 'adult',
    pitch, rate: Math.round(rate * 100) / 100, style, language, voiceRef: ref ? parseInt(ref[1]!, 10) : null,
  };
}
