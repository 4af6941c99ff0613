/**
 * Analysis with the face models (issue 6): for each fixture photograph, the time `analyzeImage`
 * takes (median of 3, after `warmUpEngine` loaded the models), with the faces it found.
 *
 *   npm run bench -- analyze
 */
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { analyzeImage } from '../src/engine/analyze/index.js';
import { warmUpEngine } from '../src/engine/warm-up.js';
import { closePicturePool } from '../src/engine/picture/index.js';
import type { Row } from './table.js';

const FIXTURES = new URL('../../shared/fixtures/images/', import.meta.url);
const NAMES = ['portrait-astronaut.png', 'cat-closeup.png', 'street-old-town.jpg', 'nature-butterfly.jpg', 'night-launchpad.jpg', 'product-coffee.png', 'space-deep-field.jpg'];

export async function benchAnalyze(): Promise<Row[]> {
  await warmUpEngine();
  const rows: Row[] = [];
  for (const name of NAMES) {
    const bytes = await readFile(new URL(name, FIXTURES)).catch(() => null);
    if (!bytes) continue;
    const meta = await sharp(bytes).metadata();
    const times: number[] = [];
    let faces = '';
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      const scene = await analyzeImage(bytes);
      times.push(performance.now() - t);
      faces = scene.faces.map((f) => `${f.gender ?? '?'} ${f.age === null ? '?' : Math.round(f.age)}`).join(', ') || 'none';
    }
    times.sort((a, b) => a - b);
    rows.push({ image: name, size: `${meta.width}×${meta.height}`, 'analyze ms (median of 3)': Math.round(times[1]!), faces });
  }
  await closePicturePool();
  return rows;
}
