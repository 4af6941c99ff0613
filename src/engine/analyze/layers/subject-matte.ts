/**
 * The subject matte: the near layer that a move slides over the rest. A detected person's mask
 * where there is one — as the segmentation model drew it (soft edges, hair, arms and legs), or the
 * head-and-shoulders guess from the faces with its edge settled by colour; otherwise the near side of the strongest depth cut, kept only as the
 * connected parts that sit on the salient subject and are bounded mostly by depth jumps (an
 * occluding edge all round, not a floor running out of the frame); otherwise the salient subject by
 * colour and depth, kept only with confidence (salient-matte.ts); otherwise, in a shallow
 * depth-of-field photo, the in-focus subject (focus-matte.ts). Soft edges: the binary region
 * is feathered by a pixel of the analysis raster (≈ 4 px at 1080p after upsampling).
 *
 * @example const m = subjectMatte({ depth, people, saliency, width, height, subject, cuts })
 */
import { components } from './components.js';
import type { Box, MatteSource } from '../../scene.js';
import { boxBlur } from '../filters.js';
import type { DepthCut } from './depth-bands.js';
import { refineMatte, type Colours } from './refine-matte.js';
import { salientMatte } from './salient-matte.js';
import { focusMatte } from './focus-matte.js';

/** What the people map is: the segmentation model's silhouettes, or a guess from the faces. */
export type PeopleSource = 'segmentation' | 'faces';

export interface MatteInput {
  depth: Float32Array;
  people: Float32Array;
  /** 'faces' when not given */
  peopleSource?: PeopleSource;
  jumps: Float32Array;
  width: number;
  height: number;
  subject: Box;
  cuts: readonly DepthCut[];
  /** the analysis raster's colours (0…1), to refine the region's edge */
  colours?: Colours;
  /** the saliency map (and the sky): with the colours, the salient subject's matte where no other is found */
  saliency?: Float32Array;
  sky?: Float32Array;
  /** a shallow depth-of-field photo's fine focus map: its in-focus subject, where the salient one could not be cut */
  focus?: Float32Array;
}

export interface SubjectMatte {
  /** soft matte 0…1 at the analysis raster */
  matte: Float32Array;
  /** the matte's parts, normalised boxes */
  boxes: Box[];
  /** what it came from */
  source: MatteSource;
  /** how sure a salient matte is */
  confidence?: number;
}

/** No matte: and, where the salient subject was looked for, why it was not kept. */
export interface NoMatte { note: string | null }

function boxOf(part: readonly number[], w: number, h: number): Box {
  let x0 = w, y0 = h, x1 = 0, y1 = 0;
  for (const i of part) { const x = i % w, y = (i / w) | 0; x0 = Math.min(x0, x); x1 = Math.max(x1, x + 1); y0 = Math.min(y0, y); y1 = Math.max(y1, y + 1); }
  return { x: x0 / w, y: y0 / h, w: (x1 - x0) / w, h: (y1 - y0) / h };
}

const overlap = (a: Box, b: Box) => Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));

/** how far (share of the raster's width, at least 2 px) the model's soft values reach beyond its silhouette */
const RIM = 1 / 100;

/**
 * The model's soft values outside its silhouette (`solid`: above 0.5) held under the ramp of a soft
 * edge against it (falling to 0 a rim away): a soft edge (hair, a blurred hand) lies against the
 * body, while a faint patch away from it is someone behind the subject the model half saw (a
 * steward in the crowd at 0.35). Kept, that patch joins the subject layer at partial alpha: the
 * background is synthesised under it and its ghost moves with the subject — a crowd torn behind a
 * waving arm. In place.
 */
function keepRim(matte: Float32Array, solid: Uint8Array, w: number, h: number): void {
  const ramp = boxBlur(Float32Array.from(solid), w, h, Math.max(2, Math.round(w * RIM)));
  for (let i = 0; i < w * h; i++) if (!solid[i]) matte[i] = Math.min(matte[i]!, 2 * ramp[i]!);
}

