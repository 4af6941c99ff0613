/**
 * Region growing on a raster: breadth-first over the 4 neighbours of every queued pixel. `joins(j,
 * i)` says whether neighbour j of i joins (and marks it, so it is asked once); the queue holds the
 * seeds in [0, tail) and, on return, the whole region in [0, returned tail).
 *
 * @example const end = flood4(queue, seeds, w, w * h, (j, i) => !seen[j] && near(j, i) && (seen[j] = 1) === 1)
 */
export function flood4(queue: Int32Array, tail: number, w: number, n: number, joins: (j: number, i: number) => boolean): number {
  for (let head = 0; head < tail;) {
    const i = queue[head++]!;
    const x = i % w;
    if (x > 0 && joins(i - 1, i)) queue[tail++] = i - 1;
    if (x < w - 1 && joins(i + 1, i)) queue[tail++] = i + 1;
    if (i >= w && joins(i - w, i)) queue[tail++] = i - w;
    if (i + w < n && joins(i + w, i)) queue[tail++] = i + w;
  }
  return tail;
}
