/**
 * Words that belong to the sound half of the director. The picture half neither acts on them nor
 * notes them as unsupported or "not understood": the sound director reads them from the same
 * prompt and negative prompt. Besides a few general sound words, every phrase of the sound
 * director's own tables (src/engine/direct/audio/vocabulary.ts) counts.
 */
import type { LexiconEntry } from '../lexicon.js';
import * as soundVocabulary from '../audio/vocabulary.js';

const GENERAL: LexiconEntry = {
  id: 'audio',
  phrases: [
    'music', 'musical', 'soundtrack', 'score', 'song', 'songs', 'singing', 'sings', 'vocals', 'lyrics', 'voice', 'voices',
    'voice over', 'voiceover', 'speech', 'speaking', 'talking', 'narration', 'narrator', 'dialogue', 'dialog', 'sound',
    'sounds', 'audio', 'ambience', 'ambient', 'sfx', 'sound effects', 'bgm', 'background music', 'silence', 'silent',
    'loud', 'quiet', 'hum', 'humming', 'whisper', 'whispers', 'shout', 'shouts', 'echo', 'reverb', 'thunder', 'noise of',
    'background noise', 'laughter', 'laughing', 'applause', 'chirping', 'birdsong', 'piano', 'guitar', 'drums', 'beat', 'bass',
  ],
};

/** Every table the sound director exports (whatever it names them): entries with phrases. */
const SOUND_TABLES: LexiconEntry[] = Object.values(soundVocabulary as Record<string, unknown>)
  .filter((v): v is unknown[] => Array.isArray(v))
  .flat()
  .filter((e): e is LexiconEntry => typeof e === 'object' && e !== null && Array.isArray((e as LexiconEntry).phrases));

export const AUDIO_WORDS: readonly LexiconEntry[] = [GENERAL, ...SOUND_TABLES];
