/**
 * One renderer's kernel memory and the calls into it: every buffer a frame needs (the canvas and
 * its depth, the warp lattice, the displacement grid, the light field, the RGBA frame, the I420
 * frame, motion-blur accumulators, YUV planes for the fast path) is laid out once, at setup, in
 * one WebAssembly memory; JavaScript (effects, faces, overlays) reads and writes them through
 * typed views, the kernels through offsets. With a finer lattice for small moving parts, a
 * coarser one is kept too: a YUV warp runs in bands, the parts' rows on the finer (fineRows).
 *
 * @example const fk = createFrameKernels(setup, { rgba: true, blur: false, fine: false }); fk.warp(pose, geo, false);
 */
import type { LightField } from '../effects/types.js';
import type { FrameGrade, Pose, RenderSetup } from '../types.js';
import type { PoseGeometry } from '../camera/geometry.js';
import { latticeShape, type DisplaceField, type Lattice } from './lattice.js';
import { MemoryLayout } from './layout.js';
import { subjectReach, type GridPeaks } from './layer-cells.js';
import { padPlane, planeBytes, rgbGrade, yuvGrade } from './yuv-grade.js';

export interface FrameKernelNeeds {
  /** the general path: an RGBA frame, the light field and the I420 conversion */
  rgba: boolean;
  /** sub-frame poses (motion blur) */
  blur: boolean;
  /** fine source displacement (faces, displacing effects): a finer lattice (see fineRows) */
  fine: boolean;
}

export interface FrameKernels {
  /** the RGBA frame (byte order R, G, B, A), as words and bytes; empty without `rgba` */
  frame32: Int32Array;
  frame8: Uint8Array;
  field: LightField;
  /** the displacement of everything (effects; with no layers, the characters' warps too) */
  disp: DisplaceField;
  /**
   * with layers: the subject layer's displacement — `disp` plus the characters' warps, which move
   * the subject alone over a still background; while it is active a single sheet follows it too
   */
  subjectDisp: DisplaceField | null;
  /** nearness 0…255 at canvas resolution */
  depth: Uint8Array;
  /** the lattice of the last warp (a layer's, after a layered warp: see pictureLattice) */
  lattice: Lattice;
  /**
   * the last warp's lattice on the whole picture's nearness, for passes that follow its source
   * positions or read its nearness (effects' low maps, mouth fills): after a layered warp it is
   * built on first asking, so frames that read none don't pay for it — only its `rows` (output
   * rows [y0, y1)) when the reader needs no others
   */
  pictureLattice(rows?: readonly [number, number]): Lattice;
  /** the I420 frame the kernels write (a view: copy it before handing it on) */
  i420: Uint8Array;
  /**
   * with `fine`: the output rows [y0, y1) where the source moves finely, for the YUV warps from now
   * on; the other rows are warped on the coarser lattice (null, as at first: the finer one everywhere)
   */
  fineRows(rows: readonly [number, number] | null): void;
  /** warps one pose into the RGBA frame (with depth of field when the pose has an aperture) */
  warp(pose: Pose, geo: PoseGeometry, displaced: boolean): void;
  /** warps and averages sub-frame poses into the RGBA frame */
  warpBlurred(poses: readonly Pose[], geoOf: (pose: Pose) => PoseGeometry, displaced: boolean): void;
  /** applies the light field to the RGBA frame */
  composite(): void;
  /** grades the RGBA frame into the I420 frame */
  toI420(grade: FrameGrade): void;
  /**
   * warps straight into the I420 frame, rows [y0, y1) only (the rest is kept); `needDepth`: fill the
   * lattice's nearness; `acting`: the rows where an action can uncover the background (the layers
   * are composited there when the camera is still; elsewhere the picture is one sheet)
   */
  warpYuv(geo: PoseGeometry, grade: FrameGrade, displaced: boolean, y0: number, y1: number, needDepth?: boolean, acting?: readonly [number, number]): void;
}

