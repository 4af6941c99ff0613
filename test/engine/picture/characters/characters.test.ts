import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { analyzed } from '../../../helpers/analyzed.js';
import { direct } from '../../../../src/engine/direct/index.js';
import { closePicturePool } from '../../../../src/engine/picture/index.js';
import { blinkAt, blinkTimes } from '../../../../src/engine/picture/characters/blinks.js';
import { buildRigs } from '../../../../src/engine/picture/characters/build-rigs.js';
import { displaceCharacters } from '../../../../src/engine/picture/characters/displace.js';
import type { Scene } from '../../../../src/engine/scene.js';
import { createRandom, deriveSeed } from '../../../../src/engine/util/random.js';
import { makeInput } from '../../../helpers/direct-input.js';
import { fixture } from '../../../helpers/fixtures.js';
import { renderAll } from '../../../helpers/render-frames.js';

after(() => closePicturePool());
let scene: Promise<Scene> | null = null;
const portrait = () => (scene ??= readFile(fixture('portrait-astronaut.png')).then(analyzed));
const canvas = { width: 320, height: 320, marginX: 0, marginY: 0, canvasWidth: 320, canvasHeight: 320 };

test('blinks are irregular, brief, after the first frames, and differ between seeds and faces', () => {
  const sets = [1, 2, 3, 4].map((s) => blinkTimes(createRandom(deriveSeed(s, 'blink:0')), 20));
  for (const times of sets) {
    assert.ok(times.length >= 3, 'several blinks in 20 s');
    assert.ok(times[0]! >= 0.5 && times[0]! <= 2.2);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    assert.ok(gaps.every((g) => (g >= 0.3 && g <= 0.45) || (g >= 1.5 && g <= 6.05)), `intervals: ${gaps}`);
    assert.ok(new Set(gaps.map((g) => g.toFixed(2))).size > 1, 'irregular');
    // one blink: closed around 70–110 ms, open again by 220 ms
    assert.equal(blinkAt(times, times[0]! + 0.09), 1);
    assert.equal(blinkAt(times, times[0]! + 0.23), 0);
  }
  assert.notDeepEqual(sets[0], sets[1]);
  assert.notDeepEqual(blinkTimes(createRandom(deriveSeed(1, 'blink:0')), 5), blinkTimes(createRandom(deriveSeed(1, 'blink:1')), 5));
});

test('rigs: frame 0 at rest; the mouth follows the voice of the face\'s line and is shut outside it', async () => {
  const sc = await portrait();
  const plan = direct(makeInput({ prompt: 'she says "I have been waiting for you all day" and smiles', width: 320, height: 320 }), sc);
  const line = plan.audio.dialogue[0]!;
  // a voice: two 0.4 s syllable bursts with a gap, at the line's start
  const sr = 48000, start = Math.round(line.start * sr);
  const voice = new Float32Array(Math.round(1.2 * sr));
  for (let k = 0; k < voice.length; k++) { const t = k / sr; voice[k] = (t < 0.4 || (t > 0.7 && t < 1.1) ? 0.3 : 0) * Math.sin(2 * Math.PI * 180 * t); }
  const [rig] = buildRigs(plan, sc, canvas, [{ line: 0, start, samples: voice }]);
  assert.ok(rig);
  for (const track of Object.values(rig.tracks)) assert.equal(track[0], 0, 'frame 0 is the untouched input');
  const m = rig.tracks.mouth, at = (t: number) => m[Math.round(t * 24)]!;
  assert.equal(at(line.start - 0.15), 0, 'shut before the line');
  assert.ok(at(line.start + 0.2) > 0.3, 'open in the first burst');
  assert.ok(at(line.start + 0.55) < 0.1, 'closing in the gap');
  assert.ok(at(line.start + 0.9) > 0.3, 'open in the second burst');
  assert.equal(at(line.start + 1.5), 0, 'shut after the voice');
  assert.ok(Math.max(...rig.tracks.smile) > 0.9, 'the smile is in');
  // without a rendered voice (a plan rendered without its soundtrack) the mouth still moves in the line's slot
  const [pseudo] = buildRigs(plan, sc, canvas, []);
  const slot = pseudo!.tracks.mouth.slice(Math.ceil(line.start * 24), Math.floor(line.end * 24));
  assert.ok(Math.max(...slot) > 0.4 && slot.filter((v) => v < 0.1).length > 0, 'syllables open and close the mouth');
  assert.equal(pseudo!.tracks.mouth[Math.round(line.start * 24) - 2], 0);
});

test('the face warp is zero outside the face-and-neck region', async () => {
  const sc = await portrait();
  const plan = direct(makeInput({ prompt: 'she laughs, nods and raises her eyebrows', width: 320, height: 320 }), sc);
  const [rig] = buildRigs(plan, sc, canvas);
  const cell = 2, gw = 161, gh = 161;
  const field = { cell, gridWidth: gw, gridHeight: gh, dx: new Float32Array(gw * gh), dy: new Float32Array(gw * gh) };
  const [x0, y0, x1, y1] = rig!.features.roi;
  let moved = 0;
  for (let f = 1; f < 120; f += 7) {
    field.dx.fill(0); field.dy.fill(0);
    displaceCharacters(field, [rig!], f);
    for (let j = 0; j < gh; j++) for (let i = 0; i < gw; i++) {
      const k = j * gw + i, x = i * cell, y = j * cell;
      const d = Math.hypot(field.dx[k]!, field.dy[k]!);
      if (x < x0 || x > x1 || y < y0 || y > y1) assert.equal(d, 0, `no displacement at (${x}, ${y})`);
      else if (d > 0.05) moved++;
    }
  }
  assert.ok(moved > 100, 'the face moves');
});

for (const camera of ['slow push in', 'locked off static shot']) test(`rendered frames (${camera}): the same as without characters outside the face (±1 code); frame 0 untouched`, async () => {
  const sc = await portrait();
  const plan = direct(makeInput({ prompt: `${camera}, she is talking, then she winks`, width: 320, height: 320, duration: 2, sound: false }), sc);
  const off = structuredClone(plan);
  off.shots[0]!.characters = [];
  const [a, b] = [await renderAll(plan, sc), await renderAll(off, sc)];
  const [rig] = buildRigs(plan, sc, canvas);
  const [x0, y0, x1, y1] = rig!.features.roi;
  assert.deepEqual(a[0], b[0], 'frame 0 is the same with and without characters');
  let inside = 0;
  for (let f = 0; f < a.length; f++) {
    for (let y = 0; y < 320; y++) for (let x = 0; x < 320; x++) {
      const d = Math.abs(a[f]![y * 320 + x]! - b[f]![y * 320 + x]!);
      // the ROI is in canvas (= source) pixels; the push-in magnifies it about the centre by < 10 %
      const near = x >= Math.min(x0, 160 + (x0 - 160) * 1.1) - 3 && x <= Math.max(x1, 160 + (x1 - 160) * 1.1) + 3 && y >= Math.min(y0, 160 + (y0 - 160) * 1.1) - 3 && y <= Math.max(y1, 160 + (y1 - 160) * 1.1) + 3;
      // (±1: with a face warp the frame takes the general warp kernel, which rounds a little differently)
      if (!near) { if (d > 1) assert.fail(`frame ${f} (${x}, ${y}) changed by ${d}`); }
      else if (d > 10) inside++;
    }
  }
  assert.ok(inside > 200, 'the face is animated');
});
