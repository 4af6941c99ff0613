/** `moviola keys` — manage API keys. */
import type { Command } from 'commander';

export function registerKeys(program: Command): void {
  program.command('keys').description('manage API keys (not yet available)').action(() => {
    process.stderr.write('moviola keys: not available yet\n');
    process.exitCode = 1;
  });
}
