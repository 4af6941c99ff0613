/**
 * One generate() in a fresh process, so peak RSS is this clip's alone. Prints one JSON line:
 * { wall_ms, cpu_ms, timings, max_rss_mb, frames }. Used by bench/picture.ts; not a test. With `warm`, the
 * engine is warmed up first (face models, voices, render workers: what the service does once at
 * boot) and only the generate() after it is timed; otherwise the time includes that cold start,
 * as a one-off CLI run pays it. With `again`, warm too, and the clip is made once first (untimed),
 * then timed with another seed from the Scene it analysed: a warm engine serving the same photo
 * again (the service reads the Scene from its cache; the picture's setup cache keeps its cut).
 *
 *   node --import tsx bench/measure-generate.ts <image> <duration> <resolution> <sound 0|1> <prompt> <out> [warm|again]
 */
import { readFile } from 'node:fs/promises';
import { generate, warmUpEngine, type Scene } from '../src/engine/index.js';
import { frameCount } from '../src/engine/plan.js';

const [image, duration, resolution, sound, prompt, out, warm] = process.argv.slice(2);
const bytes = await readFile(image!);
if (warm === 'warm' || warm === 'again') await warmUpEngine();
const request = { image: bytes, prompt: prompt!, duration: Number(duration), resolution: resolution as '720p' | '1080p', sound: sound === '1' };
let scene: Scene | undefined;
if (warm === 'again') await generate({ ...request, seed: 1233 }, { output: out!, onScene: (s) => { scene = s; } });
const started = performance.now(), cpu = process.cpuUsage();
const result = await generate({ ...request, seed: 1234 }, { output: out!, ...(scene ? { scene } : {}) });
const wall = performance.now() - started, used = process.cpuUsage(cpu);
process.stdout.write(`${JSON.stringify({
  wall_ms: Math.round(wall),
  // CPU time of this process's threads (main, render workers, helper; not ffmpeg): steadier than wall on a busy machine
  cpu_ms: Math.round((used.user + used.system) / 1000),
  timings: result.timings,
  frames: frameCount(result.plan),
  width: result.plan.width,
  height: result.plan.height,
  max_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
})}\n`);
process.exit(0);
