/**
 * Renders any frame of a clip from its RenderSetup, independently of the others (so two workers
 * can render frames out of order): displacement (effects, face warps) → warp (+ motion blur) →
 * open-mouth fill → light field → overlays → grade + I420. Frames whose effects only displace or
 * draw particles through the surface are warped straight into I420 (graded) and drawn on there;
 * only light effects, depth of field and motion blur need the RGBA frame. The per-pixel passes
 * (lattice, warp, light-field composite, I420 conversion) run in the WebAssembly kernels (frame-kernels.ts);
 * effects and faces fill their coarse fields and draw their overlays in JavaScript, on views of
 * the same memory. Every buffer is laid out once per setup; each frame is handed on as a copy.
 * Light effects that read the sky meet its edge pixel by pixel (sky-edge.ts: a second light field
 * where the sky has an edge, blended in by each edge pixel's colour).
 * With a layered scene the characters' warps go into the subject's own displacement grid: the
 * subject layer moves over a background that stays (on the YUV path, with the camera still, the
 * synthesised background shows only where the moved subject uncovers it: warp-yuv-reveal.ts).
 *
 * @example const r = createRenderer(setup); const i420 = r.render(0);
 */
import { deriveSeed, createRandom } from '../../util/random.js';
import { poseGeometry } from '../camera/geometry.js';
import { EFFECT_RENDERERS } from '../effects/index.js';
import { effectRegion, type EffectEnv, type EffectInstance, type FrameEnv, type LightField } from '../effects/types.js';
import type { MaskRegion, Pose, RenderSetup } from '../types.js';
import type { PoseGeometry } from '../camera/geometry.js';
import { boxRows, charactersMove, displaceCharacters, faceRows, finePartsBox, fillMouthsI420, fillMouthsRgba, mouthRows, mouthsOpen } from '../characters/index.js';
import { createFrameKernels, frameGrids } from './frame-kernels.js';
import { createLowMaps } from './low-maps.js';
import { i420Surface, rgbaSurface } from '../effects/shared/surface.js';
import { edgesHeldIn, heldEdges } from '../effects/shared/held-edges.js';

export interface FrameRenderer {
  /** frame `index` as I420, into `into` when given (its first width×height×1.5 bytes), else a new buffer */
  render(index: number, into?: Uint8Array): Uint8Array;
}

