/**
 * Kling's camera_control moves the picture as its values say, measured on rendered frames: for each
 * axis, +v and −v move the content in opposite directions, and 10 moves it further than 5; each
 * preset moves as its name says; and it replaces the prompt's own camera words (with a note).
 */
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { closePicturePool } from '../../../src/engine/picture/index.js';
import { direct } from '../../../src/engine/direct/index.js';
import type { CameraControl } from '../../../src/engine/direct/picture/camera/camera-control.js';
import type { Scene } from '../../../src/engine/scene.js';
import { fixtureScene } from '../../helpers/fixture-scene.js';
import { makeInput } from '../../helpers/direct-input.js';
import { estimateScale, luma, phaseCorrelation } from '../../helpers/frame-metrics.js';
import { estimateRotation } from '../../helpers/rotation.js';
import { phaseCorrelate } from '../../helpers/motion.js';
import { renderAll } from '../../helpers/render-frames.js';
import { once } from '../../helpers/once.js';

const W = 320, H = 180;
let scene: Scene;
before(async () => { scene = await fixtureScene('street-old-town.jpg'); });
after(closePicturePool);

interface Moved {
  dx: number;
  dy: number;
  scale: number;
  turn: number;
  /** how the right third's content moved relative to the left third's, summed (px; > 0 grows, as when the camera goes forward) */
  spread: number;
}

/** what the clip shows, first → last frame: summed frame-to-frame shifts, zoom and turn, each measured when first read */
async function moved(control: CameraControl, prompt = 'a quiet street'): Promise<Moved> {
  const plan = direct(makeInput({ prompt, width: W, height: H, duration: 1, sound: false, seed: 2, cameraControl: control }), scene);
  const grey = (await renderAll(plan, scene)).map((f) => luma(f, W, H, true));
  const first = grey[0]!, last = grey[grey.length - 1]!;
  const shift = once(() => {
    let dx = 0, dy = 0;
    for (let i = 1; i < grey.length; i++) {
      const s = phaseCorrelation(grey[i - 1]!, grey[i]!, W, H);
      dx += s.dx;
      dy += s.dy;
    }
    return { dx, dy };
  });
  const spread = once(() => {
    const flat = grey.map((g) => Float32Array.from(g));
    let sum = 0;
    for (let i = 1; i < grey.length; i++) {
      const left = phaseCorrelate(flat[i - 1]!, flat[i]!, W, H, { x: 0, y: H / 4, w: W / 3, h: H / 2 }, 64).dx;
      const right = phaseCorrelate(flat[i - 1]!, flat[i]!, W, H, { x: (2 * W) / 3, y: H / 4, w: W / 3, h: H / 2 }, 64).dx;
      sum += right - left;
    }
    return sum;
  });
  const scale = once(() => estimateScale(first, last, W, H));
  const turn = once(() => estimateRotation(first, last, W, H).degrees);
  return {
    get dx() { return shift().dx; },
    get dy() { return shift().dy; },
    get spread() { return spread(); },
    get scale() { return scale(); },
    get turn() { return turn(); },
  };
}

const simple = (axis: string, value: number): CameraControl => ({ type: 'simple', config: { [axis]: value } });

/** per axis: the measure that shows it, and its sign for a positive value */
const AXES: Array<{ axis: string; measure: (m: Moved) => number; positive: 1 | -1; what: string }> = [
  { axis: 'horizontal', measure: (m) => m.dx, positive: -1, what: 'the camera moves right: content slides left' },
  { axis: 'vertical', measure: (m) => m.dy, positive: 1, what: 'the camera rises: content slides down' },
  { axis: 'pan', measure: (m) => m.dx, positive: -1, what: 'the camera turns right: content slides left' },
  { axis: 'tilt', measure: (m) => m.dy, positive: 1, what: 'the camera tilts up: content slides down' },
  { axis: 'roll', measure: (m) => m.turn, positive: -1, what: 'the camera rolls clockwise: content turns counterclockwise' },
  { axis: 'zoom', measure: (m) => Math.log(m.scale), positive: -1, what: 'a shorter focal length: content shrinks' },
];

for (const { axis, measure, positive, what } of AXES) {
  test(`camera_control ${axis}: +v and −v move opposite ways (${what}); 10 moves further than 5`, { timeout: 180_000 }, async () => {
    const plus = measure(await moved(simple(axis, 5)));
    const minus = measure(await moved(simple(axis, -5)));
    const more = measure(await moved(simple(axis, 10)));
    assert.ok(Math.sign(plus) === positive && Math.sign(minus) === -positive, `${axis}: +5 → ${plus.toFixed(3)}, −5 → ${minus.toFixed(3)}`);
    assert.ok(Math.abs(plus) > 1e-3 && Math.abs(minus) > 1e-3, `${axis}: moves at all`);
    assert.ok(Math.abs(more) > 1.5 * Math.abs(plus), `${axis}: 10 → ${more.toFixed(3)} should be well beyond 5 → ${plus.toFixed(3)}`);
  });
}

const PRESETS: Array<{ type: CameraControl['type']; check: (m: Moved) => boolean; what: string }> = [
  { type: 'down_back', check: (m) => m.dy < -1 && m.spread < -1, what: 'descends (content up) and moves back (content shrinks)' },
  { type: 'forward_up', check: (m) => m.dy > 1 && m.spread > 1, what: 'rises (content down) and moves forward (content grows)' },
  { type: 'right_turn_forward', check: (m) => m.dx < -1 && m.spread > 1, what: 'turns right (content left) and moves forward' },
  { type: 'left_turn_forward', check: (m) => m.dx > 1 && m.spread > 1, what: 'turns left (content right) and moves forward' },
];

for (const { type, check, what } of PRESETS) {
  test(`camera_control preset ${type}: ${what}`, { timeout: 180_000 }, async () => {
    const m = await moved({ type } as CameraControl);
    assert.ok(check(m), `${type}: dx ${m.dx.toFixed(2)}, dy ${m.dy.toFixed(2)}, spread ${m.spread.toFixed(2)}`);
  });
}

test('camera_control replaces the camera words of the prompt, and the plan says so', () => {
  const plan = direct(makeInput({ prompt: 'slow push-in, light rain', width: W, height: H, sound: false, cameraControl: simple('pan', -5) }), scene);
  assert.deepEqual(plan.shots[0]!.camera.moves, ['pan_left']);
  assert.ok(plan.notes.some((n) => /camera_control replaces the prompt's camera words \('slow push-in'|push/.test(n)), plan.notes.join(' | '));
  assert.ok(plan.shots[0]!.effects.some((e) => e.type === 'rain'), 'the rest of the prompt still counts');
});
