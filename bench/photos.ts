/**
 * The photos an evaluation bench runs on: every shared fixture and the repository's own
 * (test/fixtures/images), or the photos of a folder nobody tuned on (kept outside the repository),
 * filtered by parts of their file names; and their bytes as the tests load them.
 *
 * @example
 *   benchPhotos('BENCH_ACTING_DIR', 'BENCH_ACTING_PHOTOS')   // [{ name: 'cat-closeup.png', path: '/…/cat-closeup.png' }, …]
 */
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { enlargedTwice, fixture, fixtureNames } from '../test/helpers/fixtures.js';

export function benchPhotos(dirVariable: string, photosVariable: string): Array<{ name: string; path: string }> {
  const folder = process.env[dirVariable];
  const local = fileURLToPath(new URL('../test/fixtures/images/', import.meta.url));
  const all = folder
    ? imagesIn(folder.endsWith('/') ? folder : `${folder}/`)
    : [...fixtureNames().map((name) => ({ name, path: fixture(name) })), ...imagesIn(local)];
  return all.filter(({ name }) => chosen(photosVariable, name));
}

function imagesIn(folder: string): Array<{ name: string; path: string }> {
  return readdirSync(folder).filter((f) => /\.(jpe?g|png)$/i.test(f)).sort().map((name) => ({ name, path: folder + name }));
}

/** Whether `text` is among the cases an environment variable names (all when it is unset). */
export function chosen(variable: string, text: string): boolean {
  const parts = process.env[variable]?.split(',').map((p) => p.trim()).filter(Boolean);
  return !parts?.length || parts.some((p) => text.includes(p));
}

/** A photo's bytes; one below the input minimum (300 px a side) enlarged twice, as its tests do (the same bytes). */
export async function photoBytes(path: string): Promise<Buffer> {
  const bytes = await readFile(path);
  const { width: iw = 0, height: ih = 0 } = await sharp(bytes).metadata();
  return Math.min(iw, ih) < 300 ? enlargedTwice(path) : bytes;
}
