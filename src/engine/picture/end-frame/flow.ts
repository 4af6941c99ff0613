/**
 * Dense correspondence between two luma pictures of the same size: coarse-to-fine block matching
 * (SSD over a 5×5 patch, a wide search at the coarsest level and a ±2 px refinement at each finer
 * one), median-then-box smoothed at every level. Returns, for every pixel x of A, the offset F(x)
 * with A(x) ≈ B(x + F(x)), and how well A and B agree along it (1 aligned … 0 not).
 *
 * @example
 *   const { fx, fy, aligned } = denseFlow(a, b, 160, 90);
 */
export interface Flow { width: number; height: number; fx: Float32Array; fy: Float32Array; aligned: Float32Array }

function half(src: Float32Array, w: number, h: number): { data: Float32Array; w: number; h: number } {
  const hw = Math.max(1, w >> 1), hh = Math.max(1, h >> 1);
  const out = new Float32Array(hw * hh);
  for (let y = 0; y < hh; y++) for (let x = 0; x < hw; x++) {
    const i = 2 * y * w + 2 * x;
    out[y * hw + x] = (src[i]! + src[i + 1]! + src[i + w]! + src[i + w + 1]!) / 4;
  }
  return { data: out, w: hw, h: hh };
}

const at = (img: Float32Array, w: number, h: number, x: number, y: number) =>
  img[Math.min(h - 1, Math.max(0, y)) * w + Math.min(w - 1, Math.max(0, x))]!;

function patchCost(a: Float32Array, b: Float32Array, w: number, h: number, x: number, y: number, dx: number, dy: number): number {
  let sum = 0;
  for (let v = -2; v <= 2; v++) for (let u = -2; u <= 2; u++) {
    const d = at(a, w, h, x + u, y + v) - at(b, w, h, x + u + dx, y + v + dy);
    sum += d * d;
  }
  return sum;
}

function smooth(f: Float32Array, w: number, h: number): Float32Array {
  // 3×3 median (drops outliers), then a 5×5 box (one smooth field)
  const med = new Float32Array(f.length), win: number[] = [];
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    win.length = 0;
    for (let v = -1; v <= 1; v++) for (let u = -1; u <= 1; u++) win.push(at(f, w, h, x + u, y + v));
    win.sort((p, q) => p - q);
    med[y * w + x] = win[4]!;
  }
  const out = new Float32Array(f.length);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    let s = 0;
    for (let v = -2; v <= 2; v++) for (let u = -2; u <= 2; u++) s += at(med, w, h, x + u, y + v);
    out[y * w + x] = s / 25;
  }
  return out;
}

export function denseFlow(a: Float32Array, b: Float32Array, width: number, height: number): Flow {
  const pa = [{ data: a, w: width, h: height }], pb = [{ data: b, w: width, h: height }];
  while (pa[pa.length - 1]!.w >= 48 && pa[pa.length - 1]!.h >= 32) {
    const la = pa[pa.length - 1]!, lb = pb[pb.length - 1]!;
    pa.push(half(la.data, la.w, la.h));
    pb.push(half(lb.data, lb.w, lb.h));
  }
  let fx: Float32Array = new Float32Array(0), fy: Float32Array = new Float32Array(0), pw = 0, ph = 0;
  for (let level = pa.length - 1; level >= 0; level--) {
    const { data: A, w, h } = pa[level]!, B = pb[level]!.data;
    const nx = new Float32Array(w * h), ny = new Float32Array(w * h);
    const coarsest = level === pa.length - 1;
    const radius = coarsest ? Math.max(4, Math.round(w / 6)) : 2;
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
      // the coarser level's offset, doubled, is where the search starts
      const px = coarsest ? 0 : 2 * at(fx, pw, ph, x >> 1, y >> 1), py = coarsest ? 0 : 2 * at(fy, pw, ph, x >> 1, y >> 1);
      const cx = Math.round(px), cy = Math.round(py);
      // a small pull towards the coarser level's offset keeps flat, featureless areas from wandering
      let best = Infinity, bx = cx, by = cy;
      for (let dy = cy - radius; dy <= cy + radius; dy++) for (let dx = cx - radius; dx <= cx + radius; dx++) {
        const c = patchCost(A, B, w, h, x, y, dx, dy) + 0.02 * ((dx - px) ** 2 + (dy - py) ** 2);
        if (c < best) best = c, bx = dx, by = dy;
      }
      nx[y * w + x] = bx, ny[y * w + x] = by;
    }
    fx = smooth(nx, w, h), fy = smooth(ny, w, h), pw = w, ph = h;
  }
  // agreement along the smoothed flow: the patch's mean absolute difference, mapped to 0 … 1
  const aligned = new Float32Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) {
    let s = 0;
    for (let v = -2; v <= 2; v++) for (let u = -2; u <= 2; u++) {
      s += Math.abs(at(a, width, height, x + u, y + v) - sample(b, width, height, x + u + fx[y * width + x]!, y + v + fy[y * width + x]!));
    }
    // a few grey levels of disagreement is resampling; tens are different content
    const err = s / 25;
    aligned[y * width + x] = Math.exp(-((err / 10) ** 2));
  }
  return { width, height, fx, fy, aligned };
}

/** bilinear sample, edges clamped */
export function sample(img: ArrayLike<number>, w: number, h: number, x: number, y: number): number {
  const cx = Math.min(w - 1, Math.max(0, x)), cy = Math.min(h - 1, Math.max(0, y));
  const x0 = Math.floor(cx), y0 = Math.floor(cy), x1 = Math.min(w - 1, x0 + 1), y1 = Math.min(h - 1, y0 + 1);
  const tx = cx - x0, ty = cy - y0;
  const top = img[y0 * w + x0]! * (1 - tx) + img[y0 * w + x1]! * tx;
  const bottom = img[y1 * w + x0]! * (1 - tx) + img[y1 * w + x1]! * tx;
  return top * (1 - ty) + bottom * ty;
}
