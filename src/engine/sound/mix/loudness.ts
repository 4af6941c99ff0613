/**
 * Integrated loudness per ITU-R BS.1770-4 (EBU R128): K-weighting (the standard's 48 kHz
 * coefficients), 400 ms blocks every 100 ms, an absolute gate at −70 LUFS and a relative gate
 * 10 LU below the ungated mean.
 *
 * @example
 *   integratedLoudness(left, right) // → −14.02 (LUFS)
 */
import { applyBiquad } from '../dsp/biquad.js';

// BS.1770-4 Table 1 and 2 (fs = 48 kHz): the head's high shelf, then the RLB high-pass
const SHELF = { b0: 1.53512485958697, b1: -2.69169618940638, b2: 1.19839281085285, a1: -1.69065929318241, a2: 0.73248077421585 };
const HIGHPASS = { b0: 1, b1: -2, b2: 1, a1: -1.99004745483398, a2: 0.99007225036621 };

/** Per-sample K-weighted energy summed over both channels (what the blocks average). */
export function kWeightedEnergy(left: Float32Array, right: Float32Array): Float32Array {
  const energy = new Float32Array(left.length);
  for (const channel of [left, right]) {
    const k = applyBiquad(applyBiquad(channel.slice(), SHELF), HIGHPASS);
    for (let i = 0; i < k.length; i++) energy[i]! += k[i]! * k[i]!;
  }
  return energy;
}

/**
 * Gated loudness of a K-weighted energy signal, optionally under a per-sample gain (its square
 * weights the energy: the master uses it to predict a limiter's effect without re-filtering).
 */
export function gatedLoudness(energy: Float32Array, sampleRate = 48000, gain: Float32Array | null = null, scale = 1): number {
  const block = Math.round(0.4 * sampleRate);
  const hop = Math.round(0.1 * sampleRate);
  const n = energy.length;
  if (n < block) return -Infinity;
  const hops = Math.floor(n / hop);
  const hopSum = new Float64Array(hops);
  const s2 = scale * scale;
  for (let h = 0; h < hops; h++) {
    let s = 0;
    const end = (h + 1) * hop;
    if (gain) for (let i = h * hop; i < end; i++) s += energy[i]! * gain[i]! * gain[i]!;
    else for (let i = h * hop; i < end; i++) s += energy[i]!;
    hopSum[h] = s * s2;
  }
  const blocks = Math.floor((n - block) / hop) + 1;
  const z = new Float64Array(blocks);
  for (let b = 0; b < blocks; b++) z[b] = (hopSum[b]! + hopSum[b + 1]! + hopSum[b + 2]! + hopSum[b + 3]!) / block;
  const lufs = (v: number) => -0.691 + 10 * Math.log10(v);
  const mean = (threshold: number) => {
    let s = 0, c = 0;
    for (const v of z) if (lufs(v) > threshold) { s += v; c++; }
    return c ? s / c : 0;
  };
  const ungated = mean(-70);
  if (ungated === 0) return -Infinity;
  const gated = mean(Math.max(-70, lufs(ungated) - 10));
  return gated > 0 ? lufs(gated) : -Infinity;
}

export function integratedLoudness(left: Float32Array, right: Float32Array, sampleRate = 48000): number {
  return gatedLoudness(kWeightedEnergy(left, right), sampleRate);
}
