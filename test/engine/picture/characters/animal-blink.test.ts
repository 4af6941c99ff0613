/**
 * An animal blinks with its own eyes: where the analysis finds them (analyze/animals: dark round
 * blobs, or catchlights in the detector's box) the plan's subject carries them and its blink closes
 * lids over them. On the cat, the ground squirrel and the dog on the porch (its eyes in black fur,
 * found by their catchlights; rendered at its own size, its eyes being a few pixels), static camera, encoded with x264 and decoded: at the blink's middle the eye region
 * differs from the same shot without the blink (the fur sweeps down over the eye) and returns
 * after it, while the rest of the head — its outline above the eye included — stays as in that shot. The red squirrel, seen in
 * profile among leaves with no detector box, blinks its one eye, found by its shape. Where no eye
 * is found (the raccoon, whose eyes sit in its darker mask) the blink is a note saying why.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { analyzed } from '../../../helpers/analyzed.js';
import { direct } from '../../../../src/engine/direct/index.js';
import { closePicturePool } from '../../../../src/engine/picture/index.js';
import { animalEyeRegions } from '../../../helpers/action-regions.js';
import { makeInput } from '../../../helpers/direct-input.js';
import { encodedLuma, lumaDiff } from '../../../helpers/encoded-clip.js';
import { enlargedTwice, fixture } from '../../../helpers/fixtures.js';
import { lockCamera, type Region } from '../../../helpers/local-motion.js';

after(() => closePicturePool());

const LOCAL = (name: string) => new URL(`../../../fixtures/images/${name}`, import.meta.url);
const PHOTOS = [
  { name: 'cat', who: 'the cat', W: 256, load: () => readFile(fixture('cat-closeup.png')) },
  { name: 'ground squirrel', who: 'the squirrel', W: 256, load: () => enlargedTwice(LOCAL('ground-squirrel.jpg')) },
  { name: 'dog on the porch', who: 'the dog', W: 768, load: () => readFile(LOCAL('dog-porch.jpg')) },
  // in profile among leaves, no detector box, its salient region most of the frame: its one eye
  // is found by its whole shape (analyze/animals/rimmed-eye.ts), its lid drawn only from the fur
  // above it (the head's outline is close: the colour leaves the fur there)
  { name: 'red squirrel on the branch', who: 'the squirrel', W: 384, load: () => readFile(LOCAL('squirrel-branch.jpg')) },
];

for (const photo of PHOTOS) {
  test(`an animal's blink closes lids over its own eyes: the ${photo.name}`, { timeout: 300_000 }, async () => {
    const { W } = photo;
    const scene = await analyzed(await photo.load());
    const H = Math.round((W * scene.image.height) / scene.image.width / 2) * 2;
    const plan = (prompt: string) => lockCamera(direct(makeInput({ prompt, width: W, height: H, duration: 2.5, seed: 11 }), scene));
    const blinking = plan(`${photo.who} blinks slowly`);
    const subject = blinking.shots[0]!.subjects?.[0];
    const blink = subject?.actions.find((a) => a.type === 'blink');
    assert.ok(subject?.eyes?.length && blink, `the blink is performed on found eyes: ${JSON.stringify(subject)} / ${blinking.notes.join(' | ')}`);
    assert.ok(!blinking.notes.some((n) => /blink/.test(n)), `no note about the blink: ${blinking.notes.join(' | ')}`);
    const still = plan(`${photo.who} in the grass`);
    const [a, b] = await Promise.all([encodedLuma(still, scene, W, H), encodedLuma(blinking, scene, W, H)]);
    const fps = blinking.fps, mid = Math.round(((blink.start + blink.end) / 2) * fps), done = Math.min(a.length - 1, Math.round((blink.end + 0.3) * fps));
    // each eye's box (where the lid sweeps, with the fur it is drawn from) and the head around the eyes
    const eyes = animalEyeRegions(subject, W, H);
    const inEye = (x: number, y: number) => eyes.some((e) => x >= e.x && x < e.x + e.w && y >= e.y && y < e.y + e.h);
    const span = Math.max(...subject.eyes.map((e) => e.x)) - Math.min(...subject.eyes.map((e) => e.x));
    const size = Math.max(span, 8 * Math.max(...subject.eyes.map((e) => e.r)));
    const cx = subject.eyes.reduce((s, e) => s + e.x, 0) / subject.eyes.length, cy = subject.eyes.reduce((s, e) => s + e.y, 0) / subject.eyes.length;
    const head: Region = { x: (cx - size) * W, y: (cy - 0.6 * size) * H, w: 2 * size * W, h: 1.6 * size * H };
    for (const [k, eye] of eyes.entries()) {
      const closed = lumaDiff(a[mid]!, b[mid]!, W, eye), open = lumaDiff(a[done]!, b[done]!, W, eye);
      assert.ok(closed.peak > 6, `eye ${k}: the lid closes over it at the blink's middle (largest tile change ${closed.peak.toFixed(1)} levels)`);
      assert.ok(open.peak < closed.peak / 3, `eye ${k}: and opens again (${open.peak.toFixed(1)} after, ${closed.peak.toFixed(1)} during)`);
    }
    // two encodes of a fine-grained photo differ by a level or two anywhere (x264's own noise,
    // measured before the blink starts); during the blink the rest of the head differs no more
    const rest = a.map((f, i) => lumaDiff(f, b[i]!, W, head, (x, y) => !inEye(x, y)).peak);
    const from = Math.round(blink.start * fps), to = Math.round(blink.end * fps);
    const noise = Math.max(...rest.slice(0, from)), during = Math.max(...rest.slice(from, to + 1));
    assert.ok(during < noise + 1, `the rest of the head stays as without the blink (largest tile change ${during.toFixed(2)} levels during it, ${noise.toFixed(2)} before it)`);
  });
}

test('no eyes found: the blink is a note with the reason (the raccoon, its eyes in a mask darker than they are)', { timeout: 120_000 }, async () => {
  const scene = await analyzed(await readFile(LOCAL('raccoon.jpg')));
  const plan = direct(makeInput({ prompt: 'the raccoon blinks', width: 128, height: 96, duration: 2.5, seed: 11 }), scene);
  assert.ok(!(plan.shots[0]!.subjects ?? []).some((s) => s.actions.some((a) => a.type === 'blink')), 'not performed');
  assert.ok(plan.notes.some((n) => /the raccoon blinks'.*eyes/.test(n)), `a note says why: ${plan.notes.join(' | ')}`);
});
