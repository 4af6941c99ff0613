/**
 * The border and zoom measures catch what they are for.
 * - borderDefects judges a frame's border against the photo's own: photos whose own border is soft
 *   (the motorcycle's studio backdrop at the top, the flower-hat portrait's edge rows its
 *   enlargement repeats, building.jpg's right rim) pass, also when a move brings a strong edge just
 *   inside the strip, magnifies the rim (a whip pan's overscan zoom) or blurs the whole frame
 *   along a whip pan; a
 *   black, a flat and a smeared strip (8 px deep, deeper than the strip and into the band it is
 *   compared with) fail on every side of every photo, soft ones included. A drawing's white ground
 *   and a scan's black band continued flat pass; a strip of another tone on them fails.
 * - estimateZoomPan reads a pull-out aimed off the centre as a pull-out, where the centred scale
 *   search does not, and reads a zoom in as a zoom in and a pan alone as no zoom.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { fileURLToPath } from 'node:url';
import { borderDefects, borderTexture, estimateScale, estimateZoomPan, i420ToRgb, luma, ownBorder, psnr, rgbToI420, yuv420Reference } from './frame-metrics.js';
import { fixture } from './fixtures.js';

const W = 640;
const LOCAL = (name: string) => new URL(`../fixtures/images/${name}`, import.meta.url).pathname;

/** The photo at W px wide as the integrity bench gives it (a photo under 300 px a side enlarged twice first), as luma. */
async function photo(path: string, extraRows = 0): Promise<{ l: Float64Array; w: number; h: number }> {
  let bytes: Buffer = await sharp(path).toBuffer();
  const { width: iw = 0, height: ih = 0 } = await sharp(bytes).metadata();
  if (Math.min(iw, ih) < 300) bytes = await sharp(bytes).resize(iw * 2, ih * 2, { kernel: 'lanczos3' }).png().toBuffer();
  const w = W, h = 2 * Math.round((W * ih) / iw / 2) + extraRows;
  const data = await sharp(bytes).resize(w, h, { fit: 'fill' }).removeAlpha().raw().toBuffer();
  return { l: luma(new Uint8Array(data), w, h), w, h };
}

const rows = (l: Float64Array, w: number, from: number, to: number) => l.slice(from * w, to * w);

type Side = 'top' | 'bottom' | 'left' | 'right';
const SIDES: Side[] = ['top', 'bottom', 'left', 'right'];

/** The outer `depth` px of one side replaced: by black, by the picture's mean, or by the line just inside them (a smear). */
function spoiled(l: Float64Array, w: number, h: number, side: Side, how: 'black' | 'flat' | 'smeared', depth = 8): Float64Array {
  const out = l.slice();
  const mean = l.reduce((s, v) => s + v, 0) / l.length;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const inside = side === 'top' ? y < depth : side === 'bottom' ? y >= h - depth : side === 'left' ? x < depth : x >= w - depth;
    if (!inside) continue;
    const sx = side === 'left' ? depth : side === 'right' ? w - 1 - depth : x, sy = side === 'top' ? depth : side === 'bottom' ? h - 1 - depth : y;
    out[y * w + x] = how === 'black' ? 0 : how === 'flat' ? mean : l[sy * w + sx]!;
  }
  return out;
}

for (const [name, path] of [['product-motorcycle.png', fixture('product-motorcycle.png')], ['portrait-flower-hat.jpg', LOCAL('portrait-flower-hat.jpg')], ['street-old-town.jpg', fixture('street-old-town.jpg')]] as const) {
  test(`${name}: its own border passes against itself; a black, flat or smeared strip fails on every side`, async () => {
    const { l, w, h } = await photo(path);
    const own = ownBorder(l, w, h);
    assert.deepEqual(borderDefects(l, w, h, own), [], `${name} against its own border`);
    for (const side of SIDES) for (const how of ['black', 'flat', 'smeared'] as const) {
      const defects = borderDefects(spoiled(l, w, h, side, how), w, h, own);
      assert.ok(defects.some((d) => d.side === side), `${name}: a ${how} ${side} strip is caught (${JSON.stringify(defects)})`);
    }
  });
}

