/**
 * The transition measures catch what they are for: a cut or a snap in otherwise smooth motion
 * (worstJump), and a frame that is two misaligned pictures blended (doubleEdgeShare) — while a
 * smoothly panning photo, a single shifted copy or two pictures side by side pass.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { fixture } from './fixtures.js';
import { doubleEdgeShare, frameDifferences, worstJump } from './transition-measures.js';

const W = 256, H = 192;

async function lumaOf(name: string, crop?: { left: number; top: number; width: number; height: number }): Promise<Float32Array> {
  let img = sharp(await readFile(fixture(name))).rotate();
  if (crop) img = img.extract(crop);
  const raw = await img.resize(W, H, { fit: 'fill' }).greyscale().raw().toBuffer();
  return Float32Array.from(raw);
}

/** the picture moved by (dx, dy) px, edges clamped */
function shifted(img: Float32Array, dx: number, dy: number): Float32Array {
  const out = new Float32Array(img.length);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const sx = Math.min(W - 1, Math.max(0, x - dx)), sy = Math.min(H - 1, Math.max(0, y - dy));
    out[y * W + x] = img[sy * W + sx]!;
  }
  return out;
}

const mix = (a: Float32Array, b: Float32Array, k: number) => a.map((v, i) => v * (1 - k) + b[i]! * k);

test('worstJump: a smooth pan passes, a cut or a snap stands out', async () => {
  const street = await lumaOf('street-old-town.jpg');
  const cat = await lumaOf('cat-closeup.png');
  const pan = Array.from({ length: 30 }, (_, i) => shifted(street, i, 0));
  const smooth = worstJump(frameDifferences(pan)).ratio;
  assert.ok(smooth < 3, `a 1 px/frame pan: ${smooth.toFixed(2)}`);
  const cut = worstJump(frameDifferences([...pan.slice(0, 15), ...pan.slice(15).map(() => cat)])).ratio;
  assert.ok(cut > 3, `a cut: ${cut.toFixed(2)}`);
  const snap = worstJump(frameDifferences(pan.map((f, i) => (i < 15 ? f : shifted(f, 12, 6))))).ratio;
  assert.ok(snap > 3, `a 13 px snap: ${snap.toFixed(2)}`);
});

test('doubleEdgeShare: a cross-fade of misaligned pictures is found, one picture per place is not', async () => {
  const street = await lumaOf('street-old-town.jpg');
  const zoomed = await lumaOf('street-old-town.jpg', { left: 150, top: 56, width: 562, height: 422 });
  const other = await lumaOf('nature-butterfly.jpg');
  const moved = shifted(street, 14, 8);
  // defects: the same photo blended with itself at an offset; a zoomed crop; a different photo
  for (const [what, b, k] of [['offset copy', moved, 0.5], ['offset copy 30/70', moved, 0.7], ['zoomed crop', zoomed, 0.5], ['different photo', other, 0.5]] as const) {
    const share = doubleEdgeShare(mix(street, b, k), street, b, W, H);
    assert.ok(share > 0.1, `${what} cross-fade: ${share.toFixed(3)}`);
  }
  // fine: the picture itself part way along the move; two pictures side by side (a wipe)
  const halfway = doubleEdgeShare(shifted(street, 7, 4), street, moved, W, H);
  assert.ok(halfway < 0.05, `halfway along the move: ${halfway.toFixed(3)}`);
  const wipe = street.map((v, i) => (i % W < W / 2 ? v : other[i]!));
  const side = doubleEdgeShare(wipe, street, other, W, H);
  assert.ok(side < 0.05, `side by side: ${side.toFixed(3)}`);
});
