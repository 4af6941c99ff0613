/**
 * A wave moves the subject layer alone, over a background synthesised behind it (issue 13), on
 * decoded static-camera clips (MP4 through the real ffmpeg, 320 px, 2.5 s) of the footballer, and
 * of him mirrored (the gesturing arm on the other side):
 *  - beside the moving arm, outside the (dilated) subject matte, the background stays still: the
 *    median change there is nil in every frame (the hand passing over a few pixels of it does not
 *    move the median; dragging the neighbourhood along, as a warp of the whole picture does, does).
 *    The control renders the same plan without the matte (one sheet, deformed): there it moves;
 *  - the place the hand leaves shows no copy of it: at the frame where the hand has moved furthest,
 *    few of the pixels it covered in frame 0 still have its colours (a hand left behind, pinned by
 *    a hole in the matte, or the synthesis copying the subject, would keep them);
 *  - a hole punched into the matte over the hand does not pin it: the matte is completed over the
 *    arm and hand from the body pose;
 *  - where the arm was, no line or step along its former outline (a 640 px clip: at 320 px the
 *    defect is under a pixel): the arm's fringe (a halo line, a blend) left behind, or the fill's
 *    tone standing against the picture kept past the matte, made a ridge there ~3.8× the
 *    background's further out (a26dfaa); the limb's fringe now moves with it (limb-fringe.ts) and the
 *    fill meets the kept picture at the matte's edge (reveal-fill.ts).
 * (The cameraman is not measured here: in his grey photo the glove, the camera and the coat
 * behind it share their colours, so "the hand's colours" cannot tell a hand left behind.)
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { generate } from '../../../../src/engine/index.js';
import { analyzed } from '../../../helpers/analyzed.js';
import { direct } from '../../../../src/engine/direct/index.js';
import { closePicturePool } from '../../../../src/engine/picture/index.js';
import type { ShotPlan } from '../../../../src/engine/plan.js';
import type { Scene } from '../../../../src/engine/scene.js';
import { decodeFrames } from '../../../helpers/decode-video.js';
import { makeInput } from '../../../helpers/direct-input.js';
import { footballerFaceHidden } from '../../../helpers/fixtures.js';
import { lockCamera } from '../../../helpers/local-motion.js';
import { luma } from '../../../helpers/motion.js';

const dir = await mkdtemp(join(tmpdir(), 'moviola-acting-'));
after(async () => { await rm(dir, { recursive: true, force: true }); await closePicturePool(); });
const LOCAL = (name: string) => new URL(`../../../fixtures/images/${name}`, import.meta.url);
const W = 320;

let counter = 0;
/** The plan rendered and encoded as a user gets it, decoded back to RGB frames. */
async function clip(bytes: Buffer, scene: Scene, plan: ShotPlan): Promise<Uint8Array[]> {
  const output = join(dir, `clip-${counter++}.mp4`);
  await generate({ image: bytes, prompt: '', seed: plan.seed, sound: false, plan }, { output, scene });
  return decodeFrames(output, plan.width, plan.height);
}

type P = [number, number];
/** The gesturing arm's joints (the raised wrist's side, as the rig picks it) in output px. */
function arm(scene: Scene, H: number, w = W): { shoulder: P; elbow: P; wrist: P } {
  const k = (n: string) => scene.pose!.keypoints.find((p) => p.name === n)!;
  const side = ['left', 'right'].filter((s) => ['shoulder', 'elbow', 'wrist'].every((j) => k(`${s}_${j}`).score >= 0.3))
    .reduce((a, b) => (k(`${b}_wrist`).y < k(`${a}_wrist`).y ? b : a));
  const at = (j: string): P => [k(`${side}_${j}`).x * w, k(`${side}_${j}`).y * H];
  return { shoulder: at('shoulder'), elbow: at('elbow'), wrist: at('wrist') };
}

/** The subject matte at output px (nearest), 0…1. */
function matteAt(scene: Scene, matte: Float32Array, H: number, w = W): (x: number, y: number) => number {
  const { width: mw, height: mh } = scene.maps;
  return (x, y) => matte[Math.min(mh - 1, Math.floor(((y + 0.5) / H) * mh)) * mw + Math.min(mw - 1, Math.floor(((x + 0.5) / w) * mw))]!;
}

