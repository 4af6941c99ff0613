/**
 * Seeded smooth value noise (2-D and 3-D, quintic interpolation) and its fractal sum, for haze
 * density and displacement fields. Values are in roughly [-1, 1].
 *
 * @example const n = createNoise(seed); n.fbm3(x * 0.01, y * 0.01, t * 0.2, 3)
 */
export interface Noise {
  noise3(x: number, y: number, z: number): number;
  fbm3(x: number, y: number, z: number, octaves: number): number;
}

export function createNoise(seed: number): Noise {
  const perm = new Uint8Array(512);
  const values = new Float32Array(256);
  let s = seed >>> 0 || 1;
  const rnd = () => { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; return s / 4294967296; };
  const p = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 255; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [p[i], p[j]] = [p[j]!, p[i]!]; }
  for (let i = 0; i < 512; i++) perm[i] = p[i & 255]!;
  for (let i = 0; i < 256; i++) values[i] = rnd() * 2 - 1;
  const fade = (t: number) => t * t * t * (t * (t * 6 - 15) + 10);
  const h = (x: number, y: number, z: number) => values[perm[perm[perm[x & 255]! + (y & 255)]! + (z & 255)]!]!;

  const noise3 = (x: number, y: number, z: number) => {
    const xi = Math.floor(x), yi = Math.floor(y), zi = Math.floor(z);
    const u = fade(x - xi), v = fade(y - yi), w = fade(z - zi);
    const a = h(xi, yi, zi) + (h(xi + 1, yi, zi) - h(xi, yi, zi)) * u;
    const b = h(xi, yi + 1, zi) + (h(xi + 1, yi + 1, zi) - h(xi, yi + 1, zi)) * u;
    const c = h(xi, yi, zi + 1) + (h(xi + 1, yi, zi + 1) - h(xi, yi, zi + 1)) * u;
    const d = h(xi, yi + 1, zi + 1) + (h(xi + 1, yi + 1, zi + 1) - h(xi, yi + 1, zi + 1)) * u;
    const ab = a + (b - a) * v, cd = c + (d - c) * v;
    return ab + (cd - ab) * w;
  };
  return {
    noise3,
    fbm3(x, y, z, octaves) {
      let sum = 0, amp = 0.6, f = 1;
      for (let o = 0; o < octaves; o++) { sum += amp * noise3(x * f, y * f, z * f + o * 17.3); f *= 2.03; amp *= 0.5; }
      return sum;
    },
  };
}