test('soft borders the texture ratio alone fails pass against the photo\'s own: the flower-hat\'s repeated edge rows, the motorcycle\'s backdrop over a shelf edge moved into the inner band', async () => {
  const hat = await photo(LOCAL('portrait-flower-hat.jpg'));
  const hatRatio = borderTexture(hat.l, hat.w, hat.h);
  assert.ok(hatRatio.top <= 0.3 && hatRatio.left <= 0.3, `the ratio alone reads the untouched photo as smeared (${hatRatio.top.toFixed(2)}, ${hatRatio.left.toFixed(2)})`);
  assert.deepEqual(borderDefects(hat.l, hat.w, hat.h, ownBorder(hat.l, hat.w, hat.h)), []);
  // the motorcycle's top as its crane up shows it at frame 4: the picture moved up 4 rows, the shelf's lower edge now just inside the strip
  const moto = await photo(fixture('product-motorcycle.png'), 4);
  const h = moto.h - 4, own = ownBorder(rows(moto.l, moto.w, 0, h), moto.w, h);
  const shifted = rows(moto.l, moto.w, 4, moto.h);
  const ratio = borderTexture(shifted, moto.w, h).top;
  assert.ok(ratio <= 0.3, `the ratio alone fails the backdrop here (${ratio.toFixed(2)})`);
  assert.deepEqual(borderDefects(shifted, moto.w, h, own), [], 'the same border judged against the photo\'s own passes');
  assert.ok(borderDefects(spoiled(shifted, moto.w, h, 'top', 'smeared'), moto.w, h, own).some((d) => d.side === 'top'), 'smeared there, it fails');
});

/** B: A zoomed by `scale` about (fx·w, fy·h): content at p moves to c + scale·(p − c). */
function zoomedAbout(a: Float64Array, w: number, h: number, scale: number, fx: number, fy: number): Float64Array {
  const out = new Float64Array(w * h), cx = fx * w, cy = fy * h;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const u = Math.max(0, Math.min(w - 1.001, cx + (x - cx) / scale)), v = Math.max(0, Math.min(h - 1.001, cy + (y - cy) / scale));
    const x0 = Math.floor(u), y0 = Math.floor(v), tx = u - x0, ty = v - y0, i = y0 * w + x0;
    out[y * w + x] = (a[i]! * (1 - tx) + a[i + 1]! * tx) * (1 - ty) + (a[i + w]! * (1 - tx) + a[i + w + 1]! * tx) * ty;
  }
  return out;
}

test('estimateZoomPan: a pull-out aimed toward a corner reads as a pull-out; a zoom in aimed off the centre as a zoom in; a pan alone as no zoom', async () => {
  const { l, w, h } = await photo(fixture('street-old-town.jpg'));
  // a re-aimed pull-out: content shrinks toward a point near the bottom-right corner
  const out = zoomedAbout(l, w, h, 0.95, 0.9, 0.85);
  const zp = estimateZoomPan(l, out, w, h);
  assert.ok(Math.abs(zp.scale - 0.95) < 0.01, `re-aimed pull-out read ${zp.scale.toFixed(3)} (panned ${zp.dx.toFixed(1)}, ${zp.dy.toFixed(1)})`);
  const centred = estimateScale(l, out, w, h);
  assert.ok(Math.abs(centred - 0.95) > 0.01, `the centred search misreads it (${centred.toFixed(3)})`);
  const zin = estimateZoomPan(l, zoomedAbout(l, w, h, 1.05, 0.2, 0.3), w, h);
  assert.ok(Math.abs(zin.scale - 1.05) < 0.01, `off-centre zoom in read ${zin.scale.toFixed(3)}`);
  const pan = estimateZoomPan(l, l.map((_, i) => l[Math.min(l.length - 1, i + 5)]!), w, h); // content 5 px to the left
  assert.ok(Math.abs(pan.scale - 1) < 0.006, `a pan alone read ${pan.scale.toFixed(3)}`);
});

test('building.jpg\'s soft right rim magnified 1.44× at the frame\'s right edge (a whip pan\'s overscan zoom) passes against the photo\'s own; smeared there, it fails', async () => {
  const { l, w, h } = await photo(LOCAL('building.jpg'));
  const own = ownBorder(l, w, h);
  // the photo resampled 1.44× larger, its right part in the frame (as the renderer samples the original)
  const W2 = Math.round(w * 1.44), H2 = Math.round(h * 1.44), top = Math.round((H2 - h) / 2);
  const data = await sharp(LOCAL('building.jpg')).resize(W2, H2, { fit: 'fill' }).extract({ left: W2 - w, top, width: w, height: h }).removeAlpha().raw().toBuffer();
  const magnified = luma(new Uint8Array(data), w, h);
  const ratio = borderTexture(magnified, w, h).right;
  assert.ok(ratio <= 0.3, `the ratio alone fails it (${ratio.toFixed(2)}; the photo's own ${own.texture.right.toFixed(2)})`);
  assert.deepEqual(borderDefects(magnified, w, h, own), []);
  assert.ok(borderDefects(spoiled(magnified, w, h, 'right', 'smeared'), w, h, own).some((d) => d.side === 'right'));
});

