/**
 * A drawn animal for the tail tests, since no Debian photograph was found whose colour outline
 * shows a tail: a brown body seen from the side, a round head with two dark eyes (each with a
 * catchlight) and a long thin tail curving up from the body's far end, on a mottled green ground
 * with film grain. Deterministic (a fixed hash for every texture), 480×360 PNG.
 *
 * @example
 *   const png = await drawnAnimal(); // analyzeImage(png): eyes found, a tail away from them
 */
import sharp from 'sharp';

const W = 480, H = 360;
const hash = (x: number, y: number) => { const s = Math.sin(x * 127.1 + y * 311.7) * 43758.5453; return s - Math.floor(s); };
/** smooth value noise 0…1 at a scale of `cell` px */
function noise(x: number, y: number, cell: number): number {
  const u = x / cell, v = y / cell, i = Math.floor(u), j = Math.floor(v), fu = u - i, fv = v - j;
  const s = (t: number) => t * t * (3 - 2 * t);
  const a = hash(i, j), b = hash(i + 1, j), c = hash(i, j + 1), d = hash(i + 1, j + 1);
  return a + (b - a) * s(fu) + (c - a) * s(fv) + (a - b - c + d) * s(fu) * s(fv);
}

/** the tail's centre line: a quadratic curve from the body's far end up and out */
const TAIL = [[150, 215], [60, 200], [75, 80]] as const;
function nearTail(x: number, y: number): number {
  let best = Infinity;
  for (let k = 0; k <= 60; k++) {
    const t = k / 60, a = (1 - t) * (1 - t), b = 2 * t * (1 - t), c = t * t;
    const px = a * TAIL[0][0] + b * TAIL[1][0] + c * TAIL[2][0], py = a * TAIL[0][1] + b * TAIL[1][1] + c * TAIL[2][1];
    best = Math.min(best, Math.hypot(x - px, y - py) - (8 - 3 * t));
  }
  return best;
}

export async function drawnAnimal(): Promise<Buffer> {
  const px = Buffer.alloc(W * H * 3);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const grain = (hash(x + 0.5, y + 0.25) - 0.5) * 18;
    const m = noise(x, y, 40) * 0.6 + noise(x, y, 13) * 0.4;
    let c = [60 + 50 * m, 120 + 60 * m, 50 + 30 * m];
    const body = ((x - 240) / 95) ** 2 + ((y - 215) / 62) ** 2 < 1;
    const head = Math.hypot(x - 335, y - 150) < 52;
    if (body || head || nearTail(x, y) < 0) {
      const f = noise(x, y, 6);
      c = [150 + 30 * f, 98 + 20 * f, 58 + 12 * f];
    }
    for (const ex of [318, 356]) {
      const d = Math.hypot(x - ex, y - 142);
      if (d < 7.5) c = [28, 22, 18];
      if (Math.hypot(x - ex + 2.5, y - 144.5) < 2) c = [245, 245, 240];
    }
    const k = 3 * (y * W + x);
    for (let ch = 0; ch < 3; ch++) px[k + ch] = Math.max(0, Math.min(255, Math.round(c[ch]! + grain)));
  }
  return sharp(px, { raw: { width: W, height: H, channels: 3 } }).png().toBuffer();
}
