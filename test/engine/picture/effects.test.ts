/**
 * Every effect is visible where it belongs and nowhere else: temporal variance rises inside its
 * region (water shimmer only on the water, sway only on the foliage, twinkle only in the sky …),
 * it is absent at frame 0 and at intensity 0, and it is seeded: the same plan gives the same
 * bytes, another seed other rain.
 */
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { closePicturePool } from '../../../src/engine/picture/index.js';
import { EFFECT_TYPES, type Effect, type EffectType } from '../../../src/engine/plan.js';
import type { Scene } from '../../../src/engine/scene.js';
import { fixtureScene } from '../../helpers/fixture-scene.js';
import { luma, temporalVariance } from '../../helpers/frame-metrics.js';
import { pictureEffect, picturePlan } from '../../helpers/picture-plan.js';
import { renderAll } from '../../helpers/render-frames.js';

const W = 320, H = 180, DURATION = 1;
let street: Scene, space: Scene, night: Scene;
let baseline: Uint8Array[];
before(async () => {
  street = await fixtureScene('street-old-town.jpg');
  space = await fixtureScene('space-deep-field.jpg');
  night = await fixtureScene('night-launchpad.jpg');
  baseline = await renderAll(picturePlan({ width: W, height: H, duration: DURATION }), street);
});
after(closePicturePool);

const plan = (effects: Effect[], seed = 42) => picturePlan({ width: W, height: H, duration: DURATION, seed, effects });
const lumas = (frames: Uint8Array[]) => frames.map((f) => luma(f, W, H, true));

/** Output-space region tests, matching the fixture scene's fake masks (static camera). */
const REGION: Record<string, (x: number, y: number) => boolean> = {
  water: (_x, y) => y > 0.83 * H,
  notWater: (_x, y) => y < 0.72 * H,
  foliage: (x, y) => x < 0.15 * W && y > 0.42 * H && y < 0.7 * H,
  notFoliage: (x) => x > 0.27 * W,
  sky: (_x, y) => y < 0.24 * H,
  notSky: (_x, y) => y > 0.38 * H,
  light: (x, y) => Math.hypot(x - 0.75 * W, y - 0.2 * H) < 0.06 * H,
  farFromLight: (x, y) => Math.hypot(x - 0.75 * W, y - 0.2 * H) > 0.6 * H,
};
const at = (f: (x: number, y: number) => boolean) => (i: number) => f(i % W, Math.floor(i / W));

/** Mean absolute difference of the Y planes of two frame sets (0…255). */
function meanDiff(a: Uint8Array[], b: Uint8Array[]): number {
  let s = 0, n = 0;
  for (let k = 0; k < a.length; k++) for (let i = 0; i < W * H; i++) { s += Math.abs(a[k]![i]! - b[k]![i]!); n++; }
  return s / n;
}

const regionBound: Array<[EffectType, string, string, Scene | null]> = [
  ['water_shimmer', 'water', 'notWater', null],
  ['foliage_sway', 'foliage', 'notFoliage', null],
  ['clouds', 'sky', 'notSky', null],
  ['stars', 'sky', 'notSky', null],
  ['candle_flicker', 'light', 'farFromLight', null],
  ['neon_flicker', 'light', 'farFromLight', null],
];

for (const [type, inside, outside, sceneOverride] of regionBound) {
  test(`${type} changes its region only`, async () => {
    const scene = sceneOverride ?? (type === 'stars' ? space : type.endsWith('flicker') ? night : street);
    const frames = lumas(await renderAll(plan([pictureEffect(type, { intensity: 1, fade_in: 0.1 })]), scene));
    const vin = temporalVariance(frames, at(REGION[inside]!));
    const vout = temporalVariance(frames, at(REGION[outside]!));
    assert.ok(vin > 1, `${type}: variance inside ${inside} ${vin.toFixed(2)}`);
    assert.ok(vout < vin / 20 && vout < 0.5, `${type}: variance outside ${vout.toFixed(3)} (inside ${vin.toFixed(2)})`);
  });
}

/** Share of pixels whose luma changed by more than 6 levels (sparse particles count, faint noise doesn't). */
function changedShare(a: Uint8Array[], b: Uint8Array[]): number {
  let n = 0;
  for (let k = 0; k < a.length; k++) for (let i = 0; i < W * H; i++) if (Math.abs(a[k]![i]! - b[k]![i]!) > 6) n++;
  return n / (a.length * W * H);
}

/**
 * Frames equal up to rounding: identical luma, chroma within 1 (clips with effects convert RGB to
 * I420 after compositing, camera-only clips warp straight into I420; both round chroma slightly
 * differently).
 */
