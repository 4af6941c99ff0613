/**
 * The fur an animal's eye sits in, as a test of raster pixels: the lid above the eye is drawn from
 * it. A colour silhouette that took the background too (an animal filling its salient region) has
 * no outline near the head; the colour leaving the fur does.
 *
 * @example
 *   const inFur = furAround(silhouette, rgb, eye, width / height); inFur(y * silhouette.width + x) // → true on the fur
 */
import type { AnimalEye } from './eyes.js';
import type { Silhouette } from './silhouette.js';

/**
 * The fur round an eye: a raster pixel whose colour — its luma and its chromaticity, weighted
 * three times (fur and a dim background are often alike in brightness, rarely in hue) — lies
 * within two and a half times the median spread of a ring two to three eye radii round it (at
 * least 0.12).
 */
export function furAround(s: Silhouette, rgb: Uint8Array, eye: AnimalEye, aspect: number): (i: number) => boolean {
  const colour = (i: number): [number, number, number] => {
    const r = rgb[3 * i]! / 255, g = rgb[3 * i + 1]! / 255, b = rgb[3 * i + 2]! / 255, sum = r + g + b + 0.05;
    return [0.299 * r + 0.587 * g + 0.114 * b, 3 * (r / sum - 1 / 3), 3 * (g / sum - 1 / 3)];
  };
  const cx = eye.x * s.width, cy = eye.y * s.height, r = Math.max(1, eye.r * s.width), ry = Math.max(1, eye.r * aspect * s.height);
  const ring: Array<[number, number, number]> = [];
  for (let k = 0; k < 24; k++) for (const f of [2, 2.5, 3]) {
    const a = (2 * Math.PI * k) / 24;
    const x = Math.round(cx + f * r * Math.cos(a)), y = Math.round(cy + f * ry * Math.sin(a));
    if (x >= 0 && y >= 0 && x < s.width && y < s.height) ring.push(colour(y * s.width + x));
  }
  if (!ring.length) return () => true;
  const mean = [0, 1, 2].map((c) => ring.reduce((t, p) => t + p[c]!, 0) / ring.length);
  const dist = (p: readonly number[]) => Math.hypot(p[0]! - mean[0]!, p[1]! - mean[1]!, p[2]! - mean[2]!);
  // the ring's typical spread, not its outliers (a pale eye-ring, a whisker)
  const spread = ring.map(dist).sort((p, q) => p - q)[ring.length >> 1]!;
  const tolerance = Math.max(0.12, 2.5 * spread);
  return (i) => dist(colour(i)) < tolerance;
}
