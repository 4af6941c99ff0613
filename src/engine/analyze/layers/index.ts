/**
 * The layered scene (DESIGN.md §1): the depth split at its discontinuities into bands, the
 * subject matte — the near layer a camera move slides over the rest — the planar surfaces fitted
 * as planes (the nearness the renderer warps by), and the picture's long straight edges, along
 * which the renderer keeps nearness affine: straight lines stay straight under any move. Computed once per image on
 * the analysis raster, as part of the Scene (so it is cached with it). The renderer synthesises
 * what the matte hides (picture/setup/layers.ts), at the output size the plan asks for.
 *
 * @example const layers = analyzeLayers(scene.maps, scene.subject, raster, 'segmentation', image)
 */
import type { Box, RgbImage, SceneLayers, SceneMaps } from '../../scene.js';
import type { PeopleSource } from './subject-matte.js';
import { depthBands, depthJumps } from './depth-bands.js';
import { pictureEdges, type LineSegment } from './lines.js';
import { fitPlanes, type ScenePlane } from './planes.js';
import { detexture } from './detexture.js';
import { subjectMatte } from './subject-matte.js';
import type { Colours } from './refine-matte.js';

/** The layers' planes: the picture's straight edges, and the planar surfaces fitted along them. */
export interface LayerPlanes { lines: LineSegment[]; planes: ScenePlane[]; nearness: Float32Array }

/**
 * The part of the layers that needs only the depth and the picture (the helper thread's task
 * `layerPlanes`, while the subject matte is found on the calling thread).
 */
export function layerPlanes(input: { depth: Float32Array; width: number; height: number; picture?: RgbImage }): LayerPlanes {
  const { depth, width: w, height: h, picture } = input;
  const lines = picture ? pictureEdges(picture) : [];
  const { planes, nearness } = fitPlanes(detexture(depth, w, h), depthJumps(depth, w, h), w, h, lines);
  return { lines, planes, nearness };
}

/**
 * The maps the layers read: the saliency and the sky are optional (without them, no salient
 * matte), and so is a shallow depth-of-field photo's fine focus map (without it, no in-focus matte).
 */
type LayerMaps = Pick<SceneMaps, 'width' | 'height' | 'depth' | 'people'> & Partial<Pick<SceneMaps, 'saliency' | 'sky'>> & { focus?: Float32Array };

export function analyzeLayers(maps: LayerMaps, subject: Box, colours?: Colours, peopleSource: PeopleSource = 'faces', picture?: RgbImage): SceneLayers {
  const { width: w, height: h, depth } = maps;
  return withPlanes(subjectLayers(maps, subject, colours, peopleSource), layerPlanes({ depth, width: w, height: h, ...(picture ? { picture } : {}) }));
}

type SubjectLayers = Omit<SceneLayers, 'lines' | 'planes' | 'nearness'>;

/** The rest of analyzeLayers: the depth's bands and the subject matte. */
function subjectLayers(maps: LayerMaps, subject: Box, colours: Colours | undefined, peopleSource: PeopleSource): SubjectLayers {
  const { width: w, height: h, depth, people } = maps;
  const jumps = depthJumps(depth, w, h);
  const { cuts, bands } = depthBands(depth, w, h);
  const result = subjectMatte({ depth, people, peopleSource, jumps, width: w, height: h, subject, cuts, colours, ...(maps.saliency ? { saliency: maps.saliency } : {}), ...(maps.sky ? { sky: maps.sky } : {}), ...(maps.focus ? { focus: maps.focus } : {}) });
  const found = 'matte' in result ? result : null;
  const depths = (matte: Float32Array) => {
    let subjectDepth = 0, backgroundDepth = 0, sw = 0, bw = 0;
    for (let i = 0; i < w * h; i++) {
      const a = matte[i]!;
      if (a > 0.9) { subjectDepth += depth[i]!; sw++; }
      else if (a < 0.05) { backgroundDepth += depth[i]!; bw++; }
    }
    return { subjectDepth: sw ? subjectDepth / sw : null, backgroundDepth: bw ? backgroundDepth / bw : null };
  };
  // the salient matte is kept aside: a layer only for a living subject the plan animates (living-layer.ts)
  if (found?.source === 'salient') {
    return { bands, cuts, matte: null, matteSource: null, subjects: [], subjectDepth: null, backgroundDepth: null, salient: { matte: found.matte, subjects: found.boxes, confidence: found.confidence ?? 0, ...depths(found.matte) } };
  }
  // and so is the in-focus matte: a layer only for a camera move made for parallax (parallax-layer.ts)
  if (found?.source === 'focus') {
    return { bands, cuts, matte: null, matteSource: null, subjects: [], subjectDepth: null, backgroundDepth: null, focus: { matte: found.matte, subjects: found.boxes, confidence: found.confidence ?? 0, ...depths(found.matte) } };
  }
  return {
    bands,
    cuts,
    matte: found?.matte ?? null,
    matteSource: found?.source ?? null,
    subjects: found?.boxes ?? [],
    ...(found ? depths(found.matte) : { subjectDepth: null, backgroundDepth: null }),
    ...('note' in result && result.note ? { matteNote: result.note } : {}),
  };
}

