/**
 * The salient subject's matte, for a picture no person mask and no depth cut covers (an animal
 * among leaves, a product on a table): the salient box's middle (weighted by saliency) is the
 * subject's, what lies a little beyond the box and along the frame's edge is the background's,
 * and each pixel is classed by which explains it better — its colour (silhouette.ts' histograms)
 * times its nearness (a histogram of the depth). Two rounds (the second learns from the first's
 * region), the part over the box's middle kept, its holes filled, its edge settled by colour
 * (refine-matte.ts). It is accepted only with a confidence: the classes must part the picture
 * cleanly (the subject's pixels sure of being it, the rest sure of not), the subject must stand
 * out in the saliency, and it must leave a background (not most of the frame, nor the frame's
 * whole border). Otherwise it is declined with a note saying why.
 *
 * @example
 *   const found = salientMatte({ colours, depth, saliency, width, height, subject });
 *   'matte' in found ? found.confidence : found.note
 */
import type { Box } from '../../scene.js';
import { boxBlur } from '../filters.js';
import { colourOdds } from '../animals/silhouette.js';
import { components } from './components.js';
import { close, fillEnclosed, refineMatte, type Colours } from './refine-matte.js';

export interface SalientInput {
  colours: Colours;
  depth: Float32Array;
  saliency: Float32Array;
  /** 0…1 per pixel: sky (a subject is not the sky) */
  sky?: Float32Array;
  width: number;
  height: number;
  subject: Box;
}

export type SalientMatte = { matte: Float32Array; region: Uint8Array; confidence: number } | { note: string };

/** the least confidence a matte is kept with */
export const MIN_CONFIDENCE = 0.5;
/** the subject takes at least this share of the frame, and at most this (past it, no background is left to synthesise) */
const LEAST_AREA = 0.02;
const MOST_AREA = 0.7;
/** it touches at most this share of the frame's border (more: it is the scene itself) */
const MOST_BORDER = 0.55;
/** a region along more than this share of two opposite edges runs across the frame: a band of the scene (a horizon's hills, a road) */
const ACROSS = 0.05;
/** at most this share of it is sky */
const MOST_SKY = 0.2;
const CUE_BINS = 16;

/** A 16-bin histogram of a 0…1 cue over weighted pixels, smoothed over neighbouring bins and normalised. */
function cueHistogram(cue: Float32Array, weight: (i: number) => number): Float32Array {
  const hist = new Float32Array(CUE_BINS);
  let total = 0;
  for (let i = 0; i < cue.length; i++) {
    const w = weight(i);
    if (w <= 0) continue;
    hist[Math.min(CUE_BINS - 1, Math.max(0, (cue[i]! * CUE_BINS) | 0))]! += w;
    total += w;
  }
  const out = new Float32Array(CUE_BINS);
  for (let k = 0; k < CUE_BINS; k++) out[k] = (hist[k]! + 0.5 * ((hist[k - 1] ?? 0) + (hist[k + 1] ?? 0))) / Math.max(1e-6, total);
  return out;
}

/**
 * Each pixel's odds of being the subject: colour and each 0…1 cue (the nearness; the sharpness
 * too for an in-focus subject), each a likelihood ratio of the two seeds, combined (naive Bayes).
 */
function odds(rgb: Uint8Array, cues: readonly Float32Array[], n: number, fg: (i: number) => number, bg: (i: number) => number): Float32Array {
  const colour = colourOdds(rgb, n, fg, bg);
  cues.forEach((cue, nth) => {
    const df = cueHistogram(cue, fg), db = cueHistogram(cue, bg);
    for (let i = 0; i < n; i++) {
      const k = Math.min(CUE_BINS - 1, Math.max(0, (cue[i]! * CUE_BINS) | 0));
      // (a value neither seed has says nothing: even odds; each factor kept off 0 and 1 so no cue vetoes the others)
      const d = df[k]! + db[k]! > 1e-6 ? df[k]! / (df[k]! + db[k]!) : 0.5;
      const c = nth === 0 ? 0.02 + 0.96 * colour[i]! : colour[i]!, e = 0.1 + 0.8 * d;
      colour[i] = (c * e) / (c * e + (1 - c) * (1 - e));
    }
  });
  return colour;
}

export function salientMatte(input: SalientInput): SalientMatte {
  const { saliency, width: w, height: h, subject } = input;
  const cx = (subject.x + subject.w / 2) * w, cy = (subject.y + subject.h / 2) * h;
  const rx = Math.max(2, (subject.w / 2) * w), ry = Math.max(2, (subject.h / 2) * h);
  const band = Math.max(2, Math.round(0.04 * Math.min(w, h)));
  // seeds: the box's central ellipse (weighted by saliency) against what lies beyond the box and the frame's edge
  const inner = (i: number) => {
    const u = ((i % w) - cx) / rx, v = (((i / w) | 0) - cy) / ry, d = u * u + v * v;
    return d < 0.45 ? (0.3 + saliency[i]!) * (1 - d / 0.45) : 0;
  };
  const outer = (i: number) => {
    const x = i % w, y = (i / w) | 0, u = (x - cx) / rx, v = (y - cy) / ry;
    const edge = x < band || y < band || x >= w - band || y >= h - band;
    return Math.max(Math.abs(u), Math.abs(v)) > 1.15 || edge ? 1.2 - saliency[i]! : 0;
  };
  return seededMatte(input, { inner, outer, standsOut: saliency, what: 'salient subject', region: 'salient region' });
}