export function createRenderer(setup: RenderSetup): FrameRenderer {
  const { width: W, height: H, canvasWidth: CW, canvasHeight: CH } = setup;
  const masks: Partial<Record<MaskRegion, Uint8Array>> = {};
  for (const [k, v] of Object.entries(setup.masks)) masks[k as MaskRegion] = new Uint8Array(v);
  const maskOf = (region: MaskRegion): Uint8Array => masks[region] ?? (masks[region] = new Uint8Array(CW * CH));

  const grids = frameGrids(setup);
  const geoOf = (pose: Pose) => poseGeometry(pose, W, H);

  const gridMasks = new Map<MaskRegion, Float32Array>();
  const { cell: gridCell, width: gw, height: gh } = grids.grid;
  // what a displacing effect in a region leaves still (effects/shared/held-edges.ts)
  const heldIn = (region: MaskRegion) => {
    const edges = setup.straightEdges ? edgesHeldIn(region, setup.straightEdges) : [];
    return edges.length ? heldEdges(edges, W, gw, gh, gridCell) : null;
  };
  const env: EffectEnv = {
    setup, gridWidth: gw, gridHeight: gh, gridCell, fieldWidth: grids.field.width, fieldHeight: grids.field.height, fieldCell: grids.field.cell,
    gridMask(region) {
      let g = gridMasks.get(region);
      if (!g) {
        const m = maskOf(region), hold = heldIn(region);
        g = new Float32Array(gw * gh);
        for (let j = 0; j < gh; j++) for (let i = 0; i < gw; i++) {
          const x = Math.min(CW - 1, i * gridCell), y = Math.min(CH - 1, j * gridCell);
          // displacement leaves the picture's straight edges still (effects/shared/held-edges.ts)
          g[j * gw + i] = (m[y * CW + x]! / 255) * (hold ? 1 - hold[j * gw + i]! : 1);
        }
        gridMasks.set(region, g);
      }
      return g;
    },
  };
  const instances: Array<{ index: number; inst: EffectInstance; yuv: boolean }> = setup.effects.map((effect, index) => {
    const renderer = EFFECT_RENDERERS[effect.type];
    const rng = createRandom(deriveSeed(setup.seed, effect.type + index));
    const inst = renderer.create(env, effect, rng, effectRegion(renderer, effect));
    // drawn through the surface only, or only displacing: its frames can stay in YUV
    return { index, inst, yuv: !inst.light && (!inst.overlay || renderer.surfaceOnly === true) };
  });

  const blur = setup.frames.some((f) => f.poses.length > 1 || f.poses[0]!.aperture > 0);
  // the RGBA frame only when some frame needs it: camera-only clips never allocate it (the
  // layered scene composites its layers on either path)
  const rgba = blur || instances.some((e) => !e.yuv && setup.effects[e.index]!.intensity > 0);
  // the finer lattice only for warps that change over a few pixels (an arm's wave or a body's
  // breath comes out the same on the coarser one, at a quarter of the lattice's cost): all of the
  // frame for an effect's, only around the small parts for the characters'
  const fineEffects = setup.effects.some((e) => EFFECT_RENDERERS[e.type].finelyDisplaces && e.intensity > 0);
  const fineParts = finePartsBox(setup.characters ?? []);
  const fk = createFrameKernels(setup, { rgba, blur, fine: fineEffects || fineParts !== null });
  const { field, disp, subjectDisp, frame32, frame8 } = fk;
  const rgbaSurf = rgbaSurface(frame8, W, H), i420Surf = i420Surface(fk.i420, W, H);

  // face rigs: their warps join the displacement grid; open mouths are filled after the warp
  const rigs = setup.characters ?? [];
  const fillLayout = { width: W, height: H, marginX: setup.marginX, marginY: setup.marginY, canvasWidth: CW, depth: fk.depth };
  let resting: { key: string; frame: Uint8Array } | null = null;

  const low = createLowMaps(setup, grids.field, fk.pictureLattice, maskOf);
  // the light field again with the sky grown to its edge, and the frame before light (sky-edge.ts)
  const fieldSize = grids.field.width * grids.field.height;
  const outerField: LightField = {
    ...grids.field, touched: false,
    mulR: new Float32Array(fieldSize), mulG: new Float32Array(fieldSize), mulB: new Float32Array(fieldSize),
    addR: new Float32Array(fieldSize), addG: new Float32Array(fieldSize), addB: new Float32Array(fieldSize),
  };
  let unlit = new Uint8Array(0);

  /**
   * A frame whose only motion is its faces, with the camera holding still (the same pose and grade
   * as the frame before): the resting frame (warped once without the faces) goes into the I420
   * frame and only the faces' rows need warping again. Decided from the plan alone, so any worker
   * renders any frame to the same bytes. Returns the rows to warp.
   */
  function restOutsideFaces(index: number, geo: PoseGeometry): [number, number] {
    const spec = setup.frames[index]!, prev = setup.frames[index - 1];
    const key = JSON.stringify([spec.poses, spec.grade]);
    if (!prev || JSON.stringify([prev.poses, prev.grade]) !== key) return [0, H];
    if (!resting || resting.key !== key) {
      fk.warpYuv(geo, spec.grade, false, 0, H);
      resting = { key, frame: fk.i420.slice() };
    }
    fk.i420.set(resting.frame);
    const r = faceRows(rigs, geo, fillLayout);
    return [Math.max(0, r[0] & ~1), Math.min(H, (r[1] + 1) & ~1)];
  }

  /** Renders frame `index` into the kernel memory's I420 frame and returns that view. */
  function renderFrame(index: number): Uint8Array {
    const spec = setup.frames[index];
    if (!spec) throw new Error(`picture: no frame ${index}`);
    const pose = spec.poses[spec.poses.length >> 1]!;
    const faces = rigs.length > 0 && charactersMove(rigs, index);
    const active = instances.filter((e) => (spec.amounts[e.index] ?? 0) > 0);
    const geometry = geoOf(pose);
    // frames whose effects only displace or draw through the surface skip the RGBA frame
    const yuv = spec.poses.length === 1 && pose.aperture === 0 && active.every((e) => e.yuv);
    // the finer lattice only in the rows of the small parts that move (an effect's: everywhere)
    fk.fineRows(fineParts && !fineEffects ? boxRows(fineParts, geometry, fillLayout) : null);
    const frameEnv: FrameEnv = { t: spec.t, index, pose, geometry, width: W, height: H, surface: yuv ? i420Surf : rgbaSurf, frame32, frame8, low: low.maps };

    disp.active = false;
    if (subjectDisp) subjectDisp.active = false;
    const displacers = active.filter((e) => e.inst.displace);
    if (displacers.length) {
      disp.dx.fill(0); disp.dy.fill(0);
      for (const e of displacers) e.inst.displace!(disp, frameEnv, spec.amounts[e.index]!);
      disp.active = true;
    }
    if (faces && subjectDisp) {
      // with layers the characters move the subject layer alone, over a background that stays
      if (disp.active) { subjectDisp.dx.set(disp.dx); subjectDisp.dy.set(disp.dy); } else { subjectDisp.dx.fill(0); subjectDisp.dy.fill(0); }
      displaceCharacters(subjectDisp, rigs, index);
      subjectDisp.active = true;
    } else if (faces) {
      if (!disp.active) { disp.dx.fill(0); disp.dy.fill(0); }
      displaceCharacters(disp, rigs, index);
      disp.active = true;
    }
    const displaced = disp.active || subjectDisp?.active === true;
    if (yuv) {
      const [y0, y1] = faces && active.length === 0 ? restOutsideFaces(index, geometry) : [0, H];
      const acting = faces && setup.layers?.acting ? boxRows(setup.layers.acting, geometry, fillLayout) : undefined;
      fk.warpYuv(geometry, spec.grade, displaced, y0, y1, active.length > 0, acting);
      if (faces && mouthsOpen(rigs, index)) fillMouthsI420(fk.i420, rigs, index, fk.pictureLattice(mouthRows(rigs, index, geometry, fillLayout)), geometry, fillLayout);
      low.invalidate({ y: fk.i420 });
      for (const e of active) if (e.inst.overlay) e.inst.overlay(frameEnv, spec.amounts[e.index]!);
      return fk.i420;
    }
    if (spec.poses.length > 1) fk.warpBlurred(spec.poses, geoOf, displaced);
    else fk.warp(pose, geometry, displaced);
    if (faces && mouthsOpen(rigs, index)) fillMouthsRgba(frame32, rigs, index, fk.pictureLattice(mouthRows(rigs, index, geometry, fillLayout)), geometry, fillLayout);

    if (active.some((e) => e.inst.light || e.inst.overlay)) {
      low.invalidate({ rgba: frame8 });
      const lights = active.filter((e) => e.inst.light);
      if (lights.length) {
        // the light stage reads the sky as what is surely sky; where that has an edge, it runs again
        // reading what may be sky, and each edge pixel takes that as far as its colour is a sky's
        clearField(field);
        low.skyView('inner');
        for (const e of lights) e.inst.light!(field, frameEnv, spec.amounts[e.index]!);
        const edge = low.skyEdgeRead();
        if (edge) {
          clearField(outerField);
          low.skyView('outer');
          for (const e of lights) e.inst.light!(outerField, frameEnv, spec.amounts[e.index]!);
          if (unlit.length !== frame8.length) unlit = new Uint8Array(frame8.length);
          unlit.set(frame8);
        }
        low.skyView('plain');
        if (field.touched) fk.composite();
        if (edge) edge.blend(frame8, unlit, outerField, W, H);
      }
      for (const e of active) if (e.inst.overlay) e.inst.overlay(frameEnv, spec.amounts[e.index]!);
    }
    fk.toI420(spec.grade);
    return fk.i420;
  }

  return {
    render(index, into) {
      const frame = renderFrame(index);
      if (!into) return frame.slice();
      into.set(frame);
      return into.subarray(0, frame.length);
    },
  };
}

/** The light field back to identity (out = pixel). */
function clearField(field: LightField): void {
  field.mulR.fill(1); field.mulG.fill(1); field.mulB.fill(1);
  field.addR.fill(0); field.addG.fill(0); field.addB.fill(0);
  field.touched = false;
}
