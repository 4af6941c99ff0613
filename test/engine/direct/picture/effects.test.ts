import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EFFECT_TYPES, type EffectType } from '../../../../src/engine/plan.js';
import { makeScene } from '../../../helpers/synthetic-scene.js';
import { everything, shotFor } from './shot.js';

const PHRASINGS: Record<EffectType, string[]> = {
  rain: ['rain', 'a rainy street', 'raining hard', 'a downpour', 'light drizzle', 'a storm rolls in'],
  snow: ['snow', 'snowing', 'gentle snowfall', 'a blizzard', 'snow flurries'],
  fog: ['fog', 'mist over the lake', 'misty morning', 'a haze', 'foggy'],
  smoke: ['smoke', 'smoke rising from the chimney', 'smoky bar'],
  steam: ['steam', 'steaming coffee cup', 'vapour rising'],
  dust: ['dust motes in the light', 'floating dust', 'particles in the air'],
  embers: ['embers', 'sparks flying', 'glowing embers'],
  fire_glow: ['fire', 'firelight', 'the flicker of flames', 'a campfire'],
  candle_flicker: ['candlelight', 'a candle on the table', 'candlelit dinner'],
  neon_flicker: ['neon', 'neon signs', 'flickering neon'],
  lightning: ['lightning', 'a lightning strike', 'lightning flashes'],
  falling_leaves: ['falling leaves', 'autumn leaves', 'leaves falling'],
  petals: ['petals', 'cherry blossom', 'sakura', 'falling petals'],
  light_rays: ['light rays', 'god rays', 'sunbeams through the trees', 'crepuscular rays'],
  lens_flare: ['lens flare', 'a sun flare', 'anamorphic flare'],
  clouds: ['drifting clouds', 'moving clouds', 'clouds'],
  water_shimmer: ['ripples', 'shimmering water', 'waves on the surface', 'gentle waves'],
  foliage_sway: ['swaying trees', 'leaves rustling', 'breeze in the grass', 'trees swaying'],
  stars: ['twinkling stars', 'a starry sky', 'stars'],
  lights_out: ['the lights go out', 'a power cut', 'blackout', 'she turns off the lamp', 'the lights flicker and go out'],
};

// cfg 1: nothing image-implied, only what the prompt asks
const asked = (prompt: string, scene = everything()) => shotFor(prompt, { cfgScale: 1, scene });

test('every effect is recognised from several phrasings, with frame 0 untouched (fade-in)', () => {
  for (const type of EFFECT_TYPES) {
    for (const prompt of PHRASINGS[type]) {
      const { shot } = asked(prompt);
      const effect = shot.effects.find((e) => e.type === type);
      assert.ok(effect, `"${prompt}" → ${shot.effects.map((e) => e.type).join(',')}`);
      assert.ok(effect.fade_in > 0, `${type} fades in`);
      assert.equal(effect.start, 0);
      assert.equal(effect.end, 5);
      assert.ok(effect.intensity > 0 && effect.intensity <= 1);
    }
  }
});

test('intensity words and phrases set intensity', () => {
  const intensity = (prompt: string, type: EffectType) => asked(prompt).shot.effects.find((e) => e.type === type)!.intensity;
  assert.ok(intensity('light rain', 'rain') < intensity('rain', 'rain'));
  assert.ok(intensity('heavy rain', 'rain') > intensity('rain', 'rain'));
  assert.ok(intensity('drizzle', 'rain') < intensity('downpour', 'rain'));
  assert.ok(intensity('thin mist', 'fog') < intensity('thick fog', 'fog'));
  assert.ok(intensity('a few flurries', 'snow') < intensity('a blizzard', 'snow'));
  assert.ok(intensity('faint smoke', 'smoke') < intensity('dense smoke', 'smoke'));
  // adverbs say it too: "falls gently" is light, "relentlessly" heavy
  assert.ok(intensity('snow begins to fall gently', 'snow') < intensity('snow falls', 'snow'));
  assert.ok(intensity('snow falls relentlessly', 'snow') > intensity('snow falls', 'snow'));
  // "light" in "light rays" or "neon light" is not an intensity word
  assert.equal(intensity('neon light', 'neon_flicker'), intensity('neon', 'neon_flicker'));
});

