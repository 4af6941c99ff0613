/**
 * Setup of one render, done once, mostly on the main thread: the picture resized (lanczos) to the
 * output size, depth and masks at the same size (and, for displacing effects, where the picture's
 * straight edges hold still: effects/shared/held-edges.ts), an outpainted margin when the plan
 * reveals beyond the frame (synthesised on a render worker while a layered scene is built here),
 * blurred copies for depth of field, stars, the dominant light, and every frame's spec.
 * Rasters go into SharedArrayBuffers so the workers read them without copies. The layered scene and
 * the margin are kept for the next render of the same picture (./setup-cache.ts).
 *
 * @example const setup = await prepareSetup(plan, scene, 1)
 */
import sharp from 'sharp';
import type { ShotPlan } from '../../plan.js';
import type { Scene } from '../../scene.js';
import { animatesLiving, withLivingLayer } from '../../analyze/layers/living-layer.js';
import { withParallaxLayer } from '../../analyze/layers/parallax-layer.js';
import { deriveSeed } from '../../util/random.js';
import { frameSpecs } from '../camera/frames.js';
import { poseGeometry } from '../camera/geometry.js';
import { looksBeyond } from '../camera/looks-beyond.js';
import { marginPastOverscan, travels } from '../camera/overscan-budget.js';
import { EFFECT_RENDERERS } from '../effects/index.js';
import { effectRegion, type SampleReach } from '../effects/types.js';
import type { MaskRegion, RenderLayers, RenderSetup, SetupLight } from '../types.js';
import type { LayerInput, PictureLayers, SubjectCut } from './layers.js';
import { setupCache } from './setup-cache.js';
import { mapToOutput, regionMap, warpNearness } from './maps.js';
import { fitMap, pictureFit } from './fit.js';
import { actingBox, actingParts, buildRigs, type LineVoice } from '../characters/index.js';
import { knownObjects } from './known-objects.js';
import { extendRaster, marginCanvas, onCanvas, paintMargin } from './outpaint.js';
import { reachableMargin } from './reachable-margin.js';
import { frameGrids } from '../kernel/frame-kernels.js';
import { flood4 } from '../../analyze/flood.js';
import { picturePool } from '../pool/pool.js';
import { awaitResult, sharedResult } from '../pool/shared-result.js';
import { findStars } from './stars.js';
import { outputSegments, straightenNearness } from './straighten.js';
import { foldFree } from './fold-free.js';
import { onHelper } from '../../helper/helper.js';
import { shared, sharedBytes } from './shared-bytes.js';

/**
 * The subject's matte joins no thin straight structure running out of it (./straight-matte.ts):
 * a person or an animal — people segmented or guessed from their faces, or someone the plan
 * animates (a face rig, a subject rig: an animal's depth matte too) —, or the in-focus subject of
 * a shallow depth-of-field photo, out of which what runs blurred is behind it (a stalk in the
 * bokeh beside a squirrel's tail, joined, slid with it as a dark streak).
 */
function livingSubject(plan: ShotPlan, scene: Scene): boolean {
  const source = scene.layers?.matteSource;
  return source === 'segmentation' || source === 'faces' || source === 'focus' || plan.shots.some((s) => s.characters.length > 0 || (s.subjects?.length ?? 0) > 0);
}

/** The subject is cut out onto its own layer: the camera moves near and far apart, or an action moves a part of it. */
function cutsSubject(parallax: number, acting: unknown, scene: Scene): boolean {
  return (parallax > 0 || !!acting) && !!scene.layers?.matte;
}

/** of the picture's width and height: the margin any displacing effect gets (sway, shimmer, a sky's billow) */
const DISPLACEMENT_MARGIN = 0.03;

/**
 * The margin (px, each side) the displacing effects move samples into, beyond where the camera
 * looks: DISPLACEMENT_MARGIN, or a drift's whole travel over the clip when that is farther.
 */
function displacementMargin(effects: ShotPlan['shots'][number]['effects'], W: number, H: number, seconds: number): [number, number] {
  let x = DISPLACEMENT_MARGIN * W;
  for (const e of effects) if (e.intensity > 0) x = Math.max(x, EFFECT_RENDERERS[e.type].reach?.(e, W, seconds) ?? 0);
  return [Math.ceil(Math.min(x, W * 0.25)), Math.ceil(DISPLACEMENT_MARGIN * H)];
}

