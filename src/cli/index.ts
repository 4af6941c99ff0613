/**
 * `moviola` — the command line: serve | worker | generate | keys.
 * Each command lives in its own file and registers itself on the program.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { registerGenerate } from './generate.js';
import { registerServe } from './serve.js';
import { registerKeys } from './keys.js';
import { registerWorker } from './worker.js';
import { registerMigrate } from './migrate.js';

function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

export async function main(argv: string[]): Promise<void> {
  // a reader that stops early ("moviola generate --help | head") is no error: quit quietly
  for (const stream of [process.stdout, process.stderr]) stream.on('error', (error: NodeJS.ErrnoException) => { if (error.code === 'EPIPE') process.exit(0); throw error; });
  const program = new Command('moviola')
    .description('Self-hosted image-to-video with sound: a procedural cinematographer and sound designer.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .showHelpAfterError('(add --help for usage)')
    // usage mistakes exit 2 like refused input (commander's default is 1)
    .exitOverride()
    .addHelpText('after', `
Examples:
  $ moviola generate --image photo.jpg --prompt "slow push-in, rain on the window" --out clip.mp4
  $ moviola serve                      # the API and Playground on http://127.0.0.1:8080
  $ moviola keys create --name alice   # a new API key (also: keys list | revoke | top-up | rotate)
  $ moviola worker                     # a render-only process (distributed mode: DATABASE_URL, MOVIOLA_STORAGE_URL)`);
  registerGenerate(program);
  registerServe(program);
  registerKeys(program);
  registerWorker(program);
  registerMigrate(program);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  }
}