test('a frame blurred along a whip pan (the whole picture smoother across its left and right edges) passes against the photo\'s own; smeared there, it fails', async () => {
  const { l, w, h } = await photo(fixture('cat-closeup.png'));
  const own = ownBorder(l, w, h);
  // a horizontal box blur of 21 px, as motion blur along a fast pan (edges held)
  const blurred = new Float64Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    let s = 0;
    for (let k = -10; k <= 10; k++) s += l[y * w + Math.max(0, Math.min(w - 1, x + k))]!;
    blurred[y * w + x] = s / 21;
  }
  assert.deepEqual(borderDefects(blurred, w, h, own), []);
  for (const side of ['left', 'right'] as const) assert.ok(borderDefects(spoiled(blurred, w, h, side, 'smeared'), w, h, own).some((d) => d.side === side), `a smeared ${side} strip is caught`);
});

test('a photo whose outermost row is an edge line (a scan\'s or an encoder\'s, 10 levels brighter than the smooth sky under it): a frame slid down 4 px, its top the sky\'s own continuation, passes against the photo\'s own; smeared there, it fails', () => {
  const w = 320, h = 180, slide = 4;
  // a pale sky: a gentle gradient and faint grain (steps under 0.5 a pixel: no texture of its own)
  let seed = 7;
  const grain = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648 - 0.5) * 0.6;
  const sky = Float64Array.from({ length: w * (h + slide) }, (_, i) => 150 + (i % w) * 0.05 + grain());
  const photo = sky.slice(slide * w), frame = sky.slice(0, w * h);
  for (let x = 0; x < w; x++) photo[x] = photo[x]! + 10;
  const own = ownBorder(photo, w, h);
  assert.deepEqual(borderDefects(frame, w, h, own).filter((d) => d.side === 'top'), []);
  assert.ok(borderDefects(spoiled(frame, w, h, 'top', 'smeared'), w, h, own).some((d) => d.side === 'top'), 'a smeared top strip is caught');
});

test('frame 0 judged against what a 4:2:0 frame can show: golden-gate.jpg loses 34 dB to chroma subsampling alone, its own I420 round trip is exact against the reference, a frame 0 one pixel off still fails', async () => {
  const path = fileURLToPath(new URL('../fixtures/images/golden-gate.jpg', import.meta.url));
  const w = 640, h = 426;
  const rgb = new Uint8Array(await sharp(path).resize(w, h, { fit: 'fill' }).removeAlpha().raw().toBuffer());
  const honest = i420ToRgb(rgbToI420(rgb, w, h), w, h);
  assert.ok(psnr(honest, rgb) < 35, `the format's own loss: ${psnr(honest, rgb).toFixed(1)} dB`);
  assert.ok(psnr(honest, yuv420Reference(rgb, w, h)) > 60, 'a frame 0 that is the picture reads as the picture');
  const moved = new Uint8Array(rgb.length);
  for (let y = 0; y < h; y++) moved.set(rgb.subarray(y * w * 3, (y + 1) * w * 3 - 3), y * w * 3 + 3);
  const off = psnr(i420ToRgb(rgbToI420(moved, w, h), w, h), yuv420Reference(rgb, w, h));
  assert.ok(off < 35, `one pixel off: ${off.toFixed(1)} dB`);
});

