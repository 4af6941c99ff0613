/**
 * A faster Concat for tfjs-backend-wasm. Its own kernel copies one inner slice at a time with
 * `subarray` + `set`, which is fine for big slices and very slow for tiny ones: face-api's input
 * normalisation joins three [1, 416, 416, 1] channel planes along the last axis, which makes half a
 * million one-element copies, 100–300 ms of every face detection. This kernel copies element by
 * element when every slice is small and leaves everything else to the original; the output is the
 * same either way (it only moves values).
 *
 * @example speedUpConcat(tf) // once, after the wasm backend is set
 */
import type { Tf } from './tf-runtime.js';

/** Slices at most this long are copied element by element. */
const SMALL_SLICE = 64;

interface TensorInfo { dataId: object; shape: number[]; dtype: string }
interface WasmBackend {
  makeOutput(shape: number[], dtype: string): TensorInfo;
  typedArrayFromHeap(t: TensorInfo): ArrayLike<number> & { [i: number]: number };
}
interface ConcatArgs { inputs: TensorInfo[]; backend: WasmBackend; attrs: { axis: number | number[] } }

function smallSliceConcat(tf: Tf, { inputs, backend, attrs }: ConcatArgs): TensorInfo | null {
  if (!inputs.length || inputs.some((t) => t.dtype === 'string')) return null;
  const axis = tf.util.parseAxisParam(attrs.axis, inputs[0]!.shape)[0]!;
  const parts = inputs.filter((t) => tf.util.sizeFromShape(t.shape) > 0);
  if (parts.length < 2) return null;
  const slices = parts.map((t) => tf.util.sizeFromShape(t.shape.slice(axis)));
  if (Math.max(...slices) > SMALL_SLICE) return null;
  tf.backend_util.assertParamsConsistent(inputs.map((t) => t.shape), axis);
  const out = backend.makeOutput(tf.backend_util.computeOutShape(inputs.map((t) => t.shape), axis), inputs[0]!.dtype);
  // views after makeOutput: growing the heap detaches earlier ones
  const target = backend.typedArrayFromHeap(out);
  const sources = parts.map((t) => backend.typedArrayFromHeap(t));
  const batches = tf.util.sizeFromShape(parts[0]!.shape.slice(0, axis));
  let o = 0;
  for (let b = 0; b < batches; b++) {
    for (let i = 0; i < sources.length; i++) {
      const src = sources[i]!, n = slices[i]!;
      for (let k = b * n, end = k + n; k < end; k++) target[o++] = src[k]!;
    }
  }
  return out;
}

export function speedUpConcat(tf: Tf): void {
  const original = tf.getKernel('Concat', 'wasm');
  if (!original) return;
  function smallSliceConcatKernel(args: ConcatArgs): TensorInfo {
    return smallSliceConcat(tf, args) ?? (original!.kernelFunc(args as never) as TensorInfo);
  }
  tf.unregisterKernel('Concat', 'wasm');
  tf.registerKernel({ ...original, kernelFunc: smallSliceConcatKernel as unknown as typeof original.kernelFunc });
}