/**
 * How far (px each way) the displacing effects together may move a sample (their fields add up),
 * and the regions they move samples in (null: the whole picture): what reachableMargin reads.
 */
function displacementReach(effects: ShotPlan['shots'][number]['effects'], W: number, H: number, seconds: number): { reach: SampleReach; regions: (MaskRegion | null)[] } {
  const reach: SampleReach = { left: 0, right: 0, up: 0, down: 0 }, regions: (MaskRegion | null)[] = [];
  for (const e of effects) {
    const r = EFFECT_RENDERERS[e.type];
    if (!r.displaces || e.intensity <= 0) continue;
    const x = Math.max(DISPLACEMENT_MARGIN * W, r.reach?.(e, W, seconds) ?? 0), y = DISPLACEMENT_MARGIN * H;
    const box = r.reachBox?.(e, W, seconds) ?? { left: x, right: x, up: y, down: y };
    reach.left += box.left; reach.right += box.right; reach.up += box.up; reach.down += box.down;
    regions.push(effectRegion(r, e));
  }
  return { reach, regions };
}

/** Picture-centred sample extents (px) over the clip at overscan 1: how far a reveal reaches. */
function reach(specs: ReturnType<typeof frameSpecs>, width: number, height: number, nMin: number, nMax: number): [number, number] {
  let ex = 0, ey = 0;
  for (const spec of specs) for (const pose of spec.poses) {
    const g = poseGeometry(pose, width, height);
    for (const n of [nMin, nMax]) for (const [x, y] of [[0, 0], [width - 1, 0], [0, height - 1], [width - 1, height - 1], [width / 2, 0], [width / 2, height - 1], [0, height / 2], [width - 1, height / 2]] as const) {
      const [sx, sy] = g.backward(x, y, n);
      ex = Math.max(ex, Math.abs(sx)); ey = Math.max(ey, Math.abs(sy));
    }
  }
  return [ex, ey];
}

/**
 * The largest shift (output px) between the nearest and farthest content over the clip: how far a
 * move can look behind the subject, so how wide a band behind it must be synthesised. 0 when the
 * camera never moves near and far apart (no layers needed).
 */
function layerParallax(specs: ReturnType<typeof frameSpecs>, width: number, height: number, nMin: number, nMax: number): number {
  let most = 0;
  for (const spec of specs) for (const pose of spec.poses) {
    if (!pose.truck && !pose.pedestal && !pose.dolly) continue;
    const g = poseGeometry(pose, width, height);
    for (const [x, y] of [[0, 0], [width - 1, 0], [0, height - 1], [width - 1, height - 1], [width / 2, height / 2]] as const) {
      const [ax, ay] = g.backward(x, y, nMin), [bx, by] = g.backward(x, y, nMax);
      most = Math.max(most, Math.hypot(ax - bx, ay - by));
    }
  }
  return most;
}

