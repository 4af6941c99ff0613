/**
 * Issue 2's acceptance for scene effects, on decoded output: each effect the prompt asks for makes
 * the picture change over time where it belongs (temporal variation rises inside its region, and
 * region-bound effects leave the rest of the frame alone), and naming it in negative_prompt
 * removes it. The camera is locked off so that only the effect moves.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { direct, generate, type GenerateRequest } from '../../src/engine/index.js';
import { analyzed } from '../helpers/analyzed.js';
import { checkRequest } from '../../src/engine/check-request.js';
import { outputSize } from '../../src/engine/encode/output-size.js';
import type { EffectType, ShotPlan } from '../../src/engine/plan.js';
import type { Scene } from '../../src/engine/scene.js';
import { fixture } from '../helpers/fixtures.js';
import { decodeFrames } from '../helpers/decode-video.js';
import { luma } from '../helpers/motion.js';

// effects are drawn to the frame's scale (a raindrop, a mote): render at the product's 720p size
const AREA = 1280 * 720;
const DURATION = 2;

type MaskName = 'sky' | 'water' | 'foliage' | 'lights';

interface Case {
  image: string;
  prompt: string;
  /** what negative_prompt says to remove it */
  negative: string;
  /** region the effect is confined to, or null when it may act anywhere */
  region: MaskName | null;
}

/** A lake under a sky: the fixtures have no open water, so this one is drawn. */
async function lakePicture(): Promise<Buffer> {
  const width = 640;
  const height = 400;
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      if (y < height * 0.45) {
        const t = y / (height * 0.45);
        data[i] = 120 + 60 * t; data[i + 1] = 170 + 40 * t; data[i + 2] = 235; // blue sky to a pale horizon
      } else if (y < height * 0.5) {
        const n = 20 * Math.sin(x * 0.09) * Math.sin(y * 0.7);
        data[i] = 50 + n; data[i + 1] = 80 + n; data[i + 2] = 45 + n; // a dark tree line
      } else {
        const ripple = 14 * Math.sin(x * 0.05 + Math.sin(y * 0.3) * 2) * Math.sin(y * 0.45);
        data[i] = 40 + ripple; data[i + 1] = 95 + ripple; data[i + 2] = 140 + ripple; // calm blue water
      }
    }
  }
  return sharp(data, { raw: { width, height, channels: 3 } }).png().toBuffer();
}

const CASES: Record<EffectType, Case> = {
  rain: { image: 'street-old-town.jpg', prompt: 'heavy rain', negative: 'rain', region: null },
  snow: { image: 'street-old-town.jpg', prompt: 'snow falling', negative: 'snow', region: null },
  fog: { image: 'street-old-town.jpg', prompt: 'thick fog drifting through the street', negative: 'fog', region: null },
  smoke: { image: 'product-motorcycle.png', prompt: 'smoke drifting', negative: 'smoke', region: null },
  steam: { image: 'product-coffee.png', prompt: 'steam rising from the cup', negative: 'steam', region: null },
  dust: { image: 'product-motorcycle.png', prompt: 'dust motes floating in the air', negative: 'dust', region: null },
  embers: { image: 'night-launchpad.jpg', prompt: 'glowing embers and sparks', negative: 'embers, sparks', region: null },
  fire_glow: { image: 'night-launchpad.jpg', prompt: 'flickering fire glow', negative: 'fire', region: null },
  candle_flicker: { image: 'night-launchpad.jpg', prompt: 'candlelight flicker', negative: 'candlelight', region: null },
  neon_flicker: { image: 'night-launchpad.jpg', prompt: 'neon flicker', negative: 'neon', region: null },
  lightning: { image: 'street-old-town.jpg', prompt: 'lightning', negative: 'lightning', region: null },
  falling_leaves: { image: 'nature-butterfly.jpg', prompt: 'falling autumn leaves', negative: 'falling leaves', region: null },
  petals: { image: 'nature-butterfly.jpg', prompt: 'cherry blossom petals falling', negative: 'petals', region: null },
  light_rays: { image: 'street-old-town.jpg', prompt: 'god rays', negative: 'god rays', region: null },
  lens_flare: { image: 'night-launchpad.jpg', prompt: 'lens flare', negative: 'lens flare', region: null },
  clouds: { image: 'street-old-town.jpg', prompt: 'drifting clouds', negative: 'clouds', region: 'sky' },
  water_shimmer: { image: 'lake', prompt: 'shimmering water', negative: 'shimmer', region: 'water' },
  foliage_sway: { image: 'nature-butterfly.jpg', prompt: 'leaves swaying in the breeze', negative: 'swaying leaves', region: 'foliage' },
  stars: { image: 'space-deep-field.jpg', prompt: 'twinkling stars', negative: 'stars', region: null },
  lights_out: { image: 'night-launchpad.jpg', prompt: 'the lights go out', negative: 'lights out', region: null },
};

