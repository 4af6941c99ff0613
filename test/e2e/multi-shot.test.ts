/**
 * multi_prompt: shots of one picture cut together, measured on the decoded clip — a hard cut (a
 * spike in frame difference) at each boundary and nowhere else, each shot's own move, the spoken
 * line inside its shot, and the ambience running on across the cut. Through the API, durations that
 * do not add up to the clip are a 400 naming the rule.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from '../../src/engine/index.js';
import { decodeAudio, decodeFrames } from '../helpers/decode-video.js';
import { fixture } from '../helpers/fixtures.js';
import { estimateScale, luma, phaseCorrelation } from '../helpers/frame-metrics.js';
import { meanAbsDiff } from '../helpers/motion.js';
import { api, MODEL_PATH, startTestService, type TestService } from '../helpers/service.js';

let svc: TestService;
before(async () => { svc = await startTestService(); });
after(async () => { await svc.close(); });

test('three shots: a hard cut at each boundary, each shot\'s own move, the line in its shot, sound across the cuts', { timeout: 600_000 }, async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'moviola-shots-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const output = join(dir, 'shots.mp4');
  const { plan } = await generate({
    image: await readFile(fixture('street-old-town.jpg')), prompt: 'a rainy evening in the old town', seed: 9, area: 320 * 240,
    multiPrompt: [
      { index: 1, prompt: 'pan left across the street, light rain', duration: 2 },
      { index: 2, prompt: 'slow push in, light rain, a man says "Over there."', duration: 2 },
      { index: 3, prompt: 'tilt up to the rooftops, light rain', duration: 1 },
    ],
  }, { output });
  assert.equal(plan.shots.length, 3);
  const cuts = plan.shots.slice(1).map((s) => Math.round(s.start * 24));
  assert.deepEqual(cuts, [48, 96]);

  const { width, height } = plan;
  const grey = (await decodeFrames(output, width, height)).map((f) => luma(f, width, height));
  const diffs = grey.slice(1).map((g, i) => meanAbsDiff(Float32Array.from(grey[i]!), Float32Array.from(g)));
  const others = diffs.filter((_, i) => !cuts.includes(i + 1)).sort((a, b) => a - b);
  const typical = others[Math.floor(others.length / 2)]!;
  const worst = others.at(-1)!;
  for (const cut of cuts) {
    assert.ok(diffs[cut - 1]! > 3 * worst && diffs[cut - 1]! > 4, `a hard cut at frame ${cut}: ${diffs[cut - 1]!.toFixed(2)} vs at most ${worst.toFixed(2)} elsewhere (median ${typical.toFixed(2)})`);
  }

  // each shot's move, inside the shot
  const within = (from: number, to: number) => {
    let dx = 0, dy = 0;
    for (let i = from + 1; i < to; i++) {
      const s = phaseCorrelation(grey[i - 1]!, grey[i]!, width, height);
      dx += s.dx;
      dy += s.dy;
    }
    return { dx, dy, scale: estimateScale(grey[from]!, grey[to - 1]!, width, height) };
  };
  const pan = within(0, cuts[0]!), push = within(cuts[0]!, cuts[1]!), tilt = within(cuts[1]!, grey.length);
  assert.ok(pan.dx > 1, `shot 1 pans left (content slides right): dx ${pan.dx.toFixed(2)}`);
  assert.ok(push.scale > 1.015, `shot 2 pushes in: scale ${push.scale.toFixed(3)}`);
  assert.ok(tilt.dy > 0.5, `shot 3 tilts up (content slides down): dy ${tilt.dy.toFixed(2)}`);
  // the shots are framed closer and closer on the subject
  assert.ok(plan.shots[1]!.camera.keys[0]!.zoom > 1.3 && plan.shots[2]!.camera.keys[0]!.zoom > plan.shots[1]!.camera.keys[0]!.zoom);

  // the line is spoken in its shot; the rain runs on across the cuts
  const line = plan.audio.dialogue[0]!;
  assert.ok(line.start >= plan.shots[1]!.start && line.start < plan.shots[1]!.end, `the line starts at ${line.start} s, inside shot 2`);
  const rain = plan.audio.beds.filter((b) => b.type.includes('rain'));
  assert.equal(rain.length, 1, 'one rain bed across the shots');
  assert.ok(rain[0]!.start <= 0.01 && rain[0]!.end >= plan.duration - 0.01);
  const pcm = await decodeAudio(output);
  const rms = (t: number) => {
    const from = Math.round((t - 0.1) * 48000) * 2, to = Math.round((t + 0.1) * 48000) * 2;
    let sum = 0;
    for (let i = from; i < to; i++) sum += pcm[i]! ** 2;
    return Math.sqrt(sum / (to - from));
  };
  for (const cut of plan.shots.slice(1).map((s) => s.start)) {
    const before = rms(cut - 0.15), after = rms(cut + 0.15);
    assert.ok(before > 1e-3 && after > 1e-3, `sound on both sides of the cut at ${cut} s (${before.toExponential(1)}, ${after.toExponential(1)})`);
  }
});

test('multi_prompt through the API: its rules are 400s naming them', async () => {
  const image = (await readFile(fixture('cat-closeup.png'))).toString('base64');
  const shots = [{ index: 1, prompt: 'pan left', duration: 2 }, { index: 2, prompt: 'push in', duration: 2 }];
  const submit = (over: Record<string, unknown>) => api(svc.url, svc.key, 'POST', MODEL_PATH, { prompt: 'a cat', image, multi_shot: true, shot_type: 'customize', multi_prompt: shots, ...over });
  const short = await submit({});
  assert.equal(short.status, 400);
  assert.match(short.body.message, /^multi_prompt: the shots' durations must add up to the clip's duration, 5 s \(they add up to 4 s\)/);
  const ten = await submit({ duration: 10 });
  assert.match(ten.body.message, /add up to the clip's duration, 10 s \(they add up to 4 s\)/);
  const switchOff = await submit({ multi_shot: false, multi_prompt: [...shots, { index: 3, prompt: 'tilt up', duration: 1 }] });
  assert.equal(switchOff.status, 400);
  assert.match(switchOff.body.message, /^multi_prompt: needs multi_shot: true and shot_type: "customize"/);
  const seven = await submit({ multi_prompt: Array.from({ length: 7 }, (_, i) => ({ index: i + 1, prompt: 'x', duration: 1 })) });
  assert.match(seven.body.message, /^multi_prompt: must be a list of 1 to 6 shots/);
  const ok = await submit({ multi_prompt: [...shots, { index: 3, prompt: 'tilt up', duration: '1' }] });
  assert.equal(ok.status, 200, ok.body.message);
  assert.deepEqual(ok.body.data.input.multi_prompt.map((s: { duration: number }) => s.duration), [2, 2, 1]);
});
