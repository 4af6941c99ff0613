/**
 * The music's instruments as entries of the sound table (a pad, plucks, piano-like chords, a
 * drum kit, a bass), each rendering a few bars in A minor at 90 bpm, so they can be listed,
 * auditioned and tested like every other sound. The music cue itself plays a SoundFont (../music/render-music.ts).
 */
import { renderLayer } from '../music/synth-layers.js';
import type { SoundDef } from './types.js';
import type { SoundId } from '../../plan.js';

const layer = (id: SoundId, name: string, description: string): SoundDef => ({
  id, family: 'music', kind: 'bed', length: 0, description,
  render: (frames, { rng, sampleRate }) => renderLayer(name, frames, rng, sampleRate),
});

export const musicPad = layer('music_pad', 'pad', 'music: a warm synth pad playing the chords');
export const musicPluck = layer('music_pluck', 'pluckArp', 'music: plucked-string arpeggios');
export const musicPiano = layer('music_piano', 'pianoChords', 'music: piano-like chords');
export const musicDrums = layer('music_drums', 'beat', 'music: a drum kit (kick, snare, hats)');
export const musicBass = layer('music_bass', 'bass', 'music: a bass line');
