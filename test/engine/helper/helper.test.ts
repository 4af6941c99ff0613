/**
 * The helper thread: the pixel cues, the layers' planes and the soundtrack it returns are exactly
 * what the same code gives on the calling thread (typed arrays included, voices too); a task that throws reports its
 * error and leaves the helper working; a helper that dies fails its pending task with a reason and
 * the next task starts a fresh one; an idle helper never keeps a process alive.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeHelper, onHelper } from '../../../src/engine/helper/helper.js';
import { pixelCues } from '../../../src/engine/analyze/pixel-cues.js';
import { analyzeImage } from '../../../src/engine/analyze/index.js';
import { layerPlanes } from '../../../src/engine/analyze/layers/index.js';
import { decodeImage } from '../../../src/engine/analyze/decode.js';
import { directAudio } from '../../../src/engine/direct/audio/index.js';
import { renderSound } from '../../../src/engine/sound/index.js';
import type { ShotPlan } from '../../../src/engine/plan.js';
import { fixture } from '../../helpers/fixtures.js';
import { makeInput } from '../../helpers/direct-input.js';
import { makeScene } from '../../helpers/synthetic-scene.js';
import { picturePlan } from '../../helpers/picture-plan.js';

after(closeHelper);

function soundPlan(prompt: string, duration: number): ShotPlan {
  const scene = makeScene({ sky: true, tags: ['outdoor', 'day'] });
  const base = picturePlan({ duration, seed: 3 });
  const notes: string[] = [];
  return { ...base, prompt, audio: directAudio(makeInput({ prompt, duration, seed: 3 }), scene, base.shots[0]!, notes), notes };
}

test('the pixel cues from the helper equal the ones computed here', async () => {
  const { image, small } = await decodeImage(await readFile(fixture('street-old-town.jpg')));
  const there = await onHelper('pixels', { image, small });
  const here = pixelCues(image, small);
  assert.ok(there.sky instanceof Float32Array && there.raster.luma instanceof Float32Array);
  const { timings: _a, ...thereCues } = there;
  const { timings: _b, ...hereCues } = here;
  assert.deepEqual(thereCues, hereCues);
  assert.ok(there.sky.some((v) => v > 0.5), 'the street has sky');
});

test('the layers\' planes from the helper equal the ones made here (the street: its facades are planes)', async () => {
  const scene = await analyzeImage(await readFile(fixture('street-old-town.jpg')));
  const input = { depth: scene.maps.depth, width: scene.maps.width, height: scene.maps.height, picture: scene.image };
  const there = await onHelper('layerPlanes', input);
  const here = layerPlanes(input);
  assert.ok(there.nearness instanceof Float32Array);
  assert.deepEqual(there, here);
  assert.ok(here.planes.length > 0 && here.lines.length > 0, 'the street has straight edges and planes');
  // and the Scene's own layers carry them (the analysis made them on the helper)
  assert.deepEqual(scene.layers?.planes, here.planes);
  assert.deepEqual(scene.layers?.nearness, here.nearness);
});

test('the soundtrack from the helper is sample-identical, spoken voices included', async () => {
  const plan = soundPlan('light rain, a narrator says "The night was long and quiet."', 3);
  assert.equal(plan.audio.dialogue.length, 1);
  const there = await onHelper('sound', { plan, faces: [] });
  const here = await renderSound(plan, { faces: [] });
  assert.equal(there.samples.length, 2 * 3 * 48000);
  assert.deepEqual(Buffer.from(there.samples.buffer), Buffer.from(here.samples.buffer));
  assert.equal(there.voices?.length, 1);
  assert.ok(there.voices![0]!.samples instanceof Float32Array && there.voices![0]!.samples.length > 48000 * 0.5, 'the line is heard');
  assert.deepEqual(there.voices![0]!.samples, here.voices![0]!.samples);
});

test('a task that throws reports its error, and the helper keeps working', async () => {
  await assert.rejects(onHelper('sound', { plan: null as unknown as ShotPlan, faces: [] }), (err: Error) => /audio|null/.test(err.message));
  const { samples } = await onHelper('sound', soundPlanInput());
  assert.ok(samples.some((v) => Math.abs(v) > 0.01));
});

test('a helper that dies fails its pending task and the next task starts a fresh one', async () => {
  const pending = onHelper('sound', soundPlanInput());
  const rejected = assert.rejects(pending, /helper thread exited/);
  await closeHelper();
  await rejected;
  const { samples } = await onHelper('sound', soundPlanInput());
  assert.ok(samples.some((v) => Math.abs(v) > 0.01));
});

/** Runs a script in a fresh process; it must exit on its own within a minute. */
async function runAndExit(body: string): Promise<string> {
  const root = new URL('../../..', import.meta.url);
  const dir = await mkdtemp(join(tmpdir(), 'moviola-helper-'));
  try {
    const file = join(dir, 'run.mts');
    await writeFile(file, `import { onHelper, warmHelper } from '${new URL('src/engine/helper/helper.ts', root).href}';\n${body}`);
    const run = spawnSync(process.execPath, ['--import', 'tsx', file], { cwd: fileURLToPath(root), timeout: 60_000, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr || 'timed out: the helper kept the process alive');
    return run.stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('a process exits on its own whether it used the helper or only started it', async () => {
  // started and never used, as when the picture is refused before analysis
  assert.match(await runAndExit(`await warmHelper(); console.log('started');`), /started/);
  const used = await runAndExit(`
    const image = { width: 64, height: 48, data: new Uint8Array(64 * 48 * 3).fill(90) };
    const cues = await onHelper('pixels', { image, small: null });
    console.log('raster', cues.raster.width);
  `);
  assert.match(used, /raster 64/);
});

function soundPlanInput() {
  return { plan: soundPlan('gentle wind', 1), faces: [] };
}
