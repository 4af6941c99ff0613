/**
 * The service's configuration, from the environment, with defaults that make `npm start` work with
 * no configuration at all.
 *
 * | variable | default | meaning |
 * |---|---|---|
 * | PORT / HOST | 8080 / 127.0.0.1 | where to listen (PORT=0: any free port) |
 * | MOVIOLA_DATA_DIR | ./data | SQLite file, blobs, scratch |
 * | MOVIOLA_CACHE_DIR | <data dir>/cache | analysed scenes kept by image hash and engine version ("off": none) |
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
 * | MOVIOLA_ALLOW_PRIVATE_URLS | — | 1: image and webhook URLs may reach loopback/private addresses; or a CIDR list allowed |
 * | MOVIOLA_TRUST_PROXY | — | trust X-Forwarded-*: 1/true, a hop count, or proxy addresses/CIDRs (comma-separated) |
 * | MOVIOLA_MAX_QUEUED_PER_ACCOUNT | 50 | an account's predictions waiting or rendering; more → 429 |
 * | MOVIOLA_MAX_RUNNING_PER_ACCOUNT | 4 | an account's predictions rendering at once, across all workers; the rest wait while other accounts' run |
 * | MOVIOLA_MAX_QUEUED | 1000 | all accounts' predictions waiting or rendering; more → 429 |
 * | MOVIOLA_MAX_PENDING_IMAGES | 8 | different images being checked at once (and 4× that many submits received); more → 429 |
 * | MOVIOLA_AUTH_FAILURES_PER_MINUTE | 30 | failed authentications per client address per minute; more → 429 |
 * | MOVIOLA_SHUTDOWN_GRACE_MS | 30000 | on SIGTERM/SIGINT, how long running renders may finish before they go back to the queue |
 * | MOVIOLA_RETENTION_DAYS | 7 | inputs, outputs and uploads are deleted this long after they were made |
 * | DATABASE_URL | — | postgres://… : tasks and queue in PostgreSQL (distributed mode) instead of SQLite |
 * | MOVIOLA_STORAGE_URL | — | s3://bucket[/prefix]?endpoint=…&region=…&forcePathStyle=true : blobs in S3 (AWS_* credentials) |
 */
import { join, resolve } from 'node:path';
import { sceneCacheDir } from '../engine/analyze/scene-cache/cache-dir.js';
import { parseAllowPrivate, type AddressPolicy } from './outbound/address-policy.js';
import { parseDollars } from '../tasks/keys/money-bounds.js';

export interface ServiceConfig {
  port: number;
  host: string;
  dataDir: string;
  /** the disk cache of analysed scenes, or null */
  sceneCacheDir: string | null;
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
  // hardening (issue #12)
  outboundPolicy: AddressPolicy;
  trustProxy: boolean | number | string[];
  maxQueuedPerAccount: number;
  maxRunningPerAccount: number;
  maxQueued: number;
  maxPendingImages: number;
  authFailuresPerMinute: number;
  shutdownGraceMs: number;
  retentionDays: number;
  /** PostgreSQL (distributed mode); undefined: SQLite in the data dir */
  databaseUrl?: string;
  /** s3://… blob storage; undefined: files in the data dir */
  storageUrl?: string;
}

/** MOVIOLA_TRUST_PROXY: unset → false (forwarded headers ignored); 1/true → any; n → n hops; else addresses */
function trustProxyOf(value: string | undefined): boolean | number | string[] {
  const text = (value ?? '').trim();
  if (text === '' || text === '0' || text.toLowerCase() === 'false') return false;
  if (text === '1' || text.toLowerCase() === 'true') return true;
  if (/^\d+$/.test(text)) return Number(text);
  return text.split(',').map((s) => s.trim()).filter(Boolean);
}

function num(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name}: must be a non-negative number (got "${value}")`);
  return n;
}

/** MOVIOLA_START_BALANCE: the keys CLI's rule (0 … 1,000,000 dollars with cents) */
function startBalanceOf(value: string | undefined): number {
  if (value === undefined || value === '') return 100;
  const parsed = parseDollars(value, 'MOVIOLA_START_BALANCE');
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed.micros / 1_000_000;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const backoff = (env.MOVIOLA_WEBHOOK_BACKOFF_MS ?? '5000,30000,120000,600000,1800000,3600000')
    .split(',').map((s) => num(s.trim(), 0, 'MOVIOLA_WEBHOOK_BACKOFF_MS'));
  const dataDir = resolve(env.MOVIOLA_DATA_DIR || './data');
  return {
    port: num(env.PORT, 8080, 'PORT'),
    host: env.HOST || '127.0.0.1',
    dataDir,
    sceneCacheDir: sceneCacheDir(env, join(dataDir, 'cache')),
    publicUrl: env.MOVIOLA_PUBLIC_URL?.replace(/\/+$/, '') || undefined,
    apiKey: env.MOVIOLA_API_KEY || undefined,
    startBalance: startBalanceOf(env.MOVIOLA_START_BALANCE),
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
    outboundPolicy: parseAllowPrivate(env.MOVIOLA_ALLOW_PRIVATE_URLS),
    trustProxy: trustProxyOf(env.MOVIOLA_TRUST_PROXY),
    maxQueuedPerAccount: Math.floor(num(env.MOVIOLA_MAX_QUEUED_PER_ACCOUNT, 50, 'MOVIOLA_MAX_QUEUED_PER_ACCOUNT')),
    maxRunningPerAccount: Math.max(1, Math.floor(num(env.MOVIOLA_MAX_RUNNING_PER_ACCOUNT, 4, 'MOVIOLA_MAX_RUNNING_PER_ACCOUNT'))),
    maxQueued: Math.floor(num(env.MOVIOLA_MAX_QUEUED, 1000, 'MOVIOLA_MAX_QUEUED')),
    maxPendingImages: Math.max(1, Math.floor(num(env.MOVIOLA_MAX_PENDING_IMAGES, 8, 'MOVIOLA_MAX_PENDING_IMAGES'))),
    authFailuresPerMinute: Math.max(1, Math.floor(num(env.MOVIOLA_AUTH_FAILURES_PER_MINUTE, 30, 'MOVIOLA_AUTH_FAILURES_PER_MINUTE'))),
    shutdownGraceMs: num(env.MOVIOLA_SHUTDOWN_GRACE_MS, 30_000, 'MOVIOLA_SHUTDOWN_GRACE_MS'),
    retentionDays: num(env.MOVIOLA_RETENTION_DAYS, 7, 'MOVIOLA_RETENTION_DAYS'),
    databaseUrl: env.DATABASE_URL || undefined,
    storageUrl: env.MOVIOLA_STORAGE_URL || undefined,
  };
}
