/**
 * The engine against the encoder floor (DESIGN.md §6, issue 2): for 5 s and 10 s at 720p and
 * 1080p, wall time, frames/s and peak RSS of a whole generate() (analyze → direct → render →
 * encode, without and with sound, in a fresh process as a CLI run; with sound again after the
 * engine's warm-up, as the service runs it), next to ffmpeg alone, with the same x264 settings,
 * in the same run: (a) Ken-Burns-ing the same image with zoompan, (b) encoding the same number of
 * frames of the still image, and (c) encoding our own frames from a raw file — what the encoder
 * alone costs on moving content, the floor under any renderer. Ratios are ours ÷ baseline (lower
 * is better; 1.0 = as fast as ffmpeg alone). Last, the layered scene's clip against its budget.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { ffmpegEnv, ffmpegPath } from '../src/engine/encode/ffmpeg-path.js';
import { videoCodecArgs, bitexactArgs } from '../src/engine/encode/codec-args.js';
import { outputSize, type Resolution } from '../src/engine/encode/output-size.js';
import type { Row } from './table.js';
import { fixture } from '../test/helpers/fixtures.js';

const run = promisify(execFile);
const IMAGE = fixture('street-old-town.jpg');
const PROMPT = 'slow push-in with gentle parallax, light rain, distant city ambience';
// the layered scene (issue 11): a subject over its synthesised background, an acting face
const LAYERED = fixture('portrait-astronaut.png');
const LAYERED_PROMPT = 'she laughs, then nods and says "We made it home."';

interface Measured {
  wall: number;
  rssMb: number;
}

async function ffmpegTimed(args: string[]): Promise<Measured> {
  const started = performance.now();
  const { stderr } = await run(ffmpegPath(), ['-hide_banner', '-benchmark', '-y', ...args], { maxBuffer: 1 << 24, env: ffmpegEnv() });
  const wall = performance.now() - started;
  const rss = Number(/maxrss=(\d+)kB/.exec(stderr)?.[1] ?? 0);
  return { wall, rssMb: Math.round(rss / 1024) };
}

async function ours(duration: number, resolution: Resolution, sound: boolean, out: string, warm = false, image = IMAGE, prompt = PROMPT) {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', new URL('./measure-generate.ts', import.meta.url).pathname,
    image, String(duration), resolution, sound ? '1' : '0', prompt, out, ...(warm ? ['warm'] : [])], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as { wall_ms: number; cpu_ms: number; max_rss_mb: number; frames: number; timings: Record<string, number> };
}

export async function benchPicture(): Promise<Row[]> {
  const dir = await mkdtemp(join(tmpdir(), 'moviola-bench-'));
  const meta = await sharp(IMAGE).metadata();
  const rows: Row[] = [];
  for (const resolution of ['720p', '1080p'] as const) {
    for (const duration of [5, 10]) {
      const { width, height } = outputSize(meta.width!, meta.height!, resolution);
      const frames = duration * 24;
      const common = [...videoCodecArgs(), '-frames:v', String(frames), '-movflags', '+faststart', ...bitexactArgs(), '-f', 'mp4'];
      const still = await ffmpegTimed(['-loop', '1', '-i', IMAGE, '-vf', `scale=${width}:${height}:flags=lanczos,format=yuv420p`, '-r', '24', ...common, join(dir, 'still.mp4')]);
      const kenBurns = await ffmpegTimed(['-i', IMAGE, '-vf',
        `scale=${width * 2}:${height * 2},zoompan=z='min(zoom+0.0015,1.5)':x='iw/2-(iw/zoom/2)':y='ih/2-(ih/zoom/2)':d=${frames}:s=${width}x${height}:fps=24,format=yuv420p`,
        ...common, join(dir, 'zoompan.mp4')]);
      const silent = await ours(duration, resolution, false, join(dir, 'ours-silent.mp4'));
      const withSound = await ours(duration, resolution, true, join(dir, 'ours-sound.mp4'));
      const warmSound = await ours(duration, resolution, true, join(dir, 'ours-warm.mp4'), true);
      // (c) the encoder's share alone: ffmpeg encoding our own (moving, rainy) frames from a raw file
      const raw = join(dir, 'ours.yuv');
      await run(ffmpegPath(), ['-v', 'error', '-y', '-i', join(dir, 'ours-silent.mp4'), '-f', 'rawvideo', '-pix_fmt', 'yuv420p', raw], { maxBuffer: 1 << 20 });
      const encodeOurs = await ffmpegTimed(['-f', 'rawvideo', '-pix_fmt', 'yuv420p', '-s', `${width}x${height}`, '-r', '24', '-i', raw, ...common, join(dir, 'reencode.mp4')]);
      await rm(raw, { force: true });
      const row = (name: string, wall: number, rss: number | string): Row => ({
        clip: `${duration}s ${resolution} ${width}x${height}`,
        run: name,
        'wall s': (wall / 1000).toFixed(2),
        'frames/s': (frames / (wall / 1000)).toFixed(1),
        'peak RSS MB': rss,
        '÷ zoompan (a)': (wall / kenBurns.wall).toFixed(2),
        '÷ still encode (b)': (wall / still.wall).toFixed(2),
      });
      rows.push(row('ffmpeg (b) still image encode', still.wall, still.rssMb));
      rows.push(row('ffmpeg (a) zoompan Ken Burns', kenBurns.wall, kenBurns.rssMb));
      rows.push(row('ffmpeg (c) encoding moviola\'s own frames (raw)', encodeOurs.wall, encodeOurs.rssMb));
      rows.push(row('moviola, no sound', silent.wall_ms, silent.max_rss_mb));
      rows.push(row('moviola, with sound', withSound.wall_ms, withSound.max_rss_mb));
      rows.push(row('moviola, with sound, warm engine', warmSound.wall_ms, warmSound.max_rss_mb));
      for (const [label, m] of [['cold', withSound], ['warm', warmSound]] as const) {
        const t = m.timings;
        rows.push({ clip: `${duration}s ${resolution} ${width}x${height}`, run: `  ${label} stages (ms): analyze ${t.analyze}, direct ${t.direct}, sound ${t.sound}, render+encode ${t.render_encode}` });
      }
    }
  }
  rows.push(...(await layeredRows(dir)));
  return rows;
}

/**
 * The layered scene's budget (issue 11): a 5 s 1080p clip of the astronaut portrait with an action
 * prompt — two layers composited every frame, a face acting — cold (a CLI run: ≤ 8 s) and warm
 * (the service: ≤ 5 s), peak RSS (≤ 900 MB), against ffmpeg encoding the same frames (c).
 */
