/**
 * Where the scene cache lives: MOVIOLA_CACHE_DIR, else the caller's default (the service: its data
 * folder's cache/; the CLI, which has no data folder: the user's cache folder, never the working
 * folder); "off" keeps none. Its own file so that reading the setting loads nothing of the analysis.
 *
 * @example
 *   sceneCacheDir({ MOVIOLA_CACHE_DIR: 'off' }, './data/cache') // → null
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** the scene cache's folder (absolute): MOVIOLA_CACHE_DIR, else `fallback`; null (no cache) for "off" or neither */
export function sceneCacheDir(env: NodeJS.ProcessEnv = process.env, fallback: string | null = null): string | null {
  const named = env.MOVIOLA_CACHE_DIR;
  if (named === 'off') return null;
  return named ? resolve(named) : fallback && resolve(fallback);
}

/** the user's cache folder for moviola: $XDG_CACHE_HOME/moviola, default ~/.cache/moviola */
export function userCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'moviola');
}
