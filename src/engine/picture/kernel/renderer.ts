/**
 * Renders any frame of a clip from its RenderSetup, independently of the others (so two workers
 * can render frames out of order): displacement (effects, face warps) → warp (+ motion blur) →
 * open-mouth fill → light field → overlays → grade + I420. Every buffer is allocated once per setup, not per frame (except the I420 frame,
 * whose ArrayBuffer is handed over to the encoder).
 *
 * @example const r = createRenderer(setup); const i420 = r.render(0);
 */
import { deriveSeed, createRandom } from '../../util/random.js';
import { poseGeometry } from '../camera/geometry.js';
import { EFFECT_RENDERERS } from '../effects/index.js';
import { effectRegion, type EffectEnv, type EffectInstance, type FrameEnv, type LightField, type LowMaps } from '../effects/types.js';
import type { MaskRegion, RenderSetup } from '../types.js';
import { charactersMove, displaceCharacters, faceRows, fillMouthsI420, fillMouthsRgba } from '../characters/index.js';
import { composite, compositeScratch } from './composite.js';
import { lastLattice } from './lattice.js';
import { toI420 } from './to-i420.js';
import { warp, type DisplaceField, type WarpContext } from './warp.js';
import { canvasPlanes, warpI420, type YuvPlanes } from './warp-i420.js';

export interface FrameRenderer {
  render(index: number): Uint8Array;
}

const M = 0x00ff00ff;

function lightField(width: number, height: number): LightField {
  const cell = Math.max(2, Math.round(width / 240));
  const lw = Math.ceil(width / cell), lh = Math.ceil(height / cell), n = lw * lh;
  return {
    cell, width: lw, height: lh, touched: false,
    mulR: new Float32Array(n), mulG: new Float32Array(n), mulB: new Float32Array(n),
    addR: new Float32Array(n), addG: new Float32Array(n), addB: new Float32Array(n),
  };
}