/** Where a subject is seeded, and what it must stand out in. */
export interface MatteSeeds {
  /** each pixel's weight as a seed of the subject (> 0: in its seed) */
  inner: (i: number) => number;
  /** each pixel's weight as a seed of the background */
  outer: (i: number) => number;
  /** 0…1 per pixel: the subject must have more of it than the rest (full confidence at 0.25 more) */
  standsOut: Float32Array;
  /** cues (0…1 per pixel) that tell the two apart besides colour and nearness */
  cues?: readonly Float32Array[];
  /** a pixel never the subject's, even where the subject encloses it (a blurred leaf between a squirrel's paws and its branch) */
  staysOut?: (i: number) => boolean;
  /** how the notes name the subject and its region ("salient subject", "salient region") */
  what: string;
  region: string;
}

/**
 * The matte grown from the seeds by colour, nearness and the seeds' own cues (two rounds), the
 * part over the subject's seed kept, settled by colour, and accepted with its confidence or
 * declined with a note (shared with the in-focus subject's matte: focus-matte.ts).
 */
export function seededMatte(input: Omit<SalientInput, 'subject' | 'saliency'>, seeds: MatteSeeds): SalientMatte {
  const { colours, depth, width: w, height: h } = input;
  const { inner, outer, standsOut: cue, what, region: named } = seeds;
  const cues = [depth, ...(seeds.cues ?? [])];
  const n = w * h;
  const rgb = new Uint8Array(3 * n);
  for (let i = 0; i < n; i++) { rgb[3 * i] = colours.r[i]! * 255; rgb[3 * i + 1] = colours.g[i]! * 255; rgb[3 * i + 2] = colours.b[i]! * 255; }
  const smooth = Math.max(1, Math.round(0.006 * Math.max(w, h)));
  const classify = (p: Float32Array) => { const s = boxBlur(p, w, h, smooth), m = new Uint8Array(n); for (let i = 0; i < n; i++) m[i] = s[i]! > 0.5 ? 1 : 0; return m; };
  const first = classify(odds(rgb, cues, n, inner, outer));
  // second round: the subject's colours and nearness from the first region, the background's from around it
  const around = boxBlur(Float32Array.from(first), w, h, Math.max(2, Math.round(0.03 * Math.max(w, h))));
  const p = odds(rgb, cues, n, (i) => first[i]!, (i) => (around[i]! < 0.02 ? 1 : 0));
  const mask = classify(p);
  // the part over the subject's seed (the most of it), closed and without holes
  let best: number[] | null = null, bestIn = 0;
  for (const part of components(mask, w, h)) {
    let inside = 0;
    for (const i of part) if (inner(i) > 0) inside++;
    if (inside > bestIn) { best = part; bestIn = inside; }
  }
  if (!best || best.length < LEAST_AREA * n) return { note: `no region of its own colours stands out round the ${what}` };
  let region: Uint8Array = new Uint8Array(n);
  for (const i of best) region[i] = 1;
  region = fillEnclosed(close(region, w, h, Math.max(1, Math.round(w / 100))), w, h);
  region = refineMatte(region, colours, w, h, { band: Math.max(3, Math.round(w / 80)) });
  if (seeds.staysOut) for (let i = 0; i < n; i++) if (seeds.staysOut(i)) region[i] = 0;
  // keep the refined part's largest piece
  const kept = components(region, w, h).reduce<number[] | null>((a, part) => (!a || part.length > a.length ? part : a), null) ?? [];
  region = new Uint8Array(n);
  for (const i of kept) region[i] = 1;
  let area = 0, border = 0, borderAll = 0, sureIn = 0, sureOut = 0, cueIn = 0, cueOut = 0, sky = 0;
  const edges: [number, number, number, number] = [0, 0, 0, 0]; // top, right, bottom, left
  for (let i = 0; i < n; i++) {
    const x = i % w, y = (i / w) | 0;
    if (x === 0 || y === 0 || x === w - 1 || y === h - 1) { borderAll++; border += region[i]!; }
    if (!region[i]) { sureOut += 1 - p[i]!; cueOut += cue[i]!; continue; }
    area++; sureIn += p[i]!; cueIn += cue[i]!; sky += input.sky?.[i] ?? 0;
    if (y === 0) edges[0]++; if (x === w - 1) edges[1]++; if (y === h - 1) edges[2]++; if (x === 0) edges[3]++;
  }
  const share = area / n;
  if (share < LEAST_AREA) return { note: `the ${what} is too small to cut out` };
  if (share > MOST_AREA) return { note: `the ${what} fills most of the frame (${Math.round(share * 100)} %): no background is left to lay it over` };
  if (border / borderAll > MOST_BORDER) return { note: `the ${named} runs along most of the frame's edge: it is the scene, not a subject` };
  if ((edges[0]! > ACROSS * w && edges[2]! > ACROSS * w) || (edges[1]! > ACROSS * h && edges[3]! > ACROSS * h)) return { note: `the ${named} runs across the frame from edge to edge: it is a band of the scene, not a subject` };
  if (sky > MOST_SKY * area) return { note: `the ${named} is mostly sky` };
  // how cleanly the classes part the picture (each side sure of itself), and how much more of the cue the subject has than the rest
  const parted = Math.min(sureIn / area, sureOut / (n - area));
  const standsOut = cueIn / area - cueOut / (n - area);
  const confidence = Math.max(0, Math.min(1, 2 * (parted - 0.5))) * Math.min(1, Math.max(0, standsOut / 0.25));
  if (confidence < MIN_CONFIDENCE) return { note: `the ${what}'s edge is not clear in colour and depth (confidence ${confidence.toFixed(2)})` };
  return { matte: boxBlur(Float32Array.from(region), w, h, 1), region, confidence };
}
