/**
 * Frames with known defects, and honest ffmpeg zooms of the same photo, for the self-tests of the
 * integrity measures: a pasted (cloned) region, a pull-out whose revealed border is a mirror of
 * the picture, a rubber warp that bows straight lines, a bend of a chosen sagitta along one line —
 * and, honest, one line's surroundings slid and turned unlike the rest (the line still straight).
 *
 * @example const f0 = await ffmpegGray(photo, 640); const z = await ffmpegGray(photo, 640, { zoom: 1.15 });
 */
import { ffmpegPath } from '../../../src/engine/encode/ffmpeg-path.js';
import { runViaSpawner } from '../../../src/engine/util/spawner.js';
import { blur, sample, type Gray } from './gray.js';

/**
 * The photo scaled to `width` (even height, aspect kept) as grey, optionally magnified by `zoom`
 * about the point (cx, cy) of the frame (fractions, default the centre) — scale + crop by ffmpeg.
 */
export async function ffmpegGray(path: string, width: number, o: { zoom?: number; cx?: number; cy?: number } = {}): Promise<Gray> {
  const probe = await run(['-i', path, '-vf', `scale=${width}:-2`, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'gray', '-']);
  const height = probe.length / width;
  const z = o.zoom ?? 1;
  const zw = Math.round(width * z / 2) * 2, zh = Math.round(height * z / 2) * 2;
  const x = Math.round((zw - width) * (o.cx ?? 0.5)), y = Math.round((zh - height) * (o.cy ?? 0.5));
  const vf = z === 1 ? `scale=${width}:${height}` : `scale=${zw}:${zh}:flags=bicubic,crop=${width}:${height}:${x}:${y}`;
  const data = z === 1 ? probe : await run(['-i', path, '-vf', vf, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'gray', '-']);
  return { data: Float32Array.from(data), width, height };
}

/** ffmpeg's stdout (started by the engine's spawner process, not forked from this big one) */
async function run(args: string[]): Promise<Buffer> {
  return (await runViaSpawner(ffmpegPath(), ['-v', 'error', ...args])).stdout;
}

/** A copy of `img` with the w×h block at (sx, sy) pasted over (dx, dy). */
export function pasteClone(img: Gray, sx: number, sy: number, w: number, h: number, dx: number, dy: number): Gray {
  const data = Float32Array.from(img.data);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data[(dy + y) * img.width + dx + x] = img.data[(sy + y) * img.width + sx + x]!;
  return { ...img, data };
}

/**
 * A pull-out done wrong: the picture shrunk by `scale` about the centre, and the border it reveals
 * filled by reflecting the picture at its edges (a kaleidoscope), as a mirror-padded warp does —
 * optionally softened by a blur of `blurSigma` px in the border, as today's padded margin is.
 */
export function mirroredPullOut(img: Gray, scale: number, blurSigma = 0): Gray {
  const { width: w, height: h } = img;
  const data = new Float32Array(w * h);
  const soft = blurSigma > 0 ? blur(img, blurSigma) : img;
  const reflect = (v: number, n: number) => { const p = 2 * (n - 1); v = ((v % p) + p) % p; return v > n - 1 ? p - v : v; };
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const ux = (w - 1) / 2 + (x - (w - 1) / 2) / scale, uy = (h - 1) / 2 + (y - (h - 1) / 2) / scale;
    const inside = ux >= 0 && uy >= 0 && ux <= w - 1 && uy <= h - 1;
    data[y * w + x] = sample(inside ? img : soft, reflect(ux, w), reflect(uy, h));
  }
  return { width: w, height: h, data };
}

/**
 * A rubber warp, as a single depth-warped sheet does to a facade: a gentle wave of `amplitude` px
 * and a wavelength of `period` × the width, across both axes, so straight lines bow.
 */
export function rubberWarp(img: Gray, amplitude: number, period = 0.4): Gray {
  const { width: w, height: h } = img;
  const data = new Float32Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const p = period * w;
    const sx = x + amplitude * Math.sin((2 * Math.PI * y) / p), sy = y + amplitude * Math.sin((2 * Math.PI * x) / p);
    const v = sample(img, Math.min(w - 1, Math.max(0, sx)), Math.min(h - 1, Math.max(0, sy)));
    data[y * w + x] = v;
  }
  return { width: w, height: h, data };
}

