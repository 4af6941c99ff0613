/**
 * Issue 6's acceptance, on decoded output: a portrait whose face speaks a quoted line moves its
 * mouth with the voice (frame-to-frame motion of the mouth region against the decoded audio's
 * per-frame RMS), blinks (the eye region closes and reopens, at different moments for different
 * seeds), and changes nothing far from the face (compared with the same plan rendered with its
 * characters removed). Rendered small: the astronaut at about 320×320, 5 s.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate, type ShotPlan } from '../../src/engine/index.js';
import { analyzed } from '../helpers/analyzed.js';
import { closePicturePool } from '../../src/engine/picture/index.js';
import type { Face, Scene } from '../../src/engine/scene.js';
import { decodeAudio, decodeFrames } from '../helpers/decode-video.js';
import { fixture } from '../helpers/fixtures.js';
import { luma } from '../helpers/motion.js';

const AREA = 320 * 320;
const dir = await mkdtemp(join(tmpdir(), 'moviola-characters-'));
after(async () => { await rm(dir, { recursive: true, force: true }); await closePicturePool(); });

const bytes = await readFile(fixture('portrait-astronaut.png'));
let scene: Promise<Scene> | null = null;
const portrait = () => (scene ??= analyzed(bytes));

interface Clip { plan: ShotPlan; width: number; height: number; frames: Float32Array[]; rgb: Uint8Array[]; audio: Float32Array }
let counter = 0;
async function render(prompt: string, seed: number, options: { sound?: boolean; plan?: ShotPlan } = {}): Promise<Clip> {
  const output = join(dir, `clip-${counter++}.mp4`);
  const result = await generate({ image: bytes, prompt, seed, duration: 5, area: AREA, sound: options.sound ?? true, plan: options.plan }, { output, scene: await portrait() });
  const { width, height } = result.plan;
  const rgb = await decodeFrames(output, width, height);
  return { plan: result.plan, width, height, rgb, frames: rgb.map((f) => luma(f, width, height)), audio: result.plan.audio.enabled ? await decodeAudio(output) : new Float32Array(0) };
}

/** A box around landmarks a…b (inclusive) in output pixels, padded (fractions of its size). */
function box(face: Face, from: number, to: number, w: number, h: number, padX: number, padTop: number, padBottom: number) {
  const pts = face.landmarks.slice(from, to + 1);
  const xs = pts.map(([x]) => x * w), ys = pts.map(([, y]) => y * h);
  const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
  const bw = x1 - x0, bh = y1 - y0;
  return { x0: Math.max(0, Math.floor(x0 - padX * bw)), x1: Math.min(w - 1, Math.ceil(x1 + padX * bw)), y0: Math.max(0, Math.floor(y0 - padTop * bh)), y1: Math.min(h - 1, Math.ceil(y1 + padBottom * bh)) };
}

function regionDiff(a: Float32Array, b: Float32Array, w: number, r: ReturnType<typeof box>): number {
  let s = 0, n = 0;
  for (let y = r.y0; y <= r.y1; y++) for (let x = r.x0; x <= r.x1; x++) { s += Math.abs(a[y * w + x]! - b[y * w + x]!); n++; }
  return s / n;
}

function pearson(a: number[], b: number[]): number {
  const n = a.length, ma = a.reduce((s, v) => s + v, 0) / n, mb = b.reduce((s, v) => s + v, 0) / n;
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < n; i++) { sab += (a[i]! - ma) * (b[i]! - mb); saa += (a[i]! - ma) ** 2; sbb += (b[i]! - mb) ** 2; }
  return sab / Math.sqrt(saa * sbb);
}

/** Mean luma of the eyes' openings (landmarks 36–47, tight) per frame: a closed lid is brighter skin. */
function eyeLuma(clip: Clip, face: Face): number[] {
  const boxes = [box(face, 36, 41, clip.width, clip.height, -0.1, 0, 0), box(face, 42, 47, clip.width, clip.height, -0.1, 0, 0)];
  return clip.frames.map((f) => boxes.reduce((s, b) => s + regionMean(f, clip.width, b), 0) / 2);
}

