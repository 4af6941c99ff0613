/**
 * A value computed on its first read and kept: for measures a test reads only some of (each
 * check reads the few it needs, the rest are never computed).
 *
 * @example
 *   const scale = once(() => estimateScale(first, last, w, h));
 *   scale(); scale(); // computed once
 */
export function once<T>(compute: () => T): () => T {
  let value: { v: T } | null = null;
  return () => (value ??= { v: compute() }).v;
}
