/**
 * How much skin shows above and below each eye, up to 1.5 eye-heights: a closing eyelid is drawn
 * from it (picture/characters/displace.ts). Away from the lashes (and a lid's dark crease) to the
 * first skin, it stops at the next row much darker than the face's skin — a spectacle rim or a
 * brow — so a blink never drags glasses over the eye.
 *
 * @example
 *   lidRooms(face.landmarks, image) // → { above: [0.012, 0.013], below: [0.02, 0.02] }: image-left then image-right eye, normalised to the height
 */
import type { LidRoom, RgbImage } from '../../scene.js';

/** the most skin a lid may draw from, in eye-heights (the lid's sweep reaches no higher) */
export const LID_ROOM_EYE_HEIGHTS = 1.5;
/** a row darker than this share of the skin's luma is no lid skin */
const DARK = 0.6;

const EYES = [{ corners: [36, 39], upper: [37, 38], lower: [40, 41] }, { corners: [42, 45], upper: [43, 44], lower: [46, 47] }] as const;

export function lidRooms(landmarks: ReadonlyArray<readonly [number, number]>, image: RgbImage): LidRoom | undefined {
  if (landmarks.length < 68) return undefined;
  const { width: W, height: H, data } = image;
  const P = (i: number) => [landmarks[i]![0] * W, landmarks[i]![1] * H] as const;
  const luma = (x: number, y: number) => {
    const o = (Math.min(H - 1, Math.max(0, Math.round(y))) * W + Math.min(W - 1, Math.max(0, Math.round(x)))) * 3;
    return 0.299 * data[o]! + 0.587 * data[o + 1]! + 0.114 * data[o + 2]!;
  };
  const skin = skinLuma(P, luma);
  if (!(skin > 0)) return undefined;
  const rooms = EYES.map(({ corners, upper, lower }) => {
    const x0 = P(corners[0])[0], x1 = P(corners[1])[0];
    const up = (P(upper[0])[1] + P(upper[1])[1]) / 2, lo = (P(lower[0])[1] + P(lower[1])[1]) / 2;
    const h = Math.max(1.5, lo - up), most = LID_ROOM_EYE_HEIGHTS * h;
    // the middle of the eye's width: its corners meet the nose's shadow and the temple
    const from = x0 + 0.2 * (x1 - x0), to = x1 - 0.2 * (x1 - x0), step = Math.max(1, (to - from) / 16);
    const dark = (y: number) => {
      let sum = 0, n = 0;
      for (let x = from; x <= to; x += step) { sum += luma(x, y); n++; }
      return sum / n < DARK * skin;
    };
    // away from the lashes (dark, as a lid's crease may be) to the first skin, then on to the first dark row
    const room = (edge: number, dir: -1 | 1) => {
      let skinSeen = false;
      for (let d = 0.2 * h; d <= most; d += 1) {
        if (!dark(edge + dir * d)) skinSeen = true;
        else if (skinSeen) return Math.max(0, d - 1) / H;
      }
      return most / H;
    };
    return [room(up, -1), room(lo, 1)] as const;
  });
  return { above: [round(rooms[0]![0]), round(rooms[1]![0])], below: [round(rooms[0]![1]), round(rooms[1]![1])] };
}

/** The face's skin luma: the median over the nose's ridge and the two cheeks (no hair, no eyes, no glasses' rims there). */
function skinLuma(P: (i: number) => readonly [number, number], luma: (x: number, y: number) => number): number {
  const samples: number[] = [];
  const patch = ([cx, cy]: readonly [number, number], r: number) => {
    for (let dy = -r; dy <= r; dy += Math.max(1, r / 3)) for (let dx = -r; dx <= r; dx += Math.max(1, r / 3)) samples.push(luma(cx + dx, cy + dy));
  };
  const r = Math.max(1, Math.abs(P(35)[0] - P(31)[0]) / 4);
  patch(mid(P(29), P(30)), r);
  patch(mid(P(31), P(2)), r);
  patch(mid(P(35), P(14)), r);
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? 0;
}

const mid = (a: readonly [number, number], b: readonly [number, number]) => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2] as const;
const round = (v: number) => Math.round(v * 1e5) / 1e5;