function regionMean(a: Float32Array, w: number, r: ReturnType<typeof box>): number {
  let s = 0, n = 0;
  for (let y = r.y0; y <= r.y1; y++) for (let x = r.x0; x <= r.x1; x++) { s += a[y * w + x]!; n++; }
  return s / n;
}

/** Frames in which the eyes are closed: eye luma well above its level in the frames around (a running median, so slow head motion does not count). */
function closedFrames(clip: Clip, face: Face): number[] {
  const l = eyeLuma(clip, face);
  const around = (i: number) => { const w = l.slice(Math.max(0, i - 6), i + 7).sort((a, b) => a - b); return w[w.length >> 1]!; };
  return l.map((v, i) => (v > around(i) + 6 ? i : -1)).filter((i) => i >= 0);
}

let spoken: Clip | null = null;
const speaking = async () => (spoken ??= await render('locked off static shot, she says "I have been waiting for you all day"', 11));

test('lip-sync: the mouth moves with the voice and is still when no one speaks', async () => {
  const clip = await speaking();
  const face = (await portrait()).faces[0]!;
  assert.equal(clip.plan.audio.dialogue[0]!.face, 0);
  const mouth = box(face, 48, 67, clip.width, clip.height, 0.15, 0.3, 1.2);
  const motion: number[] = [], rms: number[] = [];
  const per = 48000 / 24;
  for (let f = 1; f < clip.frames.length; f++) {
    motion.push(regionDiff(clip.frames[f]!, clip.frames[f - 1]!, clip.width, mouth));
    let s = 0;
    for (let k = Math.round(f * per); k < Math.round((f + 1) * per); k++) s += ((clip.audio[2 * k]! + clip.audio[2 * k + 1]!) / 2) ** 2;
    rms.push(Math.sqrt(s / per));
  }
  const r = pearson(motion, rms);
  const loud = Math.max(...rms);
  // no one speaks outside the lines' spans (the ambience goes on under and between them, so the
  // mix itself is never silent); motion[i] is frame i + 1 against frame i
  const lines = clip.plan.audio.dialogue.map((d) => [d.start - 0.1, d.end + 0.1] as const);
  const inLine = (i: number) => lines.some(([a, b]) => (i + 1) / 24 >= a && i / 24 <= b);
  const quiet = motion.filter((_, i) => !inLine(i));
  const talking = motion.filter((_, i) => inLine(i) && rms[i]! > 0.2 * loud);
  const meanQuiet = quiet.reduce((s, v) => s + v, 0) / quiet.length, meanTalking = talking.reduce((s, v) => s + v, 0) / talking.length;
  console.log(`lip-sync r = ${r.toFixed(3)}; mouth motion: talking ${meanTalking.toFixed(2)}, silent ${meanQuiet.toFixed(2)} (${quiet.length} silent frames)`);
  assert.ok(r >= 0.5, `mouth motion correlates with the speech envelope: r = ${r.toFixed(3)}`);
  assert.ok(quiet.length >= 20, 'the clip has frames where no one speaks');
  assert.ok(meanQuiet < 0.25 * meanTalking, `the mouth is still when no one speaks (${meanQuiet.toFixed(2)} vs ${meanTalking.toFixed(2)} while talking)`);
  // before the line starts (motion[i] is frame i + 1 against frame i)
  const before = motion.slice(0, Math.floor(clip.plan.audio.dialogue[0]!.start * 24) - 1);
  assert.ok(before.length >= 5 && Math.max(...before) < 0.5 * meanTalking, `the mouth is still before the line: ${before.map((v) => v.toFixed(2))}`);
});

