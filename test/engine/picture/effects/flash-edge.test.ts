/**
 * A lightning flash meets what stands in the sky pixel by pixel: small dark birds on a clear sky,
 * analysed and rendered for real, keep no ring of unlit sky round them in the flash frame (the
 * flash was composited from the coarse light field, where a bird's cells and the sky mask's gap
 * round it took the flash of the land).
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { direct } from '../../../../src/engine/index.js';
import { analyzed } from '../../../helpers/analyzed.js';
import { closePicturePool } from '../../../../src/engine/picture/index.js';
import { makeInput } from '../../../helpers/direct-input.js';
import { renderAll } from '../../../helpers/render-frames.js';
import { seededNoise } from '../../../helpers/seeded-noise.js';

after(closePicturePool);

const W = 480;
const H = 270;
/** birds (centre, radius) in 0…1 of the frame's width and height, and of the width */
const BIRDS = [[0.2, 0.2], [0.45, 0.15], [0.7, 0.3], [0.3, 0.4], [0.8, 0.12]].map(([x, y]) => ({ x: x!, y: y!, r: 0.008 }));

/** A clear sky (deep blue at the top, paler down) with small dark birds, over textured land from 0.7. */
async function birdsInTheSky(): Promise<Buffer> {
  const w = 960, h = 540;
  const data = Buffer.alloc(w * h * 3);
  const rnd = seededNoise(11);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const u = x / w, v = y / h, j = (y * w + x) * 3;
      const bird = BIRDS.some((b) => Math.hypot(u - b.x, (v - b.y) * (h / w)) < b.r);
      const t = 70 * rnd();
      const rgb = v > 0.7 ? [90 + t, 110 + t, 60 + t] : bird ? [38, 36, 40] : [70 + 120 * v, 130 + 80 * v, 230];
      for (let c = 0; c < 3; c++) data[j + c] = Math.max(0, Math.min(255, Math.round(rgb[c]!)));
    }
  }
  return sharp(data, { raw: { width: w, height: h, channels: 3 } }).png().toBuffer();
}

/** Mean luma over the rings r0…r1 (in frame widths) round every bird. */
function ringLuma(frame: Uint8Array, r0: number, r1: number): number {
  let sum = 0;
  let n = 0;
  for (const b of BIRDS) {
    for (let y = Math.floor((b.y - r1 * W / H) * H); y <= Math.ceil((b.y + r1 * W / H) * H); y++) {
      for (let x = Math.floor((b.x - r1) * W); x <= Math.ceil((b.x + r1) * W); x++) {
        const d = Math.hypot((x + 0.5) / W - b.x, ((y + 0.5) / H - b.y) * (H / W));
        if (d >= r0 && d < r1 && x >= 0 && x < W && y >= 0 && y < H) {
          sum += frame[y * W + x]!;
          n++;
        }
      }
    }
  }
  return sum / n;
}

test('a lightning flash leaves no ring of unlit sky round small birds', { timeout: 120_000 }, async () => {
  const scene = await analyzed(await birdsInTheSky());
  const plan = direct(makeInput({ prompt: 'static camera, lightning', duration: 1, width: W, height: H, sound: false, seed: 5, cfgScale: 0.7 }), scene);
  const bolt = plan.shots[0]!.effects.find((e) => e.type === 'lightning');
  assert.ok(bolt, 'the plan has lightning');
  // the flash alone, so the bolt's own glow cannot light or hide a ring
  const flashOnly = { ...plan, shots: plan.shots.map((s) => ({ ...s, effects: s.effects.filter((e) => e.type === 'lightning').map((e) => ({ ...e, params: { ...e.params, bolt: false } })) })) };
  const frames = await renderAll(flashOnly, scene);
  const strike = Math.round(bolt.events[0]! * plan.fps);
  // close round the bird (where the coarse field's cells and the mask's gap are) against the open sky a little farther out
  // (the old code's flash frame read 158 and 207 against 227 in the two rings just outside a bird)
  const rim = (k: number) => ringLuma(frames[k]!, 0.009, 0.02);
  const open = (k: number) => ringLuma(frames[k]!, 0.04, 0.07);
  const before = open(strike - 3) - rim(strike - 3);
  const during = open(strike) - rim(strike);
  assert.ok(open(strike) > open(strike - 3) + 30, `the flash lights the sky (${open(strike - 3).toFixed(0)} → ${open(strike).toFixed(0)})`);
  assert.ok(during <= before + 4, `the sky round the birds is darker than the open sky by ${during.toFixed(1)} grey levels in the flash (${before.toFixed(1)} before it)`);
});
