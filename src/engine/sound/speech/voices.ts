/**
 * The voice library: stable ids (what users put in voice_list and what plans name) mapped to a
 * speech engine, its voice and the pitch/rate that give each voice its character. English voices
 * are Flite's (slt, rms, awb, kal); every other language is eSpeak NG's, with its +f/+m variants.
 *
 * @example
 *   listVoices().find((v) => v.id === 'en-female-1')
 *   // → { id: 'en-female-1', language: 'en', gender: 'female', age: 'adult', engine: 'flite', … }
 */
export interface VoiceEntry {
  id: string;
  name: string;
  /** ISO 639-1 (zh is Mandarin) */
  language: string;
  gender: 'female' | 'male';
  age: 'child' | 'adult' | 'old';
  engine: 'flite' | 'espeak';
  /** the engine's own voice name */
  engineVoice: string;
  /** flite: target mean F0 in Hz; espeak: pitch 0–100 */
  pitch: number;
  /** speaking-rate multiplier for this character (1 = the engine's default) */
  rate: number;
  description: string;
}

const flite = (id: string, name: string, gender: VoiceEntry['gender'], age: VoiceEntry['age'], engineVoice: string, pitch: number, rate: number, description: string): VoiceEntry =>
  ({ id, name, language: 'en', gender, age, engine: 'flite', engineVoice, pitch, rate, description });

const espeak = (language: string, languageName: string, espeakVoice: string): VoiceEntry[] => [
  { id: `${language}-female-1`, name: `${languageName} woman`, language, gender: 'female', age: 'adult', engine: 'espeak', engineVoice: `${espeakVoice}+f3`, pitch: 55, rate: 1, description: `${languageName}, adult female` },
  { id: `${language}-male-1`, name: `${languageName} man`, language, gender: 'male', age: 'adult', engine: 'espeak', engineVoice: `${espeakVoice}+m3`, pitch: 45, rate: 1, description: `${languageName}, adult male` },
];

export const VOICES: readonly VoiceEntry[] = [
  flite('en-female-1', 'Sarah', 'female', 'adult', 'slt', 175, 1, 'US English, adult female, clear and warm'),
  flite('en-female-2', 'Grace', 'female', 'adult', 'slt', 150, 0.95, 'US English, adult female, lower and calmer'),
  flite('en-male-1', 'Richard', 'male', 'adult', 'rms', 105, 1, 'US English, adult male, deep and steady (the default narrator)'),
  flite('en-male-2', 'Alan', 'male', 'adult', 'awb', 115, 1, 'Scottish English, adult male'),
  flite('en-male-3', 'Ken', 'male', 'adult', 'kal', 110, 1, 'US English, adult male, bright and plain'),
  flite('en-child-1', 'Lily', 'female', 'child', 'slt', 265, 1.05, 'US English, child'),
  flite('en-child-2', 'Tom', 'male', 'child', 'slt', 240, 1.05, 'US English, young boy'),
  flite('en-old-female-1', 'Edith', 'female', 'old', 'slt', 140, 0.88, 'US English, elderly female, slower'),
  flite('en-old-male-1', 'Walter', 'male', 'old', 'rms', 88, 0.86, 'US English, elderly male, slow and low'),
  ...espeak('zh', 'Mandarin Chinese', 'cmn'),
  ...espeak('yue', 'Cantonese', 'yue'),
  ...espeak('ja', 'Japanese', 'ja'),
  ...espeak('ko', 'Korean', 'ko'),
  ...espeak('es', 'Spanish', 'es'),
  ...espeak('fr', 'French', 'fr'),
  ...espeak('de', 'German', 'de'),
  ...espeak('it', 'Italian', 'it'),
  ...espeak('pt', 'Portuguese', 'pt-br'),
  ...espeak('ru', 'Russian', 'ru'),
  ...espeak('ar', 'Arabic', 'ar'),
  ...espeak('hi', 'Hindi', 'hi'),
  ...espeak('nl', 'Dutch', 'nl'),
  ...espeak('pl', 'Polish', 'pl'),
  ...espeak('tr', 'Turkish', 'tr'),
  ...espeak('sv', 'Swedish', 'sv'),
  ...espeak('el', 'Greek', 'el'),
  ...espeak('he', 'Hebrew', 'he'),
  ...espeak('th', 'Thai', 'th'),
  ...espeak('vi', 'Vietnamese', 'vi'),
  ...espeak('uk', 'Ukrainian', 'uk'),
];

export const VOICE_BY_ID: ReadonlyMap<string, VoiceEntry> = new Map(VOICES.map((v) => [v.id, v]));

/** The voice library as plain JSON, for GET /api/v3/voices and the Playground. */
export function listVoices(): Array<Pick<VoiceEntry, 'id' | 'name' | 'language' | 'gender' | 'age' | 'description'>> {
  return VOICES.map(({ id, name, language, gender, age, description }) => ({ id, name, language, gender, age, description }));
}

/** The best voice for a language, gender and age (falls back along age, then gender, then language). */
export function pickVoice(language: string, gender: 'female' | 'male' | null, age: 'child' | 'adult' | 'old'): VoiceEntry | null {
  const inLanguage = VOICES.filter((v) => v.language === language);
  if (!inLanguage.length) return null;
  const g = gender ?? 'male';
  return inLanguage.find((v) => v.gender === g && v.age === age)
    ?? inLanguage.find((v) => v.age === age)
    ?? inLanguage.find((v) => v.gender === g && v.age === 'adult')
    ?? inLanguage[0]!;
}
