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
  if (options.grow) region = fillEnclosed(close(region, w, h, Math.max(2, Math.round(w / 100))), w, h);
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
  for (let it = 0; it < (options.iterations ?? 4); it++) {
    const fg = Float32Array.from(label);
    const cnt = boxBlur(fg, w, h, radius);
    const mean = (c: Float32Array, weight: Float32Array) => { const p = new Float32Array(n); for (let i = 0; i < n; i++) p[i] = c[i]! * weight[i]!; return boxBlur(p, w, h, radius); };
    const bgw = Float32Array.from(label, (v) => 1 - v);
    const fr = mean(colours.r, fg), fgc = mean(colours.g, fg), fb = mean(colours.b, fg);
    const br = mean(colours.r, bgw), bgc = mean(colours.g, bgw), bb = mean(colours.b, bgw);
    const next = Uint8Array.from(label);
    for (let i = 0; i < n; i++) {
      if (near[i]! <= 0) continue;
      const cf = cnt[i]!, cb = 1 - cf;
      if (cf < 0.02 || cb < 0.02) continue;
      const r = colours.r[i]!, g = colours.g[i]!, b = colours.b[i]!;
      let ef = (r - fr[i]! / cf) ** 2 + (g - fgc[i]! / cf) ** 2 + (b - fb[i]! / cf) ** 2;
      const eb = (r - br[i]! / cb) ** 2 + (g - bgc[i]! / cb) ** 2 + (b - bb[i]! / cb) ** 2;
      if (options.depth && options.depth.map[i]! < options.depth.floor) ef = Infinity;
      const x = i % w, y = (i / w) | 0;
      let same = 0, total = 0;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
        if (!dx && !dy) continue;
        const xx = x + dx, yy = y + dy;
        if (xx < 0 || xx >= w || yy < 0 || yy >= h) continue;
        total++;
        same += label[yy * w + xx]!;
      }
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
  while (head < tail) {
    const i = queue[head++]!, x = i % w;
    for (const j of [x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, i - w, i + w]) {
      if (j < 0 || j >= n || label[j] || reached[j]) continue;
      reached[j] = 1; queue[tail++] = j;
    }
  }
  return Uint8Array.from(label, (v, i) => (v || !reached[i] ? 1 : 0));
}

/** Morphological closing of a 0/1 mask with a (2r+1)² square. */
export function close(mask: Uint8Array, w: number, h: number, r: number): Uint8Array {
  const grown = boxBlur(Float32Array.from(mask), w, h, r);
  const dilated = Float32Array.from(grown, (v) => (v > 1e-4 ? 1 : 0));
  const shrunk = boxBlur(dilated, w, h, r);
  return Uint8Array.from(shrunk, (v, i) => (v > 0.9999 || mask[i] ? 1 : 0));
}
