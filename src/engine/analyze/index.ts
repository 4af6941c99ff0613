/**
 * analyze: image bytes in, Scene out (DESIGN.md §1). Validates and decodes the picture at full
 * resolution, then computes statistics, region masks, lights, saliency, focus and depth on a
 * small analysis raster (long side ≤ 512) and derives the horizon, the subject and the tags.
 * The pixel cues (./pixel-cues.ts) run on the helper thread while the face models run here.
 *
 * @example
 *   const scene = await analyzeImage(await readFile('street.jpg'));
 *   scene.tags // → ['outdoor', 'day', 'sky', 'street', …]
 */
import { createHash } from 'node:crypto';
import type { Box, Scene } from '../scene.js';
import { analysisSize, halfOf } from './analysis-raster.js';
import { decodeImage } from './decode.js';
import { estimateDepth, type DepthKind } from './depth.js';
import { fineFocus } from './focus.js';
import { mean } from './filters.js';
import { looksLikeSpace, looksLikeStreet } from './scene-kind.js';
import { subjectBox } from './subject.js';
import { layersOrFlat } from './layers/index.js';
import { sceneTags, type TagEvidence } from './tags.js';
import { detectFaces, detectFacesIn, personMask } from './faces/index.js';
import { bodyInFrame, detectPose } from './subjects/pose.js';
import { poseHead } from './subjects/pose-head.js';
import { detectAnimals } from './subjects/animal-detector.js';
import { skyDependents } from './pixel-cues.js';
import { withoutBackdrop } from './sky-backdrop.js';
import { personRegion } from './subjects/person-region.js';
import { segmentPeople } from './subjects/person-segmentation.js';
import { completeLimbs } from './subjects/limbs.js';
import { heldObjects } from './subjects/held-objects.js';
import { onHelper, warmHelper } from '../helper/helper.js';
import { laps } from '../util/laps.js';

export { loadImageSource } from './load-source.js';

/**
 * The animals a picture is of: the detector's boxes that are subjects of the picture (at least 4 %
 * of it each — not a bird far off in the sky), best first, at most three (their class is COCO's
 * nearest, a squirrel's may be "giraffe": not a name to show).
 */
function mainAnimals(found: ReadonlyArray<{ label: string; score: number; box: Box }>): NonNullable<Scene['animals']> {
  return found.filter((a) => a.box.w * a.box.h >= 0.04).slice(0, 3).map((a) => ({ label: a.label, score: a.score, box: a.box }));
}

