/**
 * sound: renders a ShotPlan's soundtrack (DESIGN.md §1): ambience beds, timed effects, music (our
 * composer on a General MIDI SoundFont) and speech, spatialised (pan, width, reverb by scene),
 * speech-ducked (by at most 10 dB, with a carve in the voice's band) and mastered to the plan's
 * loudness under its true-peak ceiling. The loudness is the director's: −14 LUFS when speech or
 * music leads, the scene's own level for ambience alone (DESIGN.md §4's single −14 LUFS is now
 * this rule; src/engine/direct/audio/loudness.ts). The renderer reads only the plan (and the
 * Scene for where faces are); it never looks at the prompt.
 *
 * @example
 *   const { samples } = await renderSound(plan, scene); // interleaved stereo, 48 kHz
 *   samples.length === 2 * Math.round(plan.duration * 48000)
 */
import type { ShotPlan } from '../plan.js';
import type { Scene } from '../scene.js';
import { createRandom, deriveSeed } from '../util/random.js';
import { biquad } from './dsp/biquad.js';
import { dbToGain, normalizeRms } from './dsp/buffer.js';
import { integratedLoudness } from './mix/loudness.js';
import { master } from './mix/master.js';
import { mixMono } from './mix/pan.js';
import { REVERBS, reverb } from './mix/reverb.js';
import { renderMusic } from './music/render-music.js';
import { hearThrough } from './music/music-source.js';
import { soundFontReady } from './music/soundfont.js';
import { SAMPLE_RATE } from './sample-rate.js';
import { SOUNDS } from './sounds/table.js';
import { num } from './sounds/types.js';
import { loadFlite } from './speech/flite.js';
import { speakLine } from './speech/speak-line.js';

export { SAMPLE_RATE } from './sample-rate.js';
export { listVoices } from './speech/voices.js';
export { listSounds } from './sounds/table.js';

export interface Soundtrack {
  sampleRate: typeof SAMPLE_RATE;
  /** interleaved stereo float samples in [-1, 1], exactly duration × 48000 frames */
  samples: Float32Array;
  /** milliseconds per stage (beds, events, music, speech, mix: ducking, reverb and mastering) */
  timings?: SoundTimings;
  /** each spoken line's dry voice (mono, before reverb and mastering), placed at `start` samples: lip-sync reads it */
  voices?: Array<{ line: number; start: number; samples: Float32Array }>;
}

export interface SoundTimings { beds: number; events: number; music: number; speech: number; mix: number; total: number }

/**
 * Loads Flite (the English voices) and parses the music's SoundFont once, so the first request
 * does not pay for them (its samples decode as they are first played: music/soundfont.ts). eSpeak
 * (the other languages) loads on its first line instead: its memory (about 100 MB) would stay with
 * every process that never speaks anything but English.
 */
export async function warmUpSound(): Promise<void> {
  await Promise.all([loadFlite(), soundFontReady()]);
}

/**
 * How far under speech the beds and the music go, and how fast: a dip of ~10 dB (with the carve
 * below, about 14 LU as measured), in before the first word and back within 0.25 s after the last.
 * The release is fast at first (three quarters of the dip gone in 0.13 s), then settles: a slow
 * release from that depth left a hole of 8–11 LU in the 400 ms after a line (the ear's momentary
 * window), since the voice's own last syllable is already fading under the still-deep duck.
 */
const DUCK_DB = -10;
const DUCK_ATTACK = 0.12;
const DUCK_RELEASE = 0.25;
/** The voice-band carve under speech: a wide dip centred on the consonants. */
const CARVE_HZ = 2000;
const CARVE_DB = -12;
/** The true-peak ceiling we limit to: under the plan's −1 dBTP with room for the AAC encoder's overshoot. */
const CODEC_MARGIN_DB = 1;
/** The loudness every bed is brought to before its gain_db (a voice at RMS 0.1 measures about this). */
const BED_LUFS = -18;
/** How much of the voice goes to the reverb: a touch of the space, never enough to blur consonants. */
const VOICE_SEND = 0.15;

