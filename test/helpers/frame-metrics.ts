/**
 * Measurements on rendered or decoded frames, for tests that assert what a viewer would see:
 * I420 → RGB, PSNR, luma, translation by phase correlation, zoom by a scale search (about the
 * centre, or with a pan), and border texture (is an edge strip as textured as the picture and as
 * the photo's own border, not black, flat or smeared?).
 *
 * @example
 *   const rgb = i420ToRgb(frame, 320, 180);
 *   psnr(rgb, expectedRgb)                          // dB
 *   psnr(rgb, yuv420Reference(inputRgb, 320, 180))  // dB against what a 4:2:0 frame can show
 *   phaseCorrelation(lumaA, lumaB, 320, 180)        // { dx, dy }: how far content moved from A to B
 *   estimateScale(lumaA, lumaB, 320, 180)           // > 1: content got bigger (push-in)
 *   estimateZoomPan(lumaA, lumaB, 320, 180)         // { scale, dx, dy }: the same, with the aim moved
 */
import { fft } from './fft.js';

/** I420 (BT.601 limited range) → packed RGB24. */
export function i420ToRgb(frame: Uint8Array, width: number, height: number): Uint8Array {
  const out = new Uint8Array(width * height * 3);
  const cw = width >> 1, uBase = width * height, vBase = uBase + cw * (height >> 1);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) {
    const Y = 1.164 * (frame[y * width + x]! - 16);
    const c = (y >> 1) * cw + (x >> 1);
    const U = frame[uBase + c]! - 128, V = frame[vBase + c]! - 128;
    const o = (y * width + x) * 3;
    out[o] = clamp(Y + 1.596 * V);
    out[o + 1] = clamp(Y - 0.392 * U - 0.813 * V);
    out[o + 2] = clamp(Y + 2.017 * U);
  }
  return out;
}

const clamp = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));

/** Packed RGB24 → I420 (BT.601 limited range, each chroma sample the mean of its 2×2 pixels). */
export function rgbToI420(rgb: Uint8Array, width: number, height: number): Uint8Array {
  const cw = width >> 1, ch = height >> 1, out = new Uint8Array(width * height + 2 * cw * ch);
  for (let i = 0; i < width * height; i++) out[i] = clamp(16 + 0.257 * rgb[i * 3]! + 0.504 * rgb[i * 3 + 1]! + 0.098 * rgb[i * 3 + 2]!);
  for (let y = 0; y < ch; y++) for (let x = 0; x < cw; x++) {
    let u = 0, v = 0;
    for (let k = 0; k < 4; k++) {
      const o = ((2 * y + (k >> 1)) * width + 2 * x + (k & 1)) * 3, r = rgb[o]!, g = rgb[o + 1]!, b = rgb[o + 2]!;
      u += 128 - 0.148 * r - 0.291 * g + 0.439 * b;
      v += 128 + 0.439 * r - 0.368 * g - 0.071 * b;
    }
    out[width * height + y * cw + x] = clamp(u / 4);
    out[width * height + cw * ch + y * cw + x] = clamp(v / 4);
  }
  return out;
}

/**
 * The best any 4:2:0 frame can show of a picture: the picture through I420 and back. Frame 0 is
 * judged against it — a red bridge's fine edges on blue water lose ~34 dB to chroma subsampling
 * alone (golden-gate.jpg), which is the format's, not the renderer's.
 */
export function yuv420Reference(rgb: Uint8Array, width: number, height: number): Uint8Array {
  return i420ToRgb(rgbToI420(rgb, width, height), width, height);
}

export { psnr } from './motion.js';

/** Rec.601 luma of packed RGB24 (or of an I420 frame's Y plane when `i420` is true), 0…255. */
export function luma(data: Uint8Array, width: number, height: number, i420 = false): Float64Array {
  const out = new Float64Array(width * height);
  if (i420) { for (let i = 0; i < out.length; i++) out[i] = (data[i]! - 16) * (255 / 219); return out; }
  for (let i = 0; i < out.length; i++) out[i] = 0.299 * data[i * 3]! + 0.587 * data[i * 3 + 1]! + 0.114 * data[i * 3 + 2]!;
  return out;
}


