/**
 * Output-space maps on the light-field lattice for the frame being rendered: nearness and region
 * masks seen through this frame's camera, and the warped frame's mean luma per cell. Effects
 * that light the frame (fog denser with distance, glows inside a region) read them; they are
 * rebuilt per frame, each on first use.
 *
 * @example const low = createLowMaps(setup, field, depth, maskOf, frame8); low.rebuild(geometry); low.maps.depth
 */
import type { PoseGeometry } from '../camera/geometry.js';
import type { LightField, LowMaps } from '../effects/types.js';
import type { MaskRegion, RenderSetup } from '../types.js';

export interface LowMapsState {
  maps: LowMaps;
  /** points the maps at this frame's camera */
  rebuild(geo: PoseGeometry): void;
}

export function createLowMaps(setup: RenderSetup, field: Pick<LightField, 'cell' | 'width' | 'height'>, depth: Uint8Array, maskOf: (region: MaskRegion) => Uint8Array, frame8: Uint8Array): LowMapsState {
  const { width: W, height: H, canvasWidth: CW, canvasHeight: CH } = setup;
  const lw = field.width, lh = field.height, ln = lw * lh, cell = field.cell;
  const lowIndex = new Int32Array(ln), lowDepth = new Float32Array(ln), lowLuma = new Float32Array(ln);
  const lowMasks = new Map<MaskRegion, Float32Array>();
  const fresh = new Set<MaskRegion>();
  let lumaFresh = false;
  const maps: LowMaps = {
    depth: lowDepth,
    mask(region) {
      let m = lowMasks.get(region);
      if (!m) { m = new Float32Array(ln); lowMasks.set(region, m); }
      if (!fresh.has(region)) {
        const src = maskOf(region);
        for (let i = 0; i < ln; i++) m[i] = src[lowIndex[i]!]! / 255;
        fresh.add(region);
      }
      return m;
    },
    luma() {
      if (!lumaFresh) {
        lowLuma.fill(0);
        for (let y = 0; y < H; y++) {
          const row = Math.min(lh - 1, Math.floor(y / cell)) * lw;
          for (let x = 0, o = y * W * 4; x < W; x++, o += 4) {
            lowLuma[row + Math.min(lw - 1, Math.floor(x / cell))]! += 0.299 * frame8[o]! + 0.587 * frame8[o + 1]! + 0.114 * frame8[o + 2]!;
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
    rebuild(geo) {
      const offX = W / 2 - 0.5 + setup.marginX, offY = H / 2 - 0.5 + setup.marginY;
      const at = (sx: number, sy: number) => {
        const cx = Math.min(CW - 1, Math.max(0, Math.round(sx + offX)));
        const cy = Math.min(CH - 1, Math.max(0, Math.round(sy + offY)));
        return cy * CW + cx;
      };
      // the nearness seen at each cell, by the same fixed-point iteration as the warp
      for (let j = 0; j < lh; j++) for (let i = 0; i < lw; i++) {
        const x = (i + 0.5) * cell - 0.5, y = (j + 0.5) * cell - 0.5;
        let n = depth[at(...geo.backward(x, y, 0.5))]! / 255;
        n = depth[at(...geo.backward(x, y, n))]! / 255;
        const k = at(...geo.backward(x, y, n));
        lowIndex[j * lw + i] = k;
        lowDepth[j * lw + i] = depth[k]! / 255;
      }
      fresh.clear();
      lumaFresh = false;
    },
  };
}
