/**
 * Burst rows (issue #12): 500 concurrent submits, each with a new image, against the service with
 * its default limits — accepted vs 429, /healthz p99 during the burst, submit latency, none lost —
 * next to the same burst on a baseline tree (BENCH_BASELINE_DIR, e.g. a worktree of main before the
 * hardening) when one is given. Each run is its own child process (bench/burst-run.ts).
 *
 *   BENCH_BASELINE_DIR=/work/wt-hardening-base npm run bench -- burst
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import type { Row } from './table.js';

const run = promisify(execFile);
const HERE = fileURLToPath(new URL('..', import.meta.url));
const RUNNER = fileURLToPath(new URL('./burst-run.ts', import.meta.url));

async function burst(label: string, root: string, accounts: number): Promise<Row> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', RUNNER, root, String(accounts)], { cwd: HERE, maxBuffer: 1 << 20, timeout: 1_500_000 });
  const r = JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, number>;
  const ms = (v: number) => Math.round(v);
  return {
    case: label,
    accounts,
    accepted: r.accepted!,
    'got 429': r.limited!,
    other: r.other!,
    lost: r.lost!,
    'healthz p50 ms': ms(r.healthP50!),
    'healthz p99 ms': ms(r.healthP99!),
    'healthz max ms': ms(r.healthMax!),
    'submit p50 ms': ms(r.submitP50!),
    'submit p99 ms': ms(r.submitP99!),
    'burst s': (r.wall! / 1000).toFixed(1),
  };
}

export async function benchBurst(): Promise<Row[]> {
  const rows: Row[] = [];
  const baseline = process.env.BENCH_BASELINE_DIR;
  if (baseline) rows.push(await burst('baseline (main)', baseline, 1));
  rows.push(await burst('hardened', HERE, 1));
  rows.push(await burst('hardened', HERE, 10));
  return rows;
}
