/**
 * reachableMargin (setup/reachable-margin.ts) marks exactly the margin pixels a displaced sample
 * can land on: a picture pixel in a region moved by up to the reach each way (plus the band) —
 * checked against the definition, pixel by pixel, on random blobs with a lopsided reach (its
 * strips' counting tables must agree with it in every corner of the margin).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reachableMargin } from '../../../src/engine/picture/setup/reachable-margin.js';
import { createRandom } from '../../../src/engine/util/random.js';

const W = 48, H = 30, MX = 9, MY = 6;

function blobs(seed: number): Uint8Array {
  const rng = createRandom(seed), out = new Uint8Array(W * H);
  for (let k = 0; k < 4; k++) {
    const cx = rng.int(W), cy = rng.int(H), r = 2 + rng.int(6);
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) if ((x - cx) ** 2 + (y - cy) ** 2 < r * r) out[y * W + x] = 1 + rng.int(255);
  }
  return out;
}

/** The definition: margin pixel p is reachable when some region pixel q has p − q within [−left, right] × [−up, down] (each grown by the band). */
function byDefinition(regions: (Uint8Array | null)[], reach: { left: number; right: number; up: number; down: number }, band: number): Uint8Array {
  const cw = W + 2 * MX, ch = H + 2 * MY, out = new Uint8Array(cw * ch);
  const l = Math.ceil(reach.left + band), r = Math.ceil(reach.right + band), u = Math.ceil(reach.up + band), d = Math.ceil(reach.down + band);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    if (!regions.some((m) => !m || m[y * W + x]! > 0)) continue;
    for (let py = y + MY - u; py <= y + MY + d; py++) for (let px = x + MX - l; px <= x + MX + r; px++) {
      if (px < 0 || py < 0 || px >= cw || py >= ch) continue;
      if (px >= MX && px < MX + W && py >= MY && py < MY + H) continue;
      out[py * cw + px] = 1;
    }
  }
  return out;
}

test('the reachable margin is exactly where a displaced region pixel can land, in every corner and side', () => {
  const cases = [
    { regions: [blobs(1)], reach: { left: 7.2, right: 1.5, up: 1, down: 2 }, band: 1 },
    { regions: [blobs(2), blobs(3)], reach: { left: 0, right: 5, up: 4.5, down: 0 }, band: 2 },
    { regions: [blobs(4)], reach: { left: 12, right: 12, up: 8, down: 8 }, band: 0 },
  ];
  for (const { regions, reach, band } of cases) {
    const got = reachableMargin(regions, reach, W, H, MX, MY, band), want = byDefinition(regions, reach, band);
    assert.ok(got, 'some margin is out of reach');
    let wrong = 0, marked = 0;
    for (let i = 0; i < want.length; i++) { if (got[i] !== want[i]) wrong++; marked += want[i]!; }
    assert.ok(marked > 0, 'the blobs reach some margin');
    assert.equal(wrong, 0, `${wrong} of ${want.length} canvas pixels differ from the definition`);
  }
  // a region over the whole picture with a reach as deep as the margin: all of it is read (nothing to save)
  assert.equal(reachableMargin([null], { left: MX, right: MX, up: MY, down: MY }, W, H, MX, MY, 0), null);
});