/** A frame's grade as the YUV kernels read it (see yuvTone). */
interface YuvTone { g: ReturnType<typeof yuvGrade>; ylut: number; vx: number; vy: number }

/** Where one lattice lives in kernel memory (wasm/assembly/lattice.ts latticeInit). */
interface KernelLattice { x: number; y: number; n: number; pointSpans: number }

/** Whether a pose moves near and far content differently (then the layers are warped apart). */
export function hasParallax(geo: PoseGeometry): boolean {
  return geo.truckPx !== 0 || geo.pedestalPx !== 0 || geo.dolly !== 0;
}

/** The coarse grids a render uses: the light field's (output space) and the displacement grid's (canvas). */
export function frameGrids(setup: Pick<RenderSetup, 'width' | 'height' | 'canvasWidth' | 'canvasHeight'>) {
  const W = setup.width, cell = Math.max(2, Math.round(W / 240));
  const gridCell = Math.max(2, Math.round(W / 480));
  return {
    field: { cell, width: Math.ceil(W / cell), height: Math.ceil(setup.height / cell) },
    grid: { cell: gridCell, width: Math.ceil(setup.canvasWidth / gridCell) + 1, height: Math.ceil(setup.canvasHeight / gridCell) + 1 },
  };
}

/** The subject's alpha tiles (wasm/assembly/warp-yuv-layers.ts) are 2^TILE_SHIFT canvas px a side. */
const TILE_SHIFT = 3, TILE = 1 << TILE_SHIFT;
/** The displacement grid's peaks (layer-cells.ts) are kept per square of 2^PEAK_SHIFT grid cells a side. */
const PEAK_SHIFT = 3;
/** Rows of an RGBA sheet converted to YUV planes at a time (about half a megabyte at 1080p: it stays in cache). */
const STAGE_ROWS = 64;

/**
 * The tile map of a layer's alpha (warp-yuv-layers.ts): per TILE × TILE tile, 0 where the alpha
 * is 0, 2 where it is 255, else 1 — over the tile's pixels and the bilinear taps right of and
 * below them.
 */
function alphaTiles(alpha: Uint8Array, cw: number, ch: number, tiles: Uint8Array): void {
  const tw = Math.ceil(cw / TILE), th = Math.ceil(ch / TILE);
  for (let ty = 0; ty < th; ty++) {
    const ya = ty * TILE, yb = Math.min(ch - 1, ya + TILE);
    for (let tx = 0; tx < tw; tx++) {
      const xa = tx * TILE, xb = Math.min(cw - 1, xa + TILE);
      let lo = 255, hi = 0;
      for (let y = ya; y <= yb; y++) for (let x = xa, i = y * cw + xa; x <= xb; x++, i++) { const a = alpha[i]!; if (a < lo) lo = a; if (a > hi) hi = a; }
      tiles[ty * tw + tx] = hi === 0 ? 0 : lo === 255 ? 2 : 1;
    }
  }
}

