/**
 * The Scene's analysis maps brought to the output picture: nearness and the region masks as
 * 8-bit rasters at the output size (fitted exactly as the picture is: fit.ts), plus the derived masks the
 * plan's regions name but analyze doesn't store directly (subject, ground).
 *
 * @example const depth = await mapToOutput(scene.maps.depth, scene.maps, 1920, 1080, 'fill')
 */
import sharp from 'sharp';
import type { Scene, SceneMaps } from '../../scene.js';
import type { MaskRegion } from '../types.js';
import type { PictureFit } from './fit.js';

export async function mapToOutput(map: Float32Array, maps: Pick<SceneMaps, 'width' | 'height'>, width: number, height: number, fit: PictureFit, blurSigma = 0): Promise<Uint8Array> {
  const bytes = new Uint8Array(maps.width * maps.height);
  for (let i = 0; i < bytes.length; i++) { const v = map[i]! * 255 + 0.5; bytes[i] = v < 0 ? 0 : v > 255 ? 255 : v; }
  let pipeline = sharp(bytes, { raw: { width: maps.width, height: maps.height, channels: 1 } });
  // blurred at the analysis raster (cheap): sigma is given in output pixels
  if (blurSigma > 0) pipeline = sharp(await pipeline.blur(Math.max(0.3, (blurSigma * maps.width) / width)).extractChannel(0).raw().toBuffer(), { raw: { width: maps.width, height: maps.height, channels: 1 } });
  const out = await pipeline
    .resize(width, height, { kernel: 'linear', fit })
    .extractChannel(0)
    .raw().toBuffer();
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

/** The nearness the camera warps by: the layered scene's (planes put in), else the raw estimate. */
export function warpNearness(scene: Scene): Float32Array {
  return scene.layers?.nearness ?? scene.maps.depth;
}

/** A region mask at the maps' resolution (0…1). */
export function regionMap(scene: Scene, region: MaskRegion): Float32Array {
  const m = scene.maps;
  const n = m.width * m.height;
  switch (region) {
    case 'sky': return m.sky;
    case 'water': return m.water;
    case 'foliage': return m.foliage;
    case 'lights': return m.lights;
    case 'subject': {
      // people where a detector found them, else the salient box with soft edges
      const out = new Float32Array(n);
      const b = scene.subject;
      for (let y = 0; y < m.height; y++) for (let x = 0; x < m.width; x++) {
        const u = (x + 0.5) / m.width, v = (y + 0.5) / m.height;
        const ex = Math.min(u - b.x, b.x + b.w - u) / Math.max(0.02, b.w * 0.15);
        const ey = Math.min(v - b.y, b.y + b.h - v) / Math.max(0.02, b.h * 0.15);
        const box = Math.max(0, Math.min(1, ex, ey));
        const i = y * m.width + x;
        out[i] = Math.max(m.people[i] ?? 0, box);
      }
      return out;
    }
    case 'ground': {
      const out = new Float32Array(n);
      const horizon = scene.horizon ?? 0.55;
      for (let y = 0; y < m.height; y++) {
        const v = (y + 0.5) / m.height;
        const below = Math.max(0, Math.min(1, (v - horizon) / 0.15));
        for (let x = 0; x < m.width; x++) {
          const i = y * m.width + x;
          out[i] = below * (1 - m.sky[i]!) * (1 - m.water[i]!);
        }
      }
      return out;
    }
  }
}
