/**
 * Hand-drawn polygons (normalised image coordinates) rasterised to a W×H 0/1 mask, and the
 * intersection over union of a soft matte (> 0.5) with such a mask.
 *
 * @example const iou = matteIou(scene.maps.people, polygonMask(drawn.polygon, w, h), w, h)
 */
export function insidePolygon(polygon: ReadonlyArray<readonly [number, number]>, x: number, y: number): boolean {
  let c = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i]!, [xj, yj] = polygon[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
  }
  return c;
}

/** The polygon at W×H, sampled at pixel centres. */
export function polygonMask(polygon: ReadonlyArray<readonly [number, number]>, W: number, H: number): Uint8Array {
  const out = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) out[y * W + x] = insidePolygon(polygon, (x + 0.5) / W, (y + 0.5) / H) ? 1 : 0;
  return out;
}

export function matteIou(matte: Float32Array, mask: Uint8Array): number {
  let both = 0, either = 0;
  for (let i = 0; i < mask.length; i++) {
    const m = matte[i]! > 0.5;
    if (m && mask[i]) both++;
    if (m || mask[i]) either++;
  }
  return either ? both / either : 0;
}
