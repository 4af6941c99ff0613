/**
 * An animal's ears move where its outline shows them (analyze/animals/ears.ts): on the ground
 * squirrel, whose ears stand against the sky, and on the cheetah, whose small ears stand against
 * dry grass above the head its outline shows, "twitches its ears" turns the ears about their
 * bases back and forth — static camera, x264-encoded and decoded: the ear region differs from the
 * same shot without the action again and again (periodic), returns after it, and the picture away
 * from the ears stays as in that shot. Where no ear stands out of the outline (the cat, whose ears run
 * into the frame's top and whose forehead fur the colour silhouette leaves ragged) the action is a
 * note with the reason. With no action, found ears flick now and then (idle life), and only they move.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { analyzed } from '../../../helpers/analyzed.js';
import { direct } from '../../../../src/engine/direct/index.js';
import { closePicturePool } from '../../../../src/engine/picture/index.js';
import { makeInput } from '../../../helpers/direct-input.js';
import { encodedLuma, lumaDiff } from '../../../helpers/encoded-clip.js';
import { enlargedTwice, fixture } from '../../../helpers/fixtures.js';
import { lockCamera, swings, type Region } from '../../../helpers/local-motion.js';
import { earRegions } from '../../../helpers/action-regions.js';
import { renderAll } from '../../../helpers/render-frames.js';
import { buildRigs } from '../../../../src/engine/picture/characters/build-rigs.js';

after(() => closePicturePool());

const LOCAL = (name: string) => new URL(`../../../fixtures/images/${name}`, import.meta.url);
const W = 256;

// photos whose ears the finder places: the ground squirrel's, above its one eye, against the sky;
// the cheetah's, on the head its outline shows (no eyes found), traced round the head at the
// picture's own resolution (the region's silhouette is too coarse for an ear 14 px tall)
const TWITCHING = [
  { name: 'the ground squirrel', who: 'the squirrel', W: 256, load: () => enlargedTwice(LOCAL('ground-squirrel.jpg')) },
  { name: 'the cheetah', who: 'the cheetah', W: 512, load: () => readFile(LOCAL('cheetah.jpg')) },
];
for (const photo of TWITCHING) {
  test(`${photo.name} twitches its ears: periodic motion in the ear region, the rest of the picture still`, { timeout: 300_000 }, async () => {
    const scene = await analyzed(await photo.load());
    const { W } = photo, H = Math.round((W * scene.image.height) / scene.image.width / 2) * 2;
    const plan = (prompt: string) => lockCamera(direct(makeInput({ prompt, width: W, height: H, duration: 2.5, seed: 5 }), scene));
    const twitching = plan(`${photo.who} twitches its ears`);
    const subject = twitching.shots[0]!.subjects?.[0];
    const action = subject?.actions.find((a) => a.type === 'ears');
    assert.ok(subject?.ears?.length && action, `the ears are performed on found ears: ${JSON.stringify(subject)} / ${twitching.notes.join(' | ')}`);
    assert.ok(!twitching.notes.some((n) => /ears/.test(n)), `no note about the ears: ${twitching.notes.join(' | ')}`);
    const [a, b] = await Promise.all([encodedLuma(plan(`${photo.who} in the grass`), scene, W, H), encodedLuma(twitching, scene, W, H)]);
    // the ear region: tip and base, and half the ear's length around them
    const ears = earRegions(subject, W, H);
    const series = a.map((f, i) => Math.max(...ears.map((r) => lumaDiff(f, b[i]!, W, r).mean)));
    const top = Math.max(...series);
    const fps = twitching.fps, after = Math.min(a.length - 1, Math.round((action.end + 0.3) * fps));
    assert.ok(top > 2, `the ear region moves (mean change against the shot without it, at most ${top.toFixed(2)} levels)`);
    // periodic: within the action, the pose of its strongest frame comes back again and again
    // (the clip against that frame: near nothing at the same pose, most at the opposite one)
    const from = Math.round(action.start * fps), to = Math.min(a.length - 1, Math.round(action.end * fps));
    const ref = from + series.slice(from, to + 1).indexOf(Math.max(...series.slice(from, to + 1)));
    const apart = b.slice(from, to + 1).map((f) => Math.max(...ears.map((r) => lumaDiff(b[ref]!, f, W, r).mean)));
    const most = Math.max(...apart), same = apart.map((v) => most - v);
    assert.ok(swings(same, 0.7 * most) >= 3, `the ear comes back to the same turn again and again (change from its strongest frame: ${apart.map((v) => v.toFixed(1)).join(' ')})`);
    assert.ok(series[after]! < top / 3, `and is back after the action (${series[after]!.toFixed(2)})`);
    // the rest of the picture: away from the ears (two ear lengths and more), it differs from the
    // shot without the action no more than two encodes of a fine-grained photo do (x264's own
    // noise, a level or two, measured before the action starts)
    const far = (x: number, y: number) => subject.ears!.every((e) => {
      const L = Math.hypot((e.tip.x - e.base.x) * W, (e.tip.y - e.base.y) * H);
      return Math.hypot(x - e.base.x * W, y - e.base.y * H) > 2 * L + 8;
    });
    const whole: Region = { x: 0, y: 0, w: W, h: H };
    const rest = a.map((f, i) => lumaDiff(f, b[i]!, W, whole, far).peak);
    const noise = Math.max(...rest.slice(0, from)), during = Math.max(...rest.slice(from, to + 1));
    assert.ok(during < noise + 1, `the rest stays as without the action (largest tile change ${during.toFixed(2)} levels during it, ${noise.toFixed(2)} before it)`);
  });
}

test('no ear stands out of the outline: the ears action is a note with the reason (the cat)', { timeout: 120_000 }, async () => {
  const scene = await analyzed(await readFile(fixture('cat-closeup.png')));
  const plan = direct(makeInput({ prompt: 'the cat twitches its ears', width: 128, height: 86, duration: 2.5, seed: 5 }), scene);
  assert.ok(!(plan.shots[0]!.subjects ?? []).some((s) => s.actions.some((a) => a.type === 'ears')), 'not performed');
  assert.ok(plan.notes.some((n) => /the cat twitches its ears'.*ears are not identified/.test(n)), `a note says why: ${plan.notes.join(' | ')}`);
});

// ears in plain view that the finder cannot place: it looks for ears only above eyes found surely
// (the raccoon's eyes sit in its dark mask, darker all round than the eyes, and the detector finds
// no animal there for the catchlights to be looked for in), and for ears that stand up out of the
// outline (the dog's eyes are found by their catchlights, but its ears fold down beside its head)
const EARS_NOTED = [
  { name: 'the raccoon', who: 'the raccoon', file: 'raccoon.jpg', reason: 'its head was not found' },
  { name: 'the dog on the porch', who: 'the dog', file: 'dog-porch.jpg', reason: 'no ear stands out of its outline above its head' },
];
for (const { name, who, file, reason } of EARS_NOTED) {
  test(`ears visible but not standing out above its found head: the ears action is a note with the reason (${name})`, { timeout: 120_000 }, async () => {
    const scene = await analyzed(await readFile(LOCAL(file)));
    const plan = direct(makeInput({ prompt: `${who} twitches its ears`, width: 128, height: 96, duration: 2.5, seed: 5 }), scene);
    assert.ok(!(plan.shots[0]!.subjects ?? []).some((s) => s.ears || s.actions.some((a) => a.type === 'ears')), 'not performed');
    assert.ok(plan.notes.some((n) => new RegExp(`${who} twitches its ears'.*ears are not identified in the picture: ${reason}`).test(n)), `a note says why: ${plan.notes.join(' | ')}`);
  });
}

// idle life (picture/characters/idle-ears.ts): an animal whose ears were found flicks them now and
// then with no action asked for. The same plan with its ears unknown renders the same clip but
// for the flicks: they show in the ear region (seed 5: one flick, from 1.02 s for 0.35 s) and
// nowhere else, and none is added while an ear action plays
test('idle life: the ground squirrel flicks its found ears now and then, the picture away from them untouched', { timeout: 300_000 }, async () => {
  const scene = await analyzed(await enlargedTwice(LOCAL('ground-squirrel.jpg')));
  const H = Math.round((W * scene.image.height) / scene.image.width / 2) * 2;
  const plan = (prompt: string) => lockCamera(direct(makeInput({ prompt, width: W, height: H, duration: 2.5, seed: 5 }), scene));
  const idle = plan('the squirrel in the grass');
  const subject = idle.shots[0]!.subjects![0]!;
  assert.ok(subject.ears?.length && !subject.actions.length, `ears found, no action: ${JSON.stringify(subject)}`);
  const deaf = structuredClone(idle);
  delete deaf.shots[0]!.subjects![0]!.ears;
  const [a, b] = await Promise.all([renderAll(idle, scene), renderAll(deaf, scene)]);
  const L = Math.max(...subject.ears.map((e) => Math.hypot((e.tip.x - e.base.x) * W, (e.tip.y - e.base.y) * H)));
  const near = (x: number, y: number) => subject.ears!.some((e) => Math.hypot(x - e.base.x * W, y - e.base.y * H) < 1.5 * L);
  const far = (x: number, y: number) => subject.ears!.every((e) => Math.hypot(x - e.base.x * W, y - e.base.y * H) > 2 * L + 8);
  const diff = (i: number, where: (x: number, y: number) => boolean) => {
    let sum = 0, count = 0, most = 0;
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
      if (!where(x, y)) continue;
      const d = Math.abs(a[i]![y * W + x]! - b[i]![y * W + x]!);
      sum += d; count++; most = Math.max(most, d);
    }
    return { mean: sum / count, most };
  };
  const flick = a.map((_, i) => diff(i, near).mean);
  const fps = idle.fps, peak = Math.round((1.02 + 0.175) * fps);
  const still = [...flick.slice(0, Math.round(1.02 * fps)), ...flick.slice(Math.round(1.4 * fps))];
  assert.ok(flick[peak]! > 1 && flick[peak]! > 4 * Math.max(...still), `the ears flick at ${(peak / fps).toFixed(2)} s (mean change ${flick[peak]!.toFixed(2)} levels against the clip without them; at most ${Math.max(...still).toFixed(2)} outside the flick): ${flick.map((v) => v.toFixed(1)).join(' ')}`);
  const rest = Math.max(...a.map((_, i) => diff(i, far).most));
  assert.equal(rest, 0, 'away from the ears the frames are those of the clip without them');
  // no idle flick while an ear action plays: its track there is the action's alone
  const twitching = plan('the squirrel twitches its ears');
  const action = twitching.shots[0]!.subjects![0]!.actions.find((x) => x.type === 'ears')!;
  const canvas = { width: W, height: H, marginX: 0, marginY: 0, canvasWidth: W, canvasHeight: H };
  const [withAction] = buildRigs(twitching, scene, canvas), [without] = buildRigs(idle, scene, canvas);
  // (the action, 0.4–1.6 s, holds the idle flick: at the flick's peak, in the action's full
  // strength, the track is the action's twitch alone)
  const t = peak / fps;
  assert.ok(action.start + 0.35 < t && t < action.end - 0.35 && without!.tracks.ears[peak]! > 0.09, `the idle flick (peak ${without!.tracks.ears[peak]}) falls in the action ${JSON.stringify(action)}`);
  assert.ok(Math.abs(withAction!.tracks.ears[peak]! - 0.2 * Math.sin(2 * Math.PI * 3 * (t - action.start))) < 1e-6, `the twitch alone at ${t.toFixed(2)} s: ${withAction!.tracks.ears[peak]}`);
  assert.ok(without!.tracks.ears.some((v) => v > 0) && Math.max(...without!.tracks.ears) <= 0.1, 'small flicks (at most 0.1 rad) in the idle track');
});
