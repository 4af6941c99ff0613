/**
 * Renders the plan's music cue: the composer's notes (./compose.ts) for the plan's genre
 * (./genres.ts), played offline by a SoundFont synthesizer (spessasynth_core) on the General MIDI
 * SoundFont (./soundfont.ts), at the mix's 48 kHz directly. Stereo, normalised to RMS 0.1 like a
 * bed (the plan's gain_db is relative to that), with a safety fade over the last 0.36 s (silent for the last 60 ms) — the
 * composer has already released the last chord in time.
 *
 * @example
 *   const [left, right] = await renderMusic({ mood: 'calm', style: 'piano', bpm: 72, key: 'C major', gain_db: -20 }, 240000, rng, 48000)
 */
import type { Music } from '../../plan.js';
import type { Random } from '../../util/random.js';
import { CHANNELS, compose } from './compose.js';
import { GENRES, genreOf } from './genres.js';
import { soundFontReady, synthModule } from './soundfont.js';

const BLOCK = 128;
/** Where each part sits: pan (MIDI 0–127, 64 centre), reverb send. */
const MIX: Record<keyof typeof CHANNELS, { pan: number; reverb: number; volume: number }> = {
  chords: { pan: 50, reverb: 50, volume: 100 },
  bass: { pan: 64, reverb: 15, volume: 100 },
  melody: { pan: 78, reverb: 55, volume: 96 },
  pad: { pan: 84, reverb: 70, volume: 90 },
  drums: { pan: 64, reverb: 30, volume: 100 },
};

/**
 * `cuts`: the plan's cut points (s), which the composer lands chord spans on; `lines`: where speech
 * sounds ([start, end] s), which its melody rests under (./compose.ts).
 */
export async function renderMusic(music: Music, frames: number, rng: Random, sampleRate: number, cuts: readonly number[] = [], lines: ReadonlyArray<readonly [number, number]> = []): Promise<[Float32Array, Float32Array]> {
  const genre = genreOf(music.style) ?? GENRES.ambient;
  const cue = compose(genre, { key: music.key, bpm: music.bpm, duration: frames / sampleRate, cuts, lines }, rng);
  const bank = await soundFontReady();
  const { SpessaSynthProcessor } = await synthModule();
  const synth = new SpessaSynthProcessor(sampleRate, { effectsEnabled: false, maxBufferSize: BLOCK, eventsEnabled: false });
  synth.soundBankManager.addSoundBank(bank, 'gm');
  await synth.processorInitialized;
  for (const [role, ch] of Object.entries(CHANNELS) as Array<[keyof typeof CHANNELS, number]>) {
    const part = role === 'drums' ? null : genre.parts[role];
    if (role !== 'drums' && !part) continue;
    synth.controllerChange(ch, 0, role === 'drums' ? 0 : part!.bank ?? 0);
    synth.programChange(ch, role === 'drums' ? genre.kit : part!.program);
    synth.controllerChange(ch, 7, MIX[role].volume);
    synth.controllerChange(ch, 10, MIX[role].pan);
    synth.controllerChange(ch, 91, MIX[role].reverb);
    synth.controllerChange(ch, 93, role === 'pad' || role === 'chords' ? 30 : 0);
  }
  // note-ons and note-offs on one timeline, in samples
  const events: Array<{ at: number; on: boolean; ch: number; note: number; vel: number }> = [];
  for (const n of cue.notes) {
    const on = Math.round(n.t * sampleRate);
    if (on >= frames) continue;
    events.push({ at: on, on: true, ch: n.ch, note: n.note, vel: n.vel });
    if (n.ch !== CHANNELS.drums) events.push({ at: Math.round((n.t + n.dur) * sampleRate), on: false, ch: n.ch, note: n.note, vel: 0 });
  }
  events.sort((a, b) => a.at - b.at || Number(a.on) - Number(b.on));
  const left = new Float32Array(frames), right = new Float32Array(frames);
  let next = 0;
  for (let i = 0; i < frames;) {
    while (next < events.length && events[next]!.at <= i) {
      const e = events[next++]!;
      if (e.on) synth.noteOn(e.ch, e.note, e.vel); else synth.noteOff(e.ch, e.note);
    }
    const until = next < events.length ? Math.max(i + 1, Math.min(frames, events[next]!.at)) : frames;
    const n = Math.min(BLOCK, until - i);
    synth.process(left, right, i, n);
    i += n;
  }
  let energy = 0;
  for (let i = 0; i < frames; i++) energy += left[i]! * left[i]! + right[i]! * right[i]!;
  const rms = Math.sqrt(energy / (2 * Math.max(1, frames)));
  const gain = rms > 1e-6 ? 0.1 / rms : 0;
  // the safety fade reaches silence a few milliseconds before the last frame
  const fade = Math.min(frames, Math.round(0.3 * sampleRate)), end = frames - Math.round(0.06 * sampleRate);
  for (let i = 0; i < frames; i++) {
    const g = gain * Math.max(0, Math.min(1, (end - i) / fade));
    left[i]! *= g; right[i]! *= g;
  }
  return [left, right];
}
