/**
 * The soundtrack as heard: exact length, determinism, loudness and true peak after AAC (ffmpeg's
 * ebur128 filter, as a user's player would measure), thunder after the flash, panning and reverb.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { directAudio } from '../../../src/engine/direct/audio/index.js';
import { THUNDER_DELAY } from '../../../src/engine/direct/audio/events.js';
import { renderSound } from '../../../src/engine/sound/index.js';
import type { Audio, ShotPlan } from '../../../src/engine/plan.js';
import type { Scene } from '../../../src/engine/scene.js';
import { makeInput } from '../../helpers/direct-input.js';
import { makeScene } from '../../helpers/synthetic-scene.js';
import { pictureEffect, picturePlan } from '../../helpers/picture-plan.js';
import { measureLoudness, decodeAudio } from '../../helpers/decode-video.js';
import { channel, energyEnvelope, toAac, writeWavFile } from '../../helpers/audio.js';

const scene = makeScene({ sky: true, foliage: true, tags: ['outdoor', 'day', 'landscape'] });

function planFor(prompt: string, options: { duration?: number; seed?: number; effects?: ShotPlan['shots'][0]['effects']; scene?: Scene } = {}): ShotPlan {
  const base = picturePlan({ duration: options.duration ?? 5, seed: options.seed ?? 1, effects: options.effects ?? [] });
  const notes: string[] = [];
  const audio = directAudio(makeInput({ prompt, duration: options.duration ?? 5, seed: options.seed ?? 1 }), options.scene ?? scene, base.shots[0]!, notes);
  return { ...base, prompt, audio, notes };
}

const withAudio = (plan: ShotPlan, audio: Partial<Audio>): ShotPlan => ({ ...plan, audio: { ...plan.audio, ...audio } });

test('exactly duration × 48000 stereo frames, finite, and the same seed gives the same samples', async () => {
  const plan = planFor('rain and a door slams, calm music', { duration: 2.5, seed: 4 });
  const a = await renderSound(plan, scene);
  assert.equal(a.sampleRate, 48000);
  assert.equal(a.samples.length, 2 * Math.round(2.5 * 48000));
  assert.ok(a.samples.every(Number.isFinite));
  const b = await renderSound(plan, scene);
  assert.deepEqual(Buffer.from(b.samples.buffer), Buffer.from(a.samples.buffer));
  const c = await renderSound({ ...plan, seed: 5 }, scene);
  assert.notDeepEqual(Buffer.from(c.samples.buffer), Buffer.from(a.samples.buffer));
});

test('integrated loudness at the plan\'s target ±1 (−14 LUFS when speech or music leads, the scene\'s level for ambience alone) and true peak ≤ −1 dBTP after AAC (ffmpeg ebur128)', async () => {
  const prompts = [
    'heavy rain at night with thunder',
    'epic orchestral score, an explosion at 2 seconds',
    'soft city ambience, subtle whooshes on cuts, a door slams',
    'a quiet room, she whispers "Can you hear it?"',
    'lo-fi beat, typing on a keyboard, clock ticking',
    'ocean waves and wind, birds, a bell chimes at 3 seconds',
  ];
  for (const [i, prompt] of prompts.entries()) {
    const plan = planFor(prompt, { seed: 20 + i, effects: i === 0 ? [pictureEffect('lightning', { events: [1.5] }), pictureEffect('rain')] : [] });
    const { samples } = await renderSound(plan, scene);
    const m4a = await toAac(await writeWavFile(samples, 2));
    const { integrated, truePeak } = await measureLoudness(m4a);
    const target = plan.audio.loudness_lufs;
    console.log(`${integrated.toFixed(1)} LUFS (target ${target})  ${truePeak.toFixed(1)} dBTP  ${prompt}`);
    if (plan.audio.music || plan.audio.dialogue.length) assert.equal(target, -14, `${prompt}: speech or music leads at −14 LUFS`);
    assert.ok(Math.abs(integrated - target) <= 1, `${prompt}: ${integrated} LUFS for a target of ${target}`);
    assert.ok(truePeak <= -1, `${prompt}: true peak ${truePeak} dBTP`);
  }
});

test('thunder starts within the planned window after the lightning flash (found in the decoded AAC)', async () => {
  const flash = 1.6;
  const plan = planFor('a dark field at night', { seed: 3, effects: [pictureEffect('lightning', { events: [flash] })] });
  const thunder = plan.audio.events.find((e) => e.type === 'thunder')!;
  assert.ok(thunder, 'thunder is planned');
  const { samples } = await renderSound(plan, scene);
  const decoded = await decodeAudio(await toAac(await writeWavFile(samples, 2)));
  const env = energyEnvelope(channel(decoded, 'mono'), 0.01, 48000, 400); // thunder is a low rumble; crickets are not
  // the onset: the first 10 ms step 12 dB over the median of the second before it
  const from = Math.round(flash * 100);
  let onset = -1;
  for (let h = from; h < env.length; h++) {
    const before = Array.from(env.subarray(h - 100, h)).sort((x, y) => x - y)[50]!;
    if (env[h]! > before + 12) { onset = h / 100; break; }
  }
  assert.ok(onset > 0, 'an onset after the flash');
  assert.ok(onset >= flash + THUNDER_DELAY.min - 0.03 && onset <= flash + THUNDER_DELAY.max + 0.05, `onset ${onset} s for a flash at ${flash} s`);
  assert.ok(Math.abs(onset - thunder.t) <= 0.05, `heard at ${onset}, planned at ${thunder.t}`);
});

test('effects are panned where their source is; the reverb follows the space', async () => {
  const base = withAudio(planFor('nothing', { duration: 3 }), { beds: [], music: null, dialogue: [], reverb: 'none' });
  const knockAt = (pan: number, reverb: string) => withAudio(base, { reverb, events: [{ type: 'knock', t: 0.5, gain_db: 0, pan, params: {} }] });
  const left = (await renderSound(knockAt(-0.8, 'none'), scene)).samples;
  const energy = (s: Float32Array, ch: 0 | 1, a: number, b: number) => { let e = 0; for (let i = Math.round(a * 48000); i < b * 48000; i++) e += s[2 * i + ch]! ** 2; return e; };
  assert.ok(energy(left, 0, 0.5, 1.5) > 4 * energy(left, 1, 0.5, 1.5), 'panned left is louder on the left');
  const dry = (await renderSound(knockAt(0, 'none'), scene)).samples;
  const hall = (await renderSound(knockAt(0, 'hall'), scene)).samples;
  // after the knocks (0.5 + 0.9 s) a hall still rings; a dry room is silent
  const tail = (s: Float32Array) => energy(s, 0, 1.6, 2.4) / energy(s, 0, 0.5, 1.4);
  assert.ok(tail(hall) > 100 * tail(dry) && tail(hall) > 1e-4, `hall tail ${tail(hall)} vs dry ${tail(dry)}`);
});

test('sound off renders nothing; a plan with nothing left to hear is silence, not noise', async () => {
  const off = withAudio(planFor('rain'), { enabled: false });
  const out = await renderSound(off, scene);
  assert.ok(out.samples.every((v) => v === 0));
  const empty = withAudio(planFor('rain', { duration: 1 }), { beds: [], events: [], music: null, dialogue: [] });
  assert.ok((await renderSound(empty, scene)).samples.every((v) => v === 0));
});

test('negative_prompt removals hold in the rendered audio: a removed line or music leaves exactly the rest', async () => {
  const render = async (prompt: string, negativePrompt: string) => {
    const base = picturePlan({ duration: 2, seed: 6 });
    const audio = directAudio(makeInput({ prompt, negativePrompt, duration: 2, seed: 6 }), scene, base.shots[0]!, []);
    return (await renderSound({ ...base, audio }, scene)).samples;
  };
  const without = await render('rain on the roof', '');
  assert.deepEqual(await render('rain on the roof, she says "Hello there."', 'talking'), without, 'no voice left in the mix');
  assert.deepEqual(await render('rain on the roof, soft piano music', 'music'), without, 'no music left in the mix');
  assert.notDeepEqual(await render('rain on the roof, soft piano music', ''), without);
});
