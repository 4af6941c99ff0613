/**
 * The integrity measures catch what they are for and pass what is honest: a pasted region is a
 * clone, a mirror-padded pull-out is a mirror (also with its border blurred, as today's margin is), a rubber warp bows lines past 0.75 px at 640 px —
 * while ffmpeg's own zooms (scale + crop) of the same photographs are clean on all three.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bowLimit, CLONE_LIMIT, describeMeasure, integrityProbe, mirrored } from './picture-integrity.js';
import { ffmpegGray, mirroredPullOut, pasteClone, rubberWarp } from './integrity/synthetic-defects.js';
import { fixture } from './fixtures.js';

const W = 640;
const PHOTOS = ['street-old-town.jpg', 'night-launchpad.jpg'];

for (const name of PHOTOS) {
  test(`integrity measures on ${name}: defects caught, honest ffmpeg zooms clean`, { timeout: 120_000 }, async () => {
    const frame0 = await ffmpegGray(fixture(name), W);
    const probe = integrityProbe(frame0);
    assert.ok(probe.lines.segments.length >= 5, `${name}: ${probe.lines.segments.length} long straight segments found in frame 0`);

    for (const [label, honest] of [
      ['zoom 1.15× about the centre', await ffmpegGray(fixture(name), W, { zoom: 1.15 })],
      ['zoom 1.3× about (0.3, 0.6)', await ffmpegGray(fixture(name), W, { zoom: 1.3, cx: 0.3, cy: 0.6 })],
    ] as const) {
      const m = probe.measure(honest);
      const what = `${name}, honest ${label}: ${describeMeasure(m)}`;
      assert.ok(m.clone.size < CLONE_LIMIT, what);
      assert.ok(!mirrored(m), what);
      assert.ok(m.lines.followed >= 3, `${what} (too few segments followed to judge)`);
      assert.ok(m.lines.worst <= bowLimit(W), what);
    }

    // a 110 × 90 block of the (zoomed) picture pasted 200 px to the right and 80 px down
    const cloned = probe.measure(pasteClone(await ffmpegGray(fixture(name), W, { zoom: 1.1 }), 250, 120, 110, 90, 450, 200));
    assert.ok(cloned.clone.size >= CLONE_LIMIT, `${name}, pasted region: ${describeMeasure(cloned)}`);

    for (const [scale, sigma] of [[0.8, 0], [0.75, 2]] as const) {
      const m = probe.measure(mirroredPullOut(frame0, scale, sigma));
      assert.ok(mirrored(m), `${name}, mirror-padded pull-out to ${scale}× (border blurred by ${sigma} px): ${describeMeasure(m)}`);
    }

    const bent = probe.measure(rubberWarp(frame0, 2.5));
    assert.ok(bent.lines.worst > bowLimit(W), `${name}, rubber warp of 2.5 px: ${describeMeasure(bent)}`);
  });
}
