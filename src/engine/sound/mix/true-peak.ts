/**
 * True peak (BS.1770-4 Annex 2): the signal's peak between samples, estimated by 4× oversampling
 * with a windowed-sinc interpolator; and a look-ahead limiter that keeps that true peak under a
 * ceiling (linked stereo, so the image does not shift).
 *
 * @example
 *   limitTruePeak(left, right, dbToGain(-1.5)); // in place
 *   truePeak(left, right)                       // → ≤ 0.841
 */
const PHASES = 4;
const TAPS = 8; // per phase: ±4 samples around the point (well under 0.2 dB of error; the ceiling keeps 1 dB spare)

// polyphase coefficients for the three in-between points (phase 0 is the sample itself)
const KERNEL: Float32Array[] = [];
for (let p = 1; p < PHASES; p++) {
  const frac = p / PHASES;
  const k = new Float32Array(TAPS);
  for (let t = 0; t < TAPS; t++) {
    const x = t - (TAPS / 2 - 1) - frac; // tap t is sample i − 3 + t; the point is at i + frac
    const sinc = x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    const window = 0.5 + 0.5 * Math.cos((Math.PI * x) / (TAPS / 2 + 1));
    k[t] = sinc * window;
  }
  KERNEL.push(k);
}

// the largest factor an in-between point can exceed its neighbourhood's sample peak by
const KERNEL_GAIN = Math.max(...KERNEL.map((k) => k.reduce((a, v) => a + Math.abs(v), 0)));

/**
 * Per-sample true-peak magnitude over both channels: max |signal| at the sample and the 3 points
 * after it. Points whose 8-sample neighbourhood is too quiet to reach `floor` are not
 * interpolated (their bound is below it), which makes the common case cheap. The window slides
 * through eight locals and the coefficients sit in locals too: this is the hot loop of mastering.
 */
export function truePeakEnvelope(left: Float32Array, right: Float32Array, floor = 0): Float32Array {
  const n = left.length;
  const env = new Float32Array(n);
  const [k1, k2, k3] = KERNEL as [Float32Array, Float32Array, Float32Array];
  const a0 = k1[0]!, a1 = k1[1]!, a2 = k1[2]!, a3 = k1[3]!, a4 = k1[4]!, a5 = k1[5]!, a6 = k1[6]!, a7 = k1[7]!;
  const b0 = k2[0]!, b1 = k2[1]!, b2 = k2[2]!, b3 = k2[3]!, b4 = k2[4]!, b5 = k2[5]!, b6 = k2[6]!, b7 = k2[7]!;
  const c0 = k3[0]!, c1 = k3[1]!, c2 = k3[2]!, c3 = k3[3]!, c4 = k3[4]!, c5 = k3[5]!, c6 = k3[6]!, c7 = k3[7]!;
  const threshold = floor / KERNEL_GAIN;
  for (const ch of [left, right]) {
    // window x0 … x7 = ch[i - 3 … i + 4] (zeros beyond the ends)
    let x0 = 0, x1 = 0, x2 = 0, x3 = n > 0 ? ch[0]! : 0, x4 = n > 1 ? ch[1]! : 0, x5 = n > 2 ? ch[2]! : 0, x6 = n > 3 ? ch[3]! : 0, x7 = n > 4 ? ch[4]! : 0;
    for (let i = 0; i < n; i++) {
      let m = x3 < 0 ? -x3 : x3;
      let local = m;
      const q0 = x0 < 0 ? -x0 : x0, q1 = x1 < 0 ? -x1 : x1, q2 = x2 < 0 ? -x2 : x2, q4 = x4 < 0 ? -x4 : x4, q5 = x5 < 0 ? -x5 : x5, q6 = x6 < 0 ? -x6 : x6, q7 = x7 < 0 ? -x7 : x7;
      if (q0 > local) local = q0; if (q1 > local) local = q1; if (q2 > local) local = q2; if (q4 > local) local = q4;
      if (q5 > local) local = q5; if (q6 > local) local = q6; if (q7 > local) local = q7;
      if (local >= threshold) {
        let s = a0 * x0 + a1 * x1 + a2 * x2 + a3 * x3 + a4 * x4 + a5 * x5 + a6 * x6 + a7 * x7;
        if (s < 0) s = -s; if (s > m) m = s;
        s = b0 * x0 + b1 * x1 + b2 * x2 + b3 * x3 + b4 * x4 + b5 * x5 + b6 * x6 + b7 * x7;
        if (s < 0) s = -s; if (s > m) m = s;
        s = c0 * x0 + c1 * x1 + c2 * x2 + c3 * x3 + c4 * x4 + c5 * x5 + c6 * x6 + c7 * x7;
        if (s < 0) s = -s; if (s > m) m = s;
      }
      if (m > env[i]!) env[i] = m;
      x0 = x1; x1 = x2; x2 = x3; x3 = x4; x4 = x5; x5 = x6; x6 = x7;
      x7 = i + 5 < n ? ch[i + 5]! : 0;
    }
  }
  return env;
}

