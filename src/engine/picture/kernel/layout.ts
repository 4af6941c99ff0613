/**
 * Places a render's buffers in one kernel memory: declare every buffer first (`reserve`), then
 * instantiate once and take typed views (`u8`, `i32`, `f32`, `f64`). Offsets are 16-byte aligned
 * and start above 0, so 0 can mean "no buffer" to a kernel.
 *
 * @example const l = new MemoryLayout(); const p = l.reserve(n * 4); const k = l.instantiate(); const a = l.i32(p, n);
 */
import { instantiateKernels, type Kernels } from './wasm/load.js';

export class MemoryLayout {
  private top = 16;
  private kernels: Kernels | null = null;

  reserve(bytes: number): number {
    if (this.kernels) throw new Error('picture: kernel memory is already laid out');
    const at = this.top;
    this.top += Math.ceil(bytes / 16) * 16;
    return at;
  }

  instantiate(): Kernels {
    this.kernels ??= instantiateKernels(this.top);
    return this.kernels;
  }

  private get buffer(): ArrayBuffer {
    if (!this.kernels) throw new Error('picture: kernel memory is not instantiated yet');
    return this.kernels.memory.buffer;
  }

  u8(at: number, length: number): Uint8Array { return new Uint8Array(this.buffer, at, length); }
  i32(at: number, length: number): Int32Array { return new Int32Array(this.buffer, at, length); }
  f32(at: number, length: number): Float32Array { return new Float32Array(this.buffer, at, length); }
  f64(at: number, length: number): Float64Array { return new Float64Array(this.buffer, at, length); }
}
