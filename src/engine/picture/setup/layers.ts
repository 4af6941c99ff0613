/**
 * The layered scene at the output size (DESIGN.md §1): from the Scene's subject matte, a
 * background layer — the picture with everything the subject hides synthesised patch by patch
 * (./synthesize.ts) over a band as wide as the plan's largest parallax, each hidden pixel
 * continuing the region of the visible edge it grows from (./border-regions.ts, as the margin
 * beyond the frame does; softly, so a thin hole between two regions may take both), carried up to
 * full resolution with no blocks (./refine-map.ts) and no step at its rim (./rim-seam.ts), with a nearness that
 * continues the surroundings' behind the subject — and a subject layer — the picture with the
 * soft matte as its alpha, with a nearness that continues the subject's own beyond its edge, so
 * that each warps as one smooth sheet and nothing folds over itself. Only pixels outside the
 * (dilated) matte are ever copied into the background: never a piece of the subject. Where a
 * depth matte's cut crosses a smooth surface, the layers move as one and the background keeps
 * the picture under the cut (./smooth-crossings.ts).
 *
 * Two steps, so the caller can use the hole (the margin's outpainting leaves it out) while the
 * background is synthesised: `cutSubject`, then `buildLayers`.
 *
 * @example
 *   const cut = await cutSubject(input); // input: { scene, picture, width: 1920, height: 1080, fit, parallax: 60, seed }
 *   const layers = cut && await buildLayers(input, cut);
 */
import type { Scene } from '../../scene.js';
import { mapToOutput, warpNearness } from './maps.js';
import type { PictureFit } from './fit.js';
import { footprintAny, shrink, synthesisScale } from './outpaint.js';
import type { PixelSegment } from './straighten.js';
import { straightMatte } from './straight-matte.js';
import { joinCollinear } from './join-collinear.js';
import { shareAcrossCut } from './surface-across-cut.js';
import { extendThinTips } from './thin-tips.js';
import { invertMask, synthesize } from './synthesize.js';
import { refineSourceMap } from './refine-map.js';
import { closeRim } from './rim-seam.js';
import { regionFeatures } from './border-regions.js';
import { completeMatte, type ActingParts } from '../characters/acting-parts.js';
import { refineReveal } from './reveal-fill.js';
import { keptAtCrossings } from './smooth-crossings.js';
import { coversTooMuch, grownHole, holeReach, IN_MATTE } from './subject-coverage.js';
import { onHelper } from '../../helper/helper.js';
import { picturePool } from '../pool/pool.js';
import { sharedCopy } from './shared-bytes.js';

export interface PictureLayers {
  /** W×H RGBA: the picture with the hidden part synthesised */
  back: Uint8Array;
  /**
   * each layer's nearness, made on the helper thread while the caller goes on (it is needed only
   * once the frames render); null with no parallax: the picture's own nearness serves
   */
  nearness: Promise<{ back: Uint8Array; front: Uint8Array } | null>;
  /** W×H RGBA: the picture, alpha = the subject matte */
  front: Uint8Array;
  /** W×H: 1 where the background was synthesised (the matte, dilated) */
  hole: Uint8Array;
}

export interface LayerInput {
  scene: Scene;
  /** the picture at the output size, RGBA */
  picture: Uint8Array;
  width: number;
  height: number;
  fit: PictureFit;
  /** the largest relative shift (output px) between the subject and what is behind it over the clip */
  parallax: number;
  seed: number;
  /** the picture's straight edges in output px: each layer's nearness is kept affine along them */
  segments?: readonly PixelSegment[];
  /** the parts an action moves away (an arm, a head): the matte is completed over them */
  acting?: ActingParts | null;
  /** the subject is a person or an animal: its matte joins no thin straight structure (./straight-matte.ts) */
  living?: boolean;
}

/** The subject cut out at the output size: its matte, completed, and the hole it leaves behind. */
export interface SubjectCut {
  /** W×H, 0…255 */
  matte: Uint8Array;
  /** W×H: 1 where the background is synthesised (the matte, dilated) */
  hole: Uint8Array;
  holePixels: number;
  /** W×H: 1 where the background keeps the picture over its fill (a depth cut's smooth crossings: ./smooth-crossings.ts), or null */
  kept: Uint8Array | null;
  nearness: PictureLayers['nearness'];
}

/** The matte and the hole; null when there is no subject to cut out (none, or most of the picture). */
export async function cutSubject(input: LayerInput): Promise<SubjectCut | null> {
  const { scene, picture, width: W, height: H, fit, segments = [], acting, living = false } = input;
  const matte = scene.layers?.matte;
  if (!matte) return null;
  // the layers' nearness on the helper thread, while the matte is completed and the background synthesised here
  const nearness = layerNearnessFor(input);
  const matteRaw = await mapToOutput(matte, scene.maps, W, H, fit);
  // the matte agrees with the straight edges: thin structures kept whole, even along its straight sides
  const matteOut = straightMatte(matteRaw, W, H, segments, picture, living);
  // and reaches the real end of its thin parts (a mast's cap, a spire's tip): none of them stays behind
  extendThinTips(matteOut, picture, W, H);
  if (acting) completeMatte(matteOut, W, H, acting, picture);

  // the hole: the matte with its soft edge and a little more (no halo of the subject stays behind)
  const { hole, pixels: holePixels } = grownHole(matteOut, Math.round(IN_MATTE * 255), W, H, Math.max(2, holeReach(W))); // (the matte here is 0…255)
  if (holePixels === 0 || coversTooMuch(holePixels, W * H)) return null;
  const shared = sharedNearness(nearness, matteOut, input);
  shared.catch(() => undefined); // the caller awaits it
  const kept = scene.layers?.matteSource === 'depth' ? await keptAtCrossings(matte, warpNearness(scene), scene.maps, W, H, fit) : null;
  return { matte: matteOut, hole, holePixels, kept, nearness: shared };
}

