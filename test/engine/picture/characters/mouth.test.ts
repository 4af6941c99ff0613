/**
 * Mouths on decoded frames (small renders, static camera): a smiling face with visible teeth keeps
 * them while it speaks (the lower lip and jaw move, the upper teeth stay) — on the astronaut and on
 * the girl in the flower hat, whose warm-lit teeth are creamy, not grey — and a mouth closed in
 * the input opens onto a shaded inner mouth, not one flat colour — on Grace Hopper's closed lips
 * and on the astronaut's mouth closed by moving its inner-lip landmarks together.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { analyzed } from '../../../helpers/analyzed.js';
import { direct } from '../../../../src/engine/direct/index.js';
import { closePicturePool } from '../../../../src/engine/picture/index.js';
import { buildRigs } from '../../../../src/engine/picture/characters/build-rigs.js';
import type { ShotPlan } from '../../../../src/engine/plan.js';
import type { Scene } from '../../../../src/engine/scene.js';
import { makeInput } from '../../../helpers/direct-input.js';
import { enlargedTwice, fixture } from '../../../helpers/fixtures.js';
import { renderAll } from '../../../helpers/render-frames.js';

after(() => closePicturePool());
const LOCAL = (name: string) => new URL(`../../../fixtures/images/${name}`, import.meta.url);
const S = 320;
const canvas = { width: S, height: S, marginX: 0, marginY: 0, canvasWidth: S, canvasHeight: S };
/** The frame's height for a picture that fills it S wide (even, as I420 needs). */
const heightFor = (scene: Scene) => Math.round((S * scene.image.height) / scene.image.width / 2) * 2;

/** A talking plan on a locked-off camera, S wide, the picture filling the frame. */
function talking(scene: Scene): ShotPlan {
  const plan = direct(makeInput({ prompt: 'she is talking', width: S, height: heightFor(scene), duration: 1.5 }), scene);
  const shot = plan.shots[0]!;
  shot.camera.keys = shot.camera.keys.map((k) => ({ ...k, zoom: 1, pan: 0, tilt: 0, roll: 0, truck: 0, pedestal: 0, dolly: 0 }));
  shot.camera.moves = ['static'];
  shot.effects = [];
  return plan;
}

/** A pixel of an I420 frame S wide and `h` high. */
const pixel = (f: Uint8Array, x: number, y: number, h = S) => {
  const c = (y >> 1) * (S >> 1) + (x >> 1);
  return { y: f[y * S + x]!, u: f[S * h + c]!, v: f[S * h + (S * h) / 4 + c]! };
};
type Yuv = { y: number; u: number; v: number };
const chroma = (p: Yuv) => Math.hypot(p.u - 128, p.v - 128);
/**
 * The face's skin chroma in a frame: the median over two patches of bare skin, on the philtrum
 * (between the nose's base and the upper lip's top) and on the chin (between the lower lip's
 * bottom and the jaw's tip).
 */
function skinChroma(f: Uint8Array, lm: ReadonlyArray<readonly [number, number]>, h: number): number {
  const values: number[] = [];
  for (const [a, b] of [[33, 51], [57, 8]] as const) {
    const cx = Math.round(((lm[a]![0] + lm[b]![0]) / 2) * S), cy = Math.round(((lm[a]![1] + lm[b]![1]) / 2) * h);
    for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) values.push(chroma(pixel(f, cx + dx, cy + dy, h)));
  }
  return values.sort((a, b) => a - b)[values.length >> 1]!;
}
/**
 * A tooth: bright, and clearly less saturated than the face's own skin — relative, since a
 * warm-lit photograph's teeth are as tinted as a pale face's skin in a neutral one.
 */
const toothTest = (skin: number) => (p: Yuv) => p.y > 150 && chroma(p) < 0.75 * skin;

/** The smiling faces whose upper teeth show in the photograph. */
const SMILES: Array<[string, () => Promise<Buffer>]> = [
  ['the astronaut', () => readFile(fixture('portrait-astronaut.png'))],
  ['the girl in the flower hat', () => enlargedTwice(LOCAL('portrait-flower-hat.jpg'))],
];