test('a smooth sky whose outermost rows are grainier than the sky inside them (an encoder\'s edge blocks): a crane\'s frame, the sky inside magnified 1.2× to its top, passes against the photo\'s own; smeared or flat there, it fails', () => {
  const w = 320, h = 180, SKY = 90;
  let seed = 11;
  const noise = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648 - 0.5;
  // a pale sky with faint grain, its outer three rows three times as grainy; below it, leaves (texture that resampling keeps)
  const photo = Float64Array.from({ length: w * h }, (_, i) => {
    const x = i % w, y = (i / w) | 0;
    if (y >= SKY) return 90 + 35 * Math.sin(x / 5 + y / 3) * Math.cos(y / 4 - x / 9) + 6 * noise();
    return 160 + y * 0.1 + (y < 3 ? 4 : 1.2) * noise();
  });
  const at = (x: number, y: number) => {
    const x0 = Math.min(w - 2, Math.floor(x)), y0 = Math.min(h - 2, Math.floor(y)), fx = x - x0, fy = y - y0;
    return (photo[y0 * w + x0]! * (1 - fx) + photo[y0 * w + x0 + 1]! * fx) * (1 - fy) + (photo[(y0 + 1) * w + x0]! * (1 - fx) + photo[(y0 + 1) * w + x0 + 1]! * fx) * fy;
  };
  // the frame: magnified 1.2× about the top centre, from 8 rows inside the photo's top (a crane up under the overscan zoom)
  const frame = Float64Array.from({ length: w * h }, (_, i) => at(w / 2 + ((i % w) - w / 2) / 1.2, 8 + ((i / w) | 0) / 1.2));
  const own = ownBorder(photo, w, h);
  assert.deepEqual(borderDefects(frame, w, h, own).filter((d) => d.side === 'top'), [], 'the resampled sky passes');
  for (const how of ['smeared', 'flat'] as const) assert.ok(borderDefects(spoiled(frame, w, h, 'top', how), w, h, own).some((d) => d.side === 'top'), `a ${how} top strip is caught`);
});

test('a smooth sky under a bright edge line whose ringing fills the encoder\'s first block (7 rows at 640 px, power-lines.jpg): a crane\'s frame whose top is the sky from inside passes against the photo\'s own; smeared or flat there, it fails', () => {
  const w = 320, h = 180, SKY = 90, slide = 12;
  let seed = 5;
  const noise = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648 - 0.5;
  // a pale sky with faint grain over leaves; the photo's row 0 an edge line 12 levels brighter and rows 1…6 ringing after it (±1.5, alternating)
  const scene = Float64Array.from({ length: w * (h + slide) }, (_, i) => {
    const x = i % w, y = (i / w) | 0;
    if (y >= SKY + slide) return 90 + 35 * Math.sin(x / 5 + y / 3) * Math.cos(y / 4 - x / 9) + 6 * noise();
    return 160 + y * 0.05 + 0.3 * noise();
  });
  const photo = scene.slice(slide * w, (slide + h) * w), frame = scene.slice(0, w * h);
  for (let x = 0; x < w; x++) {
    photo[x] = photo[x]! + 12;
    for (let y = 1; y < 7; y++) photo[y * w + x] = photo[y * w + x]! + (((x >> 2) + y) % 2 ? 1.5 : -1.5) * (1 - y / 8);
  }
  const own = ownBorder(photo, w, h);
  assert.deepEqual(borderDefects(frame, w, h, own).filter((d) => d.side === 'top'), [], 'the sky from inside passes');
  for (const how of ['smeared', 'flat', 'black'] as const) assert.ok(borderDefects(spoiled(frame, w, h, 'top', how), w, h, own).some((d) => d.side === 'top'), `a ${how} top strip is caught`);
});

test('a drawing\'s white ground and a scan\'s black band, flat but for a few encoder specks (HappyFish.jpg, starry_night.jpg): a pull-out\'s frame that continues them flat passes against the photo\'s own; a black strip on the white, a white one on the black, or a grey one fails', () => {
  const w = 320, h = 240, BAND = 7;
  let seed = 5;
  const noise = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648 - 0.5;
  // white ground, a textured disc in the middle (the drawing), a black band along the bottom
  const drawn = (specks: boolean, r: number) => Float64Array.from({ length: w * h }, (_, i) => {
    const x = i % w, y = (i / w) | 0;
    if (y >= h - BAND) return specks && noise() > 0.48 ? 2 : 0.5;
    if (Math.hypot(x - w / 2, y - h / 2) < r) return 120 + 60 * noise();
    return specks && noise() > 0.48 ? 252 : 254;
  });
  const photo = drawn(true, 80), own = ownBorder(photo, w, h);
  // the pull-out: the drawing smaller, the ground and the band continued as flat as they are
  const frame = drawn(false, 72);
  assert.deepEqual(borderDefects(frame, w, h, own), [], 'the flat ground and band continued');
  const strip = (side: 'top' | 'bottom', v: number) => {
    const out = frame.slice();
    for (let y = 0; y < 8; y++) for (let x = 0; x < w; x++) out[(side === 'top' ? y : h - 1 - y) * w + x] = v;
    return out;
  };
  for (const [side, v, what] of [['top', 0, 'black on the white ground'], ['top', 128, 'grey on the white ground'], ['bottom', 254, 'white on the black band'], ['bottom', 128, 'grey on the black band']] as const) {
    assert.ok(borderDefects(strip(side, v), w, h, own).some((d) => d.side === side), `a ${what} is caught`);
  }
});
