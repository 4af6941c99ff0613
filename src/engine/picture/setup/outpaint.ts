/**
 * Outpainting for reveals beyond the frame (pull-outs, zoom < 1, dolly zoom, displacing effects):
 * the margin around the picture is synthesised patch by patch (./synthesize.ts), outwards from
 * the edge, from the picture's own texture near that edge — so a wall continues as wall and sky as
 * sky, never as a mirror image or a blur, in long runs that line up (its coherence term), and never
 * from a person or an animal the analysis knows (./known-objects.ts), nor from another distinctive
 * place — unless the edge cuts it as a line, which then runs on (./crossing-lines.ts). The synthesis runs on a
 * small copy (so its cost does not grow with the output size); shrunk 3× or more, with the picture's grain read at
 * full resolution among its regions (./fine-grain.ts: a sharp lawn's margin is not continued from
 * the soft lawn behind it); its source map is carried up to full resolution coarse to fine
 * (./refine-map.ts, as behind a subject: no block of the small raster shows) and the copies' tones
 * are evened across their seams and at the picture's edge (./seam-tone.ts). The depth and the
 * region masks follow the same map (`extendRaster`), so every raster agrees.
 *
 * @example
 *   const { canvas, from } = outpaint(rgba, 1920, 1080, 240, 135, seed);
 *   const depth = extendRaster(depth1080, 1920, 1080, 1, 240, 135, from);
 */
import { borderLines, NO_INSETS, type BorderInsets } from './border-line.js';
import { regionFeatures } from './border-regions.js';
import { joinEdge } from './edge-seam.js';
import { fineGrain } from './fine-grain.js';
import { refineSourceMap } from './refine-map.js';
import { evenSeams } from './seam-tone.js';
import { sharedBytes } from './shared-bytes.js';
import { applySourceMap, invertMask, maskAnd, sourceObjects, synthesize } from './synthesize.js';

/**
 * An RGBA raster shrunk to w×h (libvips, off the main thread): the small copy synthesis matches on.
 * (sharp is loaded when first asked for: the render workers run `paintMargin` from this module,
 * and libvips would only weigh on their memory there.)
 */