export function createRenderer(setup: RenderSetup): FrameRenderer {
  const { width: W, height: H, canvasWidth: CW, canvasHeight: CH } = setup;
  const ctx: WarpContext = {
    width: W, height: H, canvasWidth: CW, canvasHeight: CH, marginX: setup.marginX, marginY: setup.marginY,
    canvas: new Int32Array(setup.canvas), depth: new Uint8Array(setup.depth),
    dofLevels: setup.dofLevels.map((b) => new Int32Array(b)), dofSigma: setup.dofSigma,
  };
  const masks: Partial<Record<MaskRegion, Uint8Array>> = {};
  for (const [k, v] of Object.entries(setup.masks)) masks[k as MaskRegion] = new Uint8Array(v);
  const maskOf = (region: MaskRegion): Uint8Array => masks[region] ?? (masks[region] = new Uint8Array(CW * CH));

  // camera-only clips (no visible effects, depth of field or motion blur) warp straight into I420
  const direct = setup.effects.every((e) => e.intensity === 0) && setup.frames.every((f) => f.poses.length === 1 && f.poses[0]!.aperture === 0);
  let planes: YuvPlanes | null = null;

  const frame32 = new Int32Array(W * H);
  const frame8 = new Uint8Array(frame32.buffer);
  const field = lightField(W, H);
  const scratch = compositeScratch(field);

  // displacement grid over the canvas
  const gridCell = Math.max(2, Math.round(W / 480));
  const gw = Math.ceil(CW / gridCell) + 1, gh = Math.ceil(CH / gridCell) + 1;
  const disp: DisplaceField = { cell: gridCell, gridWidth: gw, gridHeight: gh, dx: new Float32Array(gw * gh), dy: new Float32Array(gw * gh), active: false };
  const gridMasks = new Map<MaskRegion, Float32Array>();
  const env: EffectEnv = {
    setup, gridWidth: gw, gridHeight: gh, gridCell, fieldWidth: field.width, fieldHeight: field.height, fieldCell: field.cell,
    gridMask(region) {
      let g = gridMasks.get(region);
      if (!g) {
        const m = maskOf(region);
        g = new Float32Array(gw * gh);
        for (let j = 0; j < gh; j++) for (let i = 0; i < gw; i++) {
          const x = Math.min(CW - 1, i * gridCell), y = Math.min(CH - 1, j * gridCell);
          g[j * gw + i] = m[y * CW + x]! / 255;
        }
        gridMasks.set(region, g);
      }
      return g;
    },
  };

  // face rigs: their warps join the displacement grid; open mouths are filled after the warp
  const rigs = setup.characters ?? [];
  const fillLayout = { width: W, height: H, marginX: setup.marginX, marginY: setup.marginY, canvasWidth: CW, depth: ctx.depth };
  let resting: { key: string; frame: Uint8Array } | null = null;

  const instances: Array<{ index: number; inst: EffectInstance }> = setup.effects.map((effect, index) => {
    const renderer = EFFECT_RENDERERS[effect.type];
    const rng = createRandom(deriveSeed(setup.seed, effect.type + index));
    return { index, inst: renderer.create(env, effect, rng, effectRegion(renderer, effect)) };
  });

  // motion-blur accumulators (lanes of 16 bits hold up to 8 × 255)
  let accRB: Int32Array | null = null, accG: Int32Array | null = null, tmp: Int32Array | null = null;

  // output-space lattice maps, rebuilt per frame on first use
  const lw = field.width, lh = field.height, ln = lw * lh;
  const lowIndex = new Int32Array(ln), lowDepth = new Float32Array(ln), lowLuma = new Float32Array(ln);
  const lowMasks = new Map<MaskRegion, Float32Array>();
  const lowFresh = new Set<MaskRegion>();
  let lumaFresh = false;
  const low: LowMaps = {
    depth: lowDepth,
    mask(region) {
      let m = lowMasks.get(region);
      if (!m) { m = new Float32Array(ln); lowMasks.set(region, m); }
      if (!lowFresh.has(region)) {
        const src = maskOf(region);
        for (let i = 0; i < ln; i++) m[i] = src[lowIndex[i]!]! / 255;
        lowFresh.add(region);
      }
      return m;
    },
    luma() {
      if (!lumaFresh) {
        lowLuma.fill(0);
        const cell = field.cell;
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

  function buildLow(geo: ReturnType<typeof poseGeometry>): void {
    const offX = W / 2 - 0.5 + setup.marginX, offY = H / 2 - 0.5 + setup.marginY;
    const at = (sx: number, sy: number) => {
      const cx = Math.min(CW - 1, Math.max(0, Math.round(sx + offX)));
      const cy = Math.min(CH - 1, Math.max(0, Math.round(sy + offY)));
      return cy * CW + cx;
    };
    for (let j = 0; j < lh; j++) for (let i = 0; i < lw; i++) {
      const x = (i + 0.5) * field.cell - 0.5, y = (j + 0.5) * field.cell - 0.5;
      let n = ctx.depth[at(...geo.backward(x, y, 0.5))]! / 255;
      n = ctx.depth[at(...geo.backward(x, y, n))]! / 255;
      const k = at(...geo.backward(x, y, n));
      lowIndex[j * lw + i] = k;
      lowDepth[j * lw + i] = ctx.depth[k]! / 255;
    }
    lowFresh.clear();
    lumaFresh = false;
  }

  function warpBlurred(poses: RenderSetup['frames'][number]['poses'], d: DisplaceField | null): void {
    const n = poses.length;
    tmp ??= new Int32Array(W * H);
    accRB ??= new Int32Array(W * H);
    accG ??= new Int32Array(W * H);
    accRB.fill(0); accG.fill(0);
    for (const p of poses) {
      warp(tmp, ctx, p, d);
      for (let i = 0; i < tmp.length; i++) { const v = tmp[i]!; accRB[i]! += v & M; accG[i]! += (v >> 8) & M; }
    }
    const inv = 1 / n;
    for (let i = 0; i < frame32.length; i++) {
      const rb = accRB[i]!, g = accG[i]!;
      const r = ((rb & 0xffff) * inv + 0.5) | 0, b = ((rb >>> 16) * inv + 0.5) | 0, gg = ((g & 0xffff) * inv + 0.5) | 0;
      frame32[i] = r | (gg << 8) | (b << 16) | -16777216;
    }
  }

  return {
    render(index) {
      const spec = setup.frames[index];
      if (!spec) throw new Error(`picture: no frame ${index}`);
      const pose = spec.poses[spec.poses.length >> 1]!;
      const faces = rigs.length > 0 && charactersMove(rigs, index);
      if (direct) {
        planes ??= canvasPlanes(ctx.canvas, CW, CH);
        const geo = poseGeometry(pose, W, H);
        if (!faces) return warpI420(new Uint8Array((W * H * 3) / 2), ctx, planes, geo, spec.grade);
        // camera holding still (the same pose and grade as the frame before): re-warp only the
        // faces' rows over the resting frame (decided from the plan alone, so any worker renders
        // any frame to the same bytes)
        const key = JSON.stringify([spec.poses, spec.grade]);
        const prev = setup.frames[index - 1];
        const out = new Uint8Array((W * H * 3) / 2);
        let rows: [number, number] | null = null;
        if (prev && JSON.stringify([prev.poses, prev.grade]) === key) {
          if (!resting || resting.key !== key) resting = { key, frame: warpI420(new Uint8Array((W * H * 3) / 2), ctx, planes, geo, spec.grade) };
          out.set(resting.frame);
          rows = faceRows(rigs, geo, fillLayout);
        }
        disp.dx.fill(0); disp.dy.fill(0);
        displaceCharacters(disp, rigs, index);
        disp.active = true;
        warpI420(out, ctx, planes, geo, spec.grade, disp, rows);
        fillMouthsI420(out, rigs, index, lastLattice()!, geo, fillLayout);
        return out;
      }
      const active = instances.filter((e) => (spec.amounts[e.index] ?? 0) > 0);
      const geometry = poseGeometry(pose, W, H);
      const frameEnv: FrameEnv = { t: spec.t, index, pose, geometry, width: W, height: H, frame32, frame8, low };

      disp.active = false;
      const displacers = active.filter((e) => e.inst.displace);
      if (displacers.length || faces) {
        disp.dx.fill(0); disp.dy.fill(0);
        for (const e of displacers) e.inst.displace!(disp, frameEnv, spec.amounts[e.index]!);
        if (faces) displaceCharacters(disp, rigs, index);
        disp.active = true;
      }
      if (spec.poses.length > 1) warpBlurred(spec.poses, disp);
      else warp(frame32, ctx, pose, disp);
      if (faces) fillMouthsRgba(frame32, rigs, index, lastLattice()!, geometry, fillLayout);

      if (active.some((e) => e.inst.light || e.inst.overlay)) {
        buildLow(geometry);
        const lights = active.filter((e) => e.inst.light);
        if (lights.length) {
          field.mulR.fill(1); field.mulG.fill(1); field.mulB.fill(1);
          field.addR.fill(0); field.addG.fill(0); field.addB.fill(0);
          field.touched = false;
          for (const e of lights) e.inst.light!(field, frameEnv, spec.amounts[e.index]!);
          if (field.touched) composite(frame32, W, H, field, scratch);
        }
        for (const e of active) if (e.inst.overlay) e.inst.overlay(frameEnv, spec.amounts[e.index]!);
      }
      return toI420(frame32, W, H, spec.grade, new Uint8Array((W * H * 3) / 2));
    },
  };
}
