/**
 * Rasters in shared memory, which the render workers read without a copy of their own. A raster
 * made to be handed to them is best made there in the first place (the layers, the background on
 * the canvas): copied there at the end, the frame-sized original stays in memory beside it.
 *
 * @example const back = sharedCopy(picture); …; setup.layers.back = shared(back) // no second copy
 */

/** `length` zero bytes in a SharedArrayBuffer of their own. */
export const sharedBytes = (length: number): Uint8Array => new Uint8Array(new SharedArrayBuffer(length));

/** A copy of `bytes` in a SharedArrayBuffer of its own. */
export function sharedCopy(bytes: Uint8Array): Uint8Array {
  const out = sharedBytes(bytes.length);
  out.set(bytes);
  return out;
}

/** The shared buffer of `bytes`: its own when they are all of one already (no copy), else a copy's. */
export function shared(bytes: Uint8Array): SharedArrayBuffer {
  if (bytes.buffer instanceof SharedArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) return bytes.buffer;
  return sharedCopy(bytes).buffer as SharedArrayBuffer;
}
