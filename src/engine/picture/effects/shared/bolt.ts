/**
 * A lightning bolt's shape: a jagged main channel from the top of the sky down toward the horizon
 * (recursive midpoint displacement), with a few forks that branch off it and split again, all
 * kept inside the sky (a branch stops where the sky ends). Made once per flash from the effect's
 * seeded random, in output pixels, so every worker draws the same bolt.
 *
 * @example const b = makeBolt(rng, skyAt, 1920, 1080); b.paths[0] // main channel, b.paths[1…] forks
 */
import type { Random } from '../../../util/random.js';

export interface BoltPath {
  /** x0, y0, x1, y1, … in output px */
  points: number[];
  /** 1 for the main channel, less for forks */
  weight: number;
}

export interface Bolt { paths: BoltPath[] }

/** Midpoint displacement: the polyline between a and b, jagged by `rough` × segment length. */
function jag(rng: Random, ax: number, ay: number, bx: number, by: number, depth: number, rough: number): number[] {
  let pts = [ax, ay, bx, by];
  for (let d = 0; d < depth; d++) {
    const next: number[] = [pts[0]!, pts[1]!];
    for (let i = 0; i + 3 < pts.length; i += 2) {
      const x0 = pts[i]!, y0 = pts[i + 1]!, x1 = pts[i + 2]!, y1 = pts[i + 3]!;
      const len = Math.hypot(x1 - x0, y1 - y0);
      const off = rng.range(-1, 1) * rough * len;
      // displaced across the segment
      next.push((x0 + x1) / 2 + (-(y1 - y0) / (len || 1)) * off, (y0 + y1) / 2 + ((x1 - x0) / (len || 1)) * off, x1, y1);
    }
    pts = next;
  }
  return pts;
}

/** The polyline up to the first point outside the sky (at least its first segment). */
function inSky(points: number[], skyAt: (x: number, y: number) => number): number[] {
  for (let i = 2; i < points.length; i += 2) if (skyAt(points[i]!, points[i + 1]!) < 0.35) return points.slice(0, Math.max(4, i));
  return points;
}

/**
 * `skyAt(x, y)` is the sky mask 0…1 at an output pixel (1 everywhere when the picture has no sky);
 * the bolt starts at the top of a column with tall sky (where the sky reaches the top, if it does).
 */
export function makeBolt(rng: Random, skyAt: (x: number, y: number) => number, width: number, height: number): Bolt {
  // how far down the sky reaches in a few candidate columns; strike where it is deep
  let bestX = width / 2, bestDepth = 0;
  for (let c = 0; c < 12; c++) {
    const x = rng.range(0.1, 0.9) * width;
    let y = 0;
    while (y < height && skyAt(x, y) >= 0.5) y += 2;
    if (y > bestDepth) { bestDepth = y; bestX = x; }
  }
  // no tall sky from the top there: the sky may show only below branches or beside a wall — strike
  // from the top of the tallest stretch of sky in any column
  let top = 0;
  if (bestDepth === 0) {
    for (let x = 0.02 * width; x < 0.98 * width; x += width / 64) {
      let y = 0;
      while (y < height && skyAt(x, y) < 0.5) y += 2;
      let end = y;
      while (end < height && skyAt(x, end) >= 0.5) end += 2;
      if (end - y > bestDepth - top) { top = y; bestDepth = end; bestX = x; }
    }
  }
  const bottom = Math.max(top + 0.2 * height, bestDepth * rng.range(0.8, 0.97));
  const endX = bestX + rng.range(-0.12, 0.12) * width;
  const main = inSky(jag(rng, bestX, top - 2, endX, bottom, 6, 0.22), skyAt);
  const paths: BoltPath[] = [{ points: main, weight: 1 }];
  const forks = 2 + rng.int(3);
  for (let f = 0; f < forks; f++) {
    // forks leave the upper two thirds of the channel, heading down and away from it
    const at = 2 * Math.floor(rng.range(0.1, 0.65) * (main.length / 2 - 1));
    const x = main[at]!, y = main[at + 1]!;
    const len = rng.range(0.2, 0.45) * (bottom - y + 0.1 * height);
    const angle = (rng.next() < 0.5 ? -1 : 1) * rng.range(0.35, 0.85); // from straight down
    const pts = inSky(jag(rng, x, y, x + Math.sin(angle) * len, y + Math.cos(angle) * len, 4, 0.25), skyAt);
    paths.push({ points: pts, weight: 0.55 });
    // and some forks fork again
    if (rng.next() < 0.5 && pts.length >= 8) {
      const k = 2 * Math.floor((pts.length / 2) * 0.5);
      const a2 = angle + (rng.next() < 0.5 ? -1 : 1) * rng.range(0.3, 0.6), l2 = len * 0.45;
      paths.push({ points: inSky(jag(rng, pts[k]!, pts[k + 1]!, pts[k]! + Math.sin(a2) * l2, pts[k + 1]! + Math.cos(a2) * l2, 3, 0.25), skyAt), weight: 0.35 });
    }
  }
  return { paths };
}
