/**
 * Issue 2's acceptance, on decoded output: for every fixture photograph and every camera move,
 * the whole pipeline (analyze → direct → picture → encode) makes a clip whose frame 0 is the
 * input picture, whose content moves the way the move names it (from the camera's point of view:
 * in a pan left the picture slides right), whose motion is smooth, and whose borders never show
 * anything from outside the picture. Rendered small (about 384×216, 2 s) — this checks logic;
 * the benchmark renders the real thing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { analyzeImage, generate } from '../../src/engine/index.js';
import type { CameraMove } from '../../src/engine/plan.js';
import type { Scene } from '../../src/engine/scene.js';
import { fixture, fixtureNames } from '../helpers/fixtures.js';
import { decodeFrames } from '../helpers/decode-video.js';
import { estimateScale, luma, meanAbsDiff, phaseCorrelate, psnr, sharpness } from '../helpers/motion.js';

const AREA = 384 * 216;
const DURATION = 2;

/** What the clip shows, measured from the decoded frames. */
interface Measured {
  width: number;
  height: number;
  /** net content displacement first → last frame, summed from frame-to-frame phase correlation (px) */
  dx: number;
  dy: number;
  /** sum of per-frame displacement lengths (px) */
  path: number;
  /** zoom first → last frame (> 1 magnified) */
  scale: number;
  /** mean absolute luma change between consecutive frames */
  steps: number[];
  /** content displacement in the nearest and the farthest cell of a 3×3 grid (by the scene's depth) */
  nearDx: number;
  farDx: number;
  depthRange: number;
  /** focus measure of the nearest and farthest cells, first and last frame */
  sharpNear: [number, number];
  sharpFar: [number, number];
  /** focus measure of the whole middle frame ÷ frame 0's */
  midSharpness: number;
}

type Check = (m: Measured) => void;

const px = (m: Measured) => m.width / 100; // 1 % of the frame width, in pixels

const MOVES: Record<CameraMove, { prompt: string; check: Check }> = {
  static: { prompt: 'static locked-off shot', check: (m) => {
    assert.ok(Math.abs(m.dx) < 0.5 && Math.abs(m.dy) < 0.5, `static moved ${m.dx.toFixed(2)},${m.dy.toFixed(2)}`);
    assert.ok(Math.abs(m.scale - 1) < 0.01, `static zoomed ${m.scale}`);
  } },
  push_in: { prompt: 'push in', check: (m) => assert.ok(m.scale > 1.04, `push in: scale ${m.scale.toFixed(3)} should be > 1.04`) },
  pull_out: { prompt: 'pull out', check: (m) => assert.ok(m.scale < 0.96, `pull out: scale ${m.scale.toFixed(3)} should be < 0.96`) },
  pan_left: { prompt: 'pan left', check: (m) => assert.ok(m.dx > px(m) && m.dx > 2 * Math.abs(m.dy), `pan left: content should slide right, moved ${m.dx.toFixed(1)},${m.dy.toFixed(1)}`) },
  pan_right: { prompt: 'pan right', check: (m) => assert.ok(m.dx < -px(m) && -m.dx > 2 * Math.abs(m.dy), `pan right: content should slide left, moved ${m.dx.toFixed(1)},${m.dy.toFixed(1)}`) },
  tilt_up: { prompt: 'tilt up', check: (m) => assert.ok(m.dy > px(m) && m.dy > 2 * Math.abs(m.dx), `tilt up: content should slide down, moved ${m.dx.toFixed(1)},${m.dy.toFixed(1)}`) },
  tilt_down: { prompt: 'tilt down', check: (m) => assert.ok(m.dy < -px(m) && -m.dy > 2 * Math.abs(m.dx), `tilt down: content should slide up, moved ${m.dx.toFixed(1)},${m.dy.toFixed(1)}`) },
  truck_left: { prompt: 'truck left', check: (m) => assert.ok(m.dx > px(m) * 0.5, `truck left: content should slide right, moved ${m.dx.toFixed(1)}`) },
  truck_right: { prompt: 'truck right', check: (m) => assert.ok(m.dx < -px(m) * 0.5, `truck right: content should slide left, moved ${m.dx.toFixed(1)}`) },
  // orbiting left around the subject: what is nearer than it slides right, what is farther slides left
  orbit_left: { prompt: 'orbit left around the subject', check: (m) => {
    if (m.depthRange > 0.2) assert.ok(m.nearDx - m.farDx > 0.5, `orbit left: near ${m.nearDx.toFixed(2)} should slide right of far ${m.farDx.toFixed(2)}`);
    else assert.ok(m.path > 0.5, 'orbit left on a flat picture still moves');
  } },
  orbit_right: { prompt: 'orbit right around the subject', check: (m) => {
    if (m.depthRange > 0.2) assert.ok(m.farDx - m.nearDx > 0.5, `orbit right: near ${m.nearDx.toFixed(2)} should slide left of far ${m.farDx.toFixed(2)}`);
    else assert.ok(m.path > 0.5, 'orbit right on a flat picture still moves');
  } },
  crane_up: { prompt: 'crane up', check: (m) => assert.ok(m.dy > px(m) * 0.5, `crane up: content should slide down, moved ${m.dy.toFixed(1)}`) },
  crane_down: { prompt: 'crane down', check: (m) => assert.ok(m.dy < -px(m) * 0.5, `crane down: content should slide up, moved ${m.dy.toFixed(1)}`) },
  handheld: { prompt: 'handheld camera', check: (m) => {
    assert.ok(m.path > 1, `handheld: the camera should wander (path ${m.path.toFixed(2)} px)`);
    assert.ok(Math.hypot(m.dx, m.dy) < 5 * px(m), 'handheld: it wanders, it does not travel');
  } },
  drone: { prompt: 'drone fly-over', check: (m) => assert.ok(m.scale > 1.02 || Math.abs(m.dy) > px(m), `drone: should fly forward or over (scale ${m.scale.toFixed(3)}, dy ${m.dy.toFixed(1)})`) },
  dolly_zoom: { prompt: 'dolly zoom vertigo effect', check: (m) => assert.ok(Math.abs(m.scale - 1) > 0.015 || Math.abs(m.nearDx - m.farDx) > 0.3 || m.path > 1, `dolly zoom: the background should change (scale ${m.scale.toFixed(3)})`) },
  rack_focus: { prompt: 'rack focus', check: (m) => {
    const change = (pair: [number, number]) => Math.abs(Math.log((pair[1] + 1e-6) / (pair[0] + 1e-6)));
    assert.ok(Math.max(change(m.sharpNear), change(m.sharpFar)) > Math.log(1.2), `rack focus: focus should shift (near ${m.sharpNear.map((v) => v.toFixed(1))}, far ${m.sharpFar.map((v) => v.toFixed(1))})`);
  } },
  whip_pan_left: { prompt: 'whip pan left', check: (m) => {
    assert.ok(m.dx > 3 * px(m), `whip pan left: content should sweep right fast, moved ${m.dx.toFixed(1)}`);
    assert.ok(m.midSharpness < 0.8, `whip pan: motion blur mid-swing (sharpness ratio ${m.midSharpness.toFixed(2)})`);
  } },
  whip_pan_right: { prompt: 'whip pan right', check: (m) => {
    assert.ok(m.dx < -3 * px(m), `whip pan right: content should sweep left fast, moved ${m.dx.toFixed(1)}`);
    assert.ok(m.midSharpness < 0.8, `whip pan: motion blur mid-swing (sharpness ratio ${m.midSharpness.toFixed(2)})`);
  } },
};

