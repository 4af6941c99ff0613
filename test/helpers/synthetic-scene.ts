/**
 * Small synthetic Scenes for tests that need a Scene without running analyze on a photograph.
 * Everything is built from simple geometry, so a test can say exactly what the picture holds.
 *
 * Layout (normalised y, 0 = top): sky fills the top band down to the horizon; water fills the
 * bottom band; foliage fills the left and right edges below the horizon; light sources are small
 * bright discs; the subject is a box (default: the centre third) that is nearer than its
 * surroundings when depth is 'subject' or 'gradient'.
 *
 * @example
 *   const scene = makeScene({ sky: true, water: true, tags: ['landscape'] });
 *   scene.tags;                 // ['landscape', 'outdoor', 'sky', 'water']
 *   scene.maps.sky[0];          // 1 (the top-left corner is sky)
 */
import type { Box, Face, LightSource, Scene, SceneTag } from '../../src/engine/scene.js';

export type SyntheticDepth =
  /** nearness grows from 0 at the top (far) to 1 at the bottom (near), the subject a little nearer */
  | 'gradient'
  /** everything at nearness 0.5 (a flat picture: poster, screenshot, painting) */
  | 'flat'
  /** background at 0.2, the subject box at 0.85 (a portrait or product shot) */
  | 'subject';

export interface SyntheticSceneOptions {
  /** raster size of the image and the maps (default 64×36) */
  width?: number;
  height?: number;
  /** tags to set; region tags (sky, water, foliage, lights) are added when those regions are asked for */
  tags?: SceneTag[];
  depth?: SyntheticDepth;
  /** a sky band above the horizon (true = down to y 0.4, or the horizon y as a number) */
  sky?: boolean | number;
  /** a water band at the bottom (true = from y 0.75, or the top y of the band as a number) */
  water?: boolean | number;
  /** foliage bands on both sides below the horizon (true = 20 % of the width each side) */
  foliage?: boolean;
  /** light sources (small bright discs); colour defaults to a warm white */
  lights?: Array<Partial<LightSource> & { x: number; y: number }>;
  /** the most salient region; default the centre third */
  subject?: Box;
  faces?: Face[];
  /** overrides for the colour statistics */
  stats?: Partial<Scene['stats']>;
  /** the sha256 stand-in (default 'synthetic') */
  hash?: string;
}

const clamp01 = (v: number) => (v < 0 ? 0 : v > 1 ? 1 : v);

/** Builds a Scene whose maps, tags and pixels agree with the options. */
export function makeScene(options: SyntheticSceneOptions = {}): Scene {
  const width = options.width ?? 64;
  const height = options.height ?? 36;
  const n = width * height;
  const skyY = options.sky === true ? 0.4 : typeof options.sky === 'number' ? options.sky : 0;
  const waterY = options.water === true ? 0.75 : typeof options.water === 'number' ? options.water : 1;
  const subject = options.subject ?? { x: 1 / 3, y: 1 / 3, w: 1 / 3, h: 1 / 3 };
  const depthKind = options.depth ?? 'gradient';
  const lights: LightSource[] = (options.lights ?? []).map((l) => ({
    x: l.x, y: l.y, radius: l.radius ?? 0.03, brightness: l.brightness ?? 0.95, color: l.color ?? [255, 220, 170],
  }));

  const maps = {
    width, height,
    depth: new Float32Array(n), sky: new Float32Array(n), water: new Float32Array(n), foliage: new Float32Array(n),
    lights: new Float32Array(n), saliency: new Float32Array(n), people: new Float32Array(n),
  };
  const data = new Uint8Array(n * 3);
  for (let py = 0; py < height; py++) {
    const y = (py + 0.5) / height;
    for (let px = 0; px < width; px++) {
      const x = (px + 0.5) / width;
      const i = py * width + px;
      const inSubject = x >= subject.x && x <= subject.x + subject.w && y >= subject.y && y <= subject.y + subject.h;
      const isSky = options.sky ? y < skyY : false;
      const isWater = options.water ? y >= waterY : false;
      const isFoliage = options.foliage ? !isSky && !isWater && (x < 0.2 || x > 0.8) : false;
      let near: number;
      if (depthKind === 'flat') near = 0.5;
      else if (depthKind === 'subject') near = inSubject ? 0.85 : 0.2;
      else near = isSky ? 0 : clamp01(skyY > 0 ? (y - skyY) / (1 - skyY) : y) * 0.9 + (inSubject ? 0.1 : 0);
      maps.depth[i] = clamp01(near);
      maps.sky[i] = isSky ? 1 : 0;
      maps.water[i] = isWater ? 1 : 0;
      maps.foliage[i] = isFoliage ? 1 : 0;
      maps.saliency[i] = inSubject ? 1 : 0.1;
      let light = 0;
      for (const l of lights) {
        const dx = (x - l.x) * width, dy = (y - l.y) * height;
        if (Math.hypot(dx, dy) <= Math.max(1, l.radius * width)) light = 1;
      }
      maps.lights[i] = light;
      // a plausible colour for each region, so pixel statistics agree with the masks
      let rgb: [number, number, number] = [Math.round(90 + 80 * y), 100, Math.round(120 - 40 * y)];
      if (isSky) rgb = [120, 170, 230];
      else if (isWater) rgb = [40, 90, 140];
      else if (isFoliage) rgb = [50, 120, 50];
      if (inSubject) rgb = [200, 150, 120];
      if (light) rgb = lights[0]?.color ?? [255, 255, 255];
      data[i * 3] = rgb[0]; data[i * 3 + 1] = rgb[1]; data[i * 3 + 2] = rgb[2];
    }
  }

  const tags = new Set<SceneTag>(options.tags ?? []);
  if (options.sky) { tags.add('sky'); tags.add('outdoor'); }
  if (options.water) tags.add('water');
  if (options.foliage) tags.add('foliage');
  if (lights.length) tags.add('lights');
  if (depthKind === 'flat') tags.add('flat');
  if (options.faces?.length) tags.add('face');

  let sumLuma = 0, sumR = 0, sumG = 0, sumB = 0;
  for (let i = 0; i < n; i++) {
    const r = data[i * 3]!, g = data[i * 3 + 1]!, b = data[i * 3 + 2]!;
    sumR += r; sumG += g; sumB += b;
    sumLuma += (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  }
  const meanLuma = sumLuma / n;
  return {
    hash: options.hash ?? 'synthetic',
    format: 'png',
    image: { width, height, data },
    stats: {
      meanLuma, medianLuma: meanLuma, contrast: 0.2,
      meanRgb: [sumR / n, sumG / n, sumB / n],
      saturation: 0.35, warmth: 0, sharpness: 0.1, highlights: 0.02, shadows: 0.02,
      ...options.stats,
    },
    maps,
    horizon: options.sky ? skyY : null,
    subject,
    lights,
    faces: options.faces ?? [],
    tags: [...tags],
  };
}
