/**
 * Each camera move moves the picture the way a viewer expects, measured on the rendered frames:
 * translation by phase correlation between the first and last frame, zoom by a scale search.
 * Motion is smooth (per-frame steps change gradually, no repeated or jumping frames) and no frame
 * has a black, flat or smeared border.
 */
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { closePicturePool } from '../../../src/engine/picture/index.js';
import type { CameraKey, CameraMove } from '../../../src/engine/plan.js';
import type { Scene } from '../../../src/engine/scene.js';
import { fixtureScene } from '../../helpers/fixture-scene.js';
import { borderDefects, describeBorderDefect, estimateScale, luma, ownBorder, phaseCorrelation } from '../../helpers/frame-metrics.js';
import { picturePlan } from '../../helpers/picture-plan.js';
import { renderAll } from '../../helpers/render-frames.js';

const W = 320, H = 180;
let scene: Scene;
before(async () => { scene = await fixtureScene('street-old-town.jpg'); });
after(closePicturePool);

async function lumas(moves: CameraMove[], end: Partial<CameraKey>, extra: Parameters<typeof picturePlan>[0] = {}): Promise<Float64Array[]> {
  const frames = await renderAll(picturePlan({ width: W, height: H, duration: 1.5, moves, end, ...extra }), scene);
  return frames.map((f) => luma(f, W, H, true));
}

/** Every frame's borders are textured, judged against frame 0's (the picture's own border). */
function assertBorders(frames: Float64Array[], label: string): void {
  const own = ownBorder(frames[0]!, W, H);
  frames.forEach((f, i) => {
    for (const d of borderDefects(f, W, H, own)) assert.fail(`${label}: frame ${i} ${describeBorderDefect(d)}`);
  });
}

/** Per-frame translation steps are never zero mid-move and change gradually (no jumps). */
function assertSmoothSteps(frames: Float64Array[], axis: 'dx' | 'dy', label: string): void {
  const steps = frames.slice(1).map((f, i) => phaseCorrelation(frames[i]!, f, W, H)[axis]);
  const peak = Math.max(...steps.map(Math.abs));
  assert.ok(peak > 0.3, `${label}: moves at all (peak step ${peak.toFixed(2)} px)`);
  for (let i = 1; i < steps.length; i++) {
    assert.ok(Math.abs(steps[i]! - steps[i - 1]!) < 0.25 * peak + 0.3, `${label}: step ${i} jumps from ${steps[i - 1]!.toFixed(2)} to ${steps[i]!.toFixed(2)} px`);
  }
  // the middle third moves every frame (no repeated frames)
  for (let i = Math.floor(steps.length / 3); i < (2 * steps.length) / 3; i++) assert.ok(Math.abs(steps[i]!) > 0.1 * peak, `${label}: frame ${i + 1} repeats its predecessor`);
}

const translations: Array<[CameraMove, Partial<CameraKey>, 'dx' | 'dy', 1 | -1]> = [
  ['pan_left', { pan: -0.06 }, 'dx', 1], // camera turns left → content slides right
  ['pan_right', { pan: 0.06 }, 'dx', -1],
  ['tilt_up', { tilt: 0.06 }, 'dy', 1], // camera tilts up → content slides down
  ['tilt_down', { tilt: -0.06 }, 'dy', -1],
  ['truck_left', { truck: -0.08 }, 'dx', 1], // camera moves left → content slides right (parallax)
  ['truck_right', { truck: 0.08 }, 'dx', -1],
  ['crane_up', { pedestal: 0.08 }, 'dy', 1], // camera rises → content slides down
  ['crane_down', { pedestal: -0.08 }, 'dy', -1],
];

for (const [move, end, axis, sign] of translations) {
  test(`${move} slides the content ${axis === 'dx' ? (sign > 0 ? 'right' : 'left') : sign > 0 ? 'down' : 'up'}, smoothly, with clean borders`, async () => {
    const frames = await lumas([move], end);
    // summed frame-to-frame shifts: robust to the small overscan zoom that keeps the edges inside the picture
    const shift = { dx: 0, dy: 0 };
    for (let i = 1; i < frames.length; i++) {
      const s = phaseCorrelation(frames[i - 1]!, frames[i]!, W, H);
      shift.dx += s.dx; shift.dy += s.dy;
    }
    const along = shift[axis] * sign, across = axis === 'dx' ? shift.dy : shift.dx;
    assert.ok(along > 4, `${move}: content moved ${shift[axis].toFixed(1)} px along ${axis}`);
    assert.ok(Math.abs(across) < along / 2, `${move}: mostly along ${axis} (across ${across.toFixed(1)} px)`);
    assertSmoothSteps(frames, axis, move);
    assertBorders(frames, move);
  });
}

