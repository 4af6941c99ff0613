/**
 * The ArrayBuffers a Scene can hand over to the API thread instead of copying: every typed array
 * that owns its whole buffer (the decoded image, the analysis maps). Moving them makes the answer's
 * arrival cost microseconds on the API's event loop rather than a copy of tens of megabytes — what
 * keeps /healthz fast while a burst of new images is checked. Views into shared or pooled buffers
 * (small Node Buffers) are left to be copied.
 *
 * @example
 *   port.postMessage({ id, scene }, transferablesOf(scene));
 */
const MIN_BYTES = 64 * 1024;

export function transferablesOf(value: unknown): ArrayBuffer[] {
  const found = new Set<ArrayBuffer>();
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    if (ArrayBuffer.isView(node)) {
      const buffer = node.buffer;
      if (buffer instanceof ArrayBuffer && node.byteOffset === 0 && node.byteLength === buffer.byteLength && buffer.byteLength >= MIN_BYTES) found.add(buffer);
      continue;
    }
    for (const child of Object.values(node)) if (child !== null && typeof child === 'object') stack.push(child);
  }
  return [...found];
}
