/**
 * The sound director's vocabulary: what people write for each sound, music mood and style, and
 * what a negative prompt may remove. One entry per thing; the ids are the sound table's
 * (src/engine/sound/sounds/table.ts).
 */
import type { LexiconEntry } from '../lexicon.js';

/** Ambience beds named in a prompt. */
export const AMBIENCE_WORDS: readonly LexiconEntry[] = [
  { id: 'rain', phrases: ['rain', 'raining', 'rainfall', 'drizzle', 'downpour', 'rainy'] },
  { id: 'thunderstorm', phrases: ['thunderstorm', 'storm', 'stormy'] },
  { id: 'wind', phrases: ['wind', 'windy', 'breeze', 'gust', 'howling wind'] },
  { id: 'ocean_waves', phrases: ['waves', 'ocean', 'sea', 'surf', 'beach', 'shore', 'seaside'] },
  { id: 'stream', phrases: ['stream', 'brook', 'creek', 'river', 'babbling water'] },
  { id: 'waterfall', phrases: ['waterfall', 'cascade'] },
  { id: 'forest_birds', phrases: ['birds', 'birdsong', 'bird song', 'chirping', 'songbirds', 'forest ambience', 'forest sounds'] },
  { id: 'night_insects', phrases: ['crickets', 'insects', 'cicadas', 'night ambience', 'night sounds'] },
  { id: 'city_traffic', phrases: ['traffic', 'city ambience', 'city sounds', 'city', 'street noise', 'busy street', 'cars passing', 'urban'] },
  { id: 'crowd_murmur', phrases: ['crowd', 'murmur', 'chatter', 'café', 'cafe', 'coffee shop', 'restaurant', 'people talking', 'market'] },
  { id: 'fire', phrases: ['fire', 'crackling', 'campfire', 'fireplace', 'bonfire', 'flames'] },
  { id: 'room_tone', phrases: ['room tone', 'quiet room'] },
  { id: 'office_hum', phrases: ['office', 'air conditioning', 'office hum', 'hvac'] },
  { id: 'electric_buzz', phrases: ['neon buzz', 'buzzing', 'electrical hum', 'electric hum'] },
  { id: 'underwater', phrases: ['underwater', 'under water', 'bubbles', 'submerged'] },
  { id: 'space_drone', phrases: ['space ambience', 'space drone', 'spaceship hum', 'hum of space', 'sci fi ambience'] },
];

/** Timed effects named in a prompt. */
export const EFFECT_WORDS: readonly LexiconEntry[] = [
  { id: 'whoosh', phrases: ['whoosh', 'swoosh', 'swish', 'woosh'] },
  { id: 'footsteps', phrases: ['footsteps', 'footstep', 'steps', 'walking', 'walks'] },
  { id: 'door', phrases: ['door slam', 'slams the door', 'slam', 'door'] },
  { id: 'knock', phrases: ['knock', 'knocking'] },
  { id: 'thunder', phrases: ['thunder', 'thunderclap', 'rumble of thunder'] },
  { id: 'explosion', phrases: ['explosion', 'explodes', 'blast', 'boom', 'kaboom'] },
  { id: 'heartbeat', phrases: ['heartbeat', 'heart beat', 'heart beating', 'pulse'] },
  { id: 'clock_tick', phrases: ['clock ticking', 'ticking', 'tick tock', 'clock'] },
  { id: 'chime', phrases: ['bell', 'chime', 'ding', 'wind chime'] },
  { id: 'applause', phrases: ['applause', 'clapping', 'applauds', 'claps'] },
  { id: 'camera_shutter', phrases: ['camera shutter', 'shutter', 'camera click', 'snapshot'] },
  { id: 'engine', phrases: ['engine', 'revving', 'motor', 'roar of the engine'] },
  { id: 'splash', phrases: ['splash', 'splashing'] },
  { id: 'glass_clink', phrases: ['clink', 'glasses clinking', 'clinking glasses', 'cheers'] },
  { id: 'typing', phrases: ['typing', 'keyboard', 'keystrokes'] },
  { id: 'sparkle', phrases: ['sparkle', 'magical chime', 'twinkle', 'magic'] },
];