function fft2(re: Float64Array, im: Float64Array, w: number, h: number, inverse: boolean): void {
  const rr = new Float64Array(w), ri = new Float64Array(w);
  for (let y = 0; y < h; y++) {
    rr.set(re.subarray(y * w, y * w + w)); ri.set(im.subarray(y * w, y * w + w));
    fft(rr, ri, inverse);
    re.set(rr, y * w); im.set(ri, y * w);
  }
  const cr = new Float64Array(h), ci = new Float64Array(h);
  for (let x = 0; x < w; x++) {
    for (let y = 0; y < h; y++) { cr[y] = re[y * w + x]!; ci[y] = im[y * w + x]!; }
    fft(cr, ci, inverse);
    for (let y = 0; y < h; y++) { re[y * w + x] = cr[y]!; im[y * w + x] = ci[y]!; }
  }
}

const pow2Below = (n: number) => 1 << Math.floor(Math.log2(n));

/**
 * Translation of the content from frame A to frame B (px, + right / + down), by phase
 * correlation over the largest centred power-of-two window, Hann-windowed, with a sub-pixel
 * parabolic peak fit.
 */
export function phaseCorrelation(a: Float64Array, b: Float64Array, width: number, height: number): { dx: number; dy: number; peak: number } {
  const w = pow2Below(width), h = pow2Below(height);
  const ox = (width - w) >> 1, oy = (height - h) >> 1;
  const ar = new Float64Array(w * h), ai = new Float64Array(w * h), br = new Float64Array(w * h), bi = new Float64Array(w * h);
  let ma = 0, mb = 0;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) { ma += a[(y + oy) * width + x + ox]!; mb += b[(y + oy) * width + x + ox]!; }
  ma /= w * h; mb /= w * h;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const win = (0.5 - 0.5 * Math.cos((2 * Math.PI * (x + 0.5)) / w)) * (0.5 - 0.5 * Math.cos((2 * Math.PI * (y + 0.5)) / h));
    ar[y * w + x] = (a[(y + oy) * width + x + ox]! - ma) * win;
    br[y * w + x] = (b[(y + oy) * width + x + ox]! - mb) * win;
  }
  fft2(ar, ai, w, h, false); fft2(br, bi, w, h, false);
  // cross-power spectrum B·conj(A) / |…|: its inverse peaks at the shift from A to B
  for (let i = 0; i < w * h; i++) {
    const r = br[i]! * ar[i]! + bi[i]! * ai[i]!, im = bi[i]! * ar[i]! - br[i]! * ai[i]!;
    const m = Math.hypot(r, im) + 1e-9;
    ar[i] = r / m; ai[i] = im / m;
  }
  fft2(ar, ai, w, h, true);
  let best = -Infinity, bx = 0, by = 0;
  for (let i = 0; i < w * h; i++) if (ar[i]! > best) { best = ar[i]!; bx = i % w; by = (i / w) | 0; }
  const at = (x: number, y: number) => ar[((y + h) % h) * w + ((x + w) % w)]!;
  const fit = (l: number, c: number, r: number) => { const d = l - 2 * c + r; return d < 0 ? (0.5 * (l - r)) / d : 0; };
  let dx = bx + fit(at(bx - 1, by), best, at(bx + 1, by));
  let dy = by + fit(at(bx, by - 1), best, at(bx, by + 1));
  if (dx > w / 2) dx -= w;
  if (dy > h / 2) dy -= h;
  return { dx, dy, peak: best / (w * h) };
}

function bilinear(img: Float64Array, width: number, height: number, x: number, y: number): number {
  const x0 = Math.max(0, Math.min(width - 2, Math.floor(x))), y0 = Math.max(0, Math.min(height - 2, Math.floor(y)));
  const fx = Math.max(0, Math.min(1, x - x0)), fy = Math.max(0, Math.min(1, y - y0));
  const i = y0 * width + x0;
  return (img[i]! * (1 - fx) + img[i + 1]! * fx) * (1 - fy) + (img[i + width]! * (1 - fx) + img[i + width + 1]! * fx) * fy;
}

/**
 * Normalised cross-correlation of B with A magnified by `scale` about the centre and then moved by
 * (dx, dy), over B's central 60 %.
 */