/** Per-pixel standard deviation of luma over the frames. */
function temporalDeviation(frames: Uint8Array[], width: number, height: number): Float32Array {
  const sum = new Float64Array(width * height);
  const sq = new Float64Array(width * height);
  for (const f of frames) {
    const g = luma(f, width, height);
    for (let i = 0; i < g.length; i++) {
      sum[i] = sum[i]! + g[i]!;
      sq[i] = sq[i]! + g[i]! * g[i]!;
    }
  }
  const out = new Float32Array(width * height);
  for (let i = 0; i < out.length; i++) {
    const mean = sum[i]! / frames.length;
    out[i] = Math.sqrt(Math.max(0, sq[i]! / frames.length - mean * mean));
  }
  return out;
}

/** The values where the scene's mask (sampled at frame resolution) is inside/outside the region. */
function valuesIn(values: Float32Array, width: number, height: number, scene: Scene, mask: MaskName | null, inside: boolean): Float32Array {
  const m = scene.maps;
  const out: number[] = [];
  for (let y = 0; y < height; y++) {
    const my = Math.min(m.height - 1, Math.floor((y * m.height) / height));
    for (let x = 0; x < width; x++) {
      const mx = Math.min(m.width - 1, Math.floor((x * m.width) / width));
      const v = mask ? m[mask][my * m.width + mx]! : 1;
      if (inside ? v > 0.5 : v < 0.05) out.push(values[y * width + x]!);
    }
  }
  return Float32Array.from(out);
}

/** Mean and 98th percentile: a veil (fog, a flicker) lifts the mean, sparse particles the top. */
function summary(values: Float32Array): { mean: number; p98: number } {
  const sorted = Float32Array.from(values).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  return { mean: sum / Math.max(1, sorted.length), p98: sorted[Math.floor(0.98 * (sorted.length - 1))] ?? 0 };
}

const dir = await mkdtemp(join(tmpdir(), 'moviola-effects-'));
const images = new Map<string, { bytes: Buffer; scene: Scene }>();
async function picture(name: string) {
  let entry = images.get(name);
  if (!entry) {
    const bytes = name === 'lake' ? await lakePicture() : await readFile(fixture(name));
    entry = { bytes, scene: await analyzed(bytes) };
    images.set(name, entry);
  }
  return entry;
}

/** The plan generate() directs for a request on a scene, before anything is rendered. */
function directed(request: GenerateRequest, scene: Scene): ShotPlan {
  const checked = checkRequest(request);
  const size = outputSize(scene.image.width, scene.image.height, request.area!);
  return direct({ prompt: checked.prompt, negativePrompt: checked.negativePrompt, cfgScale: checked.cfgScale, duration: checked.duration, seed: checked.seed, width: size.width, height: size.height, sound: checked.sound, voices: checked.voices }, scene);
}

/** What a plan renders, without the words that asked for it (a render depends on the plan alone). */
const pictureOf = (plan: ShotPlan) => JSON.stringify(plan, (key, value) => (['prompt', 'negative_prompt', 'notes'].includes(key) ? undefined : value));

