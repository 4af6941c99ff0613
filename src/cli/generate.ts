/**
 * `moviola generate` — one clip from an image and a prompt, on this machine, no server.
 *
 * Exit codes: 0 done; 2 the input or an option was refused (one line on stderr naming the field
 * and the rule; nothing is written); 1 anything else.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import type { Command } from 'commander';
import type { GenerateRequest } from '../engine/index.js';
import { cliOptions, PARAMETERS } from '../parameters/index.js';
import { createProgressReporter } from './progress.js';

/** commander's options: one per registry row with a CLI flag (keyed by its `cli.key`), plus ours */
type GenerateFlags = Record<string, unknown> & { image: string; plan?: string; out?: string; json: boolean };

function defaultOutput(image: string): string {
  const name = /^(https?:|data:)/.test(image) ? 'moviola' : basename(image, extname(image)) || 'moviola';
  return resolve(`${name}.mp4`);
}

async function runGenerate(flags: GenerateFlags): Promise<void> {
  const output = resolve(flags.out ?? defaultOutput(flags.image));
  const progress = createProgressReporter({ quiet: false });
  // the engine loads only now: --help, --version and option errors never pay for it
  const { generate } = await import('../engine/index.js');
  const { loadImageSource } = await import('../engine/analyze/load-source.js');
  const { isInputError } = await import('../engine/errors.js');
  try {
    const image = await loadImageSource(flags.image);
    const fields: Record<string, unknown> = { image };
    for (const row of PARAMETERS) if (row.cli && row.engine) fields[row.engine] = flags[row.cli.key];
    // --last-image: read like --image, its refusals naming last_image
    if (typeof flags.lastImage === 'string') {
      const { renameImageError } = await import('../engine/analyze/end-image.js');
      fields.lastImage = await loadImageSource(flags.lastImage).catch((error: unknown) => { throw renameImageError(error, 'last_image'); });
    }
    // the engine checks every field against the same registry rows
    const request = fields as unknown as GenerateRequest;
    if (flags.plan) request.plan = JSON.parse(await readFile(flags.plan, 'utf8')) as GenerateRequest['plan'];
    // analysed scenes are kept (MOVIOLA_CACHE_DIR, else the user's cache folder): a photo seen before is not analysed again
    const { sceneCacheDir, userCacheDir } = await import('../engine/analyze/scene-cache/cache-dir.js');
    const cacheDir = sceneCacheDir(process.env, userCacheDir());
    const result = await generate(request, { output, onProgress: progress.update, sceneCacheDir: cacheDir });
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
  const command = program
    .command('generate')
    .description('render one clip from an image and a prompt, locally');
  for (const option of cliOptions()) command.addOption(option);
  command
    .option('--plan <file>', 'render exactly this ShotPlan JSON (from an earlier --json) instead of directing one')
    .option('-o, --out <file>', 'where the MP4 goes (a poster JPEG goes beside it); default: <image name>.mp4 here')
    .option('--json', 'print one JSON object: { output, poster, plan, scene, timings }', false)
    .addHelpText('after', `
Examples:
  $ moviola generate --image street.jpg --prompt "slow push-in, light rain, distant thunder"
  $ moviola generate -i portrait.png -p 'a calm narrator says "It was the last night of summer"' -d 10 -o clip.mp4
  $ moviola generate -i cat.png -p "pan left" --seed 42 --json > result.json

A photo analysed before is read from the scene cache instead of analysed again: MOVIOLA_CACHE_DIR,
default $XDG_CACHE_HOME/moviola or ~/.cache/moviola (MOVIOLA_CACHE_DIR=off: none).

Exit codes: 0 done, 2 refused input (the message names the field and the rule), 1 other failure.`)
    .action((flags: GenerateFlags) => runGenerate(flags));
}