/** The true peak (linear); points that cannot reach `floor` are not interpolated. */
export function truePeak(left: Float32Array, right: Float32Array, floor = 0): number {
  const env = truePeakEnvelope(left, right, floor);
  let m = 0;
  for (let i = 0; i < env.length; i++) if (env[i]! > m) m = env[i]!;
  return m;
}

/**
 * The gain curve that keeps `scale × signal` under `ceiling`, from its true-peak envelope: the
 * needed gain, its minimum over ±1 ms (look ahead and behind), averaged over 1 ms (a smooth
 * attack that still reaches the minimum at the peak), and an 80 ms release.
 */
export function limiterGain(env: Float32Array, scale: number, ceiling: number, sampleRate = 48000): Float32Array {
  const n = env.length;
  const need = new Float32Array(n);
  for (let i = 0; i < n; i++) { const p = env[i]! * scale; need[i] = p > ceiling ? ceiling / p : 1; }
  const L = Math.round(0.001 * sampleRate);
  // sliding minimum over [i-L, i+L] (monotonic deque)
  const minimum = new Float32Array(n);
  const dq = new Int32Array(n);
  let head = 0, tail = 0;
  for (let j = 0; j < n + L; j++) {
    if (j < n) {
      while (tail > head && need[dq[tail - 1]!]! >= need[j]!) tail--;
      dq[tail++] = j;
    }
    const i = j - L;
    if (i >= 0) {
      while (dq[head]! < i - L) head++;
      minimum[i] = need[dq[head]!]!;
    }
  }
  // moving average over ±L/2: every value averaged is ≤ need[i], so the average is too
  const half = Math.floor(L / 2);
  const gain = new Float32Array(n);
  let sum = 0;
  for (let i = -half; i <= half; i++) sum += minimum[Math.min(n - 1, Math.max(0, i))]!;
  for (let i = 0; i < n; i++) {
    gain[i] = sum / (2 * half + 1);
    sum += minimum[Math.min(n - 1, i + half + 1)]! - minimum[Math.max(0, i - half)]!;
  }
  const release = 1 - Math.exp(-1 / (0.08 * sampleRate));
  let g = 1;
  for (let i = 0; i < n; i++) {
    g = Math.min(gain[i]!, g + (1 - g) * release);
    gain[i] = g;
  }
  return gain;
}

/** Limits in place so the true peak stays under `ceiling` (linked stereo). */
export function limitTruePeak(left: Float32Array, right: Float32Array, ceiling: number, sampleRate = 48000): void {
  const gain = limiterGain(truePeakEnvelope(left, right, ceiling), 1, ceiling, sampleRate);
  for (let i = 0; i < left.length; i++) { left[i]! *= gain[i]!; right[i]! *= gain[i]!; }
}
