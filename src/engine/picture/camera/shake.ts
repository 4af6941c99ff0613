/**
 * Handheld shake: smooth seeded noise (a few incommensurate sines with random phases) added to
 * pan, tilt and roll. It eases in over the first 0.6 s so frame 0 stays the untouched input.
 *
 * @example const s = createShake(deriveSeed(plan.seed, 'shake')); s(1.2, 0.004, 1.5) // → { pan, tilt, roll }
 */
import { createRandom } from '../../util/random.js';

export interface ShakeOffset { pan: number; tilt: number; roll: number }

const RATIOS = [1, 1.73, 0.47, 2.91];
const WEIGHTS = [0.55, 0.28, 0.35, 0.12];

export function createShake(seed: number): (t: number, amplitude: number, frequency: number) => ShakeOffset {
  const rng = createRandom(seed);
  const phases = Array.from({ length: 3 }, () => RATIOS.map(() => rng.next() * Math.PI * 2));
  const wobble = (axis: number, t: number, f: number) => {
    let v = 0;
    for (let i = 0; i < RATIOS.length; i++) v += WEIGHTS[i]! * Math.sin(2 * Math.PI * f * RATIOS[i]! * t + phases[axis]![i]!);
    return v;
  };
  return (t, amplitude, frequency) => {
    if (amplitude <= 0) return { pan: 0, tilt: 0, roll: 0 };
    const x = Math.min(1, t / 0.6);
    const env = x * x * (3 - 2 * x);
    const f = frequency > 0 ? frequency : 1.2;
    return {
      pan: amplitude * env * wobble(0, t, f),
      // tilt in frame-height fractions: same on-screen size as the pan's width fraction at 16:9
      tilt: amplitude * 1.6 * env * wobble(1, t, f),
      roll: amplitude * 60 * env * wobble(2, t, f * 0.8),
    };
  };
}
