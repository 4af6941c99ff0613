/**
 * The edge-continuation measure (integrity/edge-continuation.ts) catches what it is for: a soft,
 * grainy picture crossed by a pale slanted band (a rind, a stalk), whose top rows stand in for a
 * margin. Where they are the picture's own rows the band runs on across the edge and every window
 * reads under EDGE_CONTINUATION_LIMIT; where the band stops at the edge — the texture round it goes
 * on, or a flat block of its tone goes on beside it (fruits.jpg's lemon) — the window it crosses
 * reads well over it, on every side. The step right at the edge is the same in all three (the
 * margin's first row is the picture's own): edge-seam.ts cannot tell them apart.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seededNoise } from './seeded-noise.js';
import { EDGE_CONTINUATION_LIMIT, edgeContinuation } from './integrity/edge-continuation.js';
import type { EdgeLine } from './integrity/edge-seam.js';

const W = 200, H = 160, EDGE = 30;

/** soft blotches with a little grain, and a pale band 6 px across along x = 70 + 0.6·y */
function picture(band: (x: number, y: number) => boolean): Uint8Array {
  const rnd = seededNoise(3), out = new Uint8Array(W * H * 3);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const v = 110 + 30 * Math.sin(x / 19 + 0.4) * Math.cos(y / 23) + 20 * Math.sin((x - y) / 13) + 3 * rnd(), o = (y * W + x) * 3;
    const rgb = band(x, y) ? [225, 220, 170] : [v * 0.8, v, v * 0.6];
    for (let c = 0; c < 3; c++) out[o + c] = Math.round(Math.max(0, Math.min(255, rgb[c]!)));
  }
  return out;
}
const onBand = (x: number, y: number) => Math.abs(x - 70 - 0.6 * y) <= 3.5;

/** the image turned so that `side` is its top (the measure reads every side alike) */
function sides(img: Uint8Array): Array<{ rgb: Uint8Array; w: number; h: number; line: EdgeLine }> {
  const turned = (f: (x: number, y: number) => number, w: number, h: number) => {
    const out = new Uint8Array(w * h * 3);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) for (let c = 0; c < 3; c++) out[(y * w + x) * 3 + c] = img[f(x, y) * 3 + c]!;
    return out;
  };
  return [
    { rgb: img, w: W, h: H, line: { side: 'top', at: EDGE, from: 0, to: W } },
    { rgb: turned((x, y) => (H - 1 - y) * W + x, W, H), w: W, h: H, line: { side: 'bottom', at: H - 1 - EDGE, from: 0, to: W } },
    { rgb: turned((x, y) => x * W + y, H, W), w: H, h: W, line: { side: 'left', at: EDGE, from: 0, to: W } },
    { rgb: turned((x, y) => (H - 1 - x) * W + y, H, W), w: H, h: W, line: { side: 'right', at: H - 1 - EDGE, from: 0, to: W } },
  ];
}

test('edge continuation: a band that runs on across the edge reads under the limit; one that stops there, over it', (t) => {
  const own = picture(onBand);
  // the band only inside the picture: its margin rows the texture round it, or a flat block of its tone
  const stops = picture((x, y) => y >= EDGE && onBand(x, y));
  const block = own.slice();
  for (let y = 0; y < EDGE; y++) for (let x = 0; x < W; x++) {
    if (Math.abs(x - 70 - 0.6 * EDGE) > 12) continue;
    block.set([200, 196, 150], (y * W + x) * 3);
  }
  for (const [name, img, over] of [['own rows', own, false], ['the band stops, the texture goes on', stops, true], ['the band stops, a flat block beside it', block, true]] as const) {
    for (const { rgb, w, h, line } of sides(img)) {
      const { worst, at, median } = edgeContinuation(rgb, w, h, line);
      const msg = `${name}, ${line.side}: worst ${worst.toFixed(2)} at ${at}, median ${median.toFixed(2)}`;
      t.diagnostic(msg);
      if (over) assert.ok(worst > EDGE_CONTINUATION_LIMIT, msg);
      else assert.ok(worst < EDGE_CONTINUATION_LIMIT, msg);
    }
  }
});