export async function shrink(rgba: Uint8Array, W: number, H: number, w: number, h: number): Promise<Uint8Array> {
  const { default: sharp } = await import('sharp');
  const out = await sharp(rgba, { raw: { width: W, height: H, channels: 4 } }).resize(w, h, { kernel: 'linear', fit: 'fill' }).raw().toBuffer();
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

/** Marks small pixels whose full-resolution footprint touches `mask` (W×H, non-zero = set). */
export function footprintAny(mask: Uint8Array, W: number, H: number, w: number, h: number): Uint8Array {
  const out = new Uint8Array(w * h);
  const col = new Int32Array(W);
  for (let X = 0; X < W; X++) col[X] = Math.min(w - 1, Math.floor(((X + 0.5) * w) / W));
  for (let Y = 0; Y < H; Y++) {
    const row = Math.min(h - 1, Math.floor(((Y + 0.5) * h) / H)) * w, o = Y * W;
    for (let X = 0; X < W; X++) if (mask[o + X]) out[row + col[X]!] = 1;
  }
  return out;
}

/** How much smaller the synthesis raster is: about 320 px wide, and at most ~40 k pixels to invent. */
export function synthesisScale(W: number, holePixels: number): number {
  return Math.max(1, Math.round(W / 320), Math.ceil(Math.sqrt(holePixels / 40000)));
}

/**
 * from blocks of this size (px) up, the small raster hides the grain and its blocks would show: the
 * canvas is shrunk with its margin padded by the edge pixels (padEdges), the grain read at full
 * resolution, the map refined to full size, its seams' tones evened and the margin joined to the
 * edge; below, the blocks are copied as they are (as fine as the grain)
 */
const PAD_BLOCK = 3;

/** The analysis' picture rasters (width×height, 0…255) that tell the border's regions apart. */
export interface OutpaintMaps {
  nearness?: Uint8Array;
  sky?: Uint8Array;
  /** the people and animals the analysis knows (known-objects.ts): never copied, unless too little else is left */
  objects?: Uint8Array;
}

/** how much more a source costs that does not line up with its filled neighbours' (synthesize.ts) */
const MARGIN_COHERENCE = 2;
/** from this level (0…255) of `OutpaintMaps.objects` a pixel is a person's or an animal's */
const OBJECT_LEVEL = 64;
/** the objects may be copied after all when less than this share of the picture is left to copy from */
const MIN_SOURCE_SHARE = 0.2;

/** The canvas with the picture in its middle (its margin still empty) and the small copy of it the synthesis matches on. */
export interface MarginCanvas {
  /** (width + 2·mx) × (height + 2·my), RGBA */
  canvas: Uint8Array;
  /** the canvas shrunk to w × h (synthesisScale), RGBA */
  small: Uint8Array;
  width: number;
  height: number;
  mx: number;
  my: number;
  /** the picture's scanned border lines (border-line.ts): the margin continues the rows inside them */
  inset?: BorderInsets;
}

/**
 * `exclude` (width×height, 1 = never copy from here): e.g. the subject, so no copy of it lands in
 * the margin; nor does one of the people and animals `maps.objects` marks. Each margin pixel
 * continues the region of the edge pixel it grows from (sky, grass, a wall: border-regions.ts,
 * from colour and the `maps` given), from sources of that region only.
 */
export async function outpaint(rgba: Uint8Array, width: number, height: number, mx: number, my: number, seed: number, exclude?: Uint8Array, maps: OutpaintMaps = {}): Promise<{ canvas: Uint8Array; from: Int32Array }> {
  return paintMargin(await marginCanvas(rgba, width, height, mx, my), seed, exclude, maps);
}

/** The first step of `outpaint`: the canvas and its small copy (libvips shrinks it off this thread). */
export async function marginCanvas(rgba: Uint8Array, width: number, height: number, mx: number, my: number): Promise<MarginCanvas> {
  const cw = width + 2 * mx, ch = height + 2 * my;
  // in shared memory: painted there on a render worker (no transfer), then read by the render workers as it is (no copy)
  const canvas = sharedBytes(cw * ch * 4);
  for (let y = 0; y < height; y++) canvas.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), ((y + my) * cw + mx) * 4);
  if (mx === 0 && my === 0) return { canvas, small: new Uint8Array(0), width, height, mx, my };
  const inset = borderLines(rgba, width, height);
  const { w, h, f } = marginRaster(width, height, mx, my);
  // (from 2 px blocks down the kernel's reach across the edge is a pixel or two: shrunk as it is)
  if (f < PAD_BLOCK) return { canvas, small: await shrink(canvas, cw, ch, w, h), width, height, mx, my, inset };
  // padded in place for the shrink, then emptied again: no second canvas (8.9 MB at 1080p)
  padEdges(canvas, width, height, mx, my, inset);
  const small = await shrink(canvas, cw, ch, w, h);
  clearMargin(canvas, width, height, mx, my);
  return { canvas, small, width, height, mx, my, inset };
}

/**
 * The canvas' margin filled by the picture's edge pixels, for shrinking only (clearMargin empties
 * it again): shrunk with an empty (transparent black) margin, the small raster's edge rows take
 * some of it in (the kernel reaches across), a line of another tone that the synthesis then
 * matches its first margin rows to, and a seam one block out from the edge shows (LadyBird.jpg's
 * crane up). The margin's own small pixels are synthesised anyway (footprintAny: any of the hole in them).
 */
function padEdges(canvas: Uint8Array, width: number, height: number, mx: number, my: number, inset: BorderInsets): void {
  const cw = width + 2 * mx, ch = height + 2 * my;
  // (a pixel as one 32-bit word: the side margins filled a row at a time; from inside a border line)
  const words = new Uint32Array(canvas.buffer, canvas.byteOffset, cw * ch);
  for (let y = my; y < my + height; y++) {
    const row = y * cw;
    words.fill(words[row + mx + inset.left]!, row, row + mx);
    words.fill(words[row + mx + width - 1 - inset.right]!, row + mx + width, row + cw);
  }
  const top = my + inset.top, bottom = my + height - 1 - inset.bottom;
  for (let y = 0; y < my; y++) canvas.copyWithin(y * cw * 4, top * cw * 4, (top + 1) * cw * 4);
  for (let y = my + height; y < ch; y++) canvas.copyWithin(y * cw * 4, bottom * cw * 4, (bottom + 1) * cw * 4);
}

/** The canvas' margin back to transparent black (as marginCanvas made it). */
function clearMargin(canvas: Uint8Array, width: number, height: number, mx: number, my: number): void {
  const cw = width + 2 * mx, ch = height + 2 * my;
  canvas.fill(0, 0, my * cw * 4);
  canvas.fill(0, (my + height) * cw * 4, ch * cw * 4);
  for (let y = my; y < my + height; y++) {
    canvas.fill(0, y * cw * 4, (y * cw + mx) * 4);
    canvas.fill(0, (y * cw + mx + width) * 4, (y + 1) * cw * 4);
  }
}

