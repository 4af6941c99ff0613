/**
 * A face's features in canvas pixels, from its normalised 68-point landmarks (0–16 jaw, 17–26
 * brows, 27–35 nose, 36–41 and 42–47 eyes, 48–59 outer and 60–67 inner lips) and the way the
 * picture was fitted to the output (setup/fit.ts, plus the outpainted margin).
 *
 * @example
 *   faceFeatures(face, 512, 512, 320, 320, 0, 0, 320, 320) // → { roi: [60, 20, 270, 320], eyes: [...], … }
 */
import type { Face } from '../../scene.js';
import { fitMap } from '../setup/fit.js';
import type { FaceFeatures } from './types.js';

export function faceFeatures(face: Face, imageWidth: number, imageHeight: number, W: number, H: number, marginX: number, marginY: number, canvasWidth: number, canvasHeight: number): FaceFeatures | null {
  if (face.landmarks.length < 68) return null;
  // the picture is fitted to the output as setup/fit.ts decides ('fill', or a centred 'cover' crop)
  const map = fitMap(imageWidth, imageHeight, W, H);
  const px = face.landmarks.map(([u, v]) => { const [x, y] = map(u, v); return [marginX + x * W - 0.5, marginY + y * H - 0.5] as const; });
  const P = (i: number) => px[i]!;
  const mean = (ids: number[], k: 0 | 1) => ids.reduce((s, i) => s + P(i)[k], 0) / ids.length;
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (const [x, y] of px) { minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y); }
  const fw = maxX - minX, fh = maxY - minY;
  if (!(fw > 4 && fh > 4)) return null;
  const chin = P(8)[1];
  const cx = (minX + maxX) / 2, cy = (minY + maxY) / 2;
  // face and neck: the head with its hair, the neck down to about one face height under the chin
  const roi: [number, number, number, number] = [
    Math.max(0, Math.floor(cx - 0.95 * fw)), Math.max(0, Math.floor(minY - 0.75 * fh)),
    Math.min(canvasWidth - 1, Math.ceil(cx + 0.95 * fw)), Math.min(canvasHeight - 1, Math.ceil(chin + 0.9 * fh)),
  ];
  // (the skin above an eye, measured in the picture: a normalised height on the canvas)
  const canvasHeight01 = (v: number) => (map(0, v)[1] - map(0, 0)[1]) * H;
  const eye = (ids: number[], upper: number[], lower: number[], k: 0 | 1) => {
    const x0 = P(ids[0]!)[0], x1 = P(ids[3]!)[0];
    const up = mean(upper, 1), lo = mean(lower, 1);
    const open = Math.max(1.5, lo - up);
    const room = face.lidRoom && { room: canvasHeight01(face.lidRoom.above[k]), roomBelow: canvasHeight01(face.lidRoom.below[k]) };
    return { cx: (x0 + x1) / 2, a: Math.max(1.5, (x1 - x0) / 2), upper: (up + lo) / 2 - open / 2, lower: (up + lo) / 2 + open / 2, ...room };
  };
  const gap0 = Math.max(0, P(66)[1] - P(62)[1]);
  return {
    roi, cx, cy, fw, fh, pivotX: P(8)[0], pivotY: chin + 0.35 * fh,
    eyes: [eye([36, 37, 38, 39], [37, 38], [40, 41], 0), eye([42, 43, 44, 45], [43, 44], [46, 47], 1)],
    brow: { x0: P(17)[0], x1: P(26)[0], y: mean([17, 18, 19, 20, 21, 22, 23, 24, 25, 26], 1) },
    mouth: {
      x0: P(48)[0], x1: P(54)[0],
      lx: P(60)[0], ly: P(60)[1], rx: P(64)[0], ry: P(64)[1],
      // a mouth open in the input (teeth showing) splits under the upper teeth: they stay with
      // the head and only the lower lip and jaw move; a closed mouth splits between the lips
      cx: (P(62)[0] + P(66)[0]) / 2, cy: P(62)[1] + splitAt(gap0, P(54)[0] - P(48)[0]) * gap0,
      gap0,
      chin,
    },
  };
}

/** Where between the inner lips (0 upper … 1 lower) the mouth opens: under the teeth when they show. */
function splitAt(gap: number, mouthWidth: number): number {
  return gap > 0.08 * mouthWidth ? 0.85 : 0.5;
}
