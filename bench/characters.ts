/**
 * Characters (issue 13): what the subjects that act cost.
 * - the director's reading (verbs and subjects, actions, notes) per prompt;
 * - landmarks: analysis of photos with faces, animals and a body (median of 3, warm; the body pose
 *   alone too, and the animal detector, which analysis runs on a picture with no face and no body in it), the first direct of a picture (which reads an animal's eyes and ears when the
 *   prompt names one), and building the rigs of a 5 s 1080p plan;
 * - a 5 s 1080p clip with sound and an animated subject, warm, in a fresh process (as the service
 *   runs it), next to the same clip with no action asked (idle life only) — the ratio is the
 *   action's cost. The budget: ≤ 5 s wall. Then the same clip again in a warm engine that has
 *   just made it with another seed (the service's case when a user regenerates: the Scene and the
 *   picture's setup are kept).
 *
 *   npm run bench -- characters
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { analyzeImage } from '../src/engine/analyze/index.js';
import { detectPose } from '../src/engine/analyze/subjects/pose.js';
import { detectAnimals } from '../src/engine/analyze/subjects/animal-detector.js';
import { direct } from '../src/engine/direct/index.js';
import { buildRigs } from '../src/engine/picture/characters/build-rigs.js';
import { closePicturePool } from '../src/engine/picture/index.js';
import { warmUpEngine } from '../src/engine/warm-up.js';
import type { Row } from './table.js';
import { FIXTURE_DIR } from '../test/helpers/fixtures.js';
import { pathToFileURL } from 'node:url';

const run = promisify(execFile);
const SHARED = pathToFileURL(FIXTURE_DIR);
const LOCAL = new URL('../test/fixtures/images/', import.meta.url);
const input = (prompt: string) => ({ prompt, negativePrompt: '', cfgScale: 0.5, duration: 5, seed: 1, width: 1920, height: 1080, sound: true, voices: [] });

const CLIPS = [
  { image: new URL('portrait-astronaut.png', SHARED), action: 'she laughs, then nods and says "We made it home."', still: 'a portrait, she says "We made it home."' },
  { image: new URL('cat-closeup.png', SHARED), action: 'the cat turns its head, then sniffs the air and slowly blinks', still: 'a cat' },
  { image: new URL('squirrel-branch.jpg', LOCAL), action: 'the squirrel nibbles and looks around, birdsong', still: 'a squirrel, birdsong' },
  { image: new URL('football-player.jpg', LOCAL), action: 'the player waves, then raises his hand, crowd cheering', still: 'the player, crowd cheering' },
];

async function clip(image: URL, prompt: string, out: string, mode: 'warm' | 'again' = 'warm') {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', new URL('./measure-generate.ts', import.meta.url).pathname,
    image.pathname, '5', '1080p', '1', prompt, out, mode], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as { wall_ms: number; cpu_ms: number; max_rss_mb: number; timings: Record<string, number> };
}

export async function benchCharacters(): Promise<Row[]> {
  const rows: Row[] = [];
  await warmUpEngine();
  for (const c of CLIPS) {
    const bytes = await readFile(c.image);
    const times: number[] = [];
    let scene = await analyzeImage(bytes);
    for (let i = 0; i < 3; i++) { const t = performance.now(); scene = await analyzeImage(bytes); times.push(performance.now() - t); }
    times.sort((a, b) => a - b);
    const poseTimes: number[] = [];
    for (let i = 0; i < 3; i++) { const t0 = performance.now(); await detectPose(scene.image); poseTimes.push(performance.now() - t0); }
    poseTimes.sort((a, b) => a - b);
    let animals = await detectAnimals(scene.image); // loads the model
    const animalTimes: number[] = [];
    for (let i = 0; i < 3; i++) { const t0 = performance.now(); animals = await detectAnimals(scene.image); animalTimes.push(performance.now() - t0); }
    animalTimes.sort((a, b) => a - b);
    // the first direct of a picture reads an animal's parts (silhouette, eyes, ears: analyze/animals), then keeps them
    let t = performance.now();
    direct(input(c.action), { ...scene });
    const firstMs = performance.now() - t;
    const n = 200;
    t = performance.now();
    let plan = direct(input(c.action), scene);
    for (let i = 0; i < n; i++) plan = direct(input(c.action), scene);
    const directUs = ((performance.now() - t) / n) * 1000;
    t = performance.now();
    const rigs = buildRigs(plan, scene, { width: 1920, height: 1080, marginX: 0, marginY: 0, canvasWidth: 1920, canvasHeight: 1080 });
    const rigMs = performance.now() - t;
    rows.push({
      step: `analyze + direct + rigs: ${c.image.pathname.split('/').pop()}`, 'analyze ms (median of 3)': Math.round(times[1]!),
      'pose ms (median of 3)': Math.round(poseTimes[1]!), 'animal detector ms (median of 3)': Math.round(animalTimes[1]!),
      animals: animals.map((a) => `${a.label} ${a.score.toFixed(2)}`).join(', ') || 'none', 'landmarks': `${scene.faces.length} face(s), ${scene.pose ? 'pose' : 'no pose'}`,
      'first direct ms (animal parts)': firstMs.toFixed(1), 'direct µs': Math.round(directUs), 'rigs ms (5 s 1080p)': rigMs.toFixed(1), rigs: rigs.map((r) => r.kind).join(' + ') || 'none',
      actions: [...plan.shots[0]!.characters.flatMap((x) => x.actions), ...(plan.shots[0]!.subjects ?? []).flatMap((x) => x.actions)].map((a) => a.type).join(', '),
    });
  }
  await closePicturePool();
  const dir = await mkdtemp(join(tmpdir(), 'moviola-bench-characters-'));
  for (const c of CLIPS) {
    const acting = await clip(c.image, c.action, join(dir, 'acting.mp4'));
    const still = await clip(c.image, c.still, join(dir, 'still.mp4'));
    const again = await clip(c.image, c.action, join(dir, 'again.mp4'), 'again');
    rows.push({
      step: `5 s 1080p + sound, warm: ${c.image.pathname.split('/').pop()}`, prompt: c.action,
      'wall ms': acting.wall_ms, 'idle-only wall ms': still.wall_ms, ratio: (acting.wall_ms / still.wall_ms).toFixed(2),
      'same photo again, another seed: wall ms': again.wall_ms, 'cpu ms (first / again)': `${acting.cpu_ms} / ${again.cpu_ms}`, 'peak RSS MB': acting.max_rss_mb,
      'budget ≤ 5000 ms': acting.wall_ms <= 5000 ? 'yes' : 'no',
    });
  }
  await rm(dir, { recursive: true, force: true });
  return rows;
}