test('regions and params: steam rises from the subject, rain leans with the wind, neon takes its colour', () => {
  const steam = asked('steaming coffee cup').shot.effects.find((e) => e.type === 'steam')!;
  assert.equal(steam.region, 'subject');
  assert.equal(typeof steam.params.source_x, 'number');
  const calm = asked('rain').shot.effects[0]!;
  const windy = asked('rain, strong wind blowing from the left').shot.effects.find((e) => e.type === 'rain')!;
  assert.ok(Math.abs(windy.params.angle_deg as number) > Math.abs(calm.params.angle_deg as number));
  assert.ok((windy.params.angle_deg as number) > 0, 'wind from the left pushes rain to the right');
  assert.ok((windy.params.wind as number) > (calm.params.wind as number) && (windy.params.wind as number) > 0, 'the renderer\'s wind knob agrees');
  assert.equal(asked('pink neon sign').shot.effects[0]!.params.color, '#ff3cac');
  assert.equal(asked('clouds').shot.effects[0]!.region, 'sky');
  assert.equal(asked('ripples').shot.effects[0]!.region, 'water');
  assert.equal(asked('swaying trees').shot.effects[0]!.region, 'foliage');
  const lit = makeScene({ lights: [{ x: 0.3, y: 0.6 }], tags: ['indoor'] });
  assert.equal(asked('candlelight', lit).shot.effects[0]!.region, 'lights');
});

test('effects that need a region are skipped with a note when the picture has none', () => {
  const indoor = makeScene({ tags: ['indoor'] });
  for (const [prompt, word] of [['drifting clouds', 'sky'], ['shimmering water', 'water'], ['swaying trees', 'foliage'], ['twinkling stars', 'sky']] as const) {
    const { shot, notes } = asked(prompt, indoor);
    assert.equal(shot.effects.length, 0, prompt);
    assert.ok(notes.some((n) => n.includes(word) && /skipped/.test(n)), `${prompt}: ${notes.join(' | ')}`);
  }
  // a breeze is only a suggestion: no foliage, no note
  const breeze = asked('a light breeze', indoor);
  assert.equal(breeze.shot.effects.length, 0);
  assert.equal(breeze.notes.length, 0);
});

test('lightning: 1–3 flashes, none in the first 0.8 s, chosen by the seed', () => {
  const seen = new Set<string>();
  for (let seed = 0; seed < 20; seed++) {
    const { shot } = shotFor('lightning over the sea', { seed, cfgScale: 1 });
    const events = shot.effects.find((e) => e.type === 'lightning')!.events;
    assert.ok(events.length >= 1 && events.length <= 3, `seed ${seed}: ${events}`);
    for (const t of events) assert.ok(t >= 0.8 && t <= 5, `seed ${seed}: flash at ${t}`);
    seen.add(events.join(','));
  }
  assert.ok(seen.size > 10, 'different seeds give different flash times');
  // a thunderstorm is rain with lightning
  const storm = asked('a thunderstorm').shot.effects.map((e) => e.type);
  assert.ok(storm.includes('rain') && storm.includes('lightning'));
});

test('quoted speech never triggers effects or camera moves', () => {
  const { shot } = asked('a man says "the rain and fog and snow will pan left"', makeScene({ tags: ['indoor'] }));
  assert.deepEqual(shot.effects, []);
  assert.ok(!shot.camera.moves.includes('pan_left'));
  const single = asked("she whispers 'lightning'").shot;
  assert.deepEqual(single.effects, []);
});

test('the prompt\'s own negations remove effects', () => {
  assert.deepEqual(asked('no rain, a calm night').shot.effects, []);
  const foggy = asked('foggy harbour without fog');
  assert.deepEqual(foggy.shot.effects, []);
  assert.ok(foggy.notes.some((n) => /'foggy' left out: the prompt excludes fog/.test(n)), foggy.notes.join(' | '));
  const both = asked('snow but no rain').shot.effects.map((e) => e.type);
  assert.deepEqual(both, ['snow']);
});

test('image-implied effects: low cfg adds what the picture suggests, high cfg only what is asked', () => {
  const low = shotFor('', { cfgScale: 0 }).shot.effects.map((e) => e.type).sort();
  assert.deepEqual(low, ['clouds', 'foliage_sway', 'water_shimmer']);
  assert.ok(shotFor('', { cfgScale: 0 }).shot.effects.every((e) => e.intensity < 0.45), 'subtle');
  assert.deepEqual(shotFor('', { cfgScale: 1 }).shot.effects, []);
  const night = makeScene({ sky: true, tags: ['night'], stats: { meanLuma: 0.08 } });
  assert.deepEqual(shotFor('', { cfgScale: 0.2, scene: night }).shot.effects.map((e) => e.type), ['stars']);
  // middle cfg: only large regions
  const smallWater = makeScene({ sky: true, water: 0.95, tags: ['landscape'] });
  const mid = shotFor('', { cfgScale: 0.5, scene: smallWater }).shot.effects.map((e) => e.type);
  assert.ok(mid.includes('clouds') && !mid.includes('water_shimmer'), mid.join(','));
});
