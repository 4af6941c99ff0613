/**
 * Mouth openness from speech. `voiceEnvelope` measures a line's rendered voice (RMS per video
 * frame, placed at the line's start, normalised to its loud frames, with a fast attack and a
 * slightly slower release like a jaw); `pseudoEnvelope` stands in when there is no rendered voice
 * (sound off, or a plan rendered without its soundtrack): syllables at ~4–6 per second, seeded.
 *
 * @example
 *   addVoiceEnvelope(mouth, voice.samples, voice.start, 48000, 24, rng)
 */
import type { Random } from '../../util/random.js';

export function addVoiceEnvelope(track: Float32Array, samples: Float32Array, startSample: number, sampleRate: number, fps: number, rng: Random): void {
  const per = sampleRate / fps;
  const frames = track.length;
  const rms = new Float32Array(frames);
  for (let f = 0; f < frames; f++) {
    const a = Math.round(f * per) - startSample, b = Math.round((f + 1) * per) - startSample;
    if (b <= 0 || a >= samples.length) continue;
    let s = 0, n = 0;
    for (let k = Math.max(0, a); k < Math.min(samples.length, b); k++) { s += samples[k]! * samples[k]!; n++; }
    rms[f] = n ? Math.sqrt(s / n) : 0;
  }
  const loud = [...rms].filter((v) => v > 0).sort((x, y) => x - y);
  const ref = loud.length ? loud[Math.floor(loud.length * 0.9)]! : 0;
  if (!(ref > 0)) return;
  const level = new Float32Array(frames);
  let l = 0;
  for (let f = 0; f < frames; f++) {
    const target = Math.min(1, Math.pow(rms[f]! / ref, 0.8));
    l = target > l ? target : l * 0.45 + target * 0.55;
    level[f] = l < 0.04 ? 0 : l;
  }
  // articulation: the lips change shape from frame to frame by an amount that scales with the
  // voice (no phoneme timing from the engines yet), so a loud phrase keeps them busy and a quiet
  // one barely moves them
  for (let f = 0; f < frames; f++) {
    const shape = rng.range(0.45, 1);
    // the lips close with the last sound of a phrase, not a frame after it
    const v = f + 1 < frames ? Math.min(level[f]!, Math.max(level[f + 1]!, 0.5 * level[f]!)) : level[f]!;
    track[f] = Math.max(track[f]!, v * shape);
  }
}

export function addPseudoEnvelope(track: Float32Array, start: number, end: number, fps: number, rng: Random, level = 1): void {
  let t = start;
  while (t < end) {
    const syllable = rng.range(0.14, 0.26);
    const peak = level * rng.range(0.45, 1);
    for (let f = Math.max(0, Math.ceil(t * fps)); f < Math.min(track.length, (t + syllable) * fps); f++) {
      const u = (f / fps - t) / syllable;
      track[f] = Math.max(track[f]!, peak * Math.sin(Math.PI * u));
    }
    t += syllable + (rng.next() < 0.2 ? rng.range(0.08, 0.2) : 0.02);
  }
}
