/**
 * A full-resolution fill (refine-map.ts) without a tone step at its seams. Each pixel copies a
 * source, and PatchMatch settles where two copies meet, but two copies of a sky or a wall from
 * places a little lighter and darker still meet with a step the vote's few pixels of crossfade
 * leave as an edge — a pale block in a margin, a line along the picture's edge. Here, as in seamless
 * cloning (Pérez et al. 2003), the fill takes a smooth tone correction c: across every pair of
 * neighbours (p, q) with p in the hole, c(p) − c(q) should be what the copies' own sources step
 * there less what the fill steps (0 inside a run of one copy; at the picture c(q) = 0). The
 * correction is low-frequency, so it is solved per CELL×CELL block (least squares, SOR sweeps) and
 * spread bilinearly: steps become ramps a cell or two wide, and the grain is never touched. A pair
 * whose mismatch is large (an object's edge meeting another copy) counts little, so no tone bleeds
 * from a feature; with nothing pulling it back, the whole fill meets the picture at its tone.
 *
 * @example evenSeams(canvas, 4, W, H, hole, from, 4) // from: refineSourceMap's
 */

/** grey levels: a pair whose mismatch is this large counts half (robust to an edge meeting another copy) */
const SPREAD = 12;
/**
 * the least cell (px): a correction that varies from pixel to pixel follows the grain's own
 * differences across seams and cancels them (a sky's margin as one column repeated, a bokeh's as
 * a smear: the rim membrane's fault on the footballer's thin margin); over 4 px it is a tone only
 */
const MIN_CELL = 4;
/** over-relaxed Gauss–Seidel sweeps over the cells, and the relaxation */
const SWEEPS = 160, OMEGA = 1.85;

/**
 * Adds to the hole's pixels of `img` (W×H, `channels` bytes a pixel) the smooth tone that closes the steps at its seams.
 * `unseen` (1 = neither hole nor picture: a margin no sample reaches) holds nothing to meet and says nothing.
 */
