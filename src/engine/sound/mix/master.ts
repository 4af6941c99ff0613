/**
 * The master stage: a subsonic high-pass, then integrated loudness to the plan's target
 * (BS.1770-4, ./loudness.ts) with the true peak held under the ceiling (./true-peak.ts).
 *
 * Limiting lowers the loudness a little, so the gain is iterated; each iteration is cheap because
 * the K-weighted energy and the true-peak envelope are computed once and scale with the gain
 * (the limiter's slow gain curve weights the energy directly).
 *
 * @example
 *   master(left, right, -14, -1.6) // in place; → { lufs: -14.0 (predicted), truePeakDb: -1.6 }
 */
import { biquad } from '../dsp/biquad.js';
import { dbToGain } from '../dsp/buffer.js';
import { gatedLoudness, kWeightedEnergy } from './loudness.js';
import { limiterGain, truePeak, truePeakEnvelope } from './true-peak.js';

export function master(left: Float32Array, right: Float32Array, targetLufs: number, ceilingDb: number, sampleRate = 48000): { lufs: number; truePeakDb: number } {
  biquad(left, 'highpass', 25, 0.7, sampleRate);
  biquad(right, 'highpass', 25, 0.7, sampleRate);
  const energy = kWeightedEnergy(left, right);
  const raw = gatedLoudness(energy, sampleRate);
  if (!Number.isFinite(raw)) return { lufs: raw, truePeakDb: -Infinity };
  const ceiling = dbToGain(ceilingDb);
  const maxScale = dbToGain(targetLufs - raw + 4);
  const env = truePeakEnvelope(left, right, ceiling / maxScale);
  let gainDb = targetLufs - raw;
  let predicted = raw;
  let envMax = 0;
  for (let i = 0; i < env.length; i++) if (env[i]! > envMax) envMax = env[i]!;
  if (envMax * dbToGain(gainDb) <= ceiling) {
    // quiet enough: a plain gain reaches the target without limiting
    const g = dbToGain(gainDb);
    for (let i = 0; i < left.length; i++) { left[i]! *= g; right[i]! *= g; }
    return { lufs: targetLufs, truePeakDb: 20 * Math.log10(envMax * g) };
  }
  let gain = limiterGain(env, dbToGain(gainDb), ceiling, sampleRate);
  for (let pass = 0; pass < 6; pass++) {
    predicted = gatedLoudness(energy, sampleRate, gain, dbToGain(gainDb));
    if (Math.abs(predicted - targetLufs) < 0.1) break;
    gainDb = Math.min(targetLufs - raw + 4, gainDb + (targetLufs - predicted));
    gain = limiterGain(env, dbToGain(gainDb), ceiling, sampleRate);
  }
  const scale = dbToGain(gainDb);
  for (let i = 0; i < left.length; i++) { const g = gain[i]! * scale; left[i]! *= g; right[i]! *= g; }
  // the gain curve is smooth but not exact between samples: trim any residue over the ceiling
  const tp = truePeak(left, right, ceiling * 0.9);
  if (tp > ceiling) { const g = ceiling / tp; for (let i = 0; i < left.length; i++) { left[i]! *= g; right[i]! *= g; } }
  return { lufs: predicted, truePeakDb: 20 * Math.log10(Math.max(1e-9, Math.max(tp > ceiling ? ceiling : tp, 1e-9))) };
}