/**
 * A pull-out with an honest, textured margin: the picture shrunk by `scale` about the centre, the
 * border it reveals filled with the picture's own texture from its far side (wrapped round, as a
 * tile repeats): content continues beyond each edge, translated, never reflected.
 */
export function wrappedPullOut(img: Gray, scale: number): Gray {
  const { width: w, height: h } = img;
  const data = new Float32Array(w * h);
  const wrap = (v: number, n: number) => ((v % (n - 1)) + (n - 1)) % (n - 1);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const ux = (w - 1) / 2 + (x - (w - 1) / 2) / scale, uy = (h - 1) / 2 + (y - (h - 1) / 2) / scale;
    const inside = ux >= 0 && uy >= 0 && ux <= w - 1 && uy <= h - 1;
    data[y * w + x] = sample(img, inside ? ux : wrap(ux, w), inside ? uy : wrap(uy, h));
  }
  return { width: w, height: h, data };
}

/**
 * A pull-out with an honest but plain margin: the picture shrunk by `scale` about the centre, the
 * border it reveals filled by stretching the edge pixels outwards (nothing of the picture's
 * content is repeated there).
 */
export function clampedPullOut(img: Gray, scale: number): Gray {
  const { width: w, height: h } = img;
  const data = new Float32Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const ux = (w - 1) / 2 + (x - (w - 1) / 2) / scale, uy = (h - 1) / 2 + (y - (h - 1) / 2) / scale;
    data[y * w + x] = sample(img, Math.min(w - 1, Math.max(0, ux)), Math.min(h - 1, Math.max(0, uy)));
  }
  return { width: w, height: h, data };
}

/** A copy of `img` with a ball drawn at (cx, cy): a bright disc of radius r with three dark patches. */
export function withBall(img: Gray, cx: number, cy: number, r: number): Gray {
  const data = Float32Array.from(img.data);
  const spots = [[-0.4, -0.3], [0.45, -0.1], [0, 0.5]] as const;
  for (let y = Math.floor(cy - r); y <= cy + r; y++) for (let x = Math.floor(cx - r); x <= cx + r; x++) {
    if (x < 0 || y < 0 || x >= img.width || y >= img.height || Math.hypot(x - cx, y - cy) > r) continue;
    const dark = spots.some(([sx, sy]) => Math.hypot(x - cx - sx * r, y - cy - sy * r) < 0.28 * r);
    data[y * img.width + x] = dark ? 35 : 235;
  }
  return { ...img, data };
}

/**
 * The picture with one straight line bent: a band `reach` px either side of the segment (x0, y0)–
 * (x1, y1) is pushed across it by a parabola along it, `sagitta` px in the middle and 0 at the
 * ends, over the band's inner half, fading to nothing at its sides — a line bowed by exactly
 * `sagitta`, the rest intact.
 */
export function bentAlong(img: Gray, seg: { x0: number; y0: number; x1: number; y1: number }, sagitta: number, reach = 12): Gray {
  const { width: w, height: h } = img;
  const data = Float32Array.from(img.data);
  const length = Math.hypot(seg.x1 - seg.x0, seg.y1 - seg.y0), tx = (seg.x1 - seg.x0) / length, ty = (seg.y1 - seg.y0) / length;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const dx = x - seg.x0, dy = y - seg.y0, along = dx * tx + dy * ty, across = -dx * ty + dy * tx;
    if (along < 0 || along > length || Math.abs(across) >= reach) continue;
    const t = (2 * along) / length - 1, push = sagitta * (1 - t * t) * Math.min(1, 2 - (2 * Math.abs(across)) / reach);
    // the content at `across` came from `across − push` (the fade is gentle enough to invert this way)
    data[y * w + x] = sample(img, Math.min(w - 1, Math.max(0, x + push * ty)), Math.min(h - 1, Math.max(0, y - push * tx)));
  }
  return { width: w, height: h, data };
}