for (const [name, load] of SMILES) test(`a speaking smile keeps its upper teeth: frame 0's teeth pixels stay bright and less saturated than the skin near their place in every frame: ${name}`, { timeout: 120_000 }, async () => {
  const scene = await analyzed(await load());
  const H = heightFor(scene);
  const plan = talking(scene);
  const [rig] = buildRigs(plan, scene, { ...canvas, height: H, canvasHeight: H });
  const m = rig!.features.mouth;
  const lm = scene.faces[0]!.landmarks;
  assert.ok(lm[66]![1] * scene.image.height - lm[62]![1] * scene.image.height > 0.08 * (lm[54]![0] - lm[48]![0]) * scene.image.width, 'the input mouth shows its teeth');
  const frames = await renderAll(plan, scene);
  const isTooth = toothTest(skinChroma(frames[0]!, lm, H));
  const teeth: Array<[number, number]> = [];
  // the upper teeth: from the upper inner lip down through most of the opening (the picture fills
  // the frame, so landmarks map to pixels by scale alone)
  const top = lm[62]![1] * H - 0.5, gap = (lm[66]![1] - lm[62]![1]) * H;
  for (let y = Math.floor(top - 2); y <= Math.floor(top + 0.7 * gap); y++) {
    for (let x = Math.ceil(m.x0); x <= Math.floor(m.x1); x++) if (isTooth(pixel(frames[0]!, x, y, H))) teeth.push([x, y]);
  }
  assert.ok(teeth.length >= 15, `frame 0 shows teeth (${teeth.length} px)`);
  const open = rig!.tracks.mouth;
  assert.ok(Math.max(...open) > 0.5, 'the mouth opens wide while she speaks');
  for (let i = 1; i < frames.length; i++) {
    const kept = teeth.filter(([x, y]) => {
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) if (isTooth(pixel(frames[i]!, x + dx, y + dy, H))) return true;
      return false;
    }).length;
    assert.ok(kept >= 0.9 * teeth.length, `frame ${i} (mouth ${open[i]!.toFixed(2)}): ${kept} of ${teeth.length} teeth pixels remain`);
  }
});

/** Grace Hopper's lips, closed in the photograph. */
async function hopper(): Promise<Scene> {
  const scene = await analyzed(await readFile(LOCAL('portrait-grace-hopper.jpg')));
  const lm = scene.faces[0]!.landmarks;
  assert.ok(lm[66]![1] - lm[62]![1] < 0.03 * (lm[54]![0] - lm[48]![0]), 'her lips are closed in the photograph');
  return scene;
}
/** The astronaut with her lips closed: the inner-lip landmarks meet on one line. */
async function astronautClosed(): Promise<Scene> {
  const scene = await analyzed(await readFile(fixture('portrait-astronaut.png')));
  const lm = scene.faces[0]!.landmarks.map((p) => [...p] as [number, number]);
  const mid = (lm[62]![1] + lm[66]![1]) / 2;
  for (const i of [61, 62, 63, 65, 66, 67]) lm[i] = [lm[i]![0], mid];
  return { ...scene, faces: [{ ...scene.faces[0]!, landmarks: lm }] };
}

for (const [name, load] of [['Grace Hopper', hopper], ['the astronaut', astronautClosed]] as const) test(`a mouth closed in the input opens onto a shaded inner mouth (tongue, teeth, depth), not a flat fill: ${name}`, { timeout: 120_000 }, async () => {
  const closed = await load();
  const H = heightFor(closed);
  const plan = talking(closed);
  const [rig] = buildRigs(plan, closed, { ...canvas, height: H, canvasHeight: H });
  const open = rig!.tracks.mouth;
  let widest = 0;
  for (let i = 0; i < open.length; i++) if (open[i]! > open[widest]!) widest = i;
  assert.ok(open[widest]! > 0.5);
  const frames = await renderAll(plan, closed);
  const isTooth = toothTest(skinChroma(frames[0]!, closed.faces[0]!.landmarks, H));
  const m = rig!.features.mouth;
  // the inside: pixels around the mouth that changed from frame 0 by a lot
  const inside: Yuv[] = [];
  for (let y = Math.floor(m.cy - 4); y <= Math.ceil(m.cy + 0.3 * (m.x1 - m.x0)); y++) {
    for (let x = Math.ceil(m.x0); x <= Math.floor(m.x1); x++) {
      const a = pixel(frames[0]!, x, y, H), b = pixel(frames[widest]!, x, y, H);
      if (Math.abs(a.y - b.y) > 30) inside.push(b);
    }
  }
  assert.ok(inside.length >= 20, `the mouth opened (${inside.length} px changed)`);
  const ys = inside.map((p) => p.y).sort((a, b) => a - b);
  const spread = ys[Math.floor(ys.length * 0.95)]! - ys[Math.floor(ys.length * 0.05)]!;
  assert.ok(spread > 25, `the inner mouth is shaded, not one flat colour (luma 5–95 % spread ${spread})`);
  // inside the opening (the pixels that went dark or bright, not the skin that moved): a dark
  // depth, teeth (bright, paler than the skin) under the upper lip and a tongue (red) at the bottom
  assert.ok(inside.filter((p) => p.y < 40).length >= 5, 'its depth is dark');
  assert.ok(inside.filter(isTooth).length >= 3, `teeth show under the upper lip (${inside.filter(isTooth).length} px)`);
  assert.ok(inside.filter((p) => p.v - 128 > 14 && p.y > 45 && p.y < 120).length >= 3, 'a tongue shows at the bottom');
});
