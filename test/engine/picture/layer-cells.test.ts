/**
 * The subject layer's reach (kernel/layer-cells.ts) may leave a lattice cell out only when nothing
 * the warp can draw there lands on the subject: the layered warp then skips solving and sampling
 * it, and the frames must stay the same bytes. Checked by brute force against the lattice's own
 * arithmetic (wasm/assembly/lattice.ts) on a drawn subject, for camera moves with zoom, roll, pan,
 * truck, pedestal and dolly and a displacement grid (an arm's wave): every lattice point at every
 * nearness the kernel can read (k / 255), displaced by the grid's bilinear lookup. A cell left out
 * must have all its corners' positions — so, by convexity, all its samples' — away from every tile
 * of the subject that is not empty. The same check catches a reach that ignores the displacement.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { poseGeometry, type PoseGeometry } from '../../../src/engine/picture/camera/geometry.js';
import { subjectReach, type GridPeaks } from '../../../src/engine/picture/kernel/layer-cells.js';
import { latticeShape } from '../../../src/engine/picture/kernel/lattice.js';
import { MemoryLayout } from '../../../src/engine/picture/kernel/layout.js';
import { createRandom } from '../../../src/engine/util/random.js';
import type { Pose } from '../../../src/engine/picture/types.js';

const W = 960, H = 540, MX = 48, MY = 28, CW = W + 2 * MX, CH = H + 2 * MY, TILE = 8;
const TW = Math.ceil(CW / TILE), TH = Math.ceil(CH / TILE);
const CELL = 2, GW = Math.ceil(CW / CELL) + 1, GH = Math.ceil(CH / CELL) + 1, PEAK_SHIFT = 3;

/** A drawn subject's tiles: a body (ellipse) and one lone tile far from it. */
function subjectTiles(): Uint8Array {
  const t = new Uint8Array(TW * TH);
  for (let y = 0; y < TH; y++) for (let x = 0; x < TW; x++) {
    const u = (x - TW * 0.45) / (TW * 0.12), v = (y - TH * 0.55) / (TH * 0.3);
    if (u * u + v * v < 1) t[y * TW + x] = u * u + v * v < 0.6 ? 2 : 1;
  }
  t[Math.round(TH * 0.2) * TW + Math.round(TW * 0.8)] = 1;
  return t;
}

/** A displacement grid like a waving arm's: a smooth bump of up to `amp` px beside the body. */
function waveGrid(amp: number): { dx: Float32Array; dy: Float32Array } {
  const dx = new Float32Array(GW * GH), dy = new Float32Array(GW * GH);
  const cx = GW * 0.62, cy = GH * 0.4, r = GW * 0.08;
  for (let j = 0; j < GH; j++) for (let i = 0; i < GW; i++) {
    const d2 = ((i - cx) ** 2 + (j - cy) ** 2) / (r * r);
    if (d2 >= 1) continue;
    const w = (1 - d2) ** 2;
    dx[j * GW + i] = -amp * w; dy[j * GW + i] = amp * 0.6 * w;
  }
  return { dx, dy };
}

/** The grid's peaks from the kernel (gridPeaks), as frame-kernels.ts hands them to the reach. */
function kernelPeaks(grid: { dx: Float32Array; dy: Float32Array }): GridPeaks | null {
  const side = 1 << PEAK_SHIFT, pw = Math.ceil(GW / side), squares = pw * Math.ceil(GH / side);
  const L = new MemoryLayout();
  const gx = L.reserve(GW * GH * 4), gy = L.reserve(GW * GH * 4), px = L.reserve(squares * 4), py = L.reserve(squares * 4);
  const k = L.instantiate().exports;
  L.f32(gx, GW * GH).set(grid.dx); L.f32(gy, GW * GH).set(grid.dy);
  if (!k.gridPeaks(gx, gy, GW, GH, PEAK_SHIFT, px, py)) return null;
  return { x: L.f32(px, squares).slice(), y: L.f32(py, squares).slice(), width: pw, side, cell: CELL, gridWidth: GW, gridHeight: GH };
}