/** The nearest and farthest cells of a 3×3 grid, by the scene's depth map. */
function depthCells(scene: Scene, width: number, height: number) {
  const { maps } = scene;
  const cells: Array<{ x: number; y: number; w: number; h: number; depth: number }> = [];
  for (let gy = 0; gy < 3; gy++) {
    for (let gx = 0; gx < 3; gx++) {
      let sum = 0;
      let n = 0;
      for (let y = Math.floor((gy * maps.height) / 3); y < Math.floor(((gy + 1) * maps.height) / 3); y++) {
        for (let x = Math.floor((gx * maps.width) / 3); x < Math.floor(((gx + 1) * maps.width) / 3); x++) {
          sum += maps.depth[y * maps.width + x]!;
          n++;
        }
      }
      cells.push({ x: (gx * width) / 3, y: (gy * height) / 3, w: width / 3, h: height / 3, depth: sum / n });
    }
  }
  cells.sort((a, b) => b.depth - a.depth);
  return { near: cells[0]!, far: cells[cells.length - 1]!, range: cells[0]!.depth - cells[cells.length - 1]!.depth };
}

function measure(frames: Uint8Array[], width: number, height: number, scene: Scene): Measured {
  const grey = frames.map((f) => luma(f, width, height));
  const { near, far, range } = depthCells(scene, width, height);
  let dx = 0, dy = 0, path = 0, nearDx = 0, farDx = 0;
  const steps: number[] = [];
  for (let i = 1; i < grey.length; i++) {
    const s = phaseCorrelate(grey[i - 1]!, grey[i]!, width, height, undefined, 128);
    dx += s.dx;
    dy += s.dy;
    path += Math.hypot(s.dx, s.dy);
    nearDx += phaseCorrelate(grey[i - 1]!, grey[i]!, width, height, near, 64).dx;
    farDx += phaseCorrelate(grey[i - 1]!, grey[i]!, width, height, far, 64).dx;
    steps.push(meanAbsDiff(grey[i - 1]!, grey[i]!));
  }
  const first = grey[0]!;
  const last = grey[grey.length - 1]!;
  const inCell = (c: { x: number; y: number; w: number; h: number }) => (x: number, y: number) => x >= c.x && x < c.x + c.w && y >= c.y && y < c.y + c.h;
  return {
    width, height, dx, dy, path, steps, nearDx, farDx, depthRange: range,
    scale: estimateScale(first, last, width, height).scale,
    sharpNear: [sharpness(first, width, height, inCell(near)), sharpness(last, width, height, inCell(near))],
    sharpFar: [sharpness(first, width, height, inCell(far)), sharpness(last, width, height, inCell(far))],
    midSharpness: sharpness(grey[Math.floor(grey.length / 2)]!, width, height) / sharpness(first, width, height),
  };
}