async function layeredRows(dir: string): Promise<Row[]> {
  const cold = await ours(5, '1080p', true, join(dir, 'layered-cold.mp4'), false, LAYERED, LAYERED_PROMPT);
  const warm = await ours(5, '1080p', true, join(dir, 'layered-warm.mp4'), true, LAYERED, LAYERED_PROMPT);
  const meta = await sharp(LAYERED).metadata();
  const { width, height } = outputSize(meta.width!, meta.height!, '1080p');
  const raw = join(dir, 'layered.yuv');
  await run(ffmpegPath(), ['-v', 'error', '-y', '-i', join(dir, 'layered-warm.mp4'), '-f', 'rawvideo', '-pix_fmt', 'yuv420p', raw], { maxBuffer: 1 << 20 });
  const encode = await ffmpegTimed(['-f', 'rawvideo', '-pix_fmt', 'yuv420p', '-s', `${width}x${height}`, '-r', '24', '-i', raw,
    ...videoCodecArgs(), '-frames:v', String(warm.frames), '-movflags', '+faststart', ...bitexactArgs(), '-f', 'mp4', join(dir, 'layered-reencode.mp4')]);
  await rm(raw, { force: true });
  const clip = `5s 1080p ${width}x${height} layered (portrait-astronaut.png, acting)`;
  const row = (name: string, wall: number, rss: number, budget: string, cpu?: number): Row => ({
    clip, run: name, 'wall s': (wall / 1000).toFixed(2), 'frames/s': (warm.frames / (wall / 1000)).toFixed(1), 'peak RSS MB': rss,
    '÷ encode (c)': (wall / encode.wall).toFixed(2), 'node CPU s (not ffmpeg)': cpu === undefined ? '' : (cpu / 1000).toFixed(2), budget,
  });
  return [
    row('ffmpeg (c) encoding its frames (raw)', encode.wall, encode.rssMb, ''),
    row('moviola, with sound (cold, as a CLI run)', cold.wall_ms, cold.max_rss_mb, `≤ 8 s: ${cold.wall_ms <= 8000 ? 'yes' : 'no'}; ≤ 900 MB: ${cold.max_rss_mb <= 900 ? 'yes' : 'no'}`, cold.cpu_ms),
    row('moviola, with sound, warm engine', warm.wall_ms, warm.max_rss_mb, `≤ 5 s: ${warm.wall_ms <= 5000 ? 'yes' : 'no'}`, warm.cpu_ms),
    { clip, run: `  warm stages (ms): analyze ${warm.timings.analyze}, direct ${warm.timings.direct}, sound ${warm.timings.sound}, render+encode ${warm.timings.render_encode}` },
  ];
}
