/**
 * A two-pole resonator whose centre frequency may move every sample: the formant filter of
 * voices and animal calls (Klatt-style: a resonance of centre f and bandwidth bw, unity gain at f).
 *
 * @example
 *   resonate(pulses, (i) => 800 + 400 * i / pulses.length, 120, 48000) // an /a/ → /æ/ glide
 */
export function resonate(src: Float32Array, freq: number | ((i: number) => number), bandwidth: number, sampleRate: number): Float32Array {
  const out = new Float32Array(src.length);
  const r = Math.exp((-Math.PI * bandwidth) / sampleRate);
  let y1 = 0, y2 = 0;
  const fixed = typeof freq === 'number';
  let a1 = fixed ? 2 * r * Math.cos((2 * Math.PI * freq) / sampleRate) : 0;
  const a2 = -r * r;
  const g = 1 - r; // approximate unity peak gain
  for (let i = 0; i < src.length; i++) {
    if (!fixed && (i & 15) === 0) a1 = 2 * r * Math.cos((2 * Math.PI * Math.min(sampleRate * 0.45, (freq as (i: number) => number)(i))) / sampleRate);
    const y = g * src[i]! + a1 * y1 + a2 * y2;
    y2 = y1; y1 = y;
    out[i] = y;
  }
  return out;
}

/** Parallel formants: the source through each resonance, summed with its weight. */
export function formants(src: Float32Array, bank: ReadonlyArray<{ f: number | ((i: number) => number); bw: number; gain: number }>, sampleRate: number): Float32Array {
  const out = new Float32Array(src.length);
  for (const { f, bw, gain } of bank) {
    const y = resonate(src, f, bw, sampleRate);
    for (let i = 0; i < out.length; i++) out[i]! += y[i]! * gain;
  }
  return out;
}

/**
 * A glottal-like pulse train (Rosenberg-ish, rich in harmonics, −12 dB/octave) following an f0
 * curve in Hz, with a little jitter; `breath` mixes aspiration noise in (0 … 1).
 */
export function pulseTrain(frames: number, f0: (i: number) => number, sampleRate: number, next: () => number, breath = 0, noise?: { table: Float32Array; offset: number }): Float32Array {
  const out = new Float32Array(frames);
  const table = noise?.table, offset = noise?.offset ?? 0;
  let phase = 0, jitter = 1, f = f0(0);
  for (let i = 0; i < frames; i++) {
    if ((i & 31) === 0) f = f0(i);
    phase += (f * jitter) / sampleRate;
    // a new period: a new small pitch jitter (the voice is never a perfect oscillator)
    if (phase >= 1) { phase -= 1; jitter = 1 + (next() - 0.5) * 0.02; }
    // open phase: a rising-falling lobe over 60 % of the period, closed the rest
    const x = phase < 0.6 ? Math.sin((Math.PI * phase) / 0.6) : 0;
    out[i] = x * x - 0.3 + (breath > 0 ? breath * (table ? table[(offset + i) % table.length]! : next() * 2 - 1) : 0);
  }
  return out;
}
