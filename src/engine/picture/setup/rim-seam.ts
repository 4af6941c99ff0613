/**
 * No step where a full-resolution fill meets the known picture. Each copy was chosen to agree with
 * the picture round it, but a copy of a darker place beside a lighter rim keeps a thin step along
 * the hole's outline (a staircase where the outline runs diagonally). Here, as in seamless cloning
 * (Pérez et al. 2003) restricted to a thin strip: at each known pixel on the rim, how it differs
 * from what the copy beside it says it is (that copy's source, stepped across), smoothed along the
 * rim; that difference is carried into the fill as a membrane that fades to nothing RIM px in.
 * Only a tone is added: the fill's grain and structure stay its own.
 *
 * @example closeRim(back, 4, W, H, hole, from) // from: refineSourceMap's, per hole pixel
 */

/** how far into the fill (px) the rim's difference fades out */
const RIM = 6;
/** a rim pixel's difference is the mean over the rim pixels this close (px): the grain averages out */
const ALONG = 2;
/** closeRim's codes for a strip pixel's neighbour that is none (or the picture off the rim), or the hole beyond the strip */
const SKIP = 0x7fffffff, HOLE_ONLY = 0;

/** Adds to the hole's pixels of `img` within RIM of the known picture what closes the step at the rim. */
export function closeRim(img: Uint8Array, channels: number, W: number, H: number, hole: Uint8Array, from: Int32Array): void {
  const n = W * H;
  // per pixel: strip pixels (the hole, 1…RIM steps in) are numbered 1…, the rim's known pixels −1…
  const at = new Int32Array(n), strip: number[] = [], depth: number[] = [], rim: number[] = [];
  const neighbour = (p: number, x: number, j: number) => (j === 0 ? (x > 0 ? p - 1 : -1) : j === 1 ? (x < W - 1 ? p + 1 : -1) : j === 2 ? p - W : p + W < n ? p + W : -1);
  for (let p = 0; p < n; p++) {
    if (!hole[p]) continue;
    const x = p % W;
    for (let j = 0; j < 4; j++) {
      const k = neighbour(p, x, j);
      if (k < 0 || hole[k]) continue;
      if (!at[p]) { strip.push(p); depth.push(1); at[p] = strip.length; }
      if (!at[k]) { rim.push(k); at[k] = -rim.length; }
    }
  }
  if (!strip.length) return;
  for (let head = 0; head < strip.length; head++) {
    const p = strip[head]!, x = p % W, d = depth[head]! + 1;
    if (d > RIM) continue;
    for (let j = 0; j < 4; j++) {
      const q = neighbour(p, x, j);
      if (q < 0 || !hole[q] || at[q]) continue;
      strip.push(q); depth.push(d); at[q] = strip.length;
    }
  }
  // at each rim pixel, how it differs from what the copies beside it say it is
  const R = rim.length, diff = new Float32Array(R * 3), count = new Uint8Array(R);
  for (let i = 0; i < R; i++) {
    const k = rim[i]!, kx = k % W;
    for (let j = 0; j < 4; j++) {
      const p = neighbour(k, kx, j);
      if (p < 0 || !hole[p] || from[p]! < 0) continue;
      // p's copy stepped as k is from p
      const f = from[p]!, t = f + (k - p), tx = (f % W) + kx - (p % W);
      if (tx < 0 || tx >= W || t < 0 || t >= n || hole[t]) continue;
      for (let c = 0; c < 3; c++) diff[i * 3 + c]! += img[k * channels + c]! - img[t * channels + c]!;
      count[i]!++;
    }
  }
  for (let i = 0; i < R; i++) if (count[i]) for (let c = 0; c < 3; c++) diff[i * 3 + c] = diff[i * 3 + c]! / count[i]!;
  // averaged along the rim
  const along = new Float32Array(R * 3);
  for (let i = 0; i < R; i++) {
    const k = rim[i]!, x = k % W, y = (k / W) | 0;
    let m = 0, r = 0, g = 0, b = 0;
    for (let dy = -ALONG; dy <= ALONG; dy++) for (let dx = -ALONG; dx <= ALONG; dx++) {
      const qx = x + dx, qy = y + dy;
      if (qx < 0 || qx >= W || qy < 0 || qy >= H) continue;
      const a = at[qy * W + qx]!;
      if (a >= 0 || !count[-a - 1]) continue;
      const o = (-a - 1) * 3;
      m++; r += diff[o]!; g += diff[o + 1]!; b += diff[o + 2]!;
    }
    if (m) { along[i * 3] = r / m; along[i * 3 + 1] = g / m; along[i * 3 + 2] = b / m; }
  }
  // the membrane over the strip: each pixel the mean of its 4 neighbours (rim: its difference;
  // deeper in the hole: 0; the picture off the rim: not counted), Gauss–Seidel both ways
  // (each strip pixel's 4 neighbours read once: a strip pixel's number, a rim pixel's, HOLE_ONLY for
  // the hole deeper in, SKIP for none or the picture off the rim; the sweeps then only look them up)
  const S = strip.length, u = new Float32Array(S * 3), around = new Int32Array(S * 4);
  for (let s = 0; s < S; s++) {
    const p = strip[s]!, x = p % W;
    for (let j = 0; j < 4; j++) {
      const q = neighbour(p, x, j);
      around[s * 4 + j] = q < 0 ? SKIP : at[q]! !== 0 ? at[q]! : hole[q] ? HOLE_ONLY : SKIP;
    }
  }
  for (let sweep = 0; sweep < 2 * RIM + 4; sweep++) {
    for (let i = 0; i < S; i++) {
      const s = sweep & 1 ? S - 1 - i : i;
      let m = 0, r = 0, g = 0, b = 0;
      for (let j = 0; j < 4; j++) {
        const a = around[s * 4 + j]!;
        if (a === SKIP) continue;
        if (a === HOLE_ONLY) m++;
        else if (a > 0) { const o = (a - 1) * 3; m++; r += u[o]!; g += u[o + 1]!; b += u[o + 2]!; }
        else { const o = (-a - 1) * 3; m++; r += along[o]!; g += along[o + 1]!; b += along[o + 2]!; }
      }
      if (m) { u[s * 3] = r / m; u[s * 3 + 1] = g / m; u[s * 3 + 2] = b / m; }
    }
  }
  for (let s = 0; s < S; s++) for (let c = 0; c < 3; c++) {
    const o = strip[s]! * channels + c, v = img[o]! + u[s * 3 + c]!;
    img[o] = v <= 0 ? 0 : v >= 255 ? 255 : Math.round(v);
  }
}
