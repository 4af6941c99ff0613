/**
 * The director places effects in the scene: "outside the window" / "behind the glass" / "in the
 * background" gives rain and snow a `behind` nearness between the background's and the subject's
 * (plain rain has none); "storm" and lightning bring storm cloud cover over the sky (clouds'
 * `cover`), silently skipped without a sky, and excluded with the effect that brought it.
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { direct } from '../../../../src/engine/direct/index.js';
import type { Scene } from '../../../../src/engine/scene.js';
import { fixtureScene } from '../../../helpers/fixture-scene.js';
import { makeInput } from '../../../helpers/direct-input.js';
import { subjectNearness, backgroundNearness } from '../../../../src/engine/direct/picture/scene-measures.js';

let street: Scene, skyless: Scene;
before(async () => {
  street = await fixtureScene('street-old-town.jpg');
  skyless = await fixtureScene('product-coffee.png');
  skyless.maps.sky.fill(0);
  skyless.tags = skyless.tags.filter((t) => t !== 'sky');
});

const effects = (scene: Scene, prompt: string, negativePrompt = '') => {
  const plan = direct(makeInput({ prompt, negativePrompt, cfgScale: 1 }), scene);
  return { effects: plan.shots[0]!.effects, notes: plan.notes };
};

test('rain or snow placed behind the window gets a `behind` nearness between background and subject', () => {
  for (const prompt of ['heavy rain outside the window', 'snow falling behind the glass', 'rain in the background']) {
    const e = effects(street, prompt).effects.find((x) => x.type === 'rain' || x.type === 'snow')!;
    const behind = e.params.behind;
    assert.equal(typeof behind, 'number', `${prompt}: ${JSON.stringify(e.params)}`);
    assert.ok((behind as number) > backgroundNearness(street, 0.1) && (behind as number) < subjectNearness(street), `${prompt}: behind ${behind}`);
  }
  assert.equal(effects(street, 'heavy rain').effects.find((x) => x.type === 'rain')!.params.behind, undefined, 'plain rain is in front of everything');
});

test('storm and lightning bring storm cloud cover over the sky; none without a sky, and no note for it', () => {
  for (const prompt of ['a storm', 'stormy evening', 'thunderstorm', 'lightning']) {
    const clouds = effects(street, prompt).effects.find((x) => x.type === 'clouds');
    assert.ok(clouds && Number(clouds.params.cover) > 0.5, `${prompt}: ${JSON.stringify(clouds?.params)}`);
  }
  assert.equal(effects(street, 'drifting clouds').effects.find((x) => x.type === 'clouds')!.params.cover, undefined, 'plain clouds just drift');
  const indoor = effects(skyless, 'thunderstorm');
  assert.deepEqual(indoor.effects.map((e) => e.type).sort(), ['lightning', 'rain']);
  assert.ok(!indoor.notes.some((n) => /clouds|sky/.test(n)), indoor.notes.join(' / '));
});

test('a companion effect goes with the effect that brought it, and stays out when excluded itself', () => {
  assert.deepEqual(effects(street, 'lightning', 'lightning').effects, []);
  assert.deepEqual(effects(street, 'thunderstorm', 'clouds').effects.map((e) => e.type).sort(), ['lightning', 'rain']);
});