/** Background beside the arm: the arm's box grown by half its size, with no matte within `clear` px. */
function besideArm(scene: Scene, H: number, clear: number): Uint8Array {
  const a = arm(scene, H), m = matteAt(scene, scene.layers!.matte!, H);
  const xs = [a.shoulder[0], a.elbow[0], a.wrist[0]], ys = [a.shoulder[1], a.elbow[1], a.wrist[1]];
  const gx = 0.5 * (Math.max(...xs) - Math.min(...xs)) + 10, gy = 0.5 * (Math.max(...ys) - Math.min(...ys)) + 10;
  const mask = new Uint8Array(W * H);
  for (let y = Math.max(0, Math.floor(Math.min(...ys) - gy)); y < Math.min(H, Math.ceil(Math.max(...ys) + gy)); y++) {
    for (let x = Math.max(0, Math.floor(Math.min(...xs) - gx)); x < Math.min(W, Math.ceil(Math.max(...xs) + gx)); x++) {
      let near = false;
      for (let dy = -clear; dy <= clear && !near; dy++) for (let dx = -clear; dx <= clear && !near; dx++) {
        const xx = x + dx, yy = y + dy;
        if (xx >= 0 && yy >= 0 && xx < W && yy < H && m(xx, yy) > 0.02) near = true;
      }
      if (!near) mask[y * W + x] = 1;
    }
  }
  return mask;
}

/** The largest, over the frames, median |Δluma| from frame 0 over a mask. */
function peakMedianChange(frames: readonly Float32Array[], mask: Uint8Array): number {
  let best = 0;
  for (const f of frames) {
    const d: number[] = [];
    for (let i = 0; i < mask.length; i++) if (mask[i]) d.push(Math.abs(f[i]! - frames[0]![i]!));
    d.sort((p, q) => p - q);
    best = Math.max(best, d[d.length >> 1] ?? 0);
  }
  return best;
}

/** The hand in frame 0: matte pixels within `r` of a point a little past the wrist. */
function handPixels(scene: Scene, H: number): { mask: Uint8Array; centre: P; r: number } {
  const a = arm(scene, H), m = matteAt(scene, scene.layers!.matte!, H);
  const fx = a.wrist[0] - a.elbow[0], fy = a.wrist[1] - a.elbow[1], len = Math.hypot(fx, fy);
  const centre: P = [a.wrist[0] + 0.2 * fx, a.wrist[1] + 0.2 * fy], r = 0.3 * len;
  const mask = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) if (Math.hypot(x - centre[0], y - centre[1]) <= r && m(x, y) >= 0.5) mask[y * W + x] = 1;
  return { mask, centre, r };
}

const BIN = (rgb: Uint8Array, i: number) => ((rgb[i * 3]! >> 4) << 8) | ((rgb[i * 3 + 1]! >> 4) << 4) | (rgb[i * 3 + 2]! >> 4);

/**
 * How much of the hand's frame-0 place still shows its colours in `frame`: the share of those
 * pixels whose colour (16 levels a channel) is likelier the hand's than its surroundings' (frame
 * 0's background within 2.5 hand radii).
 */
function handLeft(frames: readonly Uint8Array[], frame: number, hand: ReturnType<typeof handPixels>, scene: Scene, H: number): number {
  const m = matteAt(scene, scene.layers!.matte!, H), f0 = frames[0]!;
  const inHand = new Float32Array(4096), around = new Float32Array(4096);
  let nh = 0, na = 0;
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const i = y * W + x, d = Math.hypot(x - hand.centre[0], y - hand.centre[1]);
    if (hand.mask[i]) { inHand[BIN(f0, i)]!++; nh++; } else if (d <= 2.5 * hand.r && m(x, y) < 0.02) { around[BIN(f0, i)]!++; na++; }
  }
  let like = 0, n = 0;
  for (let i = 0; i < W * H; i++) {
    if (!hand.mask[i]) continue;
    const b = BIN(frames[frame]!, i), ph = inHand[b]! / nh, pa = around[b]! / na;
    if (ph > pa) like++;
    n++;
  }
  return like / n;
}

/** The frame where the hand's frame-0 place changed most. */
function handFurthest(frames: readonly Float32Array[], hand: Uint8Array): number {
  let best = 0, at = 0;
  frames.forEach((f, k) => {
    let s = 0;
    for (let i = 0; i < hand.length; i++) if (hand[i]) s += Math.abs(f[i]! - frames[0]![i]!);
    if (s > best) { best = s; at = k; }
  });
  return at;
}