function scaledNcc(a: Float64Array, b: Float64Array, width: number, height: number, scale: number, dx = 0, dy = 0): number {
  const cx = width / 2, cy = height / 2;
  let sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0, n = 0;
  for (let y = Math.round(height * 0.2); y < height * 0.8; y += 2) for (let x = Math.round(width * 0.2); x < width * 0.8; x += 2) {
    const va = bilinear(a, width, height, cx + (x - dx - cx) / scale, cy + (y - dy - cy) / scale);
    const vb = b[y * width + x]!;
    sa += va; sb += vb; saa += va * va; sbb += vb * vb; sab += va * vb; n++;
  }
  const cov = sab / n - (sa / n) * (sb / n);
  return cov / Math.sqrt((saa / n - (sa / n) ** 2) * (sbb / n - (sb / n) ** 2) + 1e-9);
}

/** How much the content was magnified from A to B about the frame centre (> 1: zoomed in). */
export function estimateScale(a: Float64Array, b: Float64Array, width: number, height: number, min = 0.6, max = 1.6): number {
  let best = 1, bestScore = -Infinity;
  for (let s = min; s <= max; s += 0.01) { const v = scaledNcc(a, b, width, height, s); if (v > bestScore) { bestScore = v; best = s; } }
  for (let s = best - 0.01; s <= best + 0.01; s += 0.001) { const v = scaledNcc(a, b, width, height, s); if (v > bestScore) { bestScore = v; best = s; } }
  return best;
}

/** A magnified by `scale` about the frame centre (bilinear, edges held). */
function magnified(a: Float64Array, width: number, height: number, scale: number): Float64Array {
  const out = new Float64Array(width * height), cx = width / 2, cy = height / 2;
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) out[y * width + x] = bilinear(a, width, height, cx + (x - cx) / scale, cy + (y - cy) / scale);
  return out;
}

/**
 * Zoom and pan of the content from A to B: B ≈ A magnified by `scale` about the frame centre and
 * then moved by (dx, dy) px. A zoom aimed off the centre (a pull-out re-aimed away from an edge) is
 * a zoom about the centre plus a pan, which estimateScale alone reads as a weaker or even opposite
 * zoom. Each candidate scale finds its pan by phase correlation and is scored by the normalised
 * cross-correlation of the aligned pictures.
 */
export function estimateZoomPan(a: Float64Array, b: Float64Array, width: number, height: number, min = 0.7, max = 1.4): { scale: number; dx: number; dy: number } {
  let best = { scale: 1, dx: 0, dy: 0 }, bestScore = -Infinity;
  const tryScale = (scale: number) => {
    const { dx, dy } = phaseCorrelation(magnified(a, width, height, scale), b, width, height);
    const v = scaledNcc(a, b, width, height, scale, dx, dy);
    if (v > bestScore) { bestScore = v; best = { scale, dx, dy }; }
  };
  for (let s = min; s <= max + 1e-9; s += 0.02) tryScale(s);
  const coarse = best.scale;
  for (let s = coarse - 0.02; s <= coarse + 0.02 + 1e-9; s += 0.004) tryScale(s);
  return best;
}

type Sides = { top: number; bottom: number; left: number; right: number };

/** Mean absolute luma step across each edge, between rows (top/bottom) or columns (left/right) `from`…`to` px in from it. */
function stepsAcross(l: Float64Array, width: number, height: number, from: number, to: number): Sides {
  const hstep = (x0: number, x1: number) => {
    let s = 0, n = 0;
    for (let y = 0; y < height; y++) for (let x = x0; x < x1; x++) { s += Math.abs(l[y * width + x + 1]! - l[y * width + x]!); n++; }
    return s / Math.max(1, n);
  };
  const vstep = (y0: number, y1: number) => {
    let s = 0, n = 0;
    for (let y = y0; y < y1; y++) for (let x = 0; x < width; x++) { s += Math.abs(l[(y + 1) * width + x]! - l[y * width + x]!); n++; }
    return s / Math.max(1, n);
  };
  return {
    top: vstep(from, to), bottom: vstep(height - 1 - to, height - 1 - from),
    left: hstep(from, to), right: hstep(width - 1 - to, width - 1 - from),
  };
}

/**
 * Texture across each edge of the frame compared with the picture just inside it: the mean
 * absolute luma step *across* the edge (horizontal steps in the left/right strips, vertical steps
 * in the top/bottom strips) in the outer `strip` pixels, divided by the same measure in the next
 * 3 × `strip` pixels inward. A black, constant or smeared (edge pixels stretched inward) border
 * scores ≈ 0; a natural one ≈ 1 (also where the picture is smooth there, e.g. a clear sky: both
 * are small, and when the inner band has no texture at all the score is 1).
 */
