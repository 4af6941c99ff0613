/**
 * backgroundShift reads the camera, not the subject: on the flower-hat portrait with a subject that
 * sways 3 px inside its outline, a still background reads still (the whole frame's translation
 * reads the sway), and a background drifting 2 px (a camera that moves) reads its drift, with or
 * without the subject's sway on top.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { backgroundMask, backgroundShift } from './background-motion.js';
import { luma, phaseCorrelation } from './frame-metrics.js';

const W = 640, H = 800;
const MW = 40, MH = 50;

/** A subject matte at a coarse raster: an ellipse over the middle of the frame, soft at its rim. */
function ellipseMatte(): Float32Array {
  const m = new Float32Array(MW * MH);
  for (let y = 0; y < MH; y++) for (let x = 0; x < MW; x++) {
    const r = Math.hypot((x + 0.5 - MW / 2) / (0.36 * MW), (y + 0.5 - MH * 0.55) / (0.42 * MH));
    m[y * MW + x] = Math.max(0, Math.min(1, (1.1 - r) * 5));
  }
  return m;
}

/** `l` with the content inside `subject` moved by (sx, 0) and everything moved by (0, dy) (whole pixels). */
function moved(l: Float64Array, subject: Uint8Array, sx: number, dy: number): Float64Array {
  const out = new Float64Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const y0 = Math.max(0, Math.min(H - 1, y - dy));
    const inSubject = subject[y0 * W + x] === 1;
    const x0 = Math.max(0, Math.min(W - 1, inSubject ? x - sx : x));
    out[y * W + x] = l[y0 * W + x0]!;
  }
  return out;
}

test('a subject swaying inside its outline reads as a still background; a drifting background reads its drift', async () => {
  const path = new URL('../fixtures/images/portrait-flower-hat.jpg', import.meta.url).pathname;
  const l = luma(new Uint8Array(await sharp(path).resize(W, H, { fit: 'fill', kernel: 'lanczos3' }).removeAlpha().raw().toBuffer()), W, H);
  const matte = ellipseMatte();
  // the subject as the renderer moves it: where the matte is over one half
  const subject = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) subject[y * W + x] = matte[Math.floor((y * MH) / H) * MW + Math.floor((x * MW) / W)]! > 0.5 ? 1 : 0;
  const keep = backgroundMask(matte, MW, MH, W, H);

  const sway = moved(l, subject, 3, 0);
  const whole = phaseCorrelation(l, sway, W, H);
  assert.ok(Math.hypot(whole.dx, whole.dy) > 1.5, `the whole frame reads the sway as motion (${whole.dx.toFixed(2)}, ${whole.dy.toFixed(2)})`);
  const still = backgroundShift(l, sway, W, H, keep)!;
  assert.ok(Math.hypot(still.dx, still.dy) < 0.5, `still background read (${still.dx}, ${still.dy})`);

  for (const [label, frame] of [['drift', moved(l, subject, 0, 2)], ['drift and sway', moved(l, subject, 3, 2)]] as const) {
    const t = backgroundShift(l, frame, W, H, keep)!;
    assert.ok(Math.abs(t.dx) <= 0.25 && Math.abs(t.dy - 2) <= 0.25, `${label}: read (${t.dx}, ${t.dy}), moved (0, 2)`);
  }
  const noMatte = backgroundShift(l, moved(l, subject, 0, 2), W, H, backgroundMask(null, MW, MH, W, H))!;
  assert.ok(Math.abs(noMatte.dy - 2) <= 0.25, `without a matte the whole frame is the background (${noMatte.dx}, ${noMatte.dy})`);
});
