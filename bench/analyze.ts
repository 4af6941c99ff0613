/**
 * Analysis with the face models (issue 6): for each fixture photograph, the time `analyzeImage`
 * takes (median of 3, after `warmUpEngine` loaded the models), with the faces it found; and the
 * person segmentation step (issue 11: the people matte, run where a face or a torso was found)
 * beside the rest of the analysis, with the share of the whole it takes.
 *
 *   npm run bench -- analyze
 */
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { analyzeImageTimed } from '../src/engine/analyze/index.js';
import { warmUpEngine } from '../src/engine/warm-up.js';
import { closePicturePool } from '../src/engine/picture/index.js';
import type { Row } from './table.js';
import { fixture } from '../test/helpers/fixtures.js';

const FOOTBALL = new URL('../test/fixtures/images/football-player.jpg', import.meta.url);
const NAMES = ['football-player.jpg', 'portrait-astronaut.png', 'cat-closeup.png', 'street-old-town.jpg', 'nature-butterfly.jpg', 'night-launchpad.jpg', 'product-coffee.png', 'space-deep-field.jpg'];

export async function benchAnalyze(): Promise<Row[]> {
  await warmUpEngine();
  const rows: Row[] = [];
  for (const name of NAMES) {
    const bytes = await readFile(name === 'football-player.jpg' ? FOOTBALL : fixture(name)).catch(() => null);
    if (!bytes) continue;
    const meta = await sharp(bytes).metadata();
    const times: number[] = [], segmentation: number[] = [];
    let faces = '', people = '';
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      const { scene, timings } = await analyzeImageTimed(bytes);
      times.push(performance.now() - t);
      segmentation.push(timings['person segmentation'] ?? 0);
      faces = scene.faces.map((f) => `${f.gender ?? '?'} ${f.age === null ? '?' : Math.round(f.age)}`).join(', ') || 'none';
      people = scene.layers?.matteSource === 'segmentation' ? 'segmented' : scene.faces.length ? 'guessed from faces' : 'none';
    }
    const total = median(times), seg = median(segmentation);
    rows.push({
      image: name, size: `${meta.width}×${meta.height}`, 'analyze ms (median of 3)': Math.round(total), faces, people,
      'person segmentation ms': Math.round(seg), 'rest of analysis ms': Math.round(total - seg), 'segmentation share': `${Math.round((seg / total) * 100)} %`,
    });
  }
  await closePicturePool();
  return rows;
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[values.length >> 1]!;
}