export function createFrameKernels(setup: RenderSetup, needs: FrameKernelNeeds): FrameKernels {
  const { width: W, height: H, canvasWidth: CW, canvasHeight: CH } = setup;
  const px = W * H, cpx = CW * CH;
  const shape = latticeShape(W, H, needs.fine), ln = shape.lw * shape.lh;
  // the coarser lattice too, for the rows where nothing moves finely (when it is coarser)
  const coarseShape = latticeShape(W, H, false), banded = coarseShape.shift !== shape.shift, cln = coarseShape.lw * coarseShape.lh;
  const grids = frameGrids(setup);
  const fs = grids.field, fn = fs.width * fs.height;
  const { cell: gridCell, width: gw, height: gh } = grids.grid;
  const peakWidth = Math.ceil(gw / (1 << PEAK_SHIFT)), peakSquares = peakWidth * Math.ceil(gh / (1 << PEAK_SHIFT));
  const tw = Math.ceil(CW / TILE), th = Math.ceil(CH / TILE);

  const L = new MemoryLayout();
  // RGBA canvases get a padding row: the bilinear kernels read the taps right of and below the
  // last pixel (with weight 0) rather than branch on every sample
  const rgbaCanvas = (cpx + CW + 4) * 4;
  // an RGBA sheet becomes YUV planes through a band of STAGE_ROWS rows; the whole RGBA canvas is
  // kept only for the general path, which warps it
  const stageRows = Math.min(CH, STAGE_ROWS);
  const at = {
    canvas: needs.rgba ? L.reserve(rgbaCanvas) : 0, stage: L.reserve(stageRows * CW * 4), depth: L.reserve(cpx),
    dof: needs.rgba ? setup.dofLevels.map(() => L.reserve(rgbaCanvas)) : [],
    latX: L.reserve(ln * 8), latY: L.reserve(ln * 8), latN: L.reserve(ln * 4), pointSpans: L.reserve(ln * 16), spans: L.reserve(shape.lw * 16), spanDiffs: L.reserve(shape.lw * 16),
    // a subject that acts in place: the background's own lattice, kept while the camera holds still (see backLattice)
    backLattice: setup.layers?.acting ? { x: L.reserve(ln * 8), y: L.reserve(ln * 8), n: L.reserve(ln * 4), pointSpans: L.reserve(ln * 16) } : null,
    coarse: banded ? {
      x: L.reserve(cln * 8), y: L.reserve(cln * 8), n: L.reserve(cln * 4), pointSpans: L.reserve(cln * 16),
      back: setup.layers?.acting ? { x: L.reserve(cln * 8), y: L.reserve(cln * 8), n: L.reserve(cln * 4), pointSpans: L.reserve(cln * 16) } : null,
      cells: setup.layers ? L.reserve(cln) : 0,
    } : null,
    dispX: L.reserve(gw * gh * 4), dispY: L.reserve(gw * gh * 4),
    subX: setup.layers ? L.reserve(gw * gh * 4) : 0, subY: setup.layers ? L.reserve(gw * gh * 4) : 0,
    frame: needs.rgba ? L.reserve(px * 4 + 16) : 0,
    field: needs.rgba ? L.reserve(fn * 6 * 4) : 0, fieldRow: needs.rgba ? L.reserve(fs.width * 6 * 4) : 0,
    blur: needs.rgba && needs.blur ? ([L.reserve(px * 4), L.reserve(px * 4), L.reserve(px * 4)] as const) : null,
    // the YUV planes every render warps from (frames without light effects, blur or depth of field)
    planes: [L.reserve(planeBytes(CW, CH)), L.reserve(planeBytes(CW, CH)), L.reserve(planeBytes(CW, CH))] as const,
    i420: L.reserve((px * 3) / 2),
    grade: L.reserve(7 * 4), ylut: L.reserve(256), vx: L.reserve(W * 4 + 16), vy: L.reserve(H * 4 + 16),
    // the layered scene (frames with parallax): each layer's nearness and YUV planes (the subject's
    // with its matte), and for the general path its RGBA canvas, blurred copies and the front layer's warp
    layerDepths: setup.layers ? { back: L.reserve(cpx), front: L.reserve(cpx) } : null,
    layerPlanes: setup.layers ? {
      back: [L.reserve(planeBytes(CW, CH)), L.reserve(planeBytes(CW, CH)), L.reserve(planeBytes(CW, CH))] as const,
      front: [L.reserve(planeBytes(CW, CH)), L.reserve(planeBytes(CW, CH)), L.reserve(planeBytes(CW, CH)), L.reserve(planeBytes(CW, CH))] as const,
      // the subject's alpha tiles, and its warped alpha per I420 sample (luma, then chroma)
      tiles: L.reserve(tw * th),
      alpha: L.reserve((px * 3) / 2),
      // per lattice cell: the subject can reach it (its pass), then: the subject is not opaque there (the background's)
      cells: L.reserve(ln),
      // the subject's displacement grid's largest values per square of 2^PEAK_SHIFT cells (layer-cells.ts)
      peakX: L.reserve(peakSquares * 4), peakY: L.reserve(peakSquares * 4),
    } : null,
    layers: needs.rgba && setup.layers ? {
      back: L.reserve(rgbaCanvas), front: L.reserve(rgbaCanvas),
      backDof: setup.layers.backDof.map(() => L.reserve(rgbaCanvas)), frontDof: setup.layers.frontDof.map(() => L.reserve(rgbaCanvas)),
      warped: L.reserve(px * 4 + 16),
    } : null,
  };
  const { exports: k } = L.instantiate();

  const plane = (p: number) => L.u8(p, planeBytes(CW, CH));
  const stage = L.i32(at.stage, stageRows * CW);
  /** the YUV planes (and alpha plane) of an RGBA sheet, converted a band of rows at a time (the same bytes as all at once) */
  const toPlanes = (sheet: SharedArrayBuffer, [yp, up, vp]: readonly number[], ap?: number) => {
    const pixels = new Int32Array(sheet);
    for (let row = 0; row < CH; row += stageRows) {
      const from = row * CW, n = Math.min(stageRows, CH - row) * CW;
      stage.set(pixels.subarray(from, from + n));
      k.canvasPlanes(at.stage, n, yp! + from, up! + from, vp! + from);
      if (ap) k.alphaPlane(at.stage, n, ap + from);
    }
    for (const p of ap ? [yp!, up!, vp!, ap] : [yp!, up!, vp!]) padPlane(CW, CH, plane(p));
  };
  // the layered warp with parallax solves and samples each layer only in the lattice cells it can draw in
  let reach: ReturnType<typeof subjectReach> | null = null;
  if (setup.layers && at.layerDepths && at.layerPlanes) {
    const sl = setup.layers, ld = at.layerDepths, lp = at.layerPlanes;
    L.u8(ld.back, cpx).set(new Uint8Array(sl.backDepth)); L.u8(ld.front, cpx).set(new Uint8Array(sl.frontDepth));
    toPlanes(sl.back, lp.back);
    toPlanes(sl.front, lp.front.slice(0, 3), lp.front[3]);
    alphaTiles(L.u8(lp.front[3], cpx), CW, CH, L.u8(lp.tiles, tw * th));
    // on a lattice of 4 px or more (a quad of luma samples lies in one cell)
    if (shape.shift >= 2) reach = subjectReach(L.u8(lp.tiles, tw * th), tw, th, TILE);
    if (at.layers) {
      const al = at.layers;
      L.i32(al.back, cpx).set(new Int32Array(sl.back)); L.i32(al.front, cpx).set(new Int32Array(sl.front));
      al.backDof.forEach((p, i) => L.i32(p, cpx).set(new Int32Array(sl.backDof[i]!)));
      al.frontDof.forEach((p, i) => L.i32(p, cpx).set(new Int32Array(sl.frontDof[i]!)));
    }
  }
  if (needs.rgba) L.i32(at.canvas, cpx).set(new Int32Array(setup.canvas));
  // the picture's own planes on first use: a worker whose frames all composite the layers (a
  // camera with parallax) never reads them
  let sheetPlanes = false;
  const usePlanes = () => {
    if (!sheetPlanes) toPlanes(setup.canvas, at.planes);
    sheetPlanes = true;
    return at.planes;
  };
  const depth = L.u8(at.depth, cpx);
  depth.set(new Uint8Array(setup.depth));
  at.dof.forEach((p, i) => L.i32(p, cpx).set(new Int32Array(setup.dofLevels[i]!)));
  k.latticeInit(at.latX, at.latY, at.latN, at.pointSpans, at.spans, at.spanDiffs, shape.lw, shape.lh, shape.shift);
  const latticeViews = (sh: typeof shape, x: number, y: number, n: number): Lattice => {
    const count = sh.lw * sh.lh;
    return {
      w: W, h: H, ...sh, X: L.f64(x, count), Y: L.f64(y, count), N: L.f32(n, count),
      SX: new Int32Array(sh.lw), DX: new Int32Array(sh.lw), SY: new Int32Array(sh.lw), DY: new Int32Array(sh.lw),
      affine: true, row: { x: 0, dx: 0, y: 0, dy: 0 },
    };
  };
  /** one lattice spacing's memory: its main lattice, the background's kept one, its cell mask; `back key`: what that was solved for */
  interface LatticeSet {
    shape: typeof shape; ln: number; main: KernelLattice; back: KernelLattice | null; cells: number; lattice: Lattice; backKey: string;
  }
  const fineSet: LatticeSet = {
    shape, ln, main: { x: at.latX, y: at.latY, n: at.latN, pointSpans: at.pointSpans }, back: at.backLattice, cells: at.layerPlanes?.cells ?? 0,
    lattice: latticeViews(shape, at.latX, at.latY, at.latN), backKey: '',
  };
  const coarseSet: LatticeSet | null = at.coarse ? {
    shape: coarseShape, ln: cln, main: at.coarse, back: at.coarse.back, cells: at.coarse.cells,
    lattice: latticeViews(coarseShape, at.coarse.x, at.coarse.y, at.coarse.n), backKey: '',
  } : null;
  const lattice = fineSet.lattice;
  // the set the kernels and buildLattice use
  let cur = fineSet;
  // the output rows warped on the finer lattice (null: all)
  let fineBand: readonly [number, number] | null = null;
  const fieldChannel = (c: number) => (needs.rgba ? L.f32(at.field + c * fn * 4, fn) : new Float32Array(0));
  const field: LightField = {
    ...fs, touched: false,
    mulR: fieldChannel(0), mulG: fieldChannel(1), mulB: fieldChannel(2), addR: fieldChannel(3), addG: fieldChannel(4), addB: fieldChannel(5),
  };
  const disp: DisplaceField = { cell: gridCell, gridWidth: gw, gridHeight: gh, dx: L.f32(at.dispX, gw * gh), dy: L.f32(at.dispY, gw * gh), active: false };
  const subjectDisp: DisplaceField | null = at.subX ? { cell: gridCell, gridWidth: gw, gridHeight: gh, dx: L.f32(at.subX, gw * gh), dy: L.f32(at.subY, gw * gh), active: false } : null;
  /** the grid a layer's lattice follows: the background only `disp`; the subject (or a single sheet) the subject's when active */
  type Grid = 'none' | 'all' | 'subject';
  /** a grid's dx, dy offsets (0, 0: none) */
  const gridAt = (grid: Grid): [number, number] => (grid === 'subject' ? [at.subX, at.subY] : grid === 'all' ? [at.dispX, at.dispY] : [0, 0]);
  const sheetGrid = (displaced: boolean): Grid => (!displaced ? 'none' : subjectDisp?.active ? 'subject' : disp.active ? 'all' : 'none');
  const backGrid = (displaced: boolean): Grid => (displaced && disp.active ? 'all' : 'none');
  const frame32 = needs.rgba ? L.i32(at.frame, px) : new Int32Array(0);
  const frame8 = needs.rgba ? L.u8(at.frame, px * 4) : new Uint8Array(0);
  const i420 = L.u8(at.i420, (px * 3) / 2);

  // after a layered warp: the pose the whole picture's lattice is yet to be built for
  let pictureDue: { geo: PoseGeometry; grid: Grid } | null = null;

  /**
   * solves the lattice for a pose: all of it, or (`rows`) only what output rows [y0, y1) read, and
   * (`cells`, an offset) only the corners of the cells marked there
   */
  function buildLattice(geo: PoseGeometry, needDepth: boolean, grid: Grid, depthAt = at.depth, rows?: readonly [number, number], cells = 0): void {
    pictureDue = null;
    const shape = cur.shape;
    const [gx, gy] = gridAt(grid);
    // output row y reads lattice rows j and j + 1, j = min(lh − 2, ⌊y / step⌋) (rowSpans)
    const j0 = rows ? Math.min(shape.lh - 2, rows[0] >> shape.shift) : 0;
    const j1 = rows ? Math.min(shape.lh - 2, (rows[1] - 1) >> shape.shift) + 2 : shape.lh;
    k.buildLattice(depthAt, CW, CH, W, H, geo.ax, geo.ay, geo.bx, geo.by,
      W / 2 - 0.5 + setup.marginX + geo.panPx, H / 2 - 0.5 + setup.marginY + geo.tiltPx,
      geo.truckPx, geo.pedestalPx, geo.dolly, needDepth ? 1 : 0,
      gx, gy, gridCell, gw, gh, j0, j1, cells);
    cur.lattice.affine = k.latticeIsAffine() === 1;
  }

  /** the lattice the kernels read: the current set's main one (the JavaScript views' own), or its background's kept one */
  const useLattice = (l: KernelLattice) => k.latticeInit(l.x, l.y, l.n, l.pointSpans, at.spans, at.spanDiffs, cur.shape.lw, cur.shape.lh, cur.shape.shift);
  /** makes a set's main lattice the kernels' one */
  function select(set: LatticeSet): void {
    if (set === cur) return;
    cur = set;
    useLattice(set.main);
  }

  /**
   * Makes the background's lattice under a subject acting in place (no parallax) the kernels' one,
   * for output rows [y0, y1); restore with useLattice(mainLattice). When nothing displaces the
   * background it depends on the pose alone, so while the camera holds still it is solved once and
   * kept in its own memory (the frames' subject lattices go on in the main one); otherwise only the
   * rows asked for are solved, in the main lattice.
   */
  function backLattice(geo: PoseGeometry, needDepth: boolean, displaced: boolean, y0: number, y1: number): void {
    const grid = backGrid(displaced), kept = cur.back;
    if (grid !== 'none' || !kept) { buildLattice(geo, needDepth, grid, at.depth, [y0, y1]); return; }
    useLattice(kept);
    const key = [geo.ax, geo.ay, geo.bx, geo.by, geo.panPx, geo.tiltPx, needDepth].join(' ');
    if (key === cur.backKey) return;
    buildLattice(geo, needDepth, grid);
    cur.backKey = key;
  }

  /** one sheet (canvas, its nearness, its blurred copies) warped into dst */
  function warpSheet(dst: number, pose: Pose, geo: PoseGeometry, grid: Grid, canvasAt: number, depthAt: number, dofAt: readonly number[]): void {
    const dof = pose.aperture > 0 && dofAt.length > 0;
    // nearness on the lattice always: depth of field and the effects' low maps read it
    buildLattice(geo, true, grid, depthAt);
    if (!dof) { k.warpRgba(canvasAt, CW, CH, dst, W, H); return; }
    const l1 = dofAt[0]!, l2 = dofAt[1] ?? l1;
    const s1 = setup.dofSigma[0] ?? 1, s2 = setup.dofSigma[1] ?? s1;
    k.warpRgbaDof(canvasAt, l1, l2, s1, s2, CW, CH, dst, W, H, pose.focus, pose.aperture * 0.01 * W);
  }

  function warpInto(dst: number, pose: Pose, geo: PoseGeometry, displaced: boolean): void {
    select(fineSet);
    const al = at.layers, ld = at.layerDepths;
    if (!al || !ld || !hasParallax(geo)) { warpSheet(dst, pose, geo, sheetGrid(displaced), at.canvas, at.depth, at.dof); return; }
    // back to front: the background (what the subject hid synthesised), then the subject over it
    warpSheet(dst, pose, geo, backGrid(displaced), al.back, ld.back, al.backDof);
    warpSheet(al.warped, pose, geo, sheetGrid(displaced), al.front, ld.front, al.frontDof);
    k.over(al.warped, dst, px);
    pictureDue = { geo, grid: sheetGrid(displaced) };
  }

  function vignette(vx: Float32Array | null, vy: Float32Array | null): [number, number] {
    if (!vx || !vy) return [0, 0];
    L.f32(at.vx, W).set(vx);
    L.f32(at.vy, H).set(vy);
    return [at.vx, at.vy];
  }

  /** A frame's grade in kernel memory, once for all its bands: its luma table (0: identity) and vignette profiles. */
  function yuvTone(grade: FrameGrade): YuvTone {
    const g = yuvGrade(grade, W, H);
    L.u8(at.ylut, 256).set(g.ylut);
    const [vx, vy] = vignette(g.vx, g.vy);
    return { g, ylut: g.ylut.every((v, i) => v === i) ? 0 : at.ylut, vx, vy };
  }

  /**
   * warpYuv on the current set's lattice, rows [y0, y1), graded by `tone`; `band`: these rows are one band of the
   * frame (their lattice is solved for them alone)
   */
  function warpYuvRows(geo: PoseGeometry, tone: YuvTone, displaced: boolean, y0: number, y1: number, needDepth: boolean, actingRows: readonly [number, number] | undefined, band = false): void {
    const { g, ylut, vx, vy } = tone;
    const ld = at.layerDepths, lp = at.layerPlanes;
    const parallax = hasParallax(geo), acting = !parallax && displaced && subjectDisp?.active === true;
    // the rows composited from the layers: all with parallax; with the camera still, those where
    // an action can uncover the background (none when nothing acts); the rest is one sheet
    let [r0, r1] = !ld || !lp ? [y1, y1] : parallax ? [y0, y1]
      : acting ? [Math.max(y0, (actingRows?.[0] ?? y0) & ~1), Math.min(y1, ((actingRows?.[1] ?? y1) + 1) & ~1)] : [y1, y1];
    if (r0 >= r1) r0 = r1 = y1;
    // the sheet's lattice; with no parallax a layer's nearness moves nothing, so it is the subject's too (built once)
    if (!parallax || r0 > y0 || r1 < y1) buildLattice(geo, needDepth, sheetGrid(displaced), at.depth, band ? [y0, y1] : undefined);
    if (r0 > y0 || r1 < y1) {
      const [yp, up, vp] = usePlanes();
      for (const [a, b] of [[y0, r0], [r1, y1]] as const) if (a < b) k.warpYuv(yp, up, vp, CW, CH, at.i420, W, H, a, b, ylut, vx, vy, g.saturation, g.warmU, g.warmV);
    }
    if (!ld || !lp || r0 >= r1) return;
    y0 = r0; y1 = r1;
    const rows = band ? [y0, y1] as const : undefined;
    // front to back, ungraded: the subject (where its tiles are not empty), the background under it where the
    // subject is not opaque; then the grade
    // with parallax each layer's lattice is solved only in the cells its pass reads
    const cells = parallax && reach ? cur.cells : 0;
    if (cells) {
      const [gx, gy] = gridAt(sheetGrid(displaced));
      const peaks: GridPeaks | null = gx && k.gridPeaks(gx, gy, gw, gh, PEAK_SHIFT, lp.peakX, lp.peakY)
        ? { x: L.f32(lp.peakX, peakSquares), y: L.f32(lp.peakY, peakSquares), width: peakWidth, side: 1 << PEAK_SHIFT, cell: gridCell, gridWidth: gw, gridHeight: gh }
        : null;
      reach!.mark(L.u8(cells, cur.ln), geo, cur.shape, setup, peaks, [y0, y1]);
    }
    if (parallax) buildLattice(geo, true, sheetGrid(displaced), ld.front, rows, cells);
    const [yp, up, vp, ap] = lp.front;
    k.warpYuvFront(yp, up, vp, ap, lp.tiles, tw, TILE_SHIFT, CW, CH, at.i420, lp.alpha, W, H, y0, y1, cells);
    if (parallax) {
      if (cells) k.openCells(lp.alpha, W, H, y0, y1, cells);
      buildLattice(geo, true, backGrid(displaced), ld.back, rows, cells);
      k.warpYuvUnder(lp.back[0], lp.back[1], lp.back[2], CW, CH, at.i420, lp.alpha, W, H, y0, y1);
    } else {
      // the subject acts in place: the input stays under it, the synthesised background only where it moved away
      backLattice(geo, needDepth, displaced, y0, y1);
      const [iy, iu, iv] = usePlanes(), [sy, su, sv] = lp.back;
      k.warpYuvReveal(iy, iu, iv, sy, su, sv, ap, lp.tiles, tw, TILE_SHIFT, CW, CH, at.i420, lp.alpha, W, H, y0, y1);
      useLattice(cur.main);
    }
    k.gradeI420(at.i420, W, H, y0, y1, ylut, vx, vy, g.saturation, g.warmU, g.warmV);
    pictureDue = { geo, grid: sheetGrid(displaced) };
  }

  return {
    frame32, frame8, field, disp, subjectDisp, depth, lattice, i420,
    warp(pose, geo, displaced) {
      warpInto(at.frame, pose, geo, displaced);
    },
    warpBlurred(poses, geoOf, displaced) {
      const [tmp, accRB, accG] = at.blur!;
      L.i32(accRB, px).fill(0);
      L.i32(accG, px).fill(0);
      for (const p of poses) {
        warpInto(tmp, p, geoOf(p), displaced);
        k.accumulate(tmp, accRB, accG, px);
      }
      k.resolveAccumulated(accRB, accG, at.frame, px, poses.length);
    },
    composite() {
      k.composite(at.frame, W, H, at.field, fs.width, fs.height, fs.cell, at.fieldRow);
    },
    toI420(grade) {
      const g = rgbGrade(grade, W, H);
      L.f32(at.grade, 7).set(g.params);
      const [vx, vy] = vignette(g.vx, g.vy);
      k.toI420(at.frame, W, H, at.grade, vx, vy, at.i420);
    },
    warpYuv(geo, grade, displaced, y0, y1, needDepth = false, actingRows) {
      const tone = yuvTone(grade);
      if (!fineBand || !coarseSet) { select(fineSet); warpYuvRows(geo, tone, displaced, y0, y1, needDepth, actingRows); return; }
      // the fine band on the finer lattice, the rows above and below it on the coarser one
      const [f0, f1] = fineBand;
      const bands = [[coarseSet, y0, Math.min(y1, f0)], [fineSet, Math.max(y0, f0), Math.min(y1, f1)], [coarseSet, Math.max(y0, f1), y1]] as const;
      for (const [set, a, b] of bands) if (a < b) { select(set); warpYuvRows(geo, tone, displaced, a, b, needDepth, actingRows, true); }
      // a reader of the picture's lattice has it built in the set its rows were warped with
      pictureDue = { geo, grid: sheetGrid(displaced) };
    },
    fineRows(rows) {
      fineBand = rows && [rows[0] & ~1, Math.min(H, (rows[1] + 1) & ~1)];
    },
    pictureLattice(rows) {
      // the whole picture's nearness, not the subject layer's continuation over the background
      const due = pictureDue;
      if (!due) return cur.lattice;
      // after a banded warp: rows within the fine band on the finer lattice, others on the coarser
      if (fineBand && coarseSet) select(rows && rows[0] >= fineBand[0] && rows[1] <= fineBand[1] ? fineSet : coarseSet);
      buildLattice(due.geo, true, due.grid, at.depth, rows);
      // the rest of it is still to be built for a later reader of other rows
      if (rows) pictureDue = due;
      return cur.lattice;
    },
  };
}
