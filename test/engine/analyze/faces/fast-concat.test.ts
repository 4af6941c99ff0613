/**
 * The Concat kernel that replaces tfjs-backend-wasm's for small slices gives exactly the values a
 * plain concatenation gives, on every axis, for float, int and bool tensors, with empty parts, and
 * with slices too big for it (left to the original kernel); it is the kernel the runtime uses.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tfRuntime } from '../../../../src/engine/analyze/faces/tf-runtime.js';
import { createRandom } from '../../../../src/engine/util/random.js';

/** Reference: concatenation along `axis` of row-major arrays, by index arithmetic. */
function reference(parts: Array<{ shape: number[]; values: number[] }>, axis: number): number[] {
  const size = (s: number[]) => s.reduce((a, b) => a * b, 1);
  const batches = size(parts[0]!.shape.slice(0, axis));
  const out: number[] = [];
  for (let b = 0; b < batches; b++) {
    for (const p of parts) {
      const inner = size(p.shape.slice(axis));
      out.push(...p.values.slice(b * inner, (b + 1) * inner));
    }
  }
  return out;
}

test('concat gives the plain concatenation on every axis, for small and large slices', async () => {
  const tf = await tfRuntime();
  assert.equal(tf.getBackend(), 'wasm');
  assert.equal(tf.getKernel('Concat', 'wasm')?.kernelFunc.name, 'smallSliceConcatKernel', 'the runtime uses our Concat');
  const rng = createRandom(7);
  const cases: Array<{ shapes: number[][]; axis: number; dtype: 'float32' | 'int32' | 'bool' }> = [
    { shapes: [[1, 5, 7, 1], [1, 5, 7, 1], [1, 5, 7, 1]], axis: 3, dtype: 'float32' }, // face-api's channel join
    { shapes: [[2, 3], [2, 4], [2, 1]], axis: 1, dtype: 'int32' },
    { shapes: [[1, 2], [3, 2]], axis: 0, dtype: 'float32' },
    { shapes: [[3, 0], [3, 2]], axis: 1, dtype: 'float32' }, // an empty part
    { shapes: [[4, 3, 2], [4, 3, 5]], axis: 2, dtype: 'bool' },
    { shapes: [[4, 100], [4, 300]], axis: 1, dtype: 'float32' }, // big slices: the original kernel
    { shapes: [[2, 3, 4], [2, 1, 4]], axis: -2, dtype: 'int32' },
  ];
  for (const { shapes, axis, dtype } of cases) {
    const parts = shapes.map((shape) => ({
      shape,
      values: Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => (dtype === 'bool' ? (rng.next() < 0.5 ? 1 : 0) : dtype === 'int32' ? Math.floor(rng.next() * 1000) - 500 : rng.next() * 10 - 5)),
    }));
    const tensors = parts.map((p) => tf.tensor(p.values, p.shape, dtype));
    const joined = tf.concat(tensors, axis);
    const got = Array.from(joined.dataSync(), Number);
    const expected = reference(parts, axis < 0 ? shapes[0]!.length + axis : axis);
    if (dtype === 'float32') assert.deepEqual(got, Array.from(new Float32Array(expected)), `${JSON.stringify(shapes)} axis ${axis}`);
    else assert.deepEqual(got, expected, `${JSON.stringify(shapes)} axis ${axis}`);
    tf.dispose([...tensors, joined]);
  }
});
