/**
 * Finds the stars worth twinkling: local luminance peaks inside the sky mask that stand out from
 * their surroundings. Returns x, y (canvas px) and brightness triples, at most `limit`, brightest first.
 *
 * @example findStars(canvas32, cw, ch, skyMask, 600)
 */
export function findStars(canvas: Uint8Array, cw: number, ch: number, sky: Uint8Array, limit: number): Float32Array {
  const luma = (i: number) => (canvas[i * 4]! * 77 + canvas[i * 4 + 1]! * 150 + canvas[i * 4 + 2]! * 29) >> 8;
  const found: Array<[number, number, number]> = [];
  for (let y = 2; y < ch - 2; y++) {
    for (let x = 2; x < cw - 2; x++) {
      const i = y * cw + x;
      if (sky[i]! < 128) continue;
      const l = luma(i);
      if (l < 110) continue;
      let peak = true, ring = 0;
      for (let dy = -1; dy <= 1 && peak; dy++) for (let dx = -1; dx <= 1; dx++) {
        if ((dx || dy) && luma(i + dy * cw + dx) > l) { peak = false; break; }
      }
      if (!peak) continue;
      for (const [dx, dy] of [[-2, 0], [2, 0], [0, -2], [0, 2]] as const) ring += luma(i + dy * cw + dx);
      if (l - ring / 4 < 35) continue;
      found.push([x, y, l / 255]);
    }
  }
  found.sort((a, b) => b[2] - a[2]);
  return new Float32Array(found.slice(0, limit).flat());
}