/** The small raster's size for a margin of mx, my round a width × height picture, and its scale f. */
function marginRaster(width: number, height: number, mx: number, my: number): { w: number; h: number; f: number } {
  const cw = width + 2 * mx, ch = height + 2 * my;
  const f = synthesisScale(width, cw * ch - width * height);
  return { w: Math.max(8, Math.round(cw / f)), h: Math.max(8, Math.round(ch / f)), f };
}

/**
 * The rest of `outpaint`, all on the calling thread (no libvips): the margin synthesised into
 * `margin.canvas` (in place) and where each of its pixels was copied from. A render worker runs it
 * while the main thread synthesises the background behind the subject (setup/prepare.ts).
 * `distinct`: marginObjects of this margin and seed, when found ahead (else found here).
 * `reachable` (canvas-sized, 1 = a margin pixel some sample can reach: reachable-margin.ts): only
 * that part of the margin is synthesised; the rest, never read but by the blurred copies across the
 * edge, takes its nearest picture pixel's colour (and no source: `from` −1) and is never compared.
 */
export function paintMargin(margin: MarginCanvas, seed: number, exclude?: Uint8Array, maps: OutpaintMaps = {}, distinct?: Uint8Array, reachable?: Uint8Array): { canvas: Uint8Array; from: Int32Array } {
  const { canvas, small, width, height, mx, my, inset = NO_INSETS } = margin;
  const cw = width + 2 * mx, ch = height + 2 * my;
  const frame = marginHole(width, height, mx, my);
  if (mx === 0 && my === 0) return { canvas, from: new Int32Array(cw * ch).fill(-1) };
  const hole = reachable ? maskAnd(frame, reachable, true) : frame;
  const unseen = reachable ? maskAnd(frame, reachable, false) : undefined;
  if (unseen) fromNearestEdge(canvas, width, height, mx, my, unseen, inset);
  const source = new Uint8Array(cw * ch);
  for (let i = 0; i < source.length; i++) source[i] = frame[i] ? 0 : 1;
  // a scanned border line is never copied (nor continued: joinEdge meets the rows inside it)
  for (let y = 0; y < height; y++) {
    const row = (y + my) * cw + mx, line = y < inset.top || y >= height - inset.bottom;
    for (let x = 0; x < width; x++) if (line || x < inset.left || x >= width - inset.right) source[row + x] = 0;
  }
  if (exclude) for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if (exclude[y * width + x]) source[(y + my) * cw + x + mx] = 0;
  if (maps.objects) leaveOut(source, maps.objects, width, height, mx, my);
  const { w, h, f } = marginRaster(width, height, mx, my);
  // (blocks of 3 px or more: the grain read at full size, the map refined, the seams evened, the edge joined)
  const refined = f >= PAD_BLOCK;
  const sHole = footprintAny(hole, cw, ch, w, h);
  const sSource = footprintAny(invertMask(source), cw, ch, w, h);
  for (let i = 0; i < sSource.length; i++) sSource[i] = sHole[i] || sSource[i] ? 0 : 1;
  // (a small pixel is unseen when all of its margin is)
  const sUnseen = unseen ? maskAnd(footprintAny(frame, cw, ch, w, h), sHole, false) : undefined;
  const known = invertMask(sHole);
  if (sUnseen) for (let i = 0; i < known.length; i++) if (sUnseen[i]) known[i] = 0;
  const regions = regionFeatures(small, 4, w, h, known, {
    ...(maps.nearness ? { nearness: pictureRaster(maps.nearness, width, height, mx, my, w, h) } : {}),
    ...(maps.sky ? { sky: pictureRaster(maps.sky, width, height, mx, my, w, h) } : {}),
    // (the grain at full resolution: shrunk 3× or more, a sharp lawn and a soft one are one colour;
    // less, the small raster shows the grain itself, and one pixel's reading is noise)
    ...(refined ? { grain: fineGrain(canvas, cw, ch, invertMask(frame), w, h) } : {}),
  });
  // (any part of the region may serve: held near the edge, the fill reflects the strip by it.
  // A line the edge cuts runs on from 3 px blocks up, where a line is wide enough on the small
  // raster to be read as one; below, its copies of itself smear the border: squirrel-branch.jpg)
  const map = synthesize(small, 4, w, h, sHole, sSource, { seed, regions, coherence: MARGIN_COHERENCE, ...(refined ? { objectsAsSources: 'crossing' as const } : {}), ...(distinct ? { objects: distinct } : {}), ...(sUnseen ? { unseen: sUnseen } : {}) });
  // carried up to full resolution level by level (refine-map.ts: no blocks of the small raster,
  // each pixel its copy's own grain), then the copies' tones evened across their seams and at the
  // picture's edge (seam-tone.ts: a smooth correction, the grain untouched, however thin the margin)
  // (2 px blocks or less are copied as they are: their edges are as fine as the picture's grain, and
  // refined, the vote over their dense seams smooths a bokeh's border into a smear: squirrel-branch)
  const from = refined ? refineSourceMap(canvas, 4, cw, ch, hole, source, map, { seed, distinctNeighbours: true, ...(unseen ? { unseen } : {}) }) : applySourceMap(canvas, 4, cw, ch, hole, source, map);
  // and its first rows step from the picture's edge row as the picture's own rows do (edge-seam.ts).
  // Both only from 3 px blocks up: below, the copies' seams are as fine as the grain, and a
  // correction read over so few pixels is the picture's own texture, cancelled or faded into the
  // margin as a smear (a drifting sky's border as one column repeated, displaced-margin.test.ts)
  if (refined) {
    evenSeams(canvas, 4, cw, ch, hole, from, f, unseen);
    joinEdge(canvas, width, height, mx, my, from, f, unseen ? hole : undefined, inset);
  }
  for (let i = 0; i < cw * ch; i++) if (hole[i]) canvas[i * 4 + 3] = 255;
  return { canvas, from };
}