const withPlanes = (layers: SubjectLayers, { lines, planes, nearness }: LayerPlanes): SceneLayers => ({ ...layers, lines, planes, nearness });

const FLAT: SceneLayers = { bands: [{ far: 0, near: 1, share: 1 }], cuts: [], matte: null, matteSource: null, subjects: [], subjectDepth: null, backgroundDepth: null, lines: [] };

/**
 * analyzeLayers, or — should the segmentation fail on some picture — one flat layer with no
 * subject matte: the renderer then warps the single sheet (a gentler result, never a crash).
 * `planes`: the layerPlanes under way on another thread, while the subject matte is found here
 * (should they fail there, they are made here).
 */
export async function layersOrFlat(maps: LayerMaps, subject: Box, colours?: Colours, peopleSource: PeopleSource = 'faces', picture?: RgbImage, planes?: Promise<LayerPlanes>): Promise<SceneLayers> {
  const here = () => layerPlanes({ depth: maps.depth, width: maps.width, height: maps.height, ...(picture ? { picture } : {}) });
  try {
    const layers = subjectLayers(maps, subject, colours, peopleSource);
    return withPlanes(layers, planes ? await planes.catch(here) : here());
  } catch {
    return FLAT;
  }
}

/** The compact, raster-free summary shown in `--json`, the API's `scene` and the Playground. */
export function describeLayers(layers: SceneLayers) {
  const r = (v: number) => Math.round(v * 1000) / 1000;
  return {
    count: layers.bands.length + (layers.matte && layers.bands.length < 2 ? 1 : 0),
    bands: layers.bands,
    subject: layers.matte
      ? { source: layers.matteSource, ...(layers.salient && layers.matteSource === 'salient' ? { confidence: r(layers.salient.confidence) } : {}), ...(layers.focus && layers.matteSource === 'focus' ? { confidence: r(layers.focus.confidence) } : {}), boxes: layers.subjects.map((b) => ({ x: r(b.x), y: r(b.y), w: r(b.w), h: r(b.h) })), depth: layers.subjectDepth === null ? null : r(layers.subjectDepth), background_depth: layers.backgroundDepth === null ? null : r(layers.backgroundDepth) }
      : null,
    ...(layers.salient && !layers.matte ? { salient: { confidence: r(layers.salient.confidence), boxes: layers.salient.subjects.map((b) => ({ x: r(b.x), y: r(b.y), w: r(b.w), h: r(b.h) })) } } : {}),
    ...(layers.focus && !layers.matte ? { focus: { confidence: r(layers.focus.confidence), boxes: layers.focus.subjects.map((b) => ({ x: r(b.x), y: r(b.y), w: r(b.w), h: r(b.h) })) } } : {}),
    ...(layers.matteNote ? { note: layers.matteNote } : {}),
    lines: layers.lines?.length ?? 0,
    planes: (layers.planes ?? []).map((p) => ({ share: r(p.share), a: r(p.a), b: r(p.b), c: r(p.c) })),
  };
}