interface Rendered { plan: ShotPlan; width: number; height: number; deviation: Float32Array; last: Float32Array }
/**
 * The negated clips, by picture: the cases on one photo negate to the same locked-off plan (the
 * effect left out, nothing else asked), which renders the same frames; it is rendered once.
 */
const negatedRenders = new Map<string, Rendered>();

for (const [type, c] of Object.entries(CASES) as Array<[EffectType, Case]>) {
  test(`effect ${type}: visible where it belongs, gone when negated`, async () => {
    const { bytes, scene } = await picture(c.image);
    if (c.region) assert.ok(scene.tags.includes(c.region === 'lights' ? 'lights' : c.region), `${c.image} should have a ${c.region} region`);
    const render = async (label: string, negative: string): Promise<Rendered> => {
      const request: GenerateRequest = { image: bytes, prompt: `static locked-off shot, ${c.prompt}`, negativePrompt: negative, seed: 5, clipSeconds: DURATION, area: AREA, cfgScale: 1, sound: false };
      // a negated plan already rendered for another case: its frames, with this request's plan
      const rendered = negative ? negatedRenders.get(pictureOf(directed(request, scene))) : undefined;
      if (rendered) return { ...rendered, plan: directed(request, scene) };
      const output = join(dir, `${type}-${label}.mp4`);
      const result = await generate(request, { output, scene });
      const { width, height } = result.plan;
      const frames = await decodeFrames(output, width, height);
      const clip = { plan: result.plan, width, height, deviation: temporalDeviation(frames, width, height), last: luma(frames[frames.length - 1]!, width, height) };
      if (negative) negatedRenders.set(pictureOf(result.plan), clip);
      return clip;
    };
    const withEffect = await render('on', '');
    const negated = await render('off', c.negative);
    const planned = withEffect.plan.shots[0]!.effects.map((e) => e.type);
    assert.ok(planned.includes(type), `"${c.prompt}" should plan ${type}, planned ${planned}`);
    assert.ok(!negated.plan.shots[0]!.effects.some((e) => e.type === type), `negative_prompt should remove ${type}`);
    const { width, height } = withEffect;
    const on = summary(valuesIn(withEffect.deviation, width, height, scene, c.region, true));
    const off = summary(valuesIn(negated.deviation, width, height, scene, c.region, true));
    // visible: the picture moves where it acts, or at least shows it (a flare on a locked-off
    // shot stands still): the last frame differs from the last frame without it
    const moving = on.mean > off.mean * 1.5 + 0.3 || on.p98 > off.p98 * 1.5 + 1;
    const difference = new Float32Array(withEffect.last.length);
    for (let i = 0; i < difference.length; i++) difference[i] = Math.abs(withEffect.last[i]! - negated.last[i]!);
    const shown = summary(valuesIn(difference, width, height, scene, c.region, true));
    assert.ok(moving || shown.mean > 1.5 || shown.p98 > 12, `${type}: should be visible where it acts (temporal sd mean ${on.mean.toFixed(2)}, p98 ${on.p98.toFixed(2)} vs ${off.mean.toFixed(2)}, ${off.p98.toFixed(2)} without it; last frame differs by ${shown.mean.toFixed(2)}, p98 ${shown.p98.toFixed(2)})`);
    // what is left without it is the encoder's own flicker on a still picture
    assert.ok(off.mean < 1, `${type} negated: a locked-off clip with nothing asked stays still (temporal sd ${off.mean.toFixed(2)})`);
    if (c.region) {
      const outsideOn = summary(valuesIn(withEffect.deviation, width, height, scene, c.region, false));
      const outsideOff = summary(valuesIn(negated.deviation, width, height, scene, c.region, false));
      assert.ok(outsideOn.mean < outsideOff.mean + 0.4, `${type}: outside the ${c.region} region nothing should move (temporal sd ${outsideOn.mean.toFixed(2)} vs ${outsideOff.mean.toFixed(2)})`);
    }
  });
}
