/**
 * The face warps of one frame, written into the renderer's source-displacement grid (canvas px,
 * backward: an output pixel samples its source position plus this). Head motion (breathing,
 * nods, tilts, turns) moves the face-and-neck region rigidly with a weight that falls smoothly to
 * zero at its edge; eyelids sweep the skin above the eye down to the lower lid; brows lift; the
 * mouth corners rise for a smile; the lower lip and jaw drop to open the mouth, the seam between
 * the lips stretching into the gap (which `mouth-fill` darkens). Nothing outside the region moves.
 *
 * @example
 *   if (charactersMove(rigs, i)) displaceCharacters(disp, rigs, i);
 */
import type { CharacterRig, FaceFeatures } from './types.js';
import { displaceArm } from './arm.js';
import { displaceBody } from './displace-body.js';
import { displaceEars, earsBox } from './displace-ears.js';
import { displaceTail, tailBox } from './displace-tail.js';
import { bodyWeightAt } from './body-weight.js';
import { cellWeights } from './cell-weights.js';
import { faceTerms } from './face-terms.js';
import { mouthDrop, smoothstep } from './shape.js';
import { warpFace } from './face-warp.js';

export interface GridField {
  cell: number; gridWidth: number; gridHeight: number; dx: Float32Array; dy: Float32Array;
}

/**
 * The tracks that move a part only a few pixels across (eyelids, lips and jaw, brows, the face's
 * interior in a turn, ears, tails): their warps change over a cell or two of the displacement
 * grid. The others (head, lean, breathing, arm) move a whole region rigidly or fade it out over
 * tens of pixels.
 */
const FINE_TRACKS = ['lidL', 'lidR', 'mouth', 'smile', 'brows', 'turn', 'ears', 'tail'] as const satisfies ReadonlyArray<keyof CharacterRig['tracks']>;

/** True when some rig moves a small part at some frame (then the warp needs its finer lattice). */
export function charactersMoveFinely(rigs: readonly CharacterRig[]): boolean {
  return rigs.some(({ tracks: t }) => FINE_TRACKS.some((name) => t[name].some((v) => v !== 0)));
}

/**
 * The canvas box [x0, y0, x1, y1] of the small parts that move at some frame (the face's region and
 * its lids for the face's tracks, the ears, the tail), or null when none does: only there does the
 * warp need its finer lattice.
 */
export function finePartsBox(rigs: readonly CharacterRig[]): [number, number, number, number] | null {
  let box: [number, number, number, number] | null = null;
  const add = (b: readonly [number, number, number, number]) => {
    // a part wholly left of or above the canvas (an eye not found is placed far off) moves nothing on it
    if (b[2] < 0 || b[3] < 0) return;
    box = box ? [Math.min(box[0], b[0]), Math.min(box[1], b[1]), Math.max(box[2], b[2]), Math.max(box[3], b[3])] : [b[0], b[1], b[2], b[3]];
  };
  for (const { features: f, tracks: t } of rigs) {
    const moves = (name: (typeof FINE_TRACKS)[number]) => t[name].some((v) => v !== 0);
    if (moves('ears') && f.ears) add(earsBox(f.ears));
    if (moves('tail') && f.tail) add(tailBox(f.tail));
    if (FINE_TRACKS.some((name) => name !== 'ears' && name !== 'tail' && moves(name))) {
      const m = f.mouth, { drop, seam, eyeTop, browSpan, bcx, bhw, smileR, jawEnd } = faceMeasures(f);
      // a turn slides the face's interior; brows lift the band above the eyes; a smile draws the
      // corners; an open mouth drops the lower lip and jaw
      add([f.cx - 0.5 * f.fw, f.cy - 0.55 * f.fh, f.cx + 0.5 * f.fw, f.cy + 0.55 * f.fh]);
      add([bcx - 1.2 * bhw, f.brow.y - 2 * browSpan, bcx + 1.2 * bhw, eyeTop]);
      add([m.x0 - smileR, Math.min(m.ly, m.ry) - smileR, m.x1 + smileR, Math.max(m.ly, m.ry) + smileR]);
      add([m.x0 - 2, Math.min(m.ly, m.cy, m.ry), m.x1 + 2, jawEnd + drop + seam]);
      for (const eye of f.eyes) add(lidBox(eye));
    }
  }
  return box;
}

