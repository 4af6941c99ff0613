/**
 * Refines a rough subject region by colour: an energy minimisation over a band around its edge
 * (iterated conditional modes on a two-label Markov random field, a light stand-in for a graph
 * cut). Each pixel's cost for "subject" and "background" is its colour distance to the local mean
 * colour of that label (a window of the current labels), plus a smoothness cost per 8-neighbour
 * of the other label; an optional nearness floor keeps far pixels out. Pixels more than `band`
 * from the rough edge keep their label.
 *
 * @example const refined = refineMatte(region, { r, g, b }, w, h, { band: 6 })
 */
import { boxBlur } from '../filters.js';

export interface Colours {
  r: Float32Array;
  g: Float32Array;
  b: Float32Array;
}

export interface RefineOptions {
  /** px each side of the rough edge that may change label */
  band: number;
  /** pixels nearer than this may be subject; farther ones never are */
  depth?: { map: Float32Array; floor: number };
  iterations?: number;
  /** only add pixels to the rough region, never take any away */
  grow?: boolean;
  /** cost of each 8-neighbour with the other label, in squared colour units (0…1 channels) */
  smoothness?: number;
}

export function refineMatte(rough: Uint8Array, colours: Colours, w: number, h: number, options: RefineOptions): Uint8Array {
  const n = w * h, band = options.band, beta = options.smoothness ?? 0.004;
  let region = rough;
  // a dark mark across a narrow subject (a logo on a rocket's nose) cuts a notch into the rough
  // region: a closing (dilate, then erode) bridges it, so filling what it encloses takes it in
  if (options.grow) region = fillEnclosed(close(region, w, h, Math.max(2, Math.round(w / 50))), w, h);
  let label = Uint8Array.from(region);
  // the band: distance (chessboard) to the rough edge ≤ band
  const edge = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const x = i % w;
    const differs = (x > 0 && region[i - 1] !== region[i]) || (x < w - 1 && region[i + 1] !== region[i]) || (i >= w && region[i - w] !== region[i]) || (i + w < n && region[i + w] !== region[i]);
    edge[i] = differs ? 1 : 0;
  }
  const near = boxBlur(edge, w, h, band);
  const radius = Math.max(3, band);
  // buffers reused by every iteration (blurs write into them): label weights, colour × weight, their window means
  const fg = new Float32Array(n), bg = new Float32Array(n), prod = new Float32Array(n);
  const cnt = new Float32Array(n), ring = new Float32Array(n);
  const means = Array.from({ length: 6 }, () => new Float32Array(n));
  const channels = [colours.r, colours.g, colours.b];
  for (let it = 0; it < (options.iterations ?? 2); it++) {
    for (let i = 0; i < n; i++) { fg[i] = label[i]!; bg[i] = 1 - label[i]!; }
    boxBlur(fg, w, h, radius, cnt);
    // 8-neighbour subject count: the 3×3 mean × 9, less the pixel itself
    boxBlur(fg, w, h, 1, ring);
    for (let c = 0; c < 3; c++) {
      const ch = channels[c]!;
      for (let i = 0; i < n; i++) prod[i] = ch[i]! * fg[i]!;
      boxBlur(prod, w, h, radius, means[c]!);
      for (let i = 0; i < n; i++) prod[i] = ch[i]! * bg[i]!;
      boxBlur(prod, w, h, radius, means[c + 3]!);
    }
    const next = Uint8Array.from(label);
    for (let i = 0; i < n; i++) {
      if (near[i]! < 1e-4) continue; // (running sums leave ~1e-8 where the window holds no edge)
      const cf = cnt[i]!, cb = 1 - cf;
      if (cf < 0.02 || cb < 0.02) continue;
      let ef = 0, eb = 0;
      for (let c = 0; c < 3; c++) {
        const v = channels[c]![i]!;
        ef += (v - means[c]![i]! / cf) ** 2;
        eb += (v - means[c + 3]![i]! / cb) ** 2;
      }
      if (options.depth && options.depth.map[i]! < options.depth.floor) ef = Infinity;
      const same = Math.round(ring[i]! * 9) - label[i]!, total = 8;
      // cost of subject: neighbours that are background, and the reverse
      const subject = ef + beta * (total - same) < eb + beta * same;
      // `grow`: the rough region is trusted (a dark logo on a white hull stays subject); colour only adds
      next[i] = subject || (options.grow && region[i]) ? 1 : 0;
    }
    label = next;
  }
  return fillEnclosed(label, w, h);
}

/** Background pixels the frame's border cannot reach through background (a logo on a rocket's nose) become subject. */
export function fillEnclosed(label: Uint8Array, w: number, h: number): Uint8Array {
  const n = w * h, reached = new Uint8Array(n), queue = new Int32Array(n);
  let head = 0, tail = 0;
  for (let i = 0; i < n; i++) {
    const x = i % w, y = (i / w) | 0;
    if (!label[i] && (x === 0 || y === 0 || x === w - 1 || y === h - 1)) { reached[i] = 1; queue[tail++] = i; }
  }
  const visit = (j: number) => { if (!label[j] && !reached[j]) { reached[j] = 1; queue[tail++] = j; } };
  while (head < tail) {
    const i = queue[head++]!, x = i % w;
    if (x > 0) visit(i - 1);
    if (x < w - 1) visit(i + 1);
    if (i >= w) visit(i - w);
    if (i + w < n) visit(i + w);
  }
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = label[i] || !reached[i] ? 1 : 0;
  return out;
}

/** Morphological closing of a 0/1 mask with a (2r+1)² square. */
export function close(mask: Uint8Array, w: number, h: number, r: number): Uint8Array {
  const grown = boxBlur(Float32Array.from(mask), w, h, r);
  for (let i = 0; i < grown.length; i++) grown[i] = grown[i]! > 1e-4 ? 1 : 0;
  const shrunk = boxBlur(grown, w, h, r);
  const out = new Uint8Array(mask.length);
  for (let i = 0; i < out.length; i++) out[i] = shrunk[i]! > 0.9999 || mask[i] ? 1 : 0;
  return out;
}
