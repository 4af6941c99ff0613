/**
 * A soft head-and-shoulders mask from the detected faces, at the analysis raster's size: the
 * `people` map of the Scene (DESIGN.md §1). Each face gives an ellipse over the head (face box
 * grown to take in hair and ears), a neck, and shoulders that widen to ~3.3 face widths and run
 * to the bottom of the picture. Head 1.0, body 0.85 (its extent is a guess), feathered edges.
 *
 * Depth: people are what is nearest in a portrait. Blend it as depth.ts does today,
 * `d = max(d, people * 0.95)` (on the half-size raster), so the person becomes one near layer
 * whose soft edge follows the mask; where the mask is 0 the depth estimate is untouched.
 *
 * @example
 *   scene.maps.people = personMask(scene.faces, raster.width, raster.height);
 */
import type { Face } from '../../scene.js';

const HEAD = 1;
const BODY = 0.85;

export function personMask(faces: readonly Face[], width: number, height: number): Float32Array {
  const mask = new Float32Array(width * height);
  for (const face of faces) paintPerson(mask, width, height, face);
  return mask;
}

function paintPerson(mask: Float32Array, width: number, height: number, face: Face): void {
  // in pixels of the mask
  const fw = face.box.w * width;
  const fh = face.box.h * height;
  if (!(fw > 0 && fh > 0)) return;
  const cx = (face.box.x + face.box.w / 2) * width;
  const chin = (face.box.y + face.box.h) * height;
  // head: the box grown upwards (hair) and sideways (ears)
  const hx = cx;
  const hy = (face.box.y + face.box.h * 0.35) * height;
  const rx = fw * 0.7;
  const ry = fh * 0.85;
  const feather = Math.max(1.5, fw * 0.18);
  // body: neck from the chin, shoulders ~0.75 face heights below it, then straight down
  const neckTop = chin - fh * 0.1;
  const shoulders = chin + fh * 0.75;
  const neckHalf = fw * 0.32;
  const bodyHalf = fw * 1.65;

  const x0 = Math.max(0, Math.floor(cx - bodyHalf - feather));
  const x1 = Math.min(width - 1, Math.ceil(cx + bodyHalf + feather));
  const y0 = Math.max(0, Math.floor(hy - ry - feather));
  for (let y = y0; y < height; y++) {
    const py = y + 0.5;
    // half-width of the body at this row (0 above the neck)
    let half = 0;
    if (py >= neckTop) {
      const t = Math.min(1, (py - neckTop) / (shoulders - neckTop));
      // shoulders curve out quickly below the neck
      half = neckHalf + (bodyHalf - neckHalf) * Math.sin((t * Math.PI) / 2) ** 2;
    }
    const topFade = py >= neckTop ? Math.min(1, (py - neckTop) / feather + 0.5) : 0;
    const row = y * width;
    for (let x = x0; x <= x1; x++) {
      const px = x + 0.5;
      const dx = (px - hx) / rx;
      const dy = (py - hy) / ry;
      // signed distance to the head ellipse, approximately, in pixels
      const r = Math.sqrt(dx * dx + dy * dy);
      const headDist = (r - 1) * Math.min(rx, ry);
      let v = HEAD * smooth(0.5 - headDist / feather);
      if (half > 0) {
        const bodyDist = Math.abs(px - cx) - half;
        const b = BODY * smooth(0.5 - bodyDist / feather) * topFade;
        if (b > v) v = b;
      }
      if (v > mask[row + x]!) mask[row + x] = v;
    }
  }
}

/** smoothstep on [0, 1], clamped */
function smooth(t: number): number {
  if (t <= 0) return 0;
  if (t >= 1) return 1;
  return t * t * (3 - 2 * t);
}