test('blinks: the eyes close and reopen, at different moments for different seeds', async () => {
  const face = (await portrait()).faces[0]!;
  const a = await speaking();
  const b = await render('locked off static shot, a portrait', 12, { sound: false });
  const blinksA = closedFrames(a, face), blinksB = closedFrames(b, face);
  console.log(`closed-eye frames: seed 11 ${JSON.stringify(blinksA)}, seed 12 ${JSON.stringify(blinksB)}`);
  for (const frames of [blinksA, blinksB]) {
    assert.ok(frames.length >= 1 && frames.length < 30, `the eyes close at least once (and are open most of the time): ${frames}`);
    assert.ok(frames[0]! > 0 && frames.at(-1)! < a.frames.length - 1 || frames.length < a.frames.length / 4, 'and reopen');
    // reopened: some frame after the first closure is back near frame 0
    assert.ok(frames.some((f, i) => frames[i + 1] !== f + 1 && f + 1 < a.frames.length), 'the eyes reopen after closing');
  }
  assert.notDeepEqual(blinksA, blinksB, 'blinks are not in sync across seeds');
});

test('locality: far from the face, pixels change only as the clip without character animation does', async () => {
  const animated = await speaking();
  const plan: ShotPlan = structuredClone(animated.plan);
  for (const shot of plan.shots) shot.characters = [];
  const still = await render(plan.prompt, plan.seed, { plan });
  const face = (await portrait()).faces[0]!;
  const { width: w, height: h } = animated;
  // the face-and-neck region (as the renderer draws it), dilated
  const roi = box(face, 0, 67, w, h, 0.45 + 0.1, 0.75 + 0.15, 0.9 + 0.15);
  // per 8×8 block (the codec's unit), the mean difference between the two clips: the encoder's
  // own quantisation noise averages out, a moved feature does not
  let blocks = 0, over = 0, worst = 0, insideMoved = 0, pixelsOver2 = 0, pixels = 0;
  for (let f = 0; f < animated.rgb.length; f++) {
    const A = animated.frames[f]!, B = still.frames[f]!;
    for (let by = 0; by + 8 <= h; by += 8) for (let bx = 0; bx + 8 <= w; bx += 8) {
      let s = 0;
      for (let y = by; y < by + 8; y++) for (let x = bx; x < bx + 8; x++) s += A[y * w + x]! - B[y * w + x]!;
      const d = Math.abs(s / 64);
      const inside = bx + 8 > roi.x0 && bx <= roi.x1 && by + 8 > roi.y0 && by <= roi.y1;
      if (inside) { if (d > 4) insideMoved++; continue; }
      blocks++;
      if (d > 2) over++;
      worst = Math.max(worst, d);
      for (let y = by; y < by + 8; y++) for (let x = bx; x < bx + 8; x++) { pixels++; if (Math.abs(A[y * w + x]! - B[y * w + x]!) > 2) pixelsOver2++; }
    }
  }
  console.log(`locality: ${blocks} 8×8 blocks·frames outside the face region, ${over} with a mean difference over 2 codes (worst ${worst.toFixed(2)}); pixels over ±2 codes ${(100 * pixelsOver2 / pixels).toFixed(2)} % (codec noise); ${insideMoved} blocks inside changed`);
  assert.ok(insideMoved > 100, 'the face itself is animated');
  assert.equal(over, 0, `far from the face, the picture is the same as without character animation (worst block mean ${worst.toFixed(2)} codes)`);
});

test('no face: the line plays as a voice-over with a note', async () => {
  const street = await readFile(fixture('street-old-town.jpg'));
  const output = join(dir, 'street.mp4');
  const result = await generate({ image: street, prompt: 'a woman says "Meet me by the fountain at noon"', seed: 3, clipSeconds: 3, area: 320 * 240 }, { output });
  assert.equal(result.plan.shots[0]!.characters.length, 0);
  const line = result.plan.audio.dialogue[0]!;
  assert.equal(line.face, null);
  assert.ok(result.plan.notes.some((n) => /voice-over/.test(n)), result.plan.notes.join(' | '));
  // the voice is heard in its slot
  const audio = await decodeAudio(output);
  const rms = (from: number, to: number) => { let s = 0, n = 0; for (let k = Math.round(from * 48000); k < Math.round(to * 48000); k++) { s += audio[2 * k]! ** 2; n++; } return Math.sqrt(s / n); };
  assert.ok(rms(line.start, line.end) > 0.03, `speech in the line's slot (rms ${rms(line.start, line.end).toFixed(3)})`);
});