/** The `unseen` margin pixels of the canvas take their nearest picture pixel's colour (opaque). */
function fromNearestEdge(canvas: Uint8Array, width: number, height: number, mx: number, my: number, unseen: Uint8Array, inset: BorderInsets): void {
  const cw = width + 2 * mx, ch = height + 2 * my;
  for (let y = 0; y < ch; y++) {
    for (let x = 0; x < cw; x++) {
      const i = y * cw + x;
      if (!unseen[i]) continue;
      const s = nearestPicturePixel(x, y, width, height, mx, my, inset) * 4;
      canvas[i * 4] = canvas[s]!; canvas[i * 4 + 1] = canvas[s + 1]!; canvas[i * 4 + 2] = canvas[s + 2]!; canvas[i * 4 + 3] = 255;
    }
  }
}

/** The canvas index of the picture pixel nearest to canvas pixel (x, y): its coordinates clamped to the picture (inside its border lines). */
function nearestPicturePixel(x: number, y: number, width: number, height: number, mx: number, my: number, inset: BorderInsets = NO_INSETS): number {
  return Math.min(my + height - 1 - inset.bottom, Math.max(my + inset.top, y)) * (width + 2 * mx) + Math.min(mx + width - 1 - inset.right, Math.max(mx + inset.left, x));
}

/** 1 on the canvas' margin, 0 on the picture (width × height in the middle). */
function marginHole(width: number, height: number, mx: number, my: number): Uint8Array {
  const cw = width + 2 * mx, hole = new Uint8Array(cw * (height + 2 * my)).fill(1);
  for (let y = 0; y < height; y++) hole.fill(0, (y + my) * cw + mx, (y + my) * cw + mx + width);
  return hole;
}

/**
 * What `paintMargin` never copies into the margin for this seed, found from the canvas alone (the
 * picture's objects: synthesize.ts' sourceObjects on its small copy): it does not wait for the
 * subject's cut, so a render worker finds it while the subject is cut out.
 */
export function marginObjects(margin: Pick<MarginCanvas, 'small' | 'width' | 'height' | 'mx' | 'my'>, seed: number): Uint8Array {
  const { small, width, height, mx, my } = margin;
  const { w, h } = marginRaster(width, height, mx, my);
  return sourceObjects(small, 4, w, h, footprintAny(marginHole(width, height, mx, my), width + 2 * mx, height + 2 * my, w, h), seed);
}

/**
 * Clears the known people and animals (`objects`, width×height, 0…255) from `source` (the canvas'
 * 1 = may be copied), unless that leaves less than MIN_SOURCE_SHARE of the picture: a portrait's
 * margin may continue the person's clothes rather than copy a sliver of wall over and over.
 */