/** The picture's identity: the sha256 (hex) of its bytes, as `Scene.hash` and the scene cache's key. */
export function imageHash(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function analyzeImage(bytes: Buffer): Promise<Scene> {
  return (await analyzeImageTimed(bytes)).scene;
}

/** analyzeImage, also reporting milliseconds per step (for benchmarks and the debug sheets). */
export async function analyzeImageTimed(bytes: Buffer): Promise<{ scene: Scene; timings: Record<string, number>; evidence: TagEvidence; focusSpread: number; blurredFraction: number }> {
  const { timings, lap } = laps();
  // the helper thread starts while the picture decodes (libvips' threads)
  const helperStarted = warmHelper();
  helperStarted.catch(() => undefined); // resurfaces in onHelper
  const hash = imageHash(bytes);
  const { format, image, small } = await decodeImage(bytes);
  lap('decode');
  await helperStarted.catch(() => undefined);
  // the pixel cues on the helper thread while the face models run here; the picture goes over
  // shared, not cloned (at 40 megapixels it is 120 MB)
  const sharedData = new Uint8Array(new SharedArrayBuffer(image.data.length));
  sharedData.set(image.data);
  const cuesPromise = onHelper('pixels', { image: { ...image, data: sharedData }, small });
  cuesPromise.catch(() => undefined); // awaited below, after the faces
  // the face models load on first use, here: their modules load synchronously (~0.3 s on a first
  // run), so only once the helper is already at work
  const found = await detectFaces(image);
  lap('faces');
  // the main person's body pose: where the arms and hands are, for gestures (none: null)
  const pose = await detectPose(image).catch(() => null);
  lap('pose');
  // a face too small for the whole picture's pass, looked for again where the pose puts the head:
  // for the face rig only (scene.faces) — the picture stays read as before, a body shot whose
  // subject, people and tags are its body's, not a head-and-shoulders round a small face
  const head = poseHead(pose, image.width, image.height);
  const near = head && !found.some((f) => inBox(head.nose, f.box)) ? await detectFacesIn(image, head.area) : [];
  const faces = [...found, ...near].sort((a, b) => a.box.x + a.box.w / 2 - (b.box.x + b.box.w / 2));
  lap('faces near the pose');
  // where a person is likely (a face, a torso), the segmentation model draws their silhouette
  const region = personRegion(found, pose);
  const size = analysisSize(image.width, image.height);
  const segmented = region ? await segmentPeople(image, region, size.width, size.height) : null;
  lap('person segmentation');
  // no one in the picture: is it an animal? (a detector that cannot run finds none)
  const animals = !found.length && !bodyInFrame(pose) ? await detectAnimals(image).then(mainAnimals, () => []) : [];
  lap('animal detection');
  const cues = await cuesPromise;
  lap('pixel cues (wait)');
  Object.assign(timings, Object.fromEntries(Object.entries(cues.timings).map(([k, v]) => [`${k} (helper)`, v])));
  const { raster, stats, foliage, saliency } = cues;
  const half = halfOf(raster);
  const { width: w, height: h } = raster;
  const n = w * h;
  // a detected person is one near layer (depth) and what a viewer looks at (saliency): their
  // segmented silhouette with the limbs the model lost put back from the pose, else a
  // head-and-shoulders guess from the faces
  const people = segmented ? completeLimbs(segmented, pose, raster, w, h) : personMask(found, w, h);
  lap('limbs');
  // what the hands hold is the person's too: their layer carries it, the background behind it is synthesised
  const held = segmented ? await heldObjects(image, people, pose, w, h) : [];
  lap('held objects');
  for (let i = 0; i < n; i++) saliency[i] = Math.max(saliency[i]!, people[i]! * 0.9);
  // a portrait's backdrop is not sky: then what was read off the sky is read again (the saliency
  // stays damped there, as a backdrop draws the eye no more than a sky)
  const skyless = withoutBackdrop(raster, cues.sky, people);
  const { sky, horizon, vanishingX, water, lightsMask, lights } = skyless ? skyDependents(raster, skyless, stats.medianLuma) : cues;
  lap('backdrop');

  const skyFraction = mean(sky);
  const space = looksLikeSpace(stats, lights, skyFraction);
  const street = looksLikeStreet(raster, sky, foliage, water, horizon);
  const shallow = !space && skyFraction < 0.03 && cues.focusSpread > 2.5 && cues.blurredFraction > 0.15;
  const kind: DepthKind = space ? 'flat' : horizon !== null ? 'outdoor' : shallow ? 'shallow' : 'indoor';
  const depth = estimateDepth({ raster, sky, focus: cues.focus, saliency, people, horizon, vanishingX, street: street.street, kind });
  lap('depth');
  // the layers' planes on the helper thread (done with the pixel cues) while the subject matte is found here
  const planes = onHelper('layerPlanes', { depth, width: w, height: h, picture: { ...image, data: sharedData } });
  planes.catch(() => undefined); // awaited in layersOrFlat
  const subject = found.length ? faceSubject(found) : subjectBox(saliency, w, h);
  lap('subject');

  let skyLuma = 0;
  let skyWeight = 0;
  for (let i = 0; i < n; i++) {
    skyLuma += raster.luma[i]! * sky[i]!;
    skyWeight += sky[i]!;
  }
  const evidence: TagEvidence = {
    stats,
    sky: skyFraction,
    water: mean(water),
    foliage: mean(foliage),
    skyLuma: skyWeight > 0 ? skyLuma / skyWeight : 0,
    horizon,
    lights,
    faces: found,
    subject,
    subjectContrast: boxContrast(saliency, w, h, subject),
    subjectIsolation: boxMean(cues.unlikeBorder, half.width, half.height, subject),
    space,
    shallow,
    street: street.street,
    depthSpread: std(depth),
  };
  const tags = sceneTags(evidence);

  lap('tags');
  const scene: Scene = {
    hash,
    format,
    image,
    stats,
    maps: { width: w, height: h, depth, sky, water, foliage, lights: lightsMask, saliency, people },
    horizon,
    subject,
    lights,
    faces,
    pose,
    held,
    animals,
    tags,
    // (a shallow depth-of-field photo's subject may be found by its focus where its saliency fails)
    layers: await layersOrFlat({ width: w, height: h, depth, people, saliency, sky, ...(shallow ? { focus: fineFocus(raster) } : {}) }, subject, raster, segmented ? 'segmentation' : 'faces', image, planes),
  };
  lap('layers');
  return { scene, timings, evidence, focusSpread: cues.focusSpread, blurredFraction: cues.blurredFraction };
}

/** With faces, the subject is the largest face and a margin around it (head and shoulders). */
function faceSubject(faces: Scene['faces']): Scene['subject'] {
  const face = faces.reduce((a, f) => (f.box.w * f.box.h > a.box.w * a.box.h ? f : a));
  const { x, y, w, h } = face.box;
  const x0 = Math.max(0, x - 0.3 * w);
  const y0 = Math.max(0, y - 0.25 * h);
  const x1 = Math.min(1, x + 1.3 * w);
  const y1 = Math.min(1, y + 1.35 * h);
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

function std(map: Float32Array): number {
  const m = mean(map);
  let s = 0;
  for (let i = 0; i < map.length; i++) s += (map[i]! - m) ** 2;
  return Math.sqrt(s / map.length);
}

function boxMean(map: Float32Array, w: number, h: number, box: Scene['subject']): number {
  let sum = 0;
  let count = 0;
  for (let y = Math.floor(box.y * h); y < Math.min(h, Math.ceil((box.y + box.h) * h)); y++) {
    for (let x = Math.floor(box.x * w); x < Math.min(w, Math.ceil((box.x + box.w) * w)); x++) {
      sum += map[y * w + x]!;
      count++;
    }
  }
  return count ? sum / count : 0;
}

function boxContrast(map: Float32Array, w: number, h: number, box: Scene['subject']): number {
  const x0 = Math.floor(box.x * w);
  const x1 = Math.ceil((box.x + box.w) * w);
  const y0 = Math.floor(box.y * h);
  const y1 = Math.ceil((box.y + box.h) * h);
  let inside = 0;
  let inN = 0;
  let outside = 0;
  let outN = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = map[y * w + x]!;
      if (x >= x0 && x < x1 && y >= y0 && y < y1) {
        inside += v;
        inN++;
      } else {
        outside += v;
        outN++;
      }
    }
  }
  if (outN === 0 || inN === 0) return 1;
  return inside / inN / Math.max(outside / outN, 1e-3);
}

/** A point (normalised) inside a box. */
function inBox(p: { x: number; y: number }, b: Box): boolean {
  return p.x >= b.x && p.x <= b.x + b.w && p.y >= b.y && p.y <= b.y + b.h;
}
