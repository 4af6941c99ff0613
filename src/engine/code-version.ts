/**
 * The engine's code version: a hash of its source (src/engine) and of the installed packages'
 * versions (package-lock.json), so that what an older engine computed and kept on disk (the scene
 * cache) is never read by a newer one. Found from the package root, which is two folders up from
 * this file both in src/engine/ and in the bundles under build/. Null when the source is not
 * there (then nothing is cached).
 *
 * @example
 *   engineCodeVersion() // → 'c0ffee…' (64 hex digits), the same until the engine's code changes
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

let version: string | null | undefined;

export function engineCodeVersion(): string | null {
  if (version === undefined) version = computeVersion(ROOT);
  return version;
}

/** the hash of root/src/engine's files (paths and contents, in a fixed order) and root/package-lock.json */
export function computeVersion(root: string): string | null {
  try {
    const hash = createHash('sha256');
    const engine = join(root, 'src', 'engine');
    const files = (readdirSync(engine, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
    for (const file of files) hash.update(`${file.slice(engine.length)}\0`).update(readFileSync(file)).update('\0');
    try {
      hash.update(readFileSync(join(root, 'package-lock.json')));
    } catch {
      // no lock file (an installed copy): the source alone
    }
    return hash.digest('hex');
  } catch {
    return null;
  }
}