function leaveOut(source: Uint8Array, objects: Uint8Array, width: number, height: number, mx: number, my: number): void {
  const cw = width + 2 * mx;
  let left = 0;
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if (source[(y + my) * cw + x + mx] && objects[y * width + x]! < OBJECT_LEVEL) left++;
  if (left < MIN_SOURCE_SHARE * width * height) return;
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if (objects[y * width + x]! >= OBJECT_LEVEL) source[(y + my) * cw + x + mx] = 0;
}

/** A picture raster (0…255) sampled on the small canvas (w×h), edge-clamped into the margin, as 0…1. */
function pictureRaster(values: Uint8Array, width: number, height: number, mx: number, my: number, w: number, h: number): Float32Array {
  const cw = width + 2 * mx, ch = height + 2 * my, out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    const Y = Math.min(height - 1, Math.max(0, Math.floor(((y + 0.5) * ch) / h) - my));
    for (let x = 0; x < w; x++) {
      const X = Math.min(width - 1, Math.max(0, Math.floor(((x + 0.5) * cw) / w) - mx));
      out[y * w + x] = values[Y * width + X]! / 255;
    }
  }
  return out;
}

/**
 * An RGBA picture-sized layer (width×height) on the outpainted canvas with the canvas' own margin:
 * for a layer equal to the picture wherever the margin copies from (the background layer: the
 * outpainting never copies from the subject's hole), so the margin keeps its blended seams.
 * Written into `out` when given (shared memory, say: every byte of it is written).
 */
export function onCanvas(layer: Uint8Array, canvas: Uint8Array, width: number, height: number, mx: number, my: number, out?: Uint8Array): Uint8Array {
  const cw = width + 2 * mx;
  if (out) out.set(canvas);
  else out = canvas.slice();
  for (let y = 0; y < height; y++) out.set(layer.subarray(y * width * 4, (y + 1) * width * 4), ((y + my) * cw + mx) * 4);
  return out;
}

/**
 * A picture-sized raster (W×H, `channels` bytes a pixel) on the outpainted canvas: the picture in
 * the middle, each margin pixel copied from where the outpainting took its colour (`from`, canvas
 * indices), so depth and masks continue exactly as the pixels do. Written into `out` when given
 * (shared memory, say: every byte of it is written).
 */
export function extendRaster(src: Uint8Array, width: number, height: number, channels: number, mx: number, my: number, from: Int32Array, out?: Uint8Array): Uint8Array {
  const cw = width + 2 * mx, ch = height + 2 * my;
  out ??= new Uint8Array(cw * ch * channels);
  const rowBytes = width * channels;
  for (let y = 0; y < height; y++) out.set(src.subarray(y * rowBytes, (y + 1) * rowBytes), ((y + my) * cw + mx) * channels);
  if (!mx && !my) return out;
  const { canvas, picture } = marginSources(width, height, mx, my, from);
  for (let k = 0; k < canvas.length; k++) {
    const o = canvas[k]! * channels, so = picture[k]! * channels;
    for (let c = 0; c < channels; c++) out[o + c] = src[so + c]!;
  }
  return out;
}

/** per `from`: its margin's pixels (canvas indices) and the picture pixel each copies */
const keptSources = new WeakMap<Int32Array, { width: number; mx: number; my: number; canvas: Int32Array; picture: Int32Array }>();

/**
 * The margin's pixels in scan order and the picture pixel each one's value comes from (where the
 * outpainting took its colour; where it took none, the nearest picture pixel): worked out once
 * for every raster a setup extends (depth, masks, layers).
 */
function marginSources(width: number, height: number, mx: number, my: number, from: Int32Array): { canvas: Int32Array; picture: Int32Array } {
  const kept = keptSources.get(from);
  if (kept && kept.width === width && kept.mx === mx && kept.my === my) return kept;
  const cw = width + 2 * mx, ch = height + 2 * my, n = cw * ch - width * height;
  const canvas = new Int32Array(n), picture = new Int32Array(n);
  let k = 0;
  for (let y = 0; y < ch; y++) {
    const full = y < my || y >= my + height;
    for (let x = 0; x < cw; x++) {
      if (!full && x === mx) x = mx + width; // the picture's own row
      if (x >= cw) break;
      const i = y * cw + x;
      let s = from[i]!;
      if (s < 0) s = nearestPicturePixel(x, y, width, height, mx, my);
      canvas[k] = i;
      picture[k++] = (((s / cw) | 0) - my) * width + (s % cw) - mx;
    }
  }
  keptSources.set(from, { width, mx, my, canvas, picture });
  return { canvas, picture };
}
