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

/**
 * The footballer (test/fixtures/images/football-player.jpg) with his face blurred beyond any face
 * detector, his head's outline and his body kept: a person whose body the pose finds and whose
 * face is not found — the subject rig's person (his own face is found, where the pose puts his head).
 */
export async function footballerFaceHidden(): Promise<Buffer> {
  const photo = sharp(await readFile(new URL('../fixtures/images/football-player.jpg', import.meta.url)));
  const { width = 0, height = 0 } = await photo.metadata();
  const face = { left: Math.round(0.405 * width), top: Math.round(0.28 * height), width: Math.round(0.075 * width), height: Math.round(0.12 * height) };
  const blurred = await photo.clone().extract(face).blur(6).toBuffer();
  return photo.composite([{ input: blurred, left: face.left, top: face.top }]).jpeg({ quality: 92 }).toBuffer();
}