export function subjectMatte(input: MatteInput): SubjectMatte | NoMatte {
  const { depth, people, jumps, width: w, height: h, subject, cuts } = input;
  const n = w * h;
  let peak = 0;
  for (let i = 0; i < n; i++) peak = Math.max(peak, people[i]!);
  if (peak > 0.5 && input.peopleSource === 'segmentation') {
    // the model's own soft silhouette (with the limbs it lost at its 256 px already put back from
    // the pose: subjects/limbs.ts); its edge grown by colour, only ever added to it
    const region = new Uint8Array(n);
    for (let i = 0; i < n; i++) region[i] = people[i]! > 0.5 ? 1 : 0;
    const matte = Float32Array.from(people);
    if (input.colours) {
      const grown = boxBlur(Float32Array.from(refineMatte(region, input.colours, w, h, { band: Math.max(3, Math.round(w / 80)), grow: true })), w, h, 1);
      for (let i = 0; i < n; i++) matte[i] = Math.max(matte[i]!, grown[i]!);
    }
    for (let i = 0; i < n; i++) region[i] = matte[i]! > 0.5 ? 1 : 0;
    keepRim(matte, region, w, h);
    return { matte, boxes: components(region, w, h).filter((p) => p.length > n * 0.005).map((p) => boxOf(p, w, h)), source: 'segmentation' };
  }
  if (peak > 0.5) {
    const region = new Uint8Array(n);
    for (let i = 0; i < n; i++) region[i] = people[i]! > 0.5 ? 1 : 0;
    // the person mask is a head-and-shoulders guess from the face: its edge is settled by colour
    const refined = input.colours ? refineMatte(region, input.colours, w, h, { band: Math.max(4, Math.round(w / 40)) }) : region;
    const matte = input.colours ? boxBlur(Float32Array.from(refined), w, h, 1) : Float32Array.from(people, (v) => Math.min(1, v / 0.85));
    for (let i = 0; i < n; i++) region[i] = matte[i]! > 0.5 ? 1 : 0;
    return { matte, boxes: components(region, w, h).filter((p) => p.length > n * 0.005).map((p) => boxOf(p, w, h)), source: 'faces' };
  }
  const grown: Box = { x: subject.x - subject.w * 0.15, y: subject.y - subject.h * 0.15, w: subject.w * 1.3, h: subject.h * 1.3 };
  for (const cut of [...cuts].sort((a, b) => b.score - a.score)) {
    const region = new Uint8Array(n);
    for (let i = 0; i < n; i++) region[i] = depth[i]! >= cut.at ? 1 : 0;
    const keep = new Uint8Array(n);
    const boxes: Box[] = [];
    let area = 0;
    for (const part of components(region, w, h)) {
      if (part.length < n * 0.01) continue;
      const box = boxOf(part, w, h);
      // a near part that runs out of all four sides of the frame is the scene itself (a facade and
      // its lawn under a strip of sky), not a subject a move could slide over the rest
      if (box.x <= 1 / w && box.y <= 1 / h && box.x + box.w >= 1 - 1 / w && box.y + box.h >= 1 - 1 / h) continue;
      if (overlap(box, grown) < 0.3 * box.w * box.h && overlap(box, grown) < 0.3 * grown.w * grown.h) continue;
      // its boundary (pixels with an outside 4-neighbour, the frame's edge excluded) on depth jumps
      let edge = 0, onJump = 0;
      for (const i of part) {
        const x = i % w, y = (i / w) | 0;
        const out = (x > 0 && !region[i - 1]) || (x < w - 1 && !region[i + 1]) || (y > 0 && !region[i - w]) || (y < h - 1 && !region[i + w]);
        if (!out) continue;
        edge++;
        let j = 0;
        for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) {
          const xx = x + dx, yy = y + dy;
          if (xx >= 0 && xx < w && yy >= 0 && yy < h) j = Math.max(j, jumps[yy * w + xx]!);
        }
        if (j >= 0.04) onJump++;
      }
      if (!edge || onJump / edge < 0.5) continue;
      for (const i of part) keep[i] = 1;
      boxes.push(box);
      area += part.length;
    }
    if (!boxes.length || area > n * 0.6) continue;
    // a near layer that fills little of the salient box is not the subject but bright bits of it
    // (depth that follows luminance: a butterfly's white spots); a wrong layer would slide them
    // over the rest, so no layer at all is the gentler answer
    let inBox = 0;
    const bx0 = Math.max(0, Math.floor(subject.x * w)), bx1 = Math.min(w, Math.ceil((subject.x + subject.w) * w));
    const by0 = Math.max(0, Math.floor(subject.y * h)), by1 = Math.min(h, Math.ceil((subject.y + subject.h) * h));
    for (let y = by0; y < by1; y++) for (let x = bx0; x < bx1; x++) inBox += keep[y * w + x]!;
    if (inBox < 0.2 * (bx1 - bx0) * (by1 - by0)) continue;
    // the depth threshold cuts through a subject whose nearness fades (a rocket's nose against the
    // sky): its edge is settled by colour, within reach of the rough one and not far behind it
    const refined = input.colours ? refineMatte(keep, input.colours, w, h, { band: Math.max(3, Math.round(w / 80)), depth: { map: depth, floor: cut.at - 0.25 }, grow: true }) : keep;
    const soft = boxBlur(Float32Array.from(refined), w, h, 1);
    return { matte: soft, boxes, source: 'depth' };
  }
  // no person, no depth cut round the subject: the salient subject by its colours and nearness
  if (!input.colours || !input.saliency) return { note: null };
  const salient = salientMatte({ colours: input.colours, depth, saliency: input.saliency, ...(input.sky ? { sky: input.sky } : {}), width: w, height: h, subject });
  if ('note' in salient) {
    if (!input.focus) return salient;
    // a shallow depth-of-field photo: the subject is what the lens focused on (bright bokeh may draw the saliency)
    const sharp = focusMatte({ colours: input.colours, depth, focus: input.focus, ...(input.sky ? { sky: input.sky } : {}), width: w, height: h });
    if ('note' in sharp) return { note: `${salient.note}; ${sharp.note}` };
    return { matte: sharp.matte, boxes: components(sharp.region, w, h).filter((p) => p.length > n * 0.005).map((p) => boxOf(p, w, h)), source: 'focus', confidence: sharp.confidence };
  }
  return { matte: salient.matte, boxes: components(salient.region, w, h).filter((p) => p.length > n * 0.005).map((p) => boxOf(p, w, h)), source: 'salient', confidence: salient.confidence };
}
