/**
 * The CLI's start-up (issue 15): wall time of `moviola --help`, `--version`, `generate
 * --help` and an option error, next to `node -e 0` (Node's own start) in the same run. Median of 7
 * runs each, interleaved so a busy machine slows all rows alike.
 *
 *   npm run bench -- cli
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Row } from './table.js';

const BIN = fileURLToPath(new URL('../bin/moviola.js', import.meta.url));
const RUNS = 7;

const commands: Array<{ name: string; args: string[] }> = [
  { name: 'node -e 0', args: ['-e', '0'] },
  { name: 'moviola --help', args: [BIN, '--help'] },
  { name: 'moviola --version', args: [BIN, '--version'] },
  { name: 'moviola generate --help', args: [BIN, 'generate', '--help'] },
  { name: 'moviola generate -d 7 (option error)', args: [BIN, 'generate', '-i', 'x.png', '-p', 'x', '-d', '7'] },
];

function wallOf(args: string[]): Promise<number> {
  const started = performance.now();
  return new Promise((resolve) => execFile(process.execPath, args, () => resolve(performance.now() - started)));
}

const median = (values: number[]) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function benchCli(): Promise<Row[]> {
  const walls = new Map<string, number[]>(commands.map((c) => [c.name, []]));
  for (let i = 0; i < RUNS; i++) {
    for (const c of commands) walls.get(c.name)!.push(await wallOf(c.args));
  }
  const base = median(walls.get('node -e 0')!);
  return commands.map((c) => {
    const wall = median(walls.get(c.name)!);
    return { command: c.name, 'wall ms (median of 7)': Math.round(wall), 'over node -e 0 (ms)': Math.round(wall - base), '× node -e 0': (wall / base).toFixed(2) };
  });
}
