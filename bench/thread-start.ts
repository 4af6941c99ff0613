/**
 * What each thread of ours costs to start (a cold CLI run starts the helper and two render workers
 * while the picture is analysed, on the same 2 cores): CPU of a fresh process that starts one built
 * worker bundle and waits until it has loaded, over the same process starting an empty worker.
 * Median of 5, interleaved so a busy machine slows all rows alike.
 *
 *   npm run bench -- threads
 */
import { execFile } from 'node:child_process';
import { BUNDLES, builtFile, type BundleName } from '../src/bundles/entries.js';
import type { Row } from './table.js';

const RUNS = 5;
const EMPTY = 'data:text/javascript,export {}';

// the child: starts the worker and waits until it has loaded — a render worker without its data
// stops with an error then, the helper and the analysis thread answer a message that asks nothing
// with an error, the empty one exits — then prints the process's CPU in ms
const CHILD = `
const { Worker } = require('node:worker_threads');
const w = new Worker(new URL(process.argv[1]), { stdout: true, stderr: true });
const done = () => { const u = process.cpuUsage(); process.stdout.write(String((u.user + u.system) / 1000)); process.exit(0); };
w.on('error', done);
w.on('exit', done);
w.on('message', done);
w.postMessage({ id: 0 });
`;

function cpuOf(url: string): Promise<number> {
  return new Promise((resolve, reject) => execFile(process.execPath, ['-e', CHILD, url], (error, stdout) => (error ? reject(error) : resolve(Number(stdout)))));
}

const median = (values: number[]) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function benchThreads(): Promise<Row[]> {
  const names = Object.keys(BUNDLES) as BundleName[];
  const cpu = new Map<string, number[]>([['empty worker', []], ...names.map((n) => [n, []] as [string, number[]])]);
  for (let i = 0; i < RUNS; i++) {
    cpu.get('empty worker')!.push(await cpuOf(EMPTY));
    for (const n of names) cpu.get(n)!.push(await cpuOf(builtFile(n).href));
  }
  const base = median(cpu.get('empty worker')!);
  return [...cpu].map(([name, values]) => ({
    thread: name,
    'process CPU ms (median of 5)': Math.round(median(values)),
    'over an empty worker (ms)': Math.round(median(values) - base),
  }));
}
