/**
 * Measures for a transition between two pictures (last_image):
 * - `worstJump`: the largest frame-to-frame luma difference relative to its neighbours' median —
 *   smooth motion stays near 1, a cut or a snap stands out (≫ 3);
 * - `doubleEdgeShare`: the share of textured tiles of a frame that are two pictures on top of each
 *   other — each tile is matched (best shift, ±radius) against picture A and picture B alone, and
 *   against both together (least squares); a tile that neither explains alone but both explain
 *   together is a double exposure (a cross-fade of misaligned pictures).
 *
 * @example
 *   worstJump(frameDifferences(lumas))       // → 1.4 (smooth) or 25 (a cut)
 *   doubleEdgeShare(mid, first, last, w, h)  // → 0.02 (one picture per place) or 0.6 (a cross-fade)
 */

/** mean absolute difference between consecutive luma frames */
export function frameDifferences(frames: readonly Float32Array[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < frames.length; i++) {
    const a = frames[i - 1]!, b = frames[i]!;
    let s = 0;
    for (let k = 0; k < a.length; k++) s += Math.abs(a[k]! - b[k]!);
    out.push(s / a.length);
  }
  return out;
}

/** max over i of diff[i] / median(diff[i−w … i+w] without i), the median floored at `floor` grey levels */
export function worstJump(diffs: readonly number[], window = 4, floor = 0.5): { ratio: number; at: number } {
  let worst = { ratio: 0, at: -1 };
  for (let i = 0; i < diffs.length; i++) {
    const near = diffs.slice(Math.max(0, i - window), i).concat(diffs.slice(i + 1, i + 1 + window)).sort((p, q) => p - q);
    const median = Math.max(floor, near[near.length >> 1] ?? floor);
    const ratio = diffs[i]! / median;
    if (ratio > worst.ratio) worst = { ratio, at: i + 1 };
  }
  return worst;
}

function tileOf(img: Float32Array, w: number, h: number, x0: number, y0: number, size: number, dx: number, dy: number): Float64Array | null {
  if (x0 + dx < 0 || y0 + dy < 0 || x0 + dx + size > w || y0 + dy + size > h) return null;
  const out = new Float64Array(size * size);
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) out[y * size + x] = img[(y0 + dy + y) * w + x0 + dx + x]!;
  return out;
}

function centred(v: Float64Array): Float64Array {
  let m = 0;
  for (const x of v) m += x;
  m /= v.length;
  return v.map((x) => x - m);
}

const dot = (a: Float64Array, b: Float64Array) => { let s = 0; for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!; return s; };

/** Σt·c, Σc, Σc² (and Σf·c for a second tile f) of the size×size tile of img at (x0 + dx, y0 + dy) */
function sums(t: Float64Array, f: Float64Array | null, img: Float32Array, w: number, x0: number, y0: number, size: number, dx: number, dy: number): [number, number, number, number] {
  let tc = 0, sc = 0, cc = 0, fc = 0;
  for (let y = 0; y < size; y++) {
    const row = (y0 + dy + y) * w + x0 + dx;
    for (let x = 0; x < size; x++) {
      const c = img[row + x]!, k = y * size + x;
      tc += t[k]! * c, sc += c, cc += c * c;
      if (f) fc += f[k]! * c;
    }
  }
  return [tc, sc, cc, fc];
}

/**
 * The best one-picture explanation of a tile (R² of its best-matching copy), and the best
 * two-picture one: a second copy from either picture (from the first copy's own picture only at
 * least 3 px away, so sub-pixel resampling of one picture does not count as two).
 */
function explain(t: Float64Array, tt: number, pictures: readonly Float32Array[], w: number, h: number, x0: number, y0: number, size: number, radius: number): { single: number; joint: number } {
  const n = size * size;
  const inside = (dx: number, dy: number) => x0 + dx >= 0 && y0 + dy >= 0 && x0 + dx + size <= w && y0 + dy + size <= h;
  let single = 0, first: { picture: number; dx: number; dy: number } | null = null;
  pictures.forEach((img, picture) => {
    for (let dy = -radius; dy <= radius; dy++) for (let dx = -radius; dx <= radius; dx++) {
      if (!inside(dx, dy)) continue;
      const [tc, sc, cc] = sums(t, null, img, w, x0, y0, size, dx, dy);
      const var_ = cc - (sc * sc) / n;
      if (var_ <= 1e-9) continue;
      const r2 = (tc * tc) / (var_ * tt);
      if (r2 > single) single = r2, first = { picture, dx, dy };
    }
  });
  if (!first) return { single: 0, joint: 0 };
  const f0 = first as { picture: number; dx: number; dy: number };
  const raw = tileOf(pictures[f0.picture]!, w, h, x0, y0, size, f0.dx, f0.dy)!;
  const f = centred(raw), ff = dot(f, f), tf = dot(t, f);
  let joint = single;
  pictures.forEach((img, picture) => {
    for (let dy = -radius; dy <= radius; dy++) for (let dx = -radius; dx <= radius; dx++) {
      if (!inside(dx, dy) || (picture === f0.picture && Math.hypot(dx - f0.dx, dy - f0.dy) < 3)) continue;
      // t and f are centred, so their products with c equal those with c centred
      const [tc, sc, cc, fc] = sums(t, f, img, w, x0, y0, size, dx, dy);
      const var_ = cc - (sc * sc) / n;
      const det = ff * var_ - fc * fc;
      if (var_ <= 1e-9 || det <= 1e-6 * ff * var_) continue;
      const ka = (tf * var_ - tc * fc) / det, kb = (tc * ff - tf * fc) / det;
      joint = Math.max(joint, (ka * tf + kb * tc) / tt);
    }
  });
  return { single, joint };
}

export function doubleEdgeShare(frame: Float32Array, a: Float32Array, b: Float32Array, width: number, height: number, options: { tile?: number; radius?: number } = {}): number {
  const size = options.tile ?? 16, radius = options.radius ?? 20;
  let textured = 0, doubled = 0;
  for (let y0 = 0; y0 + size <= height; y0 += size) for (let x0 = 0; x0 + size <= width; x0 += size) {
    const t = centred(tileOf(frame, width, height, x0, y0, size, 0, 0)!), tt = dot(t, t);
    // flat tiles have no edges to double
    if (tt / t.length < 36) continue;
    textured++;
    const { single, joint } = explain(t, tt, [a, b], width, height, x0, y0, size, radius);
    if (joint > 0.8 && joint - single > 0.2) doubled++;
  }
  return textured ? doubled / textured : 0;
}
