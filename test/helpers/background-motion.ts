/**
 * How far the background moved between two frames, leaving the subject out: a static camera keeps
 * the background still while an animated subject (a portrait's idle sway, a nod) moves inside its
 * own outline, and a translation measured over the whole frame reads that sway as camera motion.
 *
 * @example
 *   const keep = backgroundMask(scene.layers?.matte ?? null, scene.maps.width, scene.maps.height, 640, 800);
 *   backgroundShift(lumaFirst, lumaLast, 640, 800, keep)   // { dx, dy } px, or undefined: too little background
 */

/** Pixels of a width × height frame clear of the subject matte (> 0.05) grown by `grow` px; all of them when there is no matte. */
export function backgroundMask(matte: Float32Array | null, mw: number, mh: number, width: number, height: number, grow = Math.round(width / 40)): Uint8Array {
  const keep = new Uint8Array(width * height).fill(1);
  if (!matte) return keep;
  const subject = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) {
    const u = Math.min(mw - 1, Math.floor(((x + 0.5) * mw) / width)), v = Math.min(mh - 1, Math.floor(((y + 0.5) * mh) / height));
    subject[y * width + x] = matte[v * mw + u]! > 0.05 ? 1 : 0;
  }
  // grow the subject by a square of radius `grow`: rows, then columns (running counts)
  const rows = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    let count = 0;
    for (let x = -grow; x < width; x++) {
      if (x + grow < width) count += subject[y * width + x + grow]!;
      if (x - grow - 1 >= 0) count -= subject[y * width + x - grow - 1]!;
      if (x >= 0) rows[y * width + x] = count > 0 ? 1 : 0;
    }
  }
  for (let x = 0; x < width; x++) {
    let count = 0;
    for (let y = -grow; y < height; y++) {
      if (y + grow < height) count += rows[(y + grow) * width + x]!;
      if (y - grow - 1 >= 0) count -= rows[(y - grow - 1) * width + x]!;
      if (y >= 0 && count > 0) keep[y * width + x] = 0;
    }
  }
  return keep;
}

const RANGE = 4;

/**
 * The translation (px, + right / + down) that best maps A's background onto B's: the shift within
 * ±4 px whose mean absolute luma difference over the kept pixels is least, searched by whole
 * pixels and then by quarter pixels (bilinear). A shift at the edge of the range means the
 * background moved at least that far. Undefined when less than 2 % of the frame is background.
 */
export function backgroundShift(a: Float64Array, b: Float64Array, width: number, height: number, keep: Uint8Array): { dx: number; dy: number } | undefined {
  const at: number[] = [];
  for (let y = RANGE + 1; y < height - RANGE - 1; y += 2) for (let x = RANGE + 1; x < width - RANGE - 1; x += 2) if (keep[y * width + x]) at.push(y * width + x);
  if (at.length < (0.02 * width * height) / 4) return undefined;
  // B(p) ≈ A(p − shift): the cost of a shift compares each kept pixel of B with A one shift back
  const cost = (dx: number, dy: number) => {
    const ix = Math.floor(dx), iy = Math.floor(dy), fx = dx - ix, fy = dy - iy;
    let s = 0;
    for (const i of at) {
      const j = i - iy * width - ix;
      const va = (a[j]! * (1 - fx) + a[j - 1]! * fx) * (1 - fy) + (a[j - width]! * (1 - fx) + a[j - width - 1]! * fx) * fy;
      s += Math.abs(b[i]! - va);
    }
    return s / at.length;
  };
  let best = { dx: 0, dy: 0 }, least = cost(0, 0);
  for (let dy = -RANGE; dy <= RANGE; dy++) for (let dx = -RANGE; dx <= RANGE; dx++) {
    const c = cost(dx, dy);
    if (c < least) { least = c; best = { dx, dy }; }
  }
  const whole = best;
  for (let dy = whole.dy - 0.75; dy <= whole.dy + 0.75; dy += 0.25) for (let dx = whole.dx - 0.75; dx <= whole.dx + 0.75; dx += 0.25) {
    if (Math.abs(dx) > RANGE || Math.abs(dy) > RANGE) continue;
    const c = cost(dx, dy);
    if (c < least) { least = c; best = { dx, dy }; }
  }
  return best;
}