export function borderTexture(l: Float64Array, width: number, height: number, strip = 3): Sides {
  // steps between pixels of the strip only (a black strip's step into the picture doesn't count)
  const edge = borderGrain(l, width, height, strip), inner = stepsAcross(l, width, height, strip, 4 * strip);
  const ratio = (e: number, i: number) => (i < 0.5 ? 1 : e / i);
  return { top: ratio(edge.top, inner.top), bottom: ratio(edge.bottom, inner.bottom), left: ratio(edge.left, inner.left), right: ratio(edge.right, inner.right) };
}

/** The grain of each border strip: the mean absolute luma step across the edge between the outer `strip` pixels. */
export function borderGrain(l: Float64Array, width: number, height: number, strip = 3): Sides {
  return stepsAcross(l, width, height, 0, strip - 1);
}

/** A frame's border strip is as textured as the picture inside it when borderTexture exceeds this… */
export const BORDER_TEXTURE_MIN = 0.3;
/** …or like the photo's own border on that side when its grain, or its texture, is at least this share of the photo's. */
export const OWN_BORDER_MIN = 0.5;

/**
 * A photo's own border whose grain is under FLAT_BORDER (mean luma step) and whose pixels are white
 * or black (on average within FLAT_TONE of 255 or 0: clipped, no grain left to keep) is a flat field — a drawing's
 * white ground, a scan's black band (HappyFish.jpg's top: 0.08 at 254, starry_night.jpg's bottom:
 * 0.02 at 1) — and a strip of its tone, within FLAT_TONE, is that field continued, however flat.
 * (A smooth sky's or a repeated edge row's grain is as low, but mid-grey: smeared, it still fails.)
 */
export const FLAT_BORDER = 0.25, FLAT_TONE = 8;

export interface BorderDefect { side: keyof Sides; texture: number; grain: number; own: { texture: number; grain: number } }

/** The photo's own border (the input picture, or frame 0, which is it) that borderDefects judges a frame's against. */
export interface OwnBorder { texture: Sides; grain: Sides; steps: { x: number; y: number }; tone: Sides; clip: Sides }

/**
 * Per side, the mean of `f` (of a pixel's luma) over the outer `strip` px: with the luma itself,
 * the strip's tone; with its distance to the nearer of black and white, how far from clipped it is.
 */
function borderMean(l: Float64Array, width: number, height: number, strip: number, f: (v: number) => number = (v) => v): Sides {
  const mean = (x0: number, x1: number, y0: number, y1: number) => {
    let s = 0;
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) s += f(l[y * width + x]!);
    return s / Math.max(1, (x1 - x0) * (y1 - y0));
  };
  return { top: mean(0, width, 0, strip), bottom: mean(0, width, height - strip, height), left: mean(0, strip, 0, height), right: mean(width - strip, width, 0, height) };
}
const fromClipped = (v: number) => Math.max(0, Math.min(v, 255 - v));

/** Mean absolute luma step between horizontal (x) and vertical (y) neighbours over the whole picture. */
function pictureSteps(l: Float64Array, width: number, height: number): { x: number; y: number } {
  let sx = 0, sy = 0;
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) {
    const i = y * width + x;
    if (x + 1 < width) sx += Math.abs(l[i + 1]! - l[i]!);
    if (y + 1 < height) sy += Math.abs(l[i + width]! - l[i]!);
  }
  return { x: sx / Math.max(1, (width - 1) * height), y: sy / Math.max(1, width * (height - 1)) };
}

