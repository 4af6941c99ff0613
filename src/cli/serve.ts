/** `moviola serve` — the API, the worker and the Playground in one process. */
import type { Command } from 'commander';

export function registerServe(program: Command): void {
  program.command('serve').description('serve the WaveSpeed-compatible API (not yet available)').action(() => {
    process.stderr.write('moviola serve: not available yet\n');
    process.exitCode = 1;
  });
}
