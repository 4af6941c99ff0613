/**
 * The sound half of the director: ambience beds, timed effects, music and dialogue, planned from
 * the prompt, the Scene and the picture half's shot (so thunder follows the flash and a whoosh
 * rides the whip pan). The plan is explicit; the sound renderer only renders it.
 *
 * @example
 *   directAudio({ prompt: 'rain at night, she says "Stay."', sound: true, … }, scene, shot, notes)
 *   // → { enabled: true, beds: [{ type: 'rain', … }], dialogue: [{ voice: 'en-female-1', … }], … }
 */
import type { Audio, Shot } from '../../plan.js';
import type { Scene } from '../../scene.js';
import { createRandom, deriveSeed } from '../../util/random.js';
import type { DirectInput } from '../input.js';
import type { AskedAt } from '../order-steps.js';
import { extractQuotes, findMentions, withoutQuotes } from '../lexicon.js';
import { planBeds } from './beds.js';
import { planDialogue } from './dialogue.js';
import { planEvents, type SubjectVerb } from './events.js';
import { LEAD_LUFS, planLoudness } from './loudness.js';
import { planMusic } from './music.js';
import { musicMentions } from './music-context.js';
import { planReverb } from './reverb.js';
import { removals } from './removals.js';
import { AMBIENCE_WORDS, EFFECT_WORDS, MUSIC_WORDS, SOUND_WORDS } from './vocabulary.js';

export const LOUDNESS_LUFS = LEAD_LUFS;
export const TRUE_PEAK_DB = -1;

const silent = (): Audio => ({ enabled: false, reverb: 'none', beds: [], events: [], music: null, dialogue: [], loudness_lufs: LOUDNESS_LUFS, true_peak_db: TRUE_PEAK_DB });

/** `readings`: the subjects and verbs the action reader found, whose sounds the words alone may not name. */
export function directAudio(input: DirectInput, scene: Scene, shot: Shot, notes: string[], asked?: AskedAt, readings: readonly SubjectVerb[] = []): Audio {
  const text = withoutQuotes(input.prompt);
  if (!input.sound) {
    const asked = [SOUND_WORDS, AMBIENCE_WORDS, EFFECT_WORDS].some((table) => findMentions(text, table, { across: true }).some((m) => !m.negated))
      || musicMentions(text, MUSIC_WORDS).some((m) => !m.negated) || extractQuotes(input.prompt).length > 0;
    notes.push(asked
      ? 'the prompt asks for sound, but sound is off: the clip is silent (no audio stream)'
      : 'sound is off: the clip has no audio stream');
    return silent();
  }
  const removed = removals(text, input.negativePrompt);
  const rng = createRandom(deriveSeed(input.seed, 'direct:audio'));
  const duration = input.duration;
  // the music first (a sung line keeps its key and tempo), its notes after the lines'
  const musicNotes: string[] = [];
  const music = planMusic(text, removed, musicNotes);
  const dialogue = planDialogue(input, scene, removed, notes, asked, music);
  notes.push(...musicNotes);
  const beds = planBeds(text, scene, shot, duration, removed, readings);
  const events = planEvents(text, scene, shot, duration, removed, rng, notes, input.cuts, asked, readings);
  if (music) {
    // music carries the mood; the beds step back a little
    for (const b of beds) b.gain_db -= 4;
  }
  // characters whose face speaks get the line indices (lip-sync reads them)
  dialogue.forEach((line, i) => {
    if (line.face === null) return;
    const character = shot.characters.find((c) => c.face === line.face);
    if (character && !character.speaks.includes(i)) character.speaks.push(i);
  });
  // loudness by what leads: speech or music at −14 LUFS, ambience alone at the scene's own level
  const loudness = planLoudness(beds, events, music, dialogue);
  for (const b of beds) b.gain_db = Math.round((b.gain_db + loudness.bedOffsetDb) * 10) / 10;
  if (!beds.length && !events.length && !music && !dialogue.length) notes.push('nothing is left to hear after the negative prompt: the audio track is silent');
  return {
    enabled: true,
    reverb: planReverb(text, scene, beds.map((b) => b.type)),
    beds, events, music, dialogue,
    loudness_lufs: loudness.lufs,
    true_peak_db: TRUE_PEAK_DB,
  };
}
