/**
 * `moviola generate` — one clip from an image and a prompt, on this machine, no server.
 *
 * Exit codes: 0 done; 2 the input or an option was refused (one line on stderr naming the field
 * and the rule; nothing is written); 1 anything else.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { generate, type GenerateRequest } from '../engine/index.js';
import { loadImageSource } from '../engine/analyze/load-source.js';
import { isInputError } from '../engine/errors.js';
import { createProgressReporter } from './progress.js';

interface GenerateFlags {
  image: string;
  prompt: string;
  negativePrompt: string;
  duration: number;
  cfgScale: number;
  seed: number;
  resolution: '720p' | '1080p';
  sound: boolean;
  voice: string[];
  plan?: string;
  out?: string;
  json: boolean;
}

function parseDuration(value: string): number {
  if (value !== '5' && value !== '10') throw new InvalidArgumentError('must be 5 or 10 (seconds)');
  return Number(value);
}

function parseCfgScale(value: string): number {
  const n = Number(value);
  if (!(value.trim() !== '' && n >= 0 && n <= 1)) throw new InvalidArgumentError('must be a number from 0 to 1');
  return n;
}

function parseSeed(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < -1 || n > 4294967295) throw new InvalidArgumentError('must be an integer from -1 to 4294967295');
  return n;
}

function parseResolution(value: string): '720p' | '1080p' {
  if (value !== '720p' && value !== '1080p') throw new InvalidArgumentError('must be 720p or 1080p');
  return value;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function defaultOutput(image: string): string {
  const name = /^(https?:|data:)/.test(image) ? 'moviola' : basename(image, extname(image)) || 'moviola';
  return resolve(`${name}.mp4`);
}

async function runGenerate(flags: GenerateFlags): Promise<void> {
  const output = resolve(flags.out ?? defaultOutput(flags.image));
  const progress = createProgressReporter({ quiet: false });
  try {
    const image = await loadImageSource(flags.image);
    const request: GenerateRequest = {
      image,
      prompt: flags.prompt,
      negativePrompt: flags.negativePrompt,
      duration: flags.duration,
      cfgScale: flags.cfgScale,
      seed: flags.seed,
      resolution: flags.resolution,
      sound: flags.sound,
      voices: flags.voice,
    };
    if (flags.plan) request.plan = JSON.parse(await readFile(flags.plan, 'utf8')) as GenerateRequest['plan'];
    const result = await generate(request, { output, onProgress: progress.update });
    progress.stop();
    if (flags.json) {
      process.stdout.write(`${JSON.stringify({ output: result.output, poster: result.poster, plan: result.plan, scene: result.scene, timings: result.timings })}\n`);
    } else {
      process.stdout.write(`${result.output}\n`);
      for (const note of result.plan.notes) process.stderr.write(`note: ${note}\n`);
    }
  } catch (error) {
    progress.stop();
    if (isInputError(error)) {
      process.stderr.write(`moviola: ${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    if (error instanceof SyntaxError && flags.plan) {
      process.stderr.write(`moviola: --plan ${flags.plan}: not valid JSON (${error.message})\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`moviola: ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}

export function registerGenerate(program: Command): void {
  program
    .command('generate')
    .description('render one clip from an image and a prompt, locally')
    .requiredOption('-i, --image <path|url>', 'the first frame: a JPEG/PNG/WebP file, an http(s) URL or a data URI')
    .requiredOption('-p, --prompt <text>', 'what happens: camera, scene, sound, quoted speech')
    .option('-n, --negative-prompt <text>', 'what must not happen (e.g. "rain, camera shake, music")', '')
    .option('-d, --duration <seconds>', 'clip length: 5 or 10', parseDuration, 5)
    .option('-c, --cfg-scale <0..1>', 'how literally to follow the prompt: 0 image-led and gentle, 1 prompt-led and stronger', parseCfgScale, 0.5)
    .option('-s, --seed <n>', 'seed for everything random; -1 picks one (recorded in the plan)', parseSeed, -1)
    .option('-r, --resolution <720p|1080p>', 'output size class (pixel area, at the image\'s aspect ratio)', parseResolution, '1080p')
    .option('--no-sound', 'no audio stream at all')
    .option('--voice <id>', 'a voice id for the quoted lines, in order (repeatable)', collect, [])
    .option('--plan <file>', 'render exactly this ShotPlan JSON (from an earlier --json) instead of directing one')
    .option('-o, --out <file>', 'where the MP4 goes (a poster JPEG goes beside it); default: <image name>.mp4 here')
    .option('--json', 'print one JSON object: { output, poster, plan, scene, timings }', false)
    .addHelpText('after', `
Examples:
  $ moviola generate --image street.jpg --prompt "slow push-in, light rain, distant thunder"
  $ moviola generate -i portrait.png -p 'a calm narrator says "It was the last night of summer"' -d 10 -o clip.mp4
  $ moviola generate -i cat.png -p "pan left" --seed 42 --json > result.json

Exit codes: 0 done, 2 refused input (the message names the field and the rule), 1 other failure.`)
    .action((flags: GenerateFlags) => runGenerate(flags));
}
