/**
 * Room sound by scene: a small Schroeder/Freeverb-style reverb (parallel damped combs on the
 * mono send, then allpass diffusers whose lengths differ per channel for width), one preset per
 * space.
 *
 * @example
 *   const [wetL, wetR] = reverb(sendLeft, sendRight, 'hall', 48000);
 */
export interface ReverbPreset { size: number; feedback: number; damping: number; predelay: number; mix: number }

export const REVERBS: Record<string, ReverbPreset> = {
  none: { size: 0, feedback: 0, damping: 0, predelay: 0, mix: 0 },
  outdoor: { size: 0.35, feedback: 0.45, damping: 0.6, predelay: 0.02, mix: 0.12 },
  room: { size: 0.5, feedback: 0.7, damping: 0.45, predelay: 0.005, mix: 0.2 },
  hall: { size: 1, feedback: 0.84, damping: 0.3, predelay: 0.025, mix: 0.3 },
  cave: { size: 1.3, feedback: 0.88, damping: 0.15, predelay: 0.04, mix: 0.4 },
};

const COMBS = [1116, 1188, 1277, 1356, 1422, 1491];
const ALLPASSES = [556, 441, 341];

/** The comb bank (the room's dense decay), on the mono send. */
function combs(input: Float32Array, p: ReverbPreset, sampleRate: number): Float32Array {
  const n = input.length;
  const scale = (sampleRate / 44100) * p.size;
  const pre = Math.round(p.predelay * sampleRate);
  const out = new Float32Array(n);
  const feedback = p.feedback, damping = p.damping, keep = 1 - p.damping;
  for (const base of COMBS) {
    const len = Math.max(8, Math.round(base * scale));
    const buf = new Float32Array(len);
    let idx = 0, lp = 0;
    for (let i = 0; i < n; i++) {
      const x = i >= pre ? input[i - pre]! : 0;
      const y = buf[idx]!;
      lp = y * keep + lp * damping;
      buf[idx] = x + lp * feedback;
      out[i]! += y;
      if (++idx === len) idx = 0;
    }
  }
  const g = 1 / COMBS.length;
  for (let i = 0; i < n; i++) out[i]! *= g;
  return out;
}

/** The allpass diffusers, with per-channel lengths so left and right decorrelate (the width). */
function diffuse(input: Float32Array, p: ReverbPreset, spread: number, sampleRate: number): Float32Array {
  const n = input.length;
  const scale = (sampleRate / 44100) * Math.max(0.5, p.size);
  const out = input.slice();
  for (const base of ALLPASSES) {
    const len = Math.max(4, Math.round((base + spread) * scale));
    const buf = new Float32Array(len);
    let idx = 0;
    for (let i = 0; i < n; i++) {
      const b = buf[idx]!;
      const x = out[i]!;
      buf[idx] = x + b * 0.5;
      out[i] = b - x;
      if (++idx === len) idx = 0;
    }
  }
  return out;
}

/** The wet signal only (the caller adds it to the dry at the preset's mix). */
export function reverb(left: Float32Array, right: Float32Array, preset: ReverbPreset, sampleRate: number): [Float32Array, Float32Array] {
  // nothing sent until `first`: the tank is silent until then, so start there
  let first = 0;
  while (first < left.length && left[first] === 0 && right[first] === 0) first++;
  const wetL = new Float32Array(left.length), wetR = new Float32Array(left.length);
  if (first < left.length) {
    const mono = new Float32Array(left.length - first);
    for (let i = first; i < left.length; i++) mono[i - first] = (left[i]! + right[i]!) * 0.5;
    const tank = combs(mono, preset, sampleRate);
    wetL.set(diffuse(tank, preset, 0, sampleRate), first);
    wetR.set(diffuse(tank, preset, 37, sampleRate), first);
  }
  return [wetL, wetR];
}
