/**
 * The edge-seam measure (integrity/edge-seam.ts) catches what it is for: a soft, grainy picture
 * whose top rows stand in for a margin. Where they are the picture's own rows (a margin that
 * continues the edge) the step across the edge reads like the picture's own steps, under
 * EDGE_SEAM_LIMIT; where they are a shade lighter, or copied from rows elsewhere that do not line
 * up with the edge (the same texture, another place), the edge reads well over it — on every side.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seededNoise } from './seeded-noise.js';
import { EDGE_SEAM_LIMIT, edgeSeam, type EdgeLine } from './integrity/edge-seam.js';

const W = 200, H = 160, EDGE = 30;

/** soft blotches with a little grain: an out-of-focus background */
function soft(seed: number): Float32Array {
  const rnd = seededNoise(seed), out = new Float32Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    out[y * W + x] = 120 + 30 * Math.sin(x / 19 + 0.4) * Math.cos(y / 23) + 20 * Math.sin((x - y) / 13) + 3 * rnd();
  }
  return out;
}

/** the image turned so that `side` is its top (the measure reads every side alike) */
function sides(img: Float32Array): Array<{ grey: Float32Array; w: number; h: number; line: EdgeLine }> {
  const turned = (f: (x: number, y: number) => number, w: number, h: number) => {
    const out = new Float32Array(w * h);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) out[y * w + x] = f(x, y);
    return out;
  };
  return [
    { grey: img, w: W, h: H, line: { side: 'top', at: EDGE, from: 0, to: W } },
    { grey: turned((x, y) => img[(H - 1 - y) * W + x]!, W, H), w: W, h: H, line: { side: 'bottom', at: H - 1 - EDGE, from: 0, to: W } },
    { grey: turned((x, y) => img[x * W + y]!, H, W), w: H, h: W, line: { side: 'left', at: EDGE, from: 0, to: W } },
    { grey: turned((x, y) => img[(H - 1 - x) * W + y]!, H, W), w: H, h: W, line: { side: 'right', at: H - 1 - EDGE, from: 0, to: W } },
  ];
}

test('edge seam: a margin that continues the edge reads under the limit; a lighter one, or one of copies that do not line up, reads over it', () => {
  const own = soft(3);
  const lighter = own.slice(), elsewhere = own.slice();
  for (let y = 0; y < EDGE; y++) for (let x = 0; x < W; x++) {
    lighter[y * W + x]! += 6;
    // the same texture from 40 rows lower and 17 columns over
    elsewhere[y * W + x] = own[(y + 40) * W + ((x + 17) % W)]!;
  }
  for (const [name, img, over] of [['own rows', own, false], ['a shade lighter', lighter, true], ['copied from elsewhere', elsewhere, true]] as const) {
    for (const { grey, w, h, line } of sides(img)) {
      const { ratio, across, inside } = edgeSeam(grey, w, h, line);
      const msg = `${name}, ${line.side}: across ${across.toFixed(2)}, inside ${inside.toFixed(2)}, ratio ${ratio.toFixed(2)}`;
      if (over) assert.ok(ratio > EDGE_SEAM_LIMIT, msg);
      else assert.ok(ratio < EDGE_SEAM_LIMIT, msg);
    }
  }
});