/**
 * Each layer's nearness with the straight edges a depth matte's cut splits made one across the
 * layers (./surface-across-cut.ts), by the completed matte the layers are composited with: copies
 * (what the helper made stays as made). A person's or a face's matte follows the figure: as made.
 */
export async function sharedNearness(nearness: PictureLayers['nearness'], matte: Uint8Array, input: LayerInput): PictureLayers['nearness'] {
  const made = await nearness;
  const { scene, picture, width: W, height: H, segments = [] } = input;
  if (!made || scene.layers?.matteSource !== 'depth' || !segments.length) return made;
  const back = made.back.slice(), front = made.front.slice();
  return shareAcrossCut(back, front, matte, W, H, joinCollinear(segments, picture, W, H)).length ? { back, front } : made;
}

/**
 * Each layer's nearness, started on the helper thread. With no parallax (an action alone uncovers
 * the background) nearness never moves a layer: the picture's own serves both (null), and the
 * layers' own are not built. It depends on the picture, its matte and the output size alone.
 */
export function layerNearnessFor(input: LayerInput): PictureLayers['nearness'] {
  const { scene, width: W, height: H, fit, parallax, segments = [] } = input;
  const matte = scene.layers?.matte;
  const m = scene.maps;
  const nearness = parallax > 0 && matte
    ? onHelper('layerNearness', { maps: { width: m.width, height: m.height }, nearness: warpNearness(scene), matte, width: W, height: H, fit, segments, depthCut: scene.layers?.matteSource === 'depth' })
    : Promise.resolve(null);
  nearness.catch(() => undefined); // the caller awaits it (or, with no layers after all, drops it)
  return nearness;
}

/**
 * How far behind the subject the background is synthesised, in pixels of the synthesis' small
 * copy (its scale: outpaint.ts' synthesisScale), from the plan's largest parallax.
 */
export function synthesisBand(input: LayerInput, holePixels: number): { scale: number; band: number } {
  const scale = synthesisScale(input.width, holePixels);
  return { scale, band: Math.ceil(input.parallax / scale) + 4 };
}

/** The layers, from the subject cut out of the picture (the background synthesised in its hole). */
export async function buildLayers(input: LayerInput, cut: SubjectCut): Promise<PictureLayers> {
  const { picture, width: W, height: H, seed, acting } = input;
  const { matte: matteOut, hole, holePixels, kept, nearness } = cut;
  const { scale: f, band } = synthesisBand(input, holePixels);
  const w = Math.max(8, Math.round(W / f)), h = Math.max(8, Math.round(H / f));
  const pool = await picturePool().catch(() => null);
  const small = await shrink(picture, W, H, w, h);
  const sHole = footprintAny(hole, W, H, w, h);
  const sSource = invertMask(sHole);
  // the objects the fill never copies, found on a render worker (idle until the frames) while this
  // thread reads the border's regions (posted now, before the fill changes `small`); if that fails,
  // the synthesis finds them itself: the same objects either way
  const ahead = pool?.task('sourceObjects', { img: small, channels: 4, w, h, hole: sHole, seed }).then((r) => r.objects, () => undefined);
  // each hidden pixel continues the region of the visible edge it grows from (border-regions.ts,
  // as beyond the frame): a wide band a roof uncovers under haze is haze, not the deep sky beside it
  const regions = regionFeatures(small, 4, w, h, sSource);
  const objects = await ahead;
  const map = synthesize(small, 4, w, h, sHole, sSource, { seed, band, objectsAsSources: 'adjoining', regions, softRegions: true, ...(objects ? { objects } : {}) });
  // (both layers in shared memory, where the render workers read them: no second copy at the end of the setup)
  const back = sharedCopy(picture), source = invertMask(hole);
  // carried up to full resolution level by level within the band (no blocks of the small raster)
  const from = refineSourceMap(back, 4, W, H, hole, source, map, { seed, band: band * f });
  // with no step where it meets what is round it (a thin hole's outline stays unseen)
  closeRim(back, 4, W, H, hole, from);
  // where the cut crosses a smooth surface the layers move as one: what lies under the subject's edge is the
  // picture — only where their nearness agrees, within a pixel of shift at the plan's largest parallax
  // (else the kept pixels would show beside the subject's own)
  const near = kept && await nearness, same = 255 / Math.max(1, input.parallax);
  if (kept && near) for (let i = 0; i < W * H; i++) if (kept[i] && Math.abs(near.back[i]! - near.front[i]!) <= same) back.set(picture.subarray(i * 4, i * 4 + 4), i * 4);
  // where an action uncovers it in place (a wave, a turn of the head), it is seen whole: finer there
  if (acting) await refineReveal(back, picture, W, H, hole, input.parallax > 0 ? null : matteOut, acting, seed + 1);

  const front = sharedCopy(picture);
  for (let i = 0; i < W * H; i++) front[i * 4 + 3] = matteOut[i]!;
  return { back, nearness, front, hole };
}