/** Maps a normalised image position to the output picture after the cover crop. */
async function blurred(canvas: Uint8Array, cw: number, ch: number, sigma: number): Promise<Uint8Array> {
  const f = Math.max(1, Math.floor(sigma / 2.5));
  let img = sharp(canvas, { raw: { width: cw, height: ch, channels: 4 } });
  if (f > 1) {
    const small = await img.resize(Math.round(cw / f), Math.round(ch / f), { kernel: 'linear' }).blur(Math.max(0.4, sigma / f)).raw().toBuffer();
    img = sharp(small, { raw: { width: Math.round(cw / f), height: Math.round(ch / f), channels: 4 } }).resize(cw, ch, { kernel: 'linear', fit: 'fill' });
  } else img = img.blur(Math.max(0.4, sigma));
  const out = await img.raw().toBuffer();
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

let nextId = 1;

/**
 * Everything a render needs but the face rigs (which follow the voices, known only once the
 * soundtrack is rendered: see withCharacters), so setup can run while the sound renders.
 */
export async function prepareSetup(plan: ShotPlan, analysed: Scene): Promise<RenderSetup> {
  // a living subject the plan animates is a layer of its own where only its salient matte was found,
  // and a move made for parallax slides an in-focus matte kept aside
  const scene = withParallaxLayer(withLivingLayer(analysed, animatesLiving(plan.shots)), plan.shots.flatMap((s) => s.camera.moves));
  const { width: W, height: H } = plan;
  const img = scene.image;
  const fit = pictureFit(img.width, img.height, W, H);
  const effects = plan.shots.flatMap((s) => s.effects);
  const needed = new Set<MaskRegion>();
  for (const e of effects) {
    const r = EFFECT_RENDERERS[e.type];
    const region = effectRegion(r, e);
    if (region) needed.add(region);
    for (const m of r.masks ?? []) needed.add(m);
  }
  // the resizes run on libvips' threads at once: the picture, its nearness, the masks effects use
  const [pictureBuf, depthPic, maskPics] = await Promise.all([
    sharp(img.data, { raw: { width: img.width, height: img.height, channels: 3 } })
      .resize(W, H, { kernel: 'lanczos3', fit })
      .ensureAlpha()
      .raw().toBuffer(),
    // the warp's nearness is softened (σ ≈ 0.6 % of the width): a depth edge that cuts through thin
    // structures (masts, railings, hair) then stretches them a little instead of tearing them apart
    mapToOutput(warpNearness(scene), scene.maps, W, H, fit, W * 0.006),
    Promise.all([...needed].map(async (region) => [region, await mapToOutput(regionMap(scene, region), scene.maps, W, H, fit)] as const)),
  ]);
  const picture = new Uint8Array(pictureBuf.buffer, pictureBuf.byteOffset, pictureBuf.length);
  const segments = outputSegments(scene, W, H);
  let dMin = 255, dMax = 0;
  for (let i = 0; i < depthPic.length; i++) { const v = depthPic[i]!; if (v < dMin) dMin = v; if (v > dMax) dMax = v; }
  const nMin = dMin / 255, nMax = dMax / 255;

  const displaces = effects.some((e) => EFFECT_RENDERERS[e.type].displaces && e.intensity > 0);

  // how far beyond the picture the camera looks at overscan 1; reveals that far get outpainted
  const free = frameSpecs(plan, { limitX: 1e9, limitY: 1e9, nMin, nMax });
  const [ex, ey] = reach(free, W, H, nMin, nMax);
  let looksOut = plan.shots.some((s) => looksBeyond(s.camera.keys));
  let mx = 0, my = 0;
  if (looksOut) {
    mx = Math.min(Math.ceil(W * 0.5), Math.max(0, Math.ceil(ex - (W / 2 - 0.5)) + 2));
    my = Math.min(Math.ceil(H * 0.5), Math.max(0, Math.ceil(ey - (H / 2 - 0.5)) + 2));
  } else if (plan.shots.some((s) => travels(s.camera.keys))) {
    // a travelling camera zooms to hide the picture's edges only up to a budget; past it, it looks beyond them
    mx = Math.min(Math.ceil(W * 0.5), marginPastOverscan(ex, W / 2 - 0.5));
    my = Math.min(Math.ceil(H * 0.5), marginPastOverscan(ey, H / 2 - 0.5));
    looksOut = mx > 0 || my > 0;
  }
  // the camera may use what it reveals, no more: displacement moves samples beyond where the camera
  // looks (a drifting sky at the edge of a pull-out), so its margin comes on top of the camera's
  const cameraX = mx, cameraY = my;
  if (displaces) { const [dx, dy] = displacementMargin(effects, W, H, plan.duration); mx += dx; my += dy; }
  // the layered scene, for plans whose camera moves near and far content apart, and for subjects
  // whose actions move a part of them away (what it leaves is synthesised, the background stays)
  // (a salient matte may cover an animal in part — a raccoon's face, not its crown — so it is a
  // layer for what the subject does, never for a camera's parallax, which would slide that part
  // over the rest of the animal: the camera moves it and the background as one sheet)
  const parallax = scene.layers?.matteSource === 'salient' ? 0 : layerParallax(free, W, H, nMin, nMax);
  const acting = scene.layers?.matte ? actingParts(plan, scene, W, H) : null;
  const layerInput: LayerInput = { scene, picture, width: W, height: H, fit, parallax, seed: deriveSeed(plan.seed, 'layers'), segments, acting, living: livingSubject(plan, scene) };
  // the margin's canvas, its small copy, the sky and the known people and objects (by libvips), while the subject is cut out
  const canvasAhead = mx || my ? marginCanvas(picture, W, H, mx, my) : null;
  const margin = canvasAhead
    ? Promise.all([canvasAhead, maskPics.find(([region]) => region === 'sky')?.[1] ?? mapToOutput(scene.maps.sky, scene.maps, W, H, fit), mapToOutput(knownObjects(scene), scene.maps, W, H, fit)])
    : null;
  margin?.catch(() => undefined); // awaited below
  // what the margin never copies (the picture's objects) depends on the canvas alone: on a render
  // worker (idle until the frames) while the subject is cut out here, into shared memory the
  // margin's task reads (posted after the cut, it need not wait for this thread to pass it on)
  const outpaintSeed = deriveSeed(plan.seed, 'outpaint');
  // with the camera keeping to the picture, only the margin a displaced sample can reach is painted
  // (the drift's upwind side beside the sky, say); the displacement grid's interpolation and the
  // sampling kernel reach a little farther (band)
  let reachable: Uint8Array | null = null, reachKey: string | undefined;
  if (canvasAhead && !looksOut && displaces) {
    const { reach: box, regions } = displacementReach(effects, W, H, plan.duration);
    const band = 2 * frameGrids({ width: W, height: H, canvasWidth: W + 2 * mx, canvasHeight: H + 2 * my }).grid.cell + 2;
    const maskOf = (region: MaskRegion | null) => (region ? maskPics.find(([r]) => r === region)?.[1] ?? null : null);
    reachable = reachableMargin(regions.map(maskOf), box, W, H, mx, my, band);
    if (reachable) reachKey = `${[box.left, box.right, box.up, box.down].map((v) => v.toFixed(2)).join(',')} ${regions.join(',')} ${band}`;
  }
  const marginObjects = canvasAhead && setupCache.marginObjects(scene, { width: W, height: H, mx, my, seed: outpaintSeed }, async () => {
    const { small, width, height } = await canvasAhead;
    const into = sharedResult(small.length / 4);
    const found = (await picturePool()).task('marginObjects', { margin: { small, width, height, mx, my }, seed: outpaintSeed, into });
    found.catch(() => undefined); // a failure is in `into` (the margin then finds them itself)
    return { into, found };
  });
  marginObjects?.catch(() => undefined); // awaited below
  // posted before the cut, which holds this thread until the subject is out (a task posted from a
  // callback would wait for it, and the worker idle meanwhile)
  if (cutsSubject(parallax, acting, scene)) await marginObjects?.catch(() => undefined);
  let cut: SubjectCut | null = null;
  if (cutsSubject(parallax, acting, scene)) {
    try {
      cut = await setupCache.cut(layerInput);
    } catch {
      cut = null; // a failed synthesis renders the single sheet: gentler, never torn
    }
  }
  // with no layers, the single sheet's straightened nearness: on the helper thread while the margin is painted here
  const sheetDepth = !cut && segments.length ? onHelper('straightenNearness', { depth: depthPic, width: W, height: H, segments }) : null;
  sheetDepth?.catch(() => undefined); // awaited below
  // the margin, leaving out the subject's hole: on a render worker (they wait for this setup anyway)
  // while the background behind the subject is synthesised here; with no layers to build, here (this
  // thread would only wait, and what the synthesis allocates would stay with the worker's heap)
  // (a subject the frame cuts, as grass at a dune's edge, is continued beyond it on its own layer:
  // the parts of the hole that touch the picture's edge may be copied; people and animals never are)
  // (made only when the margin is painted, not when a kept one is read)
  const painting = margin && setupCache.margin(scene, { width: W, height: H, mx, my, seed: outpaintSeed, ...(reachKey ? { reach: reachKey } : {}) }, cut ? 'cut' : 'none', layerInput, () => margin.then(async ([m, sky, objects]) => {
    const exclude = cut ? inside(cut.hole, W, H) : undefined;
    const ahead = await marginObjects!;
    const input = { margin: m, seed: outpaintSeed, ...(exclude ? { exclude } : {}), maps: { nearness: depthPic, sky, objects }, distinct: ahead.into, ...(reachable ? { reachable } : {}) };
    if (cut) return (await picturePool()).task('paintMargin', input); // (the canvas is shared memory: painted in place there)
    await ahead.found.catch(() => undefined);
    return paintMargin(input.margin, input.seed, input.exclude, input.maps, awaitResult(ahead.into) ?? undefined, reachable ?? undefined);
  }));
  painting?.catch(() => undefined); // awaited below
  let layers: PictureLayers | null = null;
  if (cut) {
    try {
      // (acting alone, the coarse fill of the hole is only the context of the finer one behind the acting parts: parallax 0 keeps it cheap)
      layers = await setupCache.layers(layerInput, cut);
    } catch {
      layers = null; // a failed synthesis renders the single sheet: gentler, never torn
    }
  }
  let painted: { canvas: Uint8Array; from: Int32Array } | null = null;
  if (painting) {
    try {
      painted = await painting;
    } catch {
      // a failed synthesis leaves no margin: the camera then keeps to the picture (gentler, never torn)
      mx = 0; my = 0; looksOut = false;
    }
  }
  // the layers' nearness, made on the helper thread while the background and the margin were synthesised here
  let layerNearness: { back: Uint8Array; front: Uint8Array } | null = null;
  if (layers) {
    try {
      layerNearness = await layers.nearness;
    } catch {
      layers = null; // as a failed synthesis: the single sheet
    }
  }
  const cw = W + 2 * mx, ch = H + 2 * my;
  const canvas = painted ? painted.canvas : picture;
  const extend = (raster: Uint8Array, channels = 1) => (painted ? extendRaster(raster, W, H, channels, mx, my, painted.from, sharedBytes(cw * ch * channels)) : raster);
  // the single sheet moves with parallax only when there are no layers (then its nearness keeps
  // the straight edges straight); with layers it warps only parallax-free frames
  // (a single sheet under parallax is flattened where its steps would fold it: ./fold-free.ts)
  const sheet = layers ? null : foldFree(sheetDepth ? await sheetDepth : straightenNearness(depthPic, W, H, segments), W, H, nMax > nMin ? parallax / (nMax - nMin) : 0);
  const depth = extend(sheet ? sheet.depth : depthPic);

  // only displacement may use the outpainted margin for free; the camera keeps to the picture
  // unless the plan itself reveals beyond it
  const limitX = W / 2 - 0.5 + (looksOut ? cameraX : 0), limitY = H / 2 - 0.5 + (looksOut ? cameraY : 0);
  const flat = sheet && sheet.factor < 1 ? sheet : null;
  const frames = frameSpecs(plan, { limitX, limitY, nMin: flat ? flat.flatten(nMin) : nMin, nMax: flat ? flat.flatten(nMax) : nMax });
  // the focus follows what it was on; a flattened nearness takes an aperture as much wider (the same blur)
  if (flat) for (const spec of frames) for (const pose of spec.poses) { pose.focus = flat.flatten(pose.focus); pose.aperture /= flat.factor; }

  const masks: RenderSetup['masks'] = {};
  for (const [region, map] of maskPics) masks[region] = shared(extend(map));
  const straightEdges = displaces && segments.length ? segments.map((s) => ({ x0: s.x0 + mx, y0: s.y0 + my, x1: s.x1 + mx, y1: s.y1 + my })) : undefined;

  const apertures = plan.shots.flatMap((s) => s.camera.keys.map((k) => k.aperture));
  const maxBlur = Math.min(0.025 * W, Math.max(0, ...apertures) * 0.01 * W * Math.max(nMax - 0, 1 - nMin));
  const dofSigma = maxBlur >= 0.8 ? [maxBlur / 3, maxBlur] : [];
  const dofLevels: SharedArrayBuffer[] = [];
  for (const s of dofSigma) dofLevels.push(shared(await blurred(canvas, cw, ch, s)));
  let renderLayers: RenderLayers | undefined;
  if (layers) {
    // the background's margin is the canvas' (blended) one: the outpainting copies nothing of the subject's hole
    const back = painted ? onCanvas(layers.back, painted.canvas, W, H, mx, my, sharedBytes(cw * ch * 4)) : layers.back, front = extend(layers.front, 4);
    renderLayers = {
      back: shared(back), backDepth: shared(extend(layerNearness?.back ?? depthPic)), front: shared(front), frontDepth: shared(extend(layerNearness?.front ?? depthPic)),
      backDof: await Promise.all(dofSigma.map(async (s) => shared(await blurred(back, cw, ch, s)))),
      frontDof: await Promise.all(dofSigma.map(async (s) => shared(await blurred(front, cw, ch, s)))),
    };
    const box = acting && actingBox(acting);
    if (box) renderLayers.acting = [box[0] + mx, box[1] + my, box[2] + mx, box[3] + my];
  }

  const toOut = fitMap(img.width, img.height, W, H);
  const lights: SetupLight[] = scene.lights.map((l) => {
    const [x, y] = toOut(l.x, l.y);
    return { x, y, radius: l.radius, brightness: l.brightness, color: l.color };
  });
  let sun: SetupLight | null = [...lights].sort((a, b) => b.brightness * Math.sqrt(b.radius) - a.brightness * Math.sqrt(a.radius))[0] ?? null;
  if (!sun) {
    // the brightest patch of sky
    const m = scene.maps;
    let best = -1, bx = 0.7, by = 0.15;
    for (let y = 0; y < m.height; y += 2) for (let x = 0; x < m.width; x += 2) {
      const i = y * m.width + x;
      if (m.sky[i]! < 0.5) continue;
      const ix = Math.min(img.width - 1, Math.floor(((x + 0.5) / m.width) * img.width)), iy = Math.min(img.height - 1, Math.floor(((y + 0.5) / m.height) * img.height));
      const o = (iy * img.width + ix) * 3;
      const l = img.data[o]! + img.data[o + 1]! + img.data[o + 2]!;
      if (l > best) { best = l; bx = (x + 0.5) / m.width; by = (y + 0.5) / m.height; }
    }
    if (best >= 0) { const [x, y] = toOut(bx, by); sun = { x, y, radius: 0.05, brightness: best / 765, color: [255, 240, 215] }; }
  }

  // stars twinkle in the sky; a picture with no sky at all (space) is sky everywhere
  const starsEffect = effects.find((e) => e.type === 'stars');
  const skyMask = masks.sky ? new Uint8Array(masks.sky) : null;
  const starMask = skyMask && skyMask.some((v) => v > 127) ? skyMask : starsEffect ? new Uint8Array(cw * ch).fill(255) : null;
  const starList = starsEffect && starMask
    ? findStars(canvas, cw, ch, starMask, Math.round(800 * Math.sqrt((W * H) / 2073600)) + 50)
    : new Float32Array(0);

  return {
    id: nextId++,
    seed: plan.seed,
    fps: plan.fps,
    width: W, height: H, canvasWidth: cw, canvasHeight: ch, marginX: mx, marginY: my,
    canvas: shared(canvas), depth: shared(depth), depthMin: nMin, depthMax: nMax,
    masks, dofLevels, dofSigma, effects, lights, sun, stars: starList, frames,
    ...(straightEdges ? { straightEdges } : {}),
    ...(renderLayers ? { layers: renderLayers } : {}),
  };
}

/** The setup with the face rigs for these voices (each spoken line's rendered voice). */
export function withCharacters(setup: RenderSetup, plan: ShotPlan, analysed: Scene, voices: readonly LineVoice[]): RenderSetup {
  const scene = withLivingLayer(analysed, animatesLiving(plan.shots));
  const { width, height, marginX, marginY, canvasWidth, canvasHeight } = setup;
  return { ...setup, characters: buildRigs(plan, scene, { width, height, marginX, marginY, canvasWidth, canvasHeight }, voices) };
}

/** The parts of a mask (W×H, non-zero = set) that do not touch the picture's edge: its other components cleared. */
function inside(mask: Uint8Array, W: number, H: number): Uint8Array {
  // (the queue holds what is cleared: the mask's set pixels at most)
  let set = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i]) set++;
  const out = mask.slice(), queue = new Int32Array(set);
  let tail = 0;
  const clear = (i: number) => { if (!out[i]) return false; out[i] = 0; return true; };
  for (let x = 0; x < W; x++) for (const i of [x, (H - 1) * W + x]) if (clear(i)) queue[tail++] = i;
  for (let y = 1; y < H - 1; y++) for (const i of [y * W, y * W + W - 1]) if (clear(i)) queue[tail++] = i;
  flood4(queue, tail, W, W * H, (j) => clear(j));
  return out;
}