/** The face's measures its warps use: the eyes' top, the brows' centre, half-width and span, the smile's reach, the jaw's end. */
function faceMeasures(f: FaceFeatures) {
  const m = f.mouth, mw = m.x1 - m.x0;
  const eyeTop = Math.min(f.eyes[0]!.upper, f.eyes[1]!.upper);
  return {
    mw, ...mouthDrop(m), eyeTop, browSpan: eyeTop - f.brow.y,
    bcx: (f.brow.x0 + f.brow.x1) / 2, bhw: 0.5 * (f.brow.x1 - f.brow.x0) + 0.1 * f.fw,
    smileR: 0.32 * mw, jawEnd: m.chin + 0.35 * (m.chin - m.cy),
  };
}

/** True when any face is away from rest at this frame (so the frame needs the warp). */
export function charactersMove(rigs: readonly CharacterRig[], frame: number): boolean {
  for (const { tracks: t } of rigs) {
    // every track, so a new one cannot be forgotten here
    if (Object.values(t).some((track) => track[frame])) return true;
  }
  return false;
}

export function displaceCharacters(field: GridField, rigs: readonly CharacterRig[], frame: number): void {
  const { cell, gridWidth: gw, gridHeight: gh, dx: DX, dy: DY } = field;
  for (const { kind, features: f, tracks: t } of rigs) {
    if (f.body) displaceBody(field, f.body, t.breath[frame]!, f.bodyWeight);
    if (f.arm) displaceArm(field, f.arm, t.forearm[frame]!, t.upperArm[frame]!, t.shrug[frame]!);
    if (f.ears) displaceEars(field, f.ears, t.ears[frame]!);
    if (f.tail) displaceTail(field, f.tail, t.tail[frame]!);
    const hx = t.headX[frame]!, hy = t.headY[frame]!, rot = t.headRot[frame]!, turn = t.turn[frame]! * f.fw;
    const lids = [t.lidL[frame]!, t.lidR[frame]!];
    const brows = t.brows[frame]! * 0.045 * f.fh;
    const smile = t.smile[frame]!;
    const open = t.mouth[frame]!;
    const [rx0, ry0, rx1, ry1] = f.roi;
    const measures = faceMeasures(f);
    // the region's cells and the head's weight on each do not change over the clip
    const cells = cellWeights(f, `${cell} ${gw} ${gh}`, (add) => {
      for (let j = Math.max(0, Math.floor(ry0 / cell)); j <= Math.min(gh - 1, Math.ceil(ry1 / cell)); j++) {
        const y = j * cell;
        const v = y < f.cy ? (y - f.cy) / Math.max(1, f.cy - ry0) : (y - f.cy) / Math.max(1, ry1 - f.cy);
        for (let i = Math.max(0, Math.floor(rx0 / cell)); i <= Math.min(gw - 1, Math.ceil(rx1 / cell)); i++) {
          const x = i * cell;
          const u = (x - f.cx) / Math.max(1, 0.5 * (rx1 - rx0));
          const r = Math.sqrt(u * u + v * v);
          if (r >= 1) continue;
          // head: rigid motion about the neck pivot, fading out towards the region's edge (and, for a
          // subject with a matte, off the subject)
          add(j * gw + i, x, y, (1 - smoothstep(0.45, 1, r)) * (f.bodyWeight ? bodyWeightAt(f.bodyWeight, x, y) : 1));
        }
      }
    });
    const lean = t.lean[frame]!;
    // a frame whose head is at rest adds nothing there
    const moves = hx || hy || rot || lean || turn || brows || smile || open;
    if (moves) warpFace(DX, DY, f, cells, faceTerms(f, cells, measures), measures, { hx, hy, rot, lean, turn, brows, smile, open });
    for (let e = 0; e < 2; e++) if (lids[e]) (kind === 'subject' ? displaceFurLid : displaceLid)(field, f.eyes[e]!, lids[e]!);
  }
}

/**
 * The canvas box an eyelid's sweep can touch (a face's lid or an animal's, whose band of fur above
 * the eye is at most 1.5 eye-heights). The sweep reaches a little under the landmarks' lower lid:
 * the visible eye is a bit taller than its lid landmarks, and a closed eye must leave no line of
 * iris (no seam).
 */
export function lidBox(eye: FaceFeatures['eyes'][number]): [number, number, number, number] {
  const h = eye.lower - eye.upper;
  return [eye.cx - 1.6 * eye.a, eye.upper - 1.5 * h, eye.cx + 1.6 * eye.a, eye.lower + (lidFromBelow(eye) ?? 0.6 * h)];
}