/** Bilinear luma at (x, y) of a w-wide frame. */
function lumaAt(f: Float32Array, w: number, h: number, x: number, y: number): number {
  const xi = Math.max(0, Math.min(w - 2, Math.floor(x))), yi = Math.max(0, Math.min(h - 2, Math.floor(y)));
  const tx = Math.min(1, Math.max(0, x - xi)), ty = Math.min(1, Math.max(0, y - yi)), o = yi * w + xi;
  return (f[o]! * (1 - tx) + f[o + 1]! * tx) * (1 - ty) + (f[o + w]! * (1 - tx) + f[o + w + 1]! * tx) * ty;
}

/**
 * A line or a step along the arm's former outline where it has moved away: across the forearm and
 * hand (normals to the bone, both sides), from the matte's ½ edge in frame 0, the strongest ridge
 * (a sample against the mean of those 2 px either side) within D px outside the outline, against
 * the same taken D px further out, in the same background. Counted only where the arm left (3 px
 * inside the outline changed) and the moved arm is not over the profile (beyond it unchanged).
 * Means over the stations, and their count.
 */
function lineAlongOutline(f0: Float32Array, ff: Float32Array, w: number, h: number, a: { elbow: P; wrist: P }, m: (x: number, y: number) => number): { at: number; beyond: number; n: number } {
  const fx = a.wrist[0] - a.elbow[0], fy = a.wrist[1] - a.elbow[1], len = Math.hypot(fx, fy), ux = fx / len, uy = fy / len;
  const D = Math.max(3, Math.round(0.07 * len));
  const L = (f: Float32Array, x: number, y: number) => lumaAt(f, w, h, x, y);
  const ridge = (f: Float32Array, px: number, py: number, nx: number, ny: number, s0: number, s1: number) => {
    let best = 0;
    for (let s = s0; s <= s1; s += 0.5) best = Math.max(best, Math.abs(L(f, px + nx * s, py + ny * s) - 0.5 * (L(f, px + nx * (s - 2), py + ny * (s - 2)) + L(f, px + nx * (s + 2), py + ny * (s + 2)))));
    return best;
  };
  let at = 0, beyond = 0, n = 0;
  for (const sign of [1, -1]) {
    const nx = -uy * sign, ny = ux * sign;
    // from the elbow to past the wrist (the hand), every half pixel
    for (let t = 0.2; t <= 1.2; t += 0.5 / len) {
      const px = a.elbow[0] + fx * t, py = a.elbow[1] + fy * t;
      let s0 = -1;
      for (let s = 0; s < 0.5 * len; s += 0.5) if (m(px + nx * s, py + ny * s) < 0.5) { s0 = s; break; }
      if (s0 < 0) continue;
      const ox = px + nx * s0, oy = py + ny * s0;
      if (Math.abs(L(ff, ox - nx * 3, oy - ny * 3) - L(f0, ox - nx * 3, oy - ny * 3)) < 25) continue;
      let over = false;
      for (let s = 3 + D; s <= 2 * D + 4 && !over; s++) if (Math.abs(L(ff, ox + nx * s, oy + ny * s) - L(f0, ox + nx * s, oy + ny * s)) > 12) over = true;
      if (over) continue;
      at += ridge(ff, ox, oy, nx, ny, -1, D); beyond += ridge(ff, ox, oy, nx, ny, D + 3, 2 * D + 3); n++;
    }
  }
  return { at: at / Math.max(1, n), beyond: beyond / Math.max(1, n), n };
}

const PEOPLE = [
  { name: 'the footballer', load: footballerFaceHidden, prompt: 'the player waves' },
  { name: 'the footballer (mirrored: the arm on the other side)', load: async () => sharp(await footballerFaceHidden()).flop().jpeg({ quality: 92 }).toBuffer(), prompt: 'the player waves' },
];

