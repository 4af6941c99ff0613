/**
 * Output-space maps on the light-field lattice for the frame being rendered: nearness and region
 * masks seen through this frame's camera, and the warped frame's mean luma per cell. Effects
 * that light the frame (fog denser with distance, glows inside a region) read them; each is
 * built on first use in a frame, from the warp's own lattice (the exact source position and
 * nearness the frame shows there), so a frame whose effects read none costs nothing.
 *
 * @example const low = createLowMaps(setup, field, () => lattice, maskOf); low.invalidate(); low.maps.depth
 */
import type { LightField, LowMaps } from '../effects/types.js';
import type { MaskRegion, RenderSetup } from '../types.js';
import type { Lattice } from './lattice.js';
import { skyEdge, type SkyEdge } from './sky-edge.js';

/** How `mask('sky')` reads while the light stage runs: as analysed, shrunk to what is surely sky, or grown to what may be (sky-edge.ts). */
export type SkyView = 'plain' | 'inner' | 'outer';

export interface LowMapsState {
  maps: LowMaps;
  /** a new frame was warped (into `luma`'s buffer): the maps follow its lattice on their next use */
  invalidate(luma: LumaSource): void;
  /** how the sky mask reads from now on */
  skyView(view: SkyView): void;
  /** the sky's edge when the sky was read through `inner`/`outer` this frame and has one, else null */
  skyEdgeRead(): SkyEdge | null;
}

/** Where the frame's luma is read: the RGBA frame's bytes, or the I420 frame's luma plane. */
export type LumaSource = { rgba: Uint8Array } | { y: Uint8Array };

/** `lattice`: the frame's warp lattice on the whole picture's nearness (asked for only when a map is read) */
export function createLowMaps(setup: RenderSetup, field: Pick<LightField, 'cell' | 'width' | 'height'>, lattice: () => Lattice, maskOf: (region: MaskRegion) => Uint8Array): LowMapsState {
  const { width: W, height: H, canvasWidth: CW, canvasHeight: CH } = setup;
  const lw = field.width, lh = field.height, ln = lw * lh, cell = field.cell;
  const lowIndex = new Int32Array(ln), lowDepth = new Float32Array(ln), lowLuma = new Float32Array(ln);
  const lowMasks = new Map<MaskRegion, Float32Array>();
  const fresh = new Set<MaskRegion>();
  let lumaFresh = false, placed = false;
  const edge = skyEdge(field);
  let view: SkyView = 'plain', edgeFresh = false;
  let source: LumaSource = { rgba: new Uint8Array(0) };

  // each cell's centre → the nearest lattice point: its canvas pixel and nearness
  function place(): void {
    if (placed) return;
    const { step, lw: latW, lh: latH, X, Y, N } = lattice();
    const inv = 1 / 32768;
    for (let j = 0; j < lh; j++) {
      const lj = Math.min(latH - 1, Math.round(((j + 0.5) * cell - 0.5) / step));
      for (let i = 0; i < lw; i++) {
        const li = Math.min(latW - 1, Math.round(((i + 0.5) * cell - 0.5) / step));
        const k = lj * latW + li;
        const cx = Math.min(CW - 1, Math.max(0, Math.round(X[k]! * inv))), cy = Math.min(CH - 1, Math.max(0, Math.round(Y[k]! * inv)));
        lowIndex[j * lw + i] = cy * CW + cx;
        lowDepth[j * lw + i] = N[k]!;
      }
    }
    placed = true;
  }

  function plainMask(region: MaskRegion): Float32Array {
    place();
    let m = lowMasks.get(region);
    if (!m) { m = new Float32Array(ln); lowMasks.set(region, m); }
    if (!fresh.has(region)) {
      const src = maskOf(region);
      for (let i = 0; i < ln; i++) m[i] = src[lowIndex[i]!]! / 255;
      fresh.add(region);
    }
    return m;
  }

  const maps: LowMaps = {
    get depth() {
      place();
      return lowDepth;
    },
    mask(region) {
      if (region === 'sky' && view !== 'plain') {
        if (!edgeFresh) { edge.spread(plainMask('sky')); edgeFresh = true; }
        return view === 'inner' ? edge.inner : edge.outer;
      }
      return plainMask(region);
    },
    luma() {
      if (!lumaFresh) {
        lowLuma.fill(0);
        if ('rgba' in source) {
          const f = source.rgba;
          for (let y = 0; y < H; y++) {
            const row = Math.min(lh - 1, Math.floor(y / cell)) * lw;
            for (let x = 0, o = y * W * 4; x < W; x++, o += 4) {
              lowLuma[row + Math.min(lw - 1, Math.floor(x / cell))]! += 0.299 * f[o]! + 0.587 * f[o + 1]! + 0.114 * f[o + 2]!;
            }
          }
        } else {
          // limited-range luma back to 0…255
          const f = source.y;
          for (let y = 0; y < H; y++) {
            const row = Math.min(lh - 1, Math.floor(y / cell)) * lw;
            for (let x = 0, o = y * W; x < W; x++, o++) lowLuma[row + Math.min(lw - 1, Math.floor(x / cell))]! += (f[o]! - 16) * (255 / 219);
          }
        }
        const norm = 1 / (cell * cell * 255);
        for (let i = 0; i < ln; i++) lowLuma[i]! *= norm;
        lumaFresh = true;
      }
      return lowLuma;
    },
  };
  return {
    maps,
    invalidate(luma) {
      source = luma;
      placed = false;
      fresh.clear();
      lumaFresh = false;
      edgeFresh = false;
    },
    skyView(next) {
      view = next;
    },
    skyEdgeRead() {
      return edgeFresh && edge.hasEdge ? edge : null;
    },
  };
}