/**
 * An honest layered move: the band `reach` px either side of a segment slides across it by an
 * amount growing linearly along it, `from` px at (x0, y0) to `to` px at (x1, y1), fading out over
 * the band's outer half — the line is moved and turned (still straight), unlike its surroundings,
 * as a near surface moves against the background in a dolly zoom.
 */
export function slidAlong(img: Gray, seg: { x0: number; y0: number; x1: number; y1: number }, from: number, to: number, reach = 24): Gray {
  const { width: w, height: h } = img;
  const data = Float32Array.from(img.data);
  const length = Math.hypot(seg.x1 - seg.x0, seg.y1 - seg.y0), tx = (seg.x1 - seg.x0) / length, ty = (seg.y1 - seg.y0) / length;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const dx = x - seg.x0, dy = y - seg.y0, along = dx * tx + dy * ty, across = -dx * ty + dy * tx;
    if (Math.abs(across) >= reach) continue;
    const t = Math.min(1, Math.max(0, along / length)), push = (from + (to - from) * t) * Math.min(1, 2 - (2 * Math.abs(across)) / reach);
    data[y * w + x] = sample(img, Math.min(w - 1, Math.max(0, x + push * ty)), Math.min(h - 1, Math.max(0, y - push * tx)));
  }
  return { width: w, height: h, data };
}

/**
 * A line slid along itself: the band `reach` px either side of a segment moves `shift` px along it
 * (fading out over the band's outer half), its surroundings stay — a curtain's fold seen beside a
 * shoulder that moves more under a crane: the features around the line predict it `shift` px off
 * along itself. Still straight.
 */
export function glidedAlong(img: Gray, seg: { x0: number; y0: number; x1: number; y1: number }, shift: number, reach = 24): Gray {
  const { width: w, height: h } = img;
  const data = Float32Array.from(img.data);
  const length = Math.hypot(seg.x1 - seg.x0, seg.y1 - seg.y0), tx = (seg.x1 - seg.x0) / length, ty = (seg.y1 - seg.y0) / length;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const dx = x - seg.x0, dy = y - seg.y0, across = -dx * ty + dy * tx;
    if (Math.abs(across) >= reach) continue;
    const push = shift * Math.min(1, 2 - (2 * Math.abs(across)) / reach);
    data[y * w + x] = sample(img, Math.min(w - 1, Math.max(0, x - push * tx)), Math.min(h - 1, Math.max(0, y - push * ty)));
  }
  return { width: w, height: h, data };
}

/**
 * A line turned unlike its surroundings: the band `reach` px either side of a segment (and `reach`
 * px beyond its ends) turns by `angle` radians about the segment's middle, fading out over the
 * band's outer half — a surface that turns against the one behind it, or, to the measure, a line
 * whose neighbourhood's features say it turned when it did not (the background beside a coat's
 * shoulder under a pull-out). Still straight.
 */
export function turnedAlong(img: Gray, seg: { x0: number; y0: number; x1: number; y1: number }, angle: number, reach = 24): Gray {
  const { width: w, height: h } = img;
  const data = Float32Array.from(img.data);
  const length = Math.hypot(seg.x1 - seg.x0, seg.y1 - seg.y0), tx = (seg.x1 - seg.x0) / length, ty = (seg.y1 - seg.y0) / length;
  const cx = (seg.x0 + seg.x1) / 2, cy = (seg.y0 + seg.y1) / 2;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const dx = x - cx, dy = y - cy, along = dx * tx + dy * ty, across = -dx * ty + dy * tx;
    const fade = Math.min(1, 2 - (2 * Math.abs(across)) / reach, 2 - (2 * (Math.abs(along) - length / 2)) / reach);
    if (fade <= 0) continue;
    // the content at (x, y) came from (x, y) turned back by the faded angle
    const a = -angle * fade, c = Math.cos(a), s = Math.sin(a);
    data[y * w + x] = sample(img, Math.min(w - 1, Math.max(0, cx + c * dx - s * dy)), Math.min(h - 1, Math.max(0, cy + s * dx + c * dy)));
  }
  return { width: w, height: h, data };
}