/** Per lattice point, the box of its positions over every nearness k / 255: the lattice kernel's arithmetic. */
function pointBoxes(geo: PoseGeometry, grid: { dx: Float32Array; dy: Float32Array } | null, step: number, lw: number, lh: number): Float64Array {
  const box = new Float64Array(lw * lh * 4);
  const offX = W / 2 - 0.5 + MX + geo.panPx, offY = H / 2 - 0.5 + MY + geo.tiltPx;
  const gmaxX = GW - 1.001, gmaxY = GH - 1.001;
  for (let j = 0; j < lh; j++) for (let i = 0; i < lw; i++) {
    const dx = i * step + 0.5 - W / 2, dy = j * step + 0.5 - H / 2;
    const qx = geo.ax * dx + geo.bx * dy, qy = geo.ay * dx + geo.by * dy;
    const gx = geo.truckPx - geo.dolly * qx, gy = geo.pedestalPx - geo.dolly * qy;
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (let k = 0; k <= 255; k++) {
      const n = k / 255;
      let sx = qx + offX + n * gx, sy = qy + offY + n * gy;
      if (grid) {
        const gxp = Math.min(gmaxX, Math.max(0, sx / CELL)), gyp = Math.min(gmaxY, Math.max(0, sy / CELL));
        const ci = Math.floor(gxp), cj = Math.floor(gyp), fx = gxp - ci, fy = gyp - cj, c = cj * GW + ci;
        const { dx: ax, dy: ay } = grid;
        sx += (ax[c]! * (1 - fx) + ax[c + 1]! * fx) * (1 - fy) + (ax[c + GW]! * (1 - fx) + ax[c + GW + 1]! * fx) * fy;
        sy += (ay[c]! * (1 - fx) + ay[c + 1]! * fx) * (1 - fy) + (ay[c + GW]! * (1 - fx) + ay[c + GW + 1]! * fx) * fy;
      }
      if (sx < x0) x0 = sx;
      if (sx > x1) x1 = sx;
      if (sy < y0) y0 = sy;
      if (sy > y1) y1 = sy;
    }
    const o = (j * lw + i) * 4;
    box[o] = x0; box[o + 1] = y0; box[o + 2] = x1; box[o + 3] = y1;
  }
  return box;
}

/** Cells left out whose corners' positions can land on a subject tile that is not empty. */
function missedCells(cells: Uint8Array, tiles: Uint8Array, boxes: Float64Array, lw: number, lh: number): number {
  let missed = 0;
  for (let j = 0; j < lh - 1; j++) for (let i = 0; i < lw - 1; i++) {
    if (cells[j * lw + i]) continue;
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const p of [j * lw + i, j * lw + i + 1, (j + 1) * lw + i, (j + 1) * lw + i + 1]) {
      x0 = Math.min(x0, boxes[p * 4]!); y0 = Math.min(y0, boxes[p * 4 + 1]!); x1 = Math.max(x1, boxes[p * 4 + 2]!); y1 = Math.max(y1, boxes[p * 4 + 3]!);
    }
    // the kernels clamp a position into the canvas; its tile holds its pixel and the taps right of and below it
    const t = (v: number, max: number) => Math.floor(Math.min(max - 1, Math.max(0, v)) / TILE);
    let hit = false;
    for (let ty = t(y0, CH); ty <= t(y1, CH) && !hit; ty++) for (let tx = t(x0, CW); tx <= t(x1, CW); tx++) if (tiles[ty * TW + tx]) { hit = true; break; }
    if (hit) missed++;
  }
  return missed;
}

const pose = (p: Partial<Pose>): Pose => ({ zoom: 1, pan: 0, tilt: 0, roll: 0, truck: 0, pedestal: 0, dolly: 0, focus: 0.5, aperture: 0, ...p } as Pose);

test('a cell the subject can reach is never left out, under any camera move and displacement', () => {
  const tiles = subjectTiles(), reach = subjectReach(tiles, TW, TH, TILE);
  const { step, lw, lh } = latticeShape(W, H, true);
  assert.equal(step, 4, 'the lattice the cells are used on (4 px at 960 px and more)');
  const rnd = createRandom(7), r = (a: number, b: number) => rnd.range(a, b);
  const moves: Pose[] = [
    pose({ zoom: 1.08, dolly: 0.12 }), // the default push-in with dolly
    pose({ zoom: 1.0, truck: 0.04, pedestal: -0.03 }),
    pose({ zoom: 1.15, roll: 4, pan: 0.03, tilt: -0.02, dolly: -0.1 }),
  ];
  for (let k = 0; k < 5; k++) {
    moves.push(pose({ zoom: r(0.92, 1.22), roll: r(-5, 5), pan: r(-0.04, 0.04), tilt: r(-0.04, 0.04), truck: r(-0.05, 0.05), pedestal: r(-0.05, 0.05), dolly: r(-0.15, 0.15) }));
  }
  const cells = new Uint8Array(lw * lh);
  for (const [m, p] of moves.entries()) {
    const geo = poseGeometry(p, W, H);
    for (const amp of [0, 24]) {
      const grid = amp ? waveGrid(amp) : null;
      reach.mark(cells, geo, { step, lw, lh }, { width: W, height: H, canvasWidth: CW, canvasHeight: CH, marginX: MX, marginY: MY }, grid ? kernelPeaks(grid) : null);
      let marked = 0;
      for (let j = 0; j < lh - 1; j++) for (let i = 0; i < lw - 1; i++) marked += cells[j * lw + i]!;
      const share = marked / ((lw - 1) * (lh - 1));
      assert.ok(share > 0.05 && share < 0.7, `move ${m}, wave ${amp}: the reach leaves cells out (${(share * 100).toFixed(1)} % kept)`);
      assert.equal(missedCells(cells, tiles, pointBoxes(geo, grid, step, lw, lh), lw, lh), 0, `move ${m}, wave ${amp}: a cell the subject reaches was left out`);
    }
  }
});

