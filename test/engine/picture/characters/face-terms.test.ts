/**
 * The parts of a face's warps that do not change over the clip (characters/face-terms.ts) are
 * worked out once per region's cells and kept: each frame then reads them instead of a square
 * root, four smoothsteps and the lip's curve per cell. Checked on a real face's rig (the astronaut):
 * kept for the same cells, afresh for a new setup's; the turn is whole at the face's middle and
 * nothing at its outline; a smile's corner reaches only its own neighbourhood; the mouth opens
 * only over its own columns — and the warp with them is the same for every frame however often asked.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { analyzed } from '../../../helpers/analyzed.js';
import { direct } from '../../../../src/engine/direct/index.js';
import { closePicturePool } from '../../../../src/engine/picture/index.js';
import { buildRigs } from '../../../../src/engine/picture/characters/build-rigs.js';
import { displaceCharacters } from '../../../../src/engine/picture/characters/displace.js';
import { faceTerms } from '../../../../src/engine/picture/characters/face-terms.js';
import type { CellWeights } from '../../../../src/engine/picture/characters/cell-weights.js';
import { makeInput } from '../../../helpers/direct-input.js';
import { fixture } from '../../../helpers/fixtures.js';

after(() => closePicturePool());

const canvas = { width: 320, height: 320, marginX: 0, marginY: 0, canvasWidth: 320, canvasHeight: 320 };

test('a face\'s fixed warp terms are kept per region\'s cells and weigh each part where it is', async () => {
  const sc = await analyzed(await readFile(fixture('portrait-astronaut.png')));
  const plan = direct(makeInput({ prompt: 'she laughs, nods and raises her eyebrows', width: 320, height: 320 }), sc);
  const [rig] = buildRigs(plan, sc, canvas);
  const f = rig!.features, m = f.mouth;
  // cells at the face's middle, on its outline, on each mouth corner, and beside the mouth
  const points = [[f.cx, f.cy], [f.cx + 0.5 * f.fw, f.cy], [m.x0, m.ly], [m.x1, m.ry], [m.x1 + 0.2 * f.fw, m.cy]] as const;
  const cells: CellWeights = {
    length: points.length, k: Int32Array.from(points.keys()), w: new Float64Array(points.length).fill(1),
    x: Float64Array.from(points.map((p) => p[0])), y: Float64Array.from(points.map((p) => p[1])),
  };
  const measures = { eyeTop: Math.min(f.eyes[0]!.upper, f.eyes[1]!.upper), browSpan: 0, bcx: f.cx, bhw: f.fw / 2, smileR: 0.32 * (m.x1 - m.x0) };
  measures.browSpan = measures.eyeTop - f.brow.y;
  const terms = faceTerms(f, cells, measures);
  assert.equal(faceTerms(f, cells, measures), terms, 'kept for the same cells');
  assert.notEqual(faceTerms(f, { ...cells }, measures), terms, 'worked out afresh for a new setup\'s cells');
  assert.equal(terms.turn[0], 1, 'the turn is whole at the face\'s middle');
  assert.equal(terms.turn[1], 0, 'and nothing at its outline');
  assert.equal(terms.smile[2 * 2], 1, 'the left corner smiles fully on itself');
  assert.equal(terms.smile[2 * 2 + 1], -1, 'the right corner does not reach the left one');
  assert.equal(terms.smile[2 * 3 + 1], 1);
  assert.deepEqual([...terms.mouth], [1, 0, 1, 1, 0], 'the mouth opens over its own columns only');

  // the warp of a frame is the same however often (and in whatever order) frames are asked for
  const gw = 161, field = () => ({ cell: 2, gridWidth: gw, gridHeight: gw, dx: new Float32Array(gw * gw), dy: new Float32Array(gw * gw) });
  const frames = [5, 40, 77, 110].filter((i) => rig!.tracks.smile[i] || rig!.tracks.mouth[i] || rig!.tracks.brows[i] || rig!.tracks.headRot[i]);
  assert.ok(frames.length > 0, 'the prompt moves the face');
  const first = frames.map((i) => { const g = field(); displaceCharacters(g, [rig!], i); return g; });
  for (const [n, i] of [...frames.entries()].reverse()) {
    const g = field();
    displaceCharacters(g, [rig!], i);
    assert.deepEqual(g.dx, first[n]!.dx); assert.deepEqual(g.dy, first[n]!.dy);
    assert.ok(g.dx.some((v) => v !== 0) || g.dy.some((v) => v !== 0), `frame ${i} moves the face`);
  }
});