function assertSameFrame(a: Uint8Array, b: Uint8Array, message: string): void {
  assert.deepEqual(a.subarray(0, W * H), b.subarray(0, W * H), message);
  let worst = 0;
  for (let i = W * H; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  assert.ok(worst <= 1, `${message} (chroma differs by ${worst})`);
}

const free: EffectType[] = EFFECT_TYPES.filter((t) => !regionBound.some(([r]) => r === t));
for (const type of free) {
  test(`${type} is visible, animated, absent at frame 0 and at intensity 0`, async () => {
    const effect = pictureEffect(type, { intensity: 0.9, fade_in: 0.1, events: type === 'lightning' || type === 'lights_out' ? [0.3] : [] });
    const frames = await renderAll(plan([effect]), street);
    assertSameFrame(frames[0]!, baseline[0]!, `${type}: frame 0 is untouched`);
    const share = changedShare(frames.slice(6), baseline.slice(6));
    assert.ok(share > 0.002, `${type}: ${(share * 100).toFixed(2)} % of pixels visibly changed over the clip`);
    const vt = temporalVariance(lumas(frames.slice(6)), () => true);
    assert.ok(vt > 0.05, `${type}: animated (temporal variance ${vt.toFixed(3)})`);
    const none = await renderAll(plan([{ ...effect, intensity: 0 }]), street);
    assert.equal(meanDiff(none, baseline), 0, `${type}: invisible at intensity 0`);
  });
}

test('lightning flashes at its event and decays within about 0.3 s', async () => {
  const frames = lumas(await renderAll(plan([pictureEffect('lightning', { intensity: 1, fade_in: 0, events: [0.5] })]), street));
  const mean = (f: Float64Array) => f.reduce((a, b) => a + b, 0) / f.length;
  const before = mean(frames[10]!), flash = mean(frames[12]!), later = mean(frames[12 + 9]!);
  assert.ok(flash > before + 25, `flash brightens the frame: ${before.toFixed(1)} → ${flash.toFixed(1)}`);
  assert.ok(later < before + 5, `decayed after 0.35 s: ${later.toFixed(1)}`);
});

test('lights_out: the picture is as it was until its instant, then falls dark within 0.2 s; the sky keeps its light; by day outdoors little changes', async () => {
  const lit = lumas(await renderAll(plan([]), night));
  const frames = lumas(await renderAll(plan([pictureEffect('lights_out', { intensity: 0.85, fade_in: 0.05, events: [0.5], params: { lamp_share: 0.8 } })]), night));
  const mean = (f: Float64Array, where: (i: number) => boolean = () => true) => { let s = 0, n = 0; for (let i = 0; i < f.length; i++) if (where(i)) { s += f[i]!; n++; } return s / n; };
  // (before the instant only its stutters, in the last third of a second, may dip)
  for (const k of [1, 3]) assert.ok(Math.abs(mean(frames[k]!) - mean(lit[k]!)) < 0.5, `frame ${k} before the instant: ${mean(frames[k]!).toFixed(1)} vs ${mean(lit[k]!).toFixed(1)}`);
  const after = frames.length - 1;
  assert.ok(mean(frames[18]!) < 0.55 * mean(lit[18]!), `0.25 s after: mean luma ${mean(frames[18]!).toFixed(1)} vs ${mean(lit[18]!).toFixed(1)} lit`);
  const kept = (f: Float64Array[], where: (i: number) => boolean) => mean(f[after]!, where) / mean(lit[after]!, where);
  const sky = kept(frames, at(REGION.sky!)), ground = kept(frames, at(REGION.notSky!));
  assert.ok(sky > 0.6 && ground < 0.45, `the sky keeps ${sky.toFixed(2)} of its light, the ground ${ground.toFixed(2)}`);
  // daylight outdoors: the lamps' share of the light is small
  const day = lumas(await renderAll(plan([pictureEffect('lights_out', { intensity: 0.85, fade_in: 0.05, events: [0.5], params: { lamp_share: 0.15 } })]), night));
  assert.ok(kept(day, at(REGION.notSky!)) > 0.8, `by day the ground keeps ${kept(day, at(REGION.notSky!)).toFixed(2)}`);
});

test('fog is denser far away (top of the fixture) than near (bottom)', async () => {
  const frames = await renderAll(plan([pictureEffect('fog', { intensity: 0.8, fade_in: 0.1 })]), street);
  // fog of opacity a scales local contrast by (1 − a): compare each band's luma spread with the baseline's
  const spread = (f: Uint8Array, y0: number, y1: number) => {
    let s = 0, ss = 0, n = 0;
    for (let y = y0; y < y1; y++) for (let x = 0; x < W; x++) { const v = f[y * W + x]!; s += v; ss += v * v; n++; }
    return Math.sqrt(ss / n - (s / n) ** 2);
  };
  const opacity = (y0: number, y1: number) => 1 - spread(frames[frames.length - 1]!, y0, y1) / spread(baseline[0]!, y0, y1);
  const far = opacity(0, 45), near = opacity(H - 45, H);
  assert.ok(far > 0.2 && far > near * 1.5, `fog opacity far ${far.toFixed(2)} vs near ${near.toFixed(2)}`);
});

test('effects are seeded: same plan, same bytes; another seed, other rain', async () => {
  const rain = [pictureEffect('rain'), pictureEffect('snow'), pictureEffect('fog')];
  const a = await renderAll(plan(rain, 7), street);
  const b = await renderAll(plan(rain, 7), street);
  assert.deepEqual(a, b);
  const c = await renderAll(plan(rain, 8), street);
  assert.ok(meanDiff(a.slice(12), c.slice(12)) > 0.3, 'a different seed places the drops differently');
});

test('the grade eases in: frame 0 untouched, later frames brighter with exposure', async () => {
  const graded = await renderAll(picturePlan({ width: W, height: H, duration: DURATION, grade: { exposure: 1, fade_in: 0.5 } }), street);
  assert.deepEqual(graded[0], baseline[0]);
  const mean = (f: Uint8Array) => { let s = 0; for (let i = 0; i < W * H; i++) s += f[i]!; return s / (W * H); };
  assert.ok(mean(graded[graded.length - 1]!) > mean(baseline[0]!) + 15, 'a stop brighter at the end');
  assert.ok(mean(graded[6]!) > mean(baseline[0]!) && mean(graded[6]!) < mean(graded[graded.length - 1]!), 'ramping in between');
});