test('the brute-force check catches a reach that ignores the displacement', () => {
  const tiles = subjectTiles(), reach = subjectReach(tiles, TW, TH, TILE);
  const { step, lw, lh } = latticeShape(W, H, true);
  const geo = poseGeometry(pose({ zoom: 1.08, dolly: 0.12 }), W, H), grid = waveGrid(24);
  const cells = new Uint8Array(lw * lh);
  reach.mark(cells, geo, { step, lw, lh }, { width: W, height: H, canvasWidth: CW, canvasHeight: CH, marginX: MX, marginY: MY }, null);
  assert.ok(missedCells(cells, tiles, pointBoxes(geo, grid, step, lw, lh), lw, lh) > 0, 'cells the wave moves the subject into are missed without its peaks');
});

test('the kernel keeps a displacement grid\'s largest values per square of cells', () => {
  const grid = waveGrid(24), peaks = kernelPeaks(grid)!;
  assert.ok(peaks, 'a grid that is not all 0 has peaks');
  for (let sy = 0; sy < Math.ceil(GH / peaks.side); sy++) for (let sx = 0; sx < peaks.width; sx++) {
    let mx = 0, my = 0;
    for (let j = sy * peaks.side; j < Math.min(GH, (sy + 1) * peaks.side); j++) for (let i = sx * peaks.side; i < Math.min(GW, (sx + 1) * peaks.side); i++) {
      mx = Math.max(mx, Math.abs(grid.dx[j * GW + i]!)); my = Math.max(my, Math.abs(grid.dy[j * GW + i]!));
    }
    assert.equal(peaks.x[sy * peaks.width + sx], mx); assert.equal(peaks.y[sy * peaks.width + sx], my);
  }
  assert.equal(kernelPeaks({ dx: new Float32Array(GW * GH), dy: new Float32Array(GW * GH) }), null, 'an all-0 grid has none');
});

test('a band of output rows gets the same cells on the rows it reads, and no others judged', () => {
  // the layered warp of a frame in bands (a face's rows on the finer lattice) marks the cells per band
  const tiles = subjectTiles(), reach = subjectReach(tiles, TW, TH, TILE);
  const { step, lw, lh } = latticeShape(W, H, true);
  const layout = { width: W, height: H, canvasWidth: CW, canvasHeight: CH, marginX: MX, marginY: MY };
  const whole = new Uint8Array(lw * lh), band = new Uint8Array(lw * lh);
  for (const p of [pose({ zoom: 1.08, dolly: 0.12 }), pose({ zoom: 1.1, truck: 0.04, roll: 3 })]) {
    const geo = poseGeometry(p, W, H), peaks = kernelPeaks(waveGrid(24));
    reach.mark(whole, geo, { step, lw, lh }, layout, peaks);
    for (const [y0, y1] of [[0, 96], [96, 330], [330, H], [250, 252]] as const) {
      reach.mark(band, geo, { step, lw, lh }, layout, peaks, [y0, y1]);
      // the cell rows the band's pixels and its lattice rows' corners read: ⌊y0 / step⌋ − 1 … ⌊(y1 − 1) / step⌋ + 1
      const c0 = Math.max(0, Math.floor(y0 / step) - 1), c1 = Math.min(lh - 2, Math.floor((y1 - 1) / step) + 1);
      assert.deepEqual(band.subarray(c0 * lw, (c1 + 1) * lw), whole.subarray(c0 * lw, (c1 + 1) * lw), `rows ${y0}–${y1}: the same cells where the band reads`);
      let judged = 0, all = 0;
      for (let i = 0; i < lw * lh; i++) { judged += band[i]!; all += whole[i]!; }
      if (y1 - y0 < H / 2) assert.ok(judged < all, `rows ${y0}–${y1}: the cells of rows it never reads are left 0 (${judged} of ${all})`);
    }
  }
});