/** Words that ask for music at all. */
export const MUSIC_WORDS: readonly LexiconEntry[] = [
  { id: 'music', phrases: ['music', 'soundtrack', 'score', 'song', 'melody', 'tune', 'bgm', 'lo fi beat', 'lofi', 'lo fi', 'piano', 'orchestra', 'orchestral', 'synthwave', 'chillhop', 'beat'] },
];

export const MOOD_WORDS: readonly LexiconEntry[] = [
  { id: 'calm', phrases: ['calm', 'peaceful', 'relaxing', 'gentle', 'serene', 'chill', 'soothing', 'ambient'] },
  { id: 'epic', phrases: ['epic', 'cinematic', 'heroic', 'dramatic', 'powerful', 'triumphant', 'orchestral'] },
  { id: 'upbeat', phrases: ['upbeat', 'happy', 'energetic', 'cheerful', 'fun', 'dance', 'groovy', 'uplifting'] },
  { id: 'tense', phrases: ['tense', 'suspense', 'suspenseful', 'ominous', 'horror', 'thriller', 'creepy', 'mysterious', 'dark'] },
  { id: 'sad', phrases: ['sad', 'melancholic', 'melancholy', 'somber', 'sombre', 'sorrowful', 'nostalgic', 'emotional'] },
  { id: 'romantic', phrases: ['romantic', 'love', 'tender', 'dreamy'] },
];

export const STYLE_WORDS: readonly LexiconEntry[] = [
  { id: 'lofi', phrases: ['lo fi', 'lofi', 'chillhop'] },
  { id: 'piano', phrases: ['piano'] },
  { id: 'orchestral', phrases: ['orchestral', 'orchestra', 'score', 'strings'] },
  { id: 'electronic', phrases: ['electronic', 'synth', 'synthwave', 'edm', 'techno'] },
  { id: 'pads', phrases: ['ambient music', 'pads', 'pad'] },
];

/** Per mood: the style, tempo and key used when the prompt names none. */
export const MOODS: Record<string, { style: string; bpm: number; key: string }> = {
  calm: { style: 'pads', bpm: 72, key: 'C major' },
  epic: { style: 'orchestral', bpm: 96, key: 'D minor' },
  upbeat: { style: 'electronic', bpm: 118, key: 'G major' },
  tense: { style: 'drone', bpm: 84, key: 'C minor' },
  sad: { style: 'piano', bpm: 66, key: 'A minor' },
  romantic: { style: 'ballad', bpm: 76, key: 'F major' },
};

/** What a negative prompt (or a "no …" in the prompt) can remove besides single sounds. */
export const REMOVAL_WORDS: readonly LexiconEntry[] = [
  { id: 'music', phrases: ['music', 'soundtrack', 'score', 'song', 'melody', 'bgm', 'background music'] },
  { id: 'dialogue', phrases: ['voice', 'talking', 'speech', 'dialogue', 'dialog', 'speaking', 'narration', 'narrator', 'voiceover', 'voice over'] },
  { id: 'beds', phrases: ['ambience', 'ambient sound', 'background noise'] },
  { id: 'events', phrases: ['sound effects', 'sfx'] },
];

/** Rooms named in the prompt (the reverb). */
export const SPACE_WORDS: readonly LexiconEntry[] = [
  { id: 'cave', phrases: ['cave', 'cavern', 'tunnel', 'dungeon'] },
  { id: 'hall', phrases: ['hall', 'cathedral', 'church', 'concert hall', 'auditorium', 'stadium', 'temple'] },
  { id: 'room', phrases: ['room', 'indoors', 'inside', 'kitchen', 'bedroom', 'living room', 'studio'] },
  { id: 'outdoor', phrases: ['outdoors', 'outside', 'open air'] },
];

/** Words that ask for a soundtrack at all (for the note when sound is off). */
export const SOUND_WORDS: readonly LexiconEntry[] = [
  { id: 'sound', phrases: ['sound', 'sounds', 'audio', 'ambience', 'noise', 'voice', 'says', 'sound effects', 'sfx'] },
];
