/** The shared fixture photographs (../shared/fixtures/images, see its README). */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const FIXTURE_DIR = fileURLToPath(new URL('../../../shared/fixtures/images/', import.meta.url));

export function fixture(name: string): string {
  return FIXTURE_DIR + name;
}

/** Every fixture image file name (jpg/png). */
export function fixtureNames(): string[] {
  return readdirSync(FIXTURE_DIR).filter((f) => /\.(jpe?g|png)$/i.test(f)).sort();
}