export function evenSeams(img: Uint8Array, channels: number, W: number, H: number, hole: Uint8Array, from: Int32Array, cell: number, unseen?: Uint8Array): void {
  const B = Math.max(MIN_CELL, Math.round(cell)), gw = Math.ceil(W / B), gh = Math.ceil(H / B), n = gw * gh;
  // per cell: its links right and down, and to the picture (weight, weight × mismatch per channel)
  const right = new Float32Array(n * 4), down = new Float32Array(n * 4), ground = new Float32Array(n * 4), free = new Uint8Array(n);
  const m = [0, 0, 0];
  /** the mismatch of pair (p, q), p in the hole: its sources' step less the fill's; false when no source says */
  const mismatch = (p: number, q: number): boolean => {
    const sp = from[p]!, sq = hole[q] ? from[q]! : -1;
    const a = sp >= 0 ? sp + (q - p) : -1, b = sq >= 0 ? sq + (p - q) : -1;
    const useP = a >= 0 && a < W * H && !hole[a] && !unseen?.[a] && Math.abs((a % W) - (sp % W)) <= 1;
    const useQ = b >= 0 && b < W * H && !hole[b] && !unseen?.[b] && Math.abs((b % W) - (sq % W)) <= 1;
    if (!useP && !useQ) return false;
    for (let c = 0; c < 3; c++) {
      let g = 0;
      if (useP) g += img[sp * channels + c]! - img[a * channels + c]!;
      if (useQ) g += img[b * channels + c]! - img[sq * channels + c]!;
      m[c] = g / ((useP ? 1 : 0) + (useQ ? 1 : 0)) - (img[p * channels + c]! - img[q * channels + c]!);
    }
    return true;
  };
  const add = (into: Float32Array, k: number, sign: number) => {
    const size = (Math.abs(m[0]!) + Math.abs(m[1]!) + Math.abs(m[2]!)) / (3 * SPREAD), w = 1 / (1 + size * size);
    into[k * 4]! += w;
    for (let c = 0; c < 3; c++) into[k * 4 + 1 + c]! += sign * w * m[c]!;
  };
  // (only the rows the hole spans: a margin painted only where it is read may be a few rows of the canvas)
  const [top, bottom] = holeRows(hole, W, H);
  for (let y = top, p = top * W; y < bottom; y++) for (let x = 0; x < W; x++, p++) {
    if (!hole[p]) continue;
    const A = ((y / B) | 0) * gw + ((x / B) | 0);
    free[A] = 1;
    for (let j = 0; j < 4; j++) {
      const dx = j === 0 ? 1 : j === 1 ? -1 : 0, dy = j === 2 ? 1 : j === 3 ? -1 : 0;
      if (x + dx < 0 || x + dx >= W || y + dy < 0 || y + dy >= H) continue;
      const q = p + dx + dy * W;
      // pairs within the hole once (right and down); with the picture, every side
      if ((hole[q] && j & 1) || unseen?.[q]) continue;
      if (!mismatch(p, q)) continue;
      if (!hole[q]) { add(ground, A, 1); continue; }
      const C = (((y + dy) / B) | 0) * gw + (((x + dx) / B) | 0);
      if (C === A) continue;
      add(dx ? right : down, A, 1); // c_A − c_C = m, stored on A (C is right of or below A)
    }
  }
  // c per cell: each the weighted mean of what its links say it is. The links as flat lists per
  // cell (neighbour, weight, weight × mismatch signed from the cell's side), then SOR sweeps
  const cells: number[] = [];
  for (let A = 0; A < n; A++) if (free[A]) cells.push(A);
  const N = cells.length, start = new Int32Array(N + 1), to: number[] = [], lw: number[] = [], lm: number[] = [];
  const own = new Float32Array(N * 4), index = new Int32Array(n).fill(-1);
  for (let k = 0; k < N; k++) index[cells[k]!] = k;
  for (let k = 0; k < N; k++) {
    const A = cells[k]!, x = A % gw;
    for (let c = 0; c < 4; c++) own[k * 4 + c] = ground[A * 4 + c]!;
    const link = (links: Float32Array, L: number, C: number, sign: number) => {
      const w = links[L * 4]!;
      if (!w || !free[C]) return;
      to.push(index[C]!); lw.push(w);
      for (let c = 0; c < 3; c++) lm.push(sign * links[L * 4 + 1 + c]!);
      own[k * 4]! += w;
    };
    if (x < gw - 1) link(right, A, A + 1, 1);
    if (x > 0) link(right, A - 1, A - 1, -1);
    if (A + gw < n) link(down, A, A + gw, 1);
    if (A >= gw) link(down, A - gw, A - gw, -1);
    start[k + 1] = to.length;
  }
  const toA = Int32Array.from(to), wA = Float32Array.from(lw), mA = Float32Array.from(lm), t = new Float32Array(N * 3);
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    for (let i = 0; i < N; i++) {
      const k = sweep & 1 ? N - 1 - i : i, w = own[k * 4]!;
      if (!w) continue;
      let r = own[k * 4 + 1]!, g = own[k * 4 + 2]!, b = own[k * 4 + 3]!;
      for (let l = start[k]!; l < start[k + 1]!; l++) {
        const C = toA[l]! * 3, lwl = wA[l]!;
        r += lwl * t[C]! + mA[l * 3]!; g += lwl * t[C + 1]! + mA[l * 3 + 1]!; b += lwl * t[C + 2]! + mA[l * 3 + 2]!;
      }
      t[k * 3] = t[k * 3]! + OMEGA * (r / w - t[k * 3]!);
      t[k * 3 + 1] = t[k * 3 + 1]! + OMEGA * (g / w - t[k * 3 + 1]!);
      t[k * 3 + 2] = t[k * 3 + 2]! + OMEGA * (b / w - t[k * 3 + 2]!);
    }
  }
  const tone = new Float32Array(n * 3);
  for (let k = 0; k < N; k++) for (let c = 0; c < 3; c++) tone[cells[k]! * 3 + c] = t[k * 3 + c]!;
  // spread bilinearly between the cells' centres (cells with no hole pixel drop out)
  for (let y = top, p = top * W; y < bottom; y++) {
    const v = (y + 0.5) / B - 0.5, y0 = Math.floor(v), fy = v - y0;
    for (let x = 0; x < W; x++, p++) {
      if (!hole[p]) continue;
      const u = (x + 0.5) / B - 0.5, x0 = Math.floor(u), fx = u - x0;
      let total = 0, r = 0, g = 0, b = 0;
      for (let k = 0; k < 4; k++) {
        const cx = x0 + (k & 1), cy = y0 + (k >> 1);
        if (cx < 0 || cx >= gw || cy < 0 || cy >= gh) continue;
        const C = cy * gw + cx, wk = (k & 1 ? fx : 1 - fx) * (k >> 1 ? fy : 1 - fy);
        if (!free[C] || wk <= 0) continue;
        total += wk; r += wk * tone[C * 3]!; g += wk * tone[C * 3 + 1]!; b += wk * tone[C * 3 + 2]!;
      }
      if (!total) continue;
      const o = p * channels;
      img[o] = clamp(img[o]! + r / total); img[o + 1] = clamp(img[o + 1]! + g / total); img[o + 2] = clamp(img[o + 2]! + b / total);
    }
  }
}

/** The first row with a hole pixel and one past the last (0, 0 when there is none). */
function holeRows(hole: Uint8Array, W: number, H: number): [number, number] {
  const first = hole.indexOf(1), last = hole.lastIndexOf(1);
  return first < 0 ? [0, 0] : [(first / W) | 0, ((last / W) | 0) + 1];
}

const clamp = (v: number) => (v <= 0 ? 0 : v >= 255 ? 255 : Math.round(v));