/** The skin below the eye a lid closes with, where a rim or a brow sits close above it and there is more below (else null). */
function lidFromBelow(eye: FaceFeatures['eyes'][number]): number | null {
  const h = eye.lower - eye.upper, above = eye.room ?? 1.5 * h, below = Math.min(1.5 * h, eye.roomBelow ?? 0);
  return above < 0.9 * h && below > above ? below : null;
}

/**
 * One eyelid closing by `s` (0 open … 1 closed): the skin above the eye sweeps down to the
 * lower lid. Over the eye's own box only, so an eye found anywhere on a subject can close. Where a
 * spectacle rim or a brow sits close above the eye and there is more skin below it
 * (analyze/faces/lid-room.ts), the skin below sweeps up instead: glasses are never dragged.
 */
function displaceLid(field: GridField, eye: FaceFeatures['eyes'][number], s: number): void {
  const { cell, gridWidth: gw, gridHeight: gh, dy: DY } = field;
  const h = eye.lower - eye.upper, [x0, boxTop, x1] = lidBox(eye);
  const above = eye.room ?? 1.5 * h, below = lidFromBelow(eye) ?? 0, up = below > 0;
  // closed, the lid shows the skin beyond the lashes ([top, upper − h/4] above, or [lower + h/5,
  // end] below) over the eye; the lashes themselves are squeezed into its last pixel, like a lash line
  const top = up ? eye.upper : Math.max(boxTop, eye.upper - above), end = up ? eye.lower + below : eye.lower + 0.6 * h;
  const from = up ? eye.lower + 0.2 * h : top, to = up ? end : eye.upper - 0.25 * h;
  // the closed lid maps [top, end] onto the skin [from, to], linearly
  const k = (to - from) / (end - top);
  for (let j = Math.max(0, Math.ceil(top / cell)); j <= Math.min(gh - 1, Math.floor(end / cell)); j++) {
    const y = j * cell;
    const closed = from + (y - top) * k - y;
    for (let i = Math.max(0, Math.floor(x0 / cell)); i <= Math.min(gw - 1, Math.ceil(x1 / cell)); i++) {
      const w = 1 - smoothstep(1.05, 1.6, Math.abs(i * cell - eye.cx) / eye.a);
      if (w > 0) DY[j * gw + i]! += closed * s * w;
    }
  }
}

/**
 * An animal's eyelid closing by `s` over a found eye (a round eye, no lid landmarks): the lid's
 * edge follows the eye's outline down from its top, and what it covers shows the fur just above
 * the eye, moved down with it; above the eye that fur stretches over a band up to 1.5 eye-heights
 * tall (no further than the animal's outline above the eye),
 * back to rest at the band's top, so there is no seam. Across the eye the lid's travel follows the
 * eye's round shape (none at its sides), so the closed lid is an ellipse of fur, not a box.
 */
function displaceFurLid(field: GridField, eye: FaceFeatures['eyes'][number], s: number): void {
  const { cell, gridWidth: gw, gridHeight: gh, dy: DY } = field;
  // the band: up to one and a half eye-heights of fur, never past the animal's outline above the
  // eye (the background there would be pulled into the head)
  const R = (eye.lower - eye.upper) / 2, cy = (eye.upper + eye.lower) / 2;
  const band = Math.max(0.3 * R, Math.min(3 * R, eye.room === undefined ? 3 * R : 0.9 * eye.room));
  for (let i = Math.max(0, Math.floor((eye.cx - eye.a) / cell)); i <= Math.min(gw - 1, Math.ceil((eye.cx + eye.a) / cell)); i++) {
    const u = (i * cell - eye.cx) / eye.a;
    if (Math.abs(u) >= 1) continue;
    const half = R * Math.sqrt(1 - u * u), top = cy - half;
    // the lid's travel: from the eye's top at this column down to its bottom when closed
    const travel = s * 2 * half;
    if (travel <= 0) continue;
    const edge = top + travel;
    // the band stops at the picture's top (nothing above it to sample)
    const from = Math.max(0, top - band);
    // a band too short to slide the lid's fur down whole (the steepest of the smoothstep, 1.5 /
    // band, times the travel reaching 1) would sample above its own top, past the outline: the
    // band's fur is stretched over the band and the lid instead
    const slide = 1.5 * travel < top - from;
    for (let j = Math.max(0, Math.ceil(from / cell)); j <= Math.min(gh - 1, Math.floor(edge / cell)); j++) {
      const y = j * cell;
      // covered: the fur from above the eye; the band above: stretching back to rest at its top
      DY[j * gw + i]! -= !slide ? ((y - from) * travel) / Math.max(1e-6, edge - from) : y >= top ? travel : travel * smoothstep(from, top, y);
    }
  }
}
