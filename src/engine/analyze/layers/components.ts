/**
 * The 4-connected parts of a region, each as its pixel list in breadth-first order from its first
 * pixel in scan order (neighbours left, right, up, down), the parts in scan order of those pixels.
 *
 * @example const parts = components(mask, 512, 341); // parts[0][0]: the first set pixel
 */
export function components(mask: Uint8Array, w: number, h: number): number[][] {
  const label = new Int32Array(w * h).fill(-1), parts: number[][] = [];
  for (let s = 0; s < w * h; s++) {
    if (!mask[s] || label[s]! >= 0) continue;
    const part: number[] = [s];
    label[s] = parts.length;
    const visit = (j: number) => { if (mask[j] && label[j]! < 0) { label[j] = parts.length; part.push(j); } };
    for (let k = 0; k < part.length; k++) {
      const i = part[k]!, x = i % w;
      if (x > 0) visit(i - 1);
      if (x < w - 1) visit(i + 1);
      if (i >= w) visit(i - w);
      if (i + w < w * h) visit(i + w);
    }
    parts.push(part);
  }
  return parts;
}