/** No frame repeats while the camera moves, and no frame jumps: each step is close to its neighbours. */
function assertSmooth(steps: number[], label: string): void {
  for (let i = 1; i < steps.length - 1; i++) {
    const before = steps[i - 1]!;
    const after = steps[i + 1]!;
    const step = steps[i]!;
    assert.ok(step <= 2 * Math.max(before, after) + 1, `${label}: a jump at frame ${i + 1} (step ${step.toFixed(2)} after ${before.toFixed(2)}, before ${after.toFixed(2)})`);
    if (Math.min(before, after) > 1) assert.ok(step > 0.25 * Math.min(before, after), `${label}: a repeated frame at ${i + 1} (step ${step.toFixed(2)} between ${before.toFixed(2)} and ${after.toFixed(2)})`);
  }
}

/** The outer strips of a frame keep the picture's texture and brightness: nothing black, clamped or smeared. */
function assertBordersFromPicture(frame: Uint8Array, reference: Uint8Array, width: number, height: number, label: string): void {
  const g = luma(frame, width, height);
  const r = luma(reference, width, height);
  const strips = [
    { name: 'left', at: (k: number, j: number) => j * width + k, along: height },
    { name: 'right', at: (k: number, j: number) => j * width + (width - 1 - k), along: height },
    { name: 'top', at: (k: number, j: number) => k * width + j, along: width },
    { name: 'bottom', at: (k: number, j: number) => (height - 1 - k) * width + j, along: width },
  ];
  const stats = (img: Float32Array, at: (k: number, j: number) => number, along: number) => {
    let sum = 0, sq = 0, repeats = 0;
    for (let j = 0; j < along; j++) {
      const v = img[at(0, j)]!;
      sum += v;
      sq += v * v;
      // a smeared (edge-clamped) border repeats the same column/row outward
      if (Math.abs(img[at(0, j)]! - img[at(1, j)]!) < 0.5 && Math.abs(img[at(1, j)]! - img[at(2, j)]!) < 0.5) repeats++;
    }
    const mean = sum / along;
    return { mean, sd: Math.sqrt(Math.max(0, sq / along - mean * mean)), repeats: repeats / along };
  };
  for (const s of strips) {
    const out = stats(g, s.at, s.along);
    const ref = stats(r, s.at, s.along);
    assert.ok(out.mean > 0.4 * ref.mean - 4, `${label}: ${s.name} border goes dark (${out.mean.toFixed(1)} vs ${ref.mean.toFixed(1)})`);
    if (ref.sd > 6) assert.ok(out.sd > 0.25 * ref.sd, `${label}: ${s.name} border lost its texture (sd ${out.sd.toFixed(1)} vs ${ref.sd.toFixed(1)})`);
    assert.ok(out.repeats < Math.max(0.6, ref.repeats + 0.3), `${label}: ${s.name} border is smeared (${(out.repeats * 100).toFixed(0)} % repeated)`);
  }
}

const dir = await mkdtemp(join(tmpdir(), 'moviola-moves-'));

for (const name of fixtureNames()) {
  test(`camera moves on ${name}`, async (t) => {
    const bytes = await readFile(fixture(name));
    const scene = await analyzeImage(bytes);
    for (const [move, { prompt, check }] of Object.entries(MOVES) as Array<[CameraMove, { prompt: string; check: Check }]>) {
      await t.test(move, async () => {
        const output = join(dir, `${name}-${move}.mp4`);
        const result = await generate({ image: bytes, prompt, seed: 11, duration: DURATION, area: AREA, cfgScale: 1, sound: false }, { output, scene });
        const { width, height } = result.plan;
        assert.ok(result.plan.shots[0]!.camera.moves.includes(move), `"${prompt}" should plan ${move}, got ${result.plan.shots[0]!.camera.moves}`);
        const frames = await decodeFrames(output, width, height);
        assert.equal(frames.length, DURATION * 24);
        const input = await sharp(bytes).rotate().resize(width, height, { fit: 'fill' }).removeAlpha().raw().toBuffer();
        const firstPsnr = psnr(frames[0]!, new Uint8Array(input));
        assert.ok(firstPsnr >= 35, `frame 0 should be the input picture (PSNR ${firstPsnr.toFixed(1)} dB)`);
        const m = measure(frames, width, height, scene);
        check(m);
        if (move !== 'static') assertSmooth(m.steps, `${name} ${move}`);
        for (const i of [Math.floor(frames.length / 2), frames.length - 1]) assertBordersFromPicture(frames[i]!, frames[0]!, width, height, `${name} ${move} frame ${i}`);
        await rm(output, { force: true });
        await rm(result.poster, { force: true });
      });
    }
  });
}