test('push_in magnifies the content, pull_out shrinks it (revealing outpainted surroundings)', async () => {
  const inFrames = await lumas(['push_in'], { zoom: 1.25 });
  const zin = estimateScale(inFrames[0]!, inFrames[inFrames.length - 1]!, W, H);
  assert.ok(zin > 1.15 && zin < 1.35, `push_in scale ${zin.toFixed(3)}`);
  assertBorders(inFrames, 'push_in');

  const outFrames = await lumas(['pull_out'], { zoom: 0.8 });
  const zout = estimateScale(outFrames[0]!, outFrames[outFrames.length - 1]!, W, H);
  assert.ok(zout < 0.88 && zout > 0.72, `pull_out scale ${zout.toFixed(3)}`);
  assertBorders(outFrames, 'pull_out');
});

test('dolly in magnifies the content; trucking moves near content more than far (parallax)', async () => {
  const frames = await lumas(['push_in'], { dolly: 0.3 });
  assert.ok(estimateScale(frames[0]!, frames[frames.length - 1]!, W, H) > 1.05, 'content grows');
  assertBorders(frames, 'dolly');

  // the fixture's nearness grows toward the bottom: a truck moves the bottom band more than the top band
  const truck = await lumas(['truck_left'], { truck: -0.08 });
  const band = (f: Float64Array, y0: number) => f.slice(y0 * W, (y0 + 64) * W);
  const moved = (y0: number) => {
    let dx = 0;
    for (let i = 1; i < truck.length; i++) dx += phaseCorrelation(band(truck[i - 1]!, y0), band(truck[i]!, y0), W, 64).dx;
    return dx;
  };
  const far = moved(8), near = moved(H - 72);
  assert.ok(near > far * 1.5 && near > 4, `near band moved ${near.toFixed(1)} px, far band ${far.toFixed(1)} px`);
});

test('static: every frame is the first frame; handheld and roll keep clean borders', async () => {
  const still = await renderAll(picturePlan({ width: W, height: H, duration: 0.5 }), scene);
  for (const f of still) assert.deepEqual(f, still[0]);
  const shaky = await lumas(['handheld'], { roll: 3 }, { shake: { amplitude: 0.01, frequency: 2 } });
  assertBorders(shaky, 'handheld + roll');
  const moved = shaky.slice(1).filter((f, i) => phaseCorrelation(shaky[i]!, f, W, H).dx !== 0);
  assert.ok(moved.length > shaky.length / 2, 'the handheld camera moves');
});

/** Mean absolute luma step along x and along y over a band of rows. */
function sharpness(f: Float64Array, y0: number, y1: number): { h: number; v: number } {
  let h = 0, v = 0, n = 0;
  for (let y = y0; y < y1 - 1; y++) for (let x = 0; x < W - 1; x++) {
    h += Math.abs(f[y * W + x + 1]! - f[y * W + x]!); v += Math.abs(f[(y + 1) * W + x]! - f[y * W + x]!); n++;
  }
  return { h: h / n, v: v / n };
}

test('rack_focus moves the sharp plane from near (bottom) to far (top)', async () => {
  const frames = await lumas(['rack_focus'], { aperture: 2, focus: 0.05 }, { start: { aperture: 2, focus: 0.9 }, easing: 'ease_in_out' });
  const sharp = (f: Float64Array, top: boolean) => { const s = top ? sharpness(f, 0, 50) : sharpness(f, H - 50, H); return s.h + s.v; };
  const early = frames[14]!, late = frames[frames.length - 1]!;
  const earlyRatio = sharp(early, true) / sharp(early, false), lateRatio = sharp(late, true) / sharp(late, false);
  assert.ok(lateRatio > earlyRatio * 1.3, `top/bottom sharpness ${earlyRatio.toFixed(2)} → ${lateRatio.toFixed(2)}`);
  const input = sharp(frames[0]!, true) + sharp(frames[0]!, false);
  assert.ok(sharp(late, false) < sharp(frames[0]!, false) * 0.8 && input > 0, 'the near band is out of focus at the end');
});

test('whip_pan_right slides the content left with motion blur along the pan', async () => {
  const frames = await lumas(['whip_pan_right'], { pan: 0.25 }, { motionBlur: 1, duration: 0.6 });
  let dx = 0;
  for (let i = 1; i < frames.length; i++) dx += phaseCorrelation(frames[i - 1]!, frames[i]!, W, H).dx;
  assert.ok(dx < -20, `content slid ${dx.toFixed(1)} px`);
  const mid = frames[Math.floor(frames.length / 2)]!;
  const s0 = sharpness(frames[0]!, 0, H), s1 = sharpness(mid, 0, H);
  // blur along x: horizontal detail drops much more than vertical detail
  assert.ok(s1.h / s0.h < 0.75 * (s1.v / s0.v), `horizontal detail ${(s1.h / s0.h).toFixed(2)}, vertical ${(s1.v / s0.v).toFixed(2)}`);
  assertBorders(frames, 'whip pan');
});