export function ownBorder(l: Float64Array, width: number, height: number, strip = 3): OwnBorder {
  // read at the edge, one pixel in, in the band inside the strip and in the band beyond that, the
  // smoothest of the four: outermost rows unlike the rows inside them (a scan's or an encoder's
  // edge line, an encoder's grainier edge blocks over a smooth sky, the ringing a bright edge line
  // leaves through the encoder's first block, 8 px of the source: 7 rows deep at 640 px of a
  // 768 px photo) are no grain that a moved frame could keep — what a move brings to the border
  // is the picture from inside it
  const inner = stepsAcross(l, width, height, 1, strip), innerTexture = stepsAcross(l, width, height, strip + 1, 4 * strip + 1);
  const beyond = stepsAcross(l, width, height, 4 * strip + 1, 8 * strip + 1);
  const grain = borderGrain(l, width, height, strip), texture = borderTexture(l, width, height, strip);
  const sides = Object.keys(grain) as Array<keyof Sides>;
  const pick = (f: (side: keyof Sides) => number) => Object.fromEntries(sides.map((side) => [side, f(side)])) as unknown as Sides;
  return {
    texture: pick((side) => Math.min(texture[side], innerTexture[side] >= 0.5 ? inner[side] / innerTexture[side] : 1)),
    grain: pick((side) => Math.min(grain[side], inner[side], innerTexture[side], beyond[side])),
    steps: pictureSteps(l, width, height),
    tone: borderMean(l, width, height, strip),
    clip: borderMean(l, width, height, strip, fromClipped),
  };
}

/**
 * The sides of a frame whose border is black, flat or smeared, judged against the same photo's
 * own border (`own`, from ownBorder). A side passes when its strip is
 * - as textured as the picture just inside it (borderTexture > 0.3, where that picture has texture), or
 * - at least half as grainy as the photo's own border there: a soft studio backdrop or a pale sky
 *   beside a roof line that a move brings just inside the strip, or the outer rows an enlargement
 *   repeats; this also catches a smear deeper than the strip on a soft side, which the ratio alone
 *   reads as a smooth sky. Where the whole frame is smoother across that edge than the photo (a
 *   whip pan's motion blur along it, a zoom's magnification), the photo's grain is expected
 *   smoother by as much; or
 * - at least half as textured, against the picture inside it, as the photo's own border: the
 *   photo's own soft rim magnified by a move's zoom (a whip pan's overscan), where the grain per
 *   pixel falls with the magnification but the ratio does not; or
 * - of the photo's own border tone where that border is a flat white or black field (FLAT_BORDER):
 *   a drawing's white ground or a scan's black band continued.
 * Black, flat and smeared strips have no steps across the edge, so they fail all four beside any
 * photo border with grain, and beside a flat one unless they are its tone.
 */
export function borderDefects(l: Float64Array, width: number, height: number, own: OwnBorder, strip = 3): BorderDefect[] {
  const grain = borderGrain(l, width, height, strip), inner = stepsAcross(l, width, height, strip, 4 * strip);
  const steps = pictureSteps(l, width, height), tone = borderMean(l, width, height, strip);
  const softer = { x: Math.min(1, steps.x / Math.max(1e-9, own.steps.x)), y: Math.min(1, steps.y / Math.max(1e-9, own.steps.y)) };
  const defects: BorderDefect[] = [];
  for (const side of Object.keys(grain) as Array<keyof Sides>) {
    const textured = inner[side] >= 0.5, texture = textured ? grain[side] / inner[side] : 1;
    const across = side === 'left' || side === 'right' ? softer.x : softer.y;
    if (textured && texture > BORDER_TEXTURE_MIN) continue;
    if (grain[side] >= OWN_BORDER_MIN * own.grain[side] * across) continue;
    if (textured && texture >= OWN_BORDER_MIN * own.texture[side]) continue;
    if (own.grain[side] < FLAT_BORDER && own.clip[side] <= FLAT_TONE && Math.abs(tone[side] - own.tone[side]) <= FLAT_TONE) continue;
    defects.push({ side, texture, grain: grain[side], own: { texture: own.texture[side], grain: own.grain[side] } });
  }
  return defects;
}

/** How a border defect reads in an assertion or a bench row. */
export function describeBorderDefect(d: BorderDefect): string {
  return `${d.side} border texture ${d.texture.toFixed(2)}, grain ${d.grain.toFixed(2)} (the photo's own: ${d.own.texture.toFixed(2)}, ${d.own.grain.toFixed(2)}; black, flat or smeared)`;
}

/** Per-pixel temporal variance of luma frames, averaged over pixels where `where(i)` is true. */
export function temporalVariance(frames: Float64Array[], where: (i: number) => boolean): number {
  const n = frames[0]!.length;
  let total = 0, count = 0;
  for (let i = 0; i < n; i++) {
    if (!where(i)) continue;
    let s = 0, ss = 0;
    for (const f of frames) { s += f[i]!; ss += f[i]! * f[i]!; }
    const m = s / frames.length;
    total += ss / frames.length - m * m;
    count++;
  }
  return total / Math.max(1, count);
}
