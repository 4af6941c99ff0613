/**
 * Loads the picture kernels (AssemblyScript in ./assembly, compiled to build/picture-kernels.wasm
 * by `npm run build:kernels`, which `npm install` runs). The module is compiled once per process
 * and handed to the render workers; each renderer instantiates it over its own memory, sized for that render's buffers up front, so
 * typed-array views on it never detach.
 *
 * @example const k = instantiateKernels(layout.bytes); k.exports.warpRgba(...)
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface KernelExports {
  latticeInit(x: number, y: number, n: number, pointSpans: number, spans: number, spanDiffs: number, lw: number, lh: number, shift: number): void;
  buildLattice(
    depth: number, cw: number, ch: number, w: number, h: number,
    ax: number, ay: number, bx: number, by: number, offX: number, offY: number,
    truckPx: number, pedestalPx: number, dolly: number, needDepth: number,
    dispX: number, dispY: number, dcell: number, gw: number, gh: number, j0: number, j1: number, cells: number,
  ): void;
  latticeIsAffine(): number;
  gridPeaks(dispX: number, dispY: number, gw: number, gh: number, squareShift: number, outX: number, outY: number): number;
  warpRgba(canvas: number, cw: number, ch: number, dst: number, w: number, h: number): void;
  warpRgbaDof(canvas: number, level1: number, level2: number, s1: number, s2: number, cw: number, ch: number, dst: number, w: number, h: number, focus: number, blurPerDefocus: number): void;
  accumulate(src: number, accRB: number, accG: number, count: number): void;
  resolveAccumulated(accRB: number, accG: number, dst: number, count: number, n: number): void;
  warpYuv(
    yp: number, up: number, vp: number, cw: number, ch: number, out: number, w: number, h: number, y0: number, y1: number,
    ylut: number, vx: number, vy: number, sat: number, warmU: number, warmV: number,
  ): void;
  warpYuvFront(
    yp: number, up: number, vp: number, ap: number, tiles: number, tw: number, tileShift: number, cw: number, ch: number, out: number, alpha: number,
    w: number, h: number, y0: number, y1: number, cells: number,
  ): void;
  warpYuvUnder(yp: number, up: number, vp: number, cw: number, ch: number, out: number, alpha: number, w: number, h: number, y0: number, y1: number): void;
  openCells(alpha: number, w: number, h: number, y0: number, y1: number, cells: number): void;
  warpYuvReveal(
    yp: number, up: number, vp: number, sy: number, su: number, sv: number, ap: number, tiles: number, tw: number, tileShift: number,
    cw: number, ch: number, out: number, alpha: number, w: number, h: number, y0: number, y1: number,
  ): void;
  gradeI420(out: number, w: number, h: number, y0: number, y1: number, ylut: number, vx: number, vy: number, sat: number, warmU: number, warmV: number): void;
  composite(px: number, w: number, h: number, field: number, lw: number, lh: number, cell: number, row: number): void;
  toI420(px: number, w: number, h: number, grade: number, vx: number, vy: number, out: number): void;
  canvasPlanes(px: number, n: number, yp: number, up: number, vp: number): void;
  alphaPlane(px: number, n: number, ap: number): void;
  over(src: number, dst: number, count: number): void;
}

export interface Kernels {
  exports: KernelExports;
  memory: WebAssembly.Memory;
}

const WASM = new URL('../../../../../build/picture-kernels.wasm', import.meta.url);
let compiled: WebAssembly.Module | null = null;

/** A render worker is handed the module its pool compiled (it may run from a bundle elsewhere). */
export function useKernelModule(module: WebAssembly.Module): void {
  compiled = module;
}

/** The compiled kernels (read and compiled on first use in this thread). */
export function kernelModule(): WebAssembly.Module {
  if (!compiled) {
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      bytes = new Uint8Array(readFileSync(WASM));
    } catch {
      throw new Error(`picture: ${fileURLToPath(WASM)} is missing; run \`npm install\` (or \`npm run build:kernels\`) to build the picture kernels`);
    }
    compiled = new WebAssembly.Module(bytes);
  }
  return compiled;
}

/** A kernel instance over a fresh memory of at least `bytes` bytes. */
export function instantiateKernels(bytes: number): Kernels {
  const memory = new WebAssembly.Memory({ initial: Math.ceil(bytes / 65536) + 1 });
  const instance = new WebAssembly.Instance(kernelModule(), { env: { memory, abort: () => { throw new Error('picture kernel aborted'); } } });
  return { exports: instance.exports as unknown as KernelExports, memory };
}