for (const person of PEOPLE) {
  test(`a wave on ${person.name} moves the subject layer over a still, clean background`, { timeout: 300_000 }, async (t) => {
    const bytes = await person.load();
    const scene = await analyzed(bytes);
    assert.ok(scene.pose && scene.layers?.matte, 'a body pose and a subject matte are found');
    const H = Math.round((W * scene.image.height) / scene.image.width / 2) * 2;
    const plan = lockCamera(direct(makeInput({ prompt: person.prompt, width: W, height: H, duration: 2.5, seed: 3 }), scene));
    const acts = [...plan.shots[0]!.characters, ...(plan.shots[0]!.subjects ?? [])].flatMap((p) => p.actions.map((a) => a.type));
    assert.ok(acts.includes('wave'), `the wave is performed: ${acts.join(', ')}`);

    const rgb = await clip(bytes, scene, plan);
    const frames = rgb.map((f) => luma(f, W, H));
    const beside = besideArm(scene, H, 3);
    const count = beside.reduce((s, v) => s + v, 0);
    assert.ok(count > 500, `${count} background px beside the arm`);
    const still = peakMedianChange(frames, beside);

    // control: no matte, no layers: the wave deforms the one sheet, the background beside the arm with it
    const sheet = (await clip(bytes, { ...scene, layers: { ...scene.layers!, matte: null } }, plan)).map((f) => luma(f, W, H));
    const dragged = peakMedianChange(sheet, beside);
    t.diagnostic(`median |Δluma| beside the arm at its peak: ${still.toFixed(2)} (one deformed sheet: ${dragged.toFixed(2)})`);
    assert.ok(still <= 1, `beside the arm the background stays still (median change ${still.toFixed(2)})`);
    assert.ok(dragged >= 1.5 && dragged > 4 * still, `control: one deformed sheet drags it (${dragged.toFixed(2)})`);

    // the place the hand leaves: at its furthest, its colours are gone from there
    const hand = handPixels(scene, H);
    const handCount = hand.mask.reduce((s, v) => s + v, 0);
    assert.ok(handCount >= 20, `${handCount} hand px`);
    const far = handFurthest(frames, hand.mask);
    const atStart = handLeft(rgb, 0, hand, scene, H), atFar = handLeft(rgb, far, hand, scene, H);
    t.diagnostic(`hand-coloured share of the hand's frame-0 place: frame 0 ${atStart.toFixed(2)}, frame ${far} ${atFar.toFixed(2)}`);
    assert.ok(atStart >= 0.7, `the measure sees the hand in frame 0 (${atStart.toFixed(2)})`);
    assert.ok(atFar <= 0.35, `no copy of the hand where it was (${atFar.toFixed(2)} of its place keeps its colours at frame ${far})`);

    // a hole in the matte over the hand: the completed matte still moves the whole hand
    const holed = Float32Array.from(scene.layers!.matte!);
    const { width: mw, height: mh } = scene.maps;
    const hr = 0.5 * hand.r;
    for (let y = 0; y < mh; y++) for (let x = 0; x < mw; x++) {
      if (Math.hypot(((x + 0.5) / mw) * W - hand.centre[0], ((y + 0.5) / mh) * H - hand.centre[1]) <= hr) holed[y * mw + x] = 0;
    }
    const holedRgb = await clip(bytes, { ...scene, layers: { ...scene.layers!, matte: holed } }, plan);
    const holedFar = handLeft(holedRgb, far, hand, scene, H);
    t.diagnostic(`with a hole punched over the hand: ${holedFar.toFixed(2)} of its place keeps its colours at frame ${far}`);
    assert.ok(holedFar <= 0.35, `a hole in the matte does not pin the hand (${holedFar.toFixed(2)})`);
  });
}

test('where the waving arm was, no line or step along its former outline (640 px)', { timeout: 300_000 }, async (t) => {
  // at 320 px the defects are under a pixel wide: this one clip is at 640 px
  const bytes = await readFile(LOCAL('football-player.jpg')), scene = await analyzed(bytes);
  const w = 640, h = Math.round((w * scene.image.height) / scene.image.width / 2) * 2;
  const plan = lockCamera(direct(makeInput({ prompt: 'the player waves', width: w, height: h, duration: 1.5, seed: 3 }), scene));
  const frames = (await clip(bytes, scene, plan)).map((f) => luma(f, w, h));
  const a = arm(scene, h, w), m = matteAt(scene, scene.layers!.matte!, h, w);
  // each frame where the arm has left enough of its outline to read, the ratio; their median
  const ratios: number[] = [];
  for (let k = 1; k < frames.length; k++) {
    const r = lineAlongOutline(frames[0]!, frames[k]!, w, h, a, m);
    if (r.n >= 60) ratios.push(r.at / r.beyond);
  }
  ratios.sort((p, q) => p - q);
  const median = ratios[ratios.length >> 1]!;
  t.diagnostic(`ridge along the former outline / further out, median over ${ratios.length} frames: ${median.toFixed(2)} (range ${ratios[0]!.toFixed(2)}–${ratios.at(-1)!.toFixed(2)})`);
  assert.ok(ratios.length >= 10, `the arm leaves its outline in ${ratios.length} frames`);
  assert.ok(median <= 2.3, `no line or step along the arm's former outline (ridge ${median.toFixed(2)}× what is further out)`);
});
