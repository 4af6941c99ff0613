/**
 * The shared fixture photographs (see their README): `../shared/fixtures/images` beside the
 * repository, or wherever MOVIOLA_SHARED_FIXTURES names. Tests and benches find them here only.
 */
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { fileURLToPath } from 'node:url';

export const FIXTURE_DIR = sharedFixtureDir();

function sharedFixtureDir(): string {
  const named = process.env.MOVIOLA_SHARED_FIXTURES;
  const dir = named ? named.replace(/\/?$/, '/') : fileURLToPath(new URL('../../../shared/fixtures/images/', import.meta.url));
  if (!existsSync(dir)) {
    throw new Error(`the shared fixture photographs are not at ${dir}: clone the repository beside the shared folder (../shared/fixtures/images) or set MOVIOLA_SHARED_FIXTURES to their folder`);
  }
  return dir;
}

export function fixture(name: string): string {
  return FIXTURE_DIR + name;
}

/** Every fixture image file name (jpg/png). */
export function fixtureNames(): string[] {
  return readdirSync(FIXTURE_DIR).filter((f) => /\.(jpe?g|png)$/i.test(f)).sort();
}

/** A photo smaller than the input rules allow (at least 300 px a side), enlarged twice. */
export async function enlargedTwice(path: string | URL): Promise<Buffer> {
  const img = sharp(await readFile(path));
  const m = await img.metadata();
  return img.resize(2 * m.width!, 2 * m.height!).jpeg({ quality: 92 }).toBuffer();
}
