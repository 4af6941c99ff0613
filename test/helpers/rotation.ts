/**
 * How far the content turned from frame A to frame B about the frame centre (degrees, + clockwise
 * on screen), with the zoom that came with it: a search over angle and scale for the best
 * normalised cross-correlation of B with A turned and magnified, over the central 60 %.
 * Independent of the renderer's maths.
 *
 * @example estimateRotation(first, last, 320, 180) // → { degrees: -6.1, scale: 1.21 }
 */

function bilinear(img: Float64Array, width: number, height: number, x: number, y: number): number {
  const x0 = Math.max(0, Math.min(width - 2, Math.floor(x))), y0 = Math.max(0, Math.min(height - 2, Math.floor(y)));
  const fx = Math.max(0, Math.min(1, x - x0)), fy = Math.max(0, Math.min(1, y - y0));
  const i = y0 * width + x0;
  return (img[i]! * (1 - fx) + img[i + 1]! * fx) * (1 - fy) + (img[i + width]! * (1 - fx) + img[i + width + 1]! * fx) * fy;
}

/** NCC of B with A turned by `degrees` (clockwise on screen, y down) and magnified by `scale` about the centre */
function turnedNcc(a: Float64Array, b: Float64Array, width: number, height: number, degrees: number, scale: number): number {
  const cx = width / 2, cy = height / 2;
  const r = (degrees * Math.PI) / 180, c = Math.cos(r), s = Math.sin(r);
  let sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0, n = 0;
  for (let y = Math.round(height * 0.2); y < height * 0.8; y += 2) for (let x = Math.round(width * 0.2); x < width * 0.8; x += 2) {
    // where B's pixel came from in A: undo the magnification, then the turn
    const ux = (x - cx) / scale, uy = (y - cy) / scale;
    const va = bilinear(a, width, height, cx + c * ux + s * uy, cy - s * ux + c * uy);
    const vb = b[y * width + x]!;
    sa += va; sb += vb; saa += va * va; sbb += vb * vb; sab += va * vb; n++;
  }
  const cov = sab / n - (sa / n) * (sb / n);
  return cov / Math.sqrt((saa / n - (sa / n) ** 2) * (sbb / n - (sb / n) ** 2) + 1e-9);
}

export function estimateRotation(a: Float64Array, b: Float64Array, width: number, height: number, maxDegrees = 15): { degrees: number; scale: number } {
  let best = { degrees: 0, scale: 1, score: -Infinity };
  for (let d = -maxDegrees; d <= maxDegrees; d += 0.5) {
    for (let k = 0.8; k <= 1.5; k += 0.025) {
      const v = turnedNcc(a, b, width, height, d, k);
      if (v > best.score) best = { degrees: d, scale: k, score: v };
    }
  }
  const coarse = best;
  for (let d = coarse.degrees - 0.5; d <= coarse.degrees + 0.5; d += 0.1) {
    for (let k = coarse.scale - 0.025; k <= coarse.scale + 0.025; k += 0.005) {
      const v = turnedNcc(a, b, width, height, d, k);
      if (v > best.score) best = { degrees: d, scale: k, score: v };
    }
  }
  return { degrees: best.degrees, scale: best.scale };
}
