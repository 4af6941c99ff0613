/**
 * The service's configuration, from the environment, with defaults that make `npm start` work with
 * no configuration at all.
 *
 * | variable | default | meaning |
 * |---|---|---|
 * | PORT / HOST | 8080 / 127.0.0.1 | where to listen (PORT=0: any free port) |
 * | MOVIOLA_DATA_DIR | ./data | SQLite file, blobs, scratch |
 * | MOVIOLA_PUBLIC_URL | from the request | base of absolute URLs (outputs, uploads, urls.get) |
 * | MOVIOLA_API_KEY | — | a key that must exist (created with MOVIOLA_START_BALANCE) |
 * | MOVIOLA_START_BALANCE | 100 | dollars for keys the server creates |
 * | MOVIOLA_WORKERS | 1 | renders at a time in this process (0: API only) |
 * | MOVIOLA_RENDER_AREA | — | test/dev knob: render at this pixel area (e.g. 76800) instead of 1080p/720p |
 * | MOVIOLA_SYNC_TIMEOUT_MS | 300000 | how long enable_sync_mode holds a request |
 * | MOVIOLA_WEBHOOK_BACKOFF_MS | 5000,30000,120000,600000,1800000,3600000 | delays between webhook retries |
 * | MOVIOLA_IMAGE_TIMEOUT_MS | 15000 | image URL download timeout |
 * | MOVIOLA_LEASE_MS | 30000 | task lease; renewed while a worker renders |
 * | MOVIOLA_NSFW | on | set to "off" to skip the nsfwjs check (has_nsfw_contents = false) |
 * | LOG_LEVEL | info | pino level |
 * | DATABASE_URL | — | postgres://… : tasks and queue in PostgreSQL (distributed mode) instead of SQLite |
 * | MOVIOLA_STORAGE_URL | — | s3://bucket[/prefix]?endpoint=…&region=…&forcePathStyle=true : blobs in S3 (AWS_* credentials) |
 */
import { resolve } from 'node:path';

export interface ServiceConfig {
  port: number;
  host: string;
  dataDir: string;
  publicUrl?: string;
  apiKey?: string;
  startBalance: number;
  workers: number;
  renderArea?: number;
  syncTimeoutMs: number;
  webhookBackoffMs: number[];
  imageTimeoutMs: number;
  leaseMs: number;
  nsfw: boolean;
  bodyLimit: number;
  uploadMaxBytes: number;
  logLevel: string;
  /** PostgreSQL (distributed mode); undefined: SQLite in the data dir */
  databaseUrl?: string;
  /** s3://… blob storage; undefined: files in the data dir */
  storageUrl?: string;
}

function num(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name}: must be a non-negative number (got "${value}")`);
  return n;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const backoff = (env.MOVIOLA_WEBHOOK_BACKOFF_MS ?? '5000,30000,120000,600000,1800000,3600000')
    .split(',').map((s) => num(s.trim(), 0, 'MOVIOLA_WEBHOOK_BACKOFF_MS'));
  return {
    port: num(env.PORT, 8080, 'PORT'),
    host: env.HOST || '127.0.0.1',
    dataDir: resolve(env.MOVIOLA_DATA_DIR || './data'),
    publicUrl: env.MOVIOLA_PUBLIC_URL?.replace(/\/+$/, '') || undefined,
    apiKey: env.MOVIOLA_API_KEY || undefined,
    startBalance: num(env.MOVIOLA_START_BALANCE, 100, 'MOVIOLA_START_BALANCE'),
    workers: Math.floor(num(env.MOVIOLA_WORKERS, 1, 'MOVIOLA_WORKERS')),
    renderArea: env.MOVIOLA_RENDER_AREA ? num(env.MOVIOLA_RENDER_AREA, 0, 'MOVIOLA_RENDER_AREA') : undefined,
    syncTimeoutMs: num(env.MOVIOLA_SYNC_TIMEOUT_MS, 300_000, 'MOVIOLA_SYNC_TIMEOUT_MS'),
    webhookBackoffMs: backoff,
    imageTimeoutMs: num(env.MOVIOLA_IMAGE_TIMEOUT_MS, 15_000, 'MOVIOLA_IMAGE_TIMEOUT_MS'),
    leaseMs: num(env.MOVIOLA_LEASE_MS, 30_000, 'MOVIOLA_LEASE_MS'),
    nsfw: env.MOVIOLA_NSFW !== 'off',
    bodyLimit: 16 * 1024 * 1024,
    uploadMaxBytes: 32 * 1024 * 1024,
    logLevel: env.LOG_LEVEL || 'info',
    databaseUrl: env.DATABASE_URL || undefined,
    storageUrl: env.MOVIOLA_STORAGE_URL || undefined,
  };
}
