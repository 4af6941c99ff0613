/**
 * Whether a detected face is a person's. The face detector was trained on people only and also
 * fires, with a middling score, on an animal's eye and fur (a mandrill's face scored 0.57 beside
 * one eye), after which its 68 landmarks are a human face's layout drawn over whatever is there.
 * A person's face, in a colour picture, is mostly skin in the middle of the landmarks — cheeks,
 * nose and upper lip, whatever the skin tone or the light — and its landmarks have a face's
 * proportions: the eyes level-ish and apart by a third to a half of the jaw's width, the nose
 * between and below them, the mouth below the nose. A grey picture has no skin colour to read,
 * so there the geometry alone decides. A detector's sure face is kept whatever its colour (a face
 * in coloured stage light); a middling one must show skin.
 *
 * @example
 *   faces.filter((f) => humanFace(f, image).human)
 */
import type { Face, RgbImage } from '../../scene.js';

export interface HumanEvidence {
  human: boolean;
  /** share of skin-coloured pixels in the face's middle (null in a grey picture) */
  skin: number | null;
  /** the landmarks have a face's proportions */
  geometry: boolean;
}

/** a detection this sure is a face even where the light hides its skin colour (a blue stage light) */
const SURE_SCORE = 0.8;
/** below a sure score, at least half the face's middle must be skin */
const MIN_SKIN = 0.5;

/** Skin in YCbCr, the usual wide box (it takes dark and pale skin, and warm light). */
function isSkin(r: number, g: number, b: number): boolean {
  const cb = 128 - 0.168736 * r - 0.331264 * g + 0.5 * b, cr = 128 + 0.5 * r - 0.418688 * g - 0.081312 * b;
  return cb >= 77 && cb <= 127 && cr >= 133 && cr <= 173;
}

export function humanFace(face: Face, image: RgbImage): HumanEvidence {
  const geometry = faceGeometry(face.landmarks);
  const skin = skinShare(face, image);
  // a sure detection keeps a face in coloured light; a middling one needs its skin
  return { human: geometry && (skin === null || skin >= MIN_SKIN || face.score >= SURE_SCORE), skin, geometry };
}

function faceGeometry(p: ReadonlyArray<readonly [number, number]>): boolean {
  if (p.length < 68) return true; // nothing to judge by
  const mean = (ids: number[]) => ids.reduce((s, i) => [s[0] + p[i]![0], s[1] + p[i]![1]] as [number, number], [0, 0] as [number, number]).map((v) => v / ids.length);
  const le = mean([36, 37, 38, 39, 40, 41]), re = mean([42, 43, 44, 45, 46, 47]), nose = p[30]!, mouth = mean([48, 54, 51, 57]);
  const jaw = Math.hypot(p[16]![0] - p[0]![0], p[16]![1] - p[0]![1]);
  const eyes = Math.hypot(re[0]! - le[0]!, re[1]! - le[1]!);
  if (!(jaw > 0 && eyes > 0)) return false;
  const ratio = eyes / jaw;
  const tilt = Math.abs(re[1]! - le[1]!) / eyes;
  const between = nose[0] > Math.min(le[0]!, re[0]!) - 0.25 * eyes && nose[0] < Math.max(le[0]!, re[0]!) + 0.25 * eyes;
  const eyeY = (le[1]! + re[1]!) / 2;
  return ratio > 0.25 && ratio < 0.65 && tilt < 0.6 && between && nose[1] > eyeY && mouth[1]! > nose[1];
}

/** Share of skin among the pixels of the face's middle (under the eyes, over the mouth), or null in a grey picture. */
function skinShare(face: Face, image: RgbImage): number | null {
  const p = face.landmarks;
  const { width: W, height: H, data } = image;
  let x0: number, x1: number, y0: number, y1: number;
  if (p.length >= 68) {
    // from the outer eye corners across, from the lower lids down to the upper lip
    x0 = p[36]![0]; x1 = p[45]![0]; y0 = Math.max(p[40]![1], p[47]![1]); y1 = p[51]![1];
  } else {
    const b = face.box;
    x0 = b.x + 0.2 * b.w; x1 = b.x + 0.8 * b.w; y0 = b.y + 0.35 * b.h; y1 = b.y + 0.75 * b.h;
  }
  const X0 = Math.max(0, Math.floor(Math.min(x0, x1) * W)), X1 = Math.min(W, Math.ceil(Math.max(x0, x1) * W));
  const Y0 = Math.max(0, Math.floor(Math.min(y0, y1) * H)), Y1 = Math.min(H, Math.ceil(Math.max(y0, y1) * H));
  const step = Math.max(1, Math.floor(Math.max(X1 - X0, Y1 - Y0) / 48));
  let skin = 0, count = 0, chroma = 0;
  for (let y = Y0; y < Y1; y += step) for (let x = X0; x < X1; x += step) {
    const k = 3 * (y * W + x), r = data[k]!, g = data[k + 1]!, b = data[k + 2]!;
    chroma += Math.max(r, g, b) - Math.min(r, g, b);
    if (isSkin(r, g, b)) skin++;
    count++;
  }
  if (!count) return null;
  // a grey picture (or a grey-lit face): colour says nothing
  if (chroma / count < 6) return null;
  return Math.round((skin / count) * 1000) / 1000;
}