export async function renderSound(plan: ShotPlan, scene: Pick<Scene, 'faces'>): Promise<Soundtrack> {
  const sr = SAMPLE_RATE;
  const frames = Math.round(plan.duration * sr);
  const at = (t: number) => Math.max(0, Math.min(frames, Math.round(t * sr)));
  const samples = new Float32Array(frames * 2);
  const audio = plan.audio;
  const timings: SoundTimings = { beds: 0, events: 0, music: 0, speech: 0, mix: 0, total: 0 };
  const started = performance.now();
  let mark = started;
  const lap = (stage: keyof SoundTimings) => { const now = performance.now(); timings[stage] = Math.round(now - mark); mark = now; };
  if (!audio.enabled) return { sampleRate: sr, samples, timings };

  const ambL = new Float32Array(frames), ambR = new Float32Array(frames); // ducked under speech
  const fxL = new Float32Array(frames), fxR = new Float32Array(frames); // effects, sent to reverb
  const voL = new Float32Array(frames), voR = new Float32Array(frames);

  audio.beds.forEach((bed, i) => {
    const def = SOUNDS.get(bed.type);
    const start = at(bed.start), end = Math.max(start, at(bed.end));
    if (!def || end - start < 16) return;
    const rng = createRandom(deriveSeed(plan.seed, `bed:${i}:${bed.type}`));
    const intensity = typeof bed.params.intensity === 'number' ? bed.params.intensity : 0.5;
    const src = def.render(end - start, { rng, sampleRate: sr, intensity, params: bed.params });
    // every bed at one perceived level (K-weighted, as the master measures) so its gain_db means the
    // same for a bass-heavy rumble as for bright rain
    const level = integratedLoudness(src, src, sr);
    if (Number.isFinite(level)) { const g = dbToGain(BED_LUFS - level); for (let k = 0; k < src.length; k++) src[k]! *= g; }
    // fade in/out where the bed does not run to the clip's edge
    const fadeIn = start === 0 ? Math.round(0.02 * sr) : Math.round(0.5 * sr);
    const fadeOut = end === frames ? Math.round(0.02 * sr) : Math.round(0.5 * sr);
    for (let k = 0; k < Math.min(fadeIn, src.length); k++) src[k]! *= k / fadeIn;
    for (let k = 0; k < Math.min(fadeOut, src.length); k++) src[src.length - 1 - k]! *= k / fadeOut;
    mixMono(ambL, ambR, src, start, dbToGain(bed.gain_db), bed.pan, Math.round(0.011 * sr));
  });
  lap('beds');

  audio.events.forEach((event, i) => {
    const def = SOUNDS.get(event.type);
    const start = at(event.t);
    if (!def || start >= frames) return;
    // (a sound that repeats within itself lasts its count of repeats, plus its last one's ring)
    const repeats = def.counted ? num(event.params, 'count', def.counted) : 0;
    const length = typeof event.params.length === 'number' ? event.params.length : def.counted ? def.length * repeats + 0.3 : def.length || 1;
    const rng = createRandom(deriveSeed(plan.seed, `event:${i}:${event.type}`));
    const intensity = typeof event.params.intensity === 'number' ? event.params.intensity : 0.5;
    const src = def.render(Math.min(frames - start, Math.round(length * sr)), { rng, sampleRate: sr, intensity, params: event.params });
    const fade = Math.min(src.length, Math.round(0.03 * sr));
    if (start + src.length >= frames) for (let k = 0; k < fade; k++) src[src.length - 1 - k]! *= k / fade;
    mixMono(fxL, fxR, src, start, dbToGain(event.gain_db), event.pan);
  });
  lap('events');

  const speaking: Array<[number, number]> = [];
  const voices: NonNullable<Soundtrack['voices']> = [];
  for (const [i, line] of audio.dialogue.entries()) {
    // a line a speech engine fails on is left out: the clip is still made (never a crash)
    const dry = await speakLine(line, createRandom(deriveSeed(plan.seed, `line:${i}`)), audio.music).catch(() => null);
    if (!dry) continue;
    const start = at(line.start);
    const room = Math.max(0, Math.min(frames, at(line.end > line.start ? line.end : plan.duration)) - start);
    // dialogue EQ: no rumble, a little presence (the 2–4 kHz consonants carry intelligibility)
    biquad(dry, 'highpass', 90, 0.7, sr);
    biquad(dry, 'peaking', 3000, 1, sr, 3);
    let voice = normalizeRms(dry, 0.1);
    if (voice.length > room) {
      // the line runs past its slot: cut with a short fade (the director noted it)
      voice = voice.slice(0, room);
      const fade = Math.min(room, Math.round(0.08 * sr));
      for (let k = 0; k < fade; k++) voice[room - 1 - k]! *= k / fade;
    }
    const face = line.face !== null ? scene.faces[line.face] : undefined;
    const pan = face ? Math.max(-0.5, Math.min(0.5, (face.box.x + face.box.w / 2 - 0.5) * 0.8)) : 0;
    mixMono(voL, voR, voice, start, 1, pan);
    voices.push({ line: i, start, samples: voice });
    // the beds stay down while the voice sounds, and come back after it (not the planned slot's end)
    speaking.push([start, Math.min(frames, start + voice.length)]);
  }

  lap('speech');

  // the music after the speech: its melody rests where the voices sound
  if (audio.music) {
    const cuts = plan.shots.slice(1).map((shot) => shot.start);
    const lines = speaking.map(([a, b]) => [a / sr, b / sr] as const);
    const [musicL, musicR] = await renderMusic(audio.music, frames, createRandom(deriveSeed(plan.seed, 'music')), sr, cuts, lines);
    // a radio or record player in the scene: heard through it
    if (audio.music.source) hearThrough(audio.music.source, musicL, musicR, createRandom(deriveSeed(plan.seed, 'music-source')), sr);
    const g = dbToGain(audio.music.gain_db);
    for (let i = 0; i < frames; i++) { ambL[i]! += musicL[i]! * g; ambR[i]! += musicR[i]! * g; }
  }
  lap('music');

  // ducking: the beds and music dip under every spoken line, with smooth ramps
  if (speaking.length) {
    const duck = new Float32Array(frames).fill(1);
    const low = dbToGain(DUCK_DB);
    const attack = Math.round(DUCK_ATTACK * sr), release = Math.round(DUCK_RELEASE * sr);
    const smooth = (x: number) => x * x * (3 - 2 * x);
    const fastOut = (x: number) => (1 - x) * (1 - x);
    for (const [s, e] of speaking) {
      for (let i = Math.max(0, s - attack); i < Math.min(frames, e + release); i++) {
        const depth = i < s ? smooth((i - (s - attack)) / attack) : i >= e ? fastOut((i - e) / release) : 1;
        duck[i] = Math.min(duck[i]!, 1 - (1 - low) * depth);
      }
    }
    // and, as deep as the duck, a carve in the voice's band (the consonants' 1–4 kHz): the beds
    // and music keep their body and their level between lines, the words keep their clarity
    const carvedL = biquad(ambL.slice(), 'peaking', CARVE_HZ, 0.5, sr, CARVE_DB);
    const carvedR = biquad(ambR.slice(), 'peaking', CARVE_HZ, 0.5, sr, CARVE_DB);
    for (let i = 0; i < frames; i++) {
      const d = (1 - duck[i]!) / (1 - low);
      ambL[i] = (ambL[i]! * (1 - d) + carvedL[i]! * d) * duck[i]!;
      ambR[i] = (ambR[i]! * (1 - d) + carvedR[i]! * d) * duck[i]!;
    }
  }

  // reverb by scene: effects fully, the voice lightly (intelligibility first)
  const preset = REVERBS[audio.reverb] ?? REVERBS.none!;
  const left = new Float32Array(frames), right = new Float32Array(frames);
  if (preset.mix > 0) {
    const sendL = new Float32Array(frames), sendR = new Float32Array(frames);
    for (let i = 0; i < frames; i++) { sendL[i] = fxL[i]! + voL[i]! * VOICE_SEND; sendR[i] = fxR[i]! + voR[i]! * VOICE_SEND; }
    const [wetL, wetR] = reverb(sendL, sendR, preset, sr);
    for (let i = 0; i < frames; i++) { left[i] = wetL[i]! * preset.mix; right[i] = wetR[i]! * preset.mix; }
  }
  for (let i = 0; i < frames; i++) {
    left[i]! += ambL[i]! + fxL[i]! + voL[i]!;
    right[i]! += ambR[i]! + fxR[i]! + voR[i]!;
  }

  master(left, right, audio.loudness_lufs, audio.true_peak_db - CODEC_MARGIN_DB, sr);
  for (let i = 0; i < frames; i++) { samples[2 * i] = left[i]!; samples[2 * i + 1] = right[i]!; }
  lap('mix');
  timings.total = Math.round(performance.now() - started);
  return { sampleRate: sr, samples, timings, voices };
}
