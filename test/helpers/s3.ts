/**
 * An S3-protocol server for tests: `s3rver` (npm) in this process on a free loopback port, files
 * in a temp dir, with one bucket. Its credentials are s3rver's fixed S3RVER / S3RVER, passed to
 * Moviola through the standard AWS_* variables as any deployment would.
 *
 * @example
 *   const s3 = await startS3();
 *   env.MOVIOLA_STORAGE_URL = s3.storageUrl('clips'); Object.assign(env, s3.credentials);
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error s3rver ships no types
import S3rver from 's3rver';
import { freePort } from './postgres.js';

export interface TestS3 {
  endpoint: string;
  bucket: string;
  /** MOVIOLA_STORAGE_URL for the bucket under `prefix` */
  storageUrl(prefix?: string): string;
  credentials: { AWS_ACCESS_KEY_ID: string; AWS_SECRET_ACCESS_KEY: string; AWS_REGION: string };
  stop(): Promise<void>;
}

export async function startS3(bucket = 'moviola-test'): Promise<TestS3> {
  const directory = await mkdtemp(join(tmpdir(), 'moviola-s3-'));
  const port = await freePort();
  const server = new S3rver({ port, address: '127.0.0.1', silent: true, directory, configureBuckets: [{ name: bucket }] });
  await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    storageUrl: (prefix = '') => `s3://${bucket}/${prefix}?endpoint=${encodeURIComponent(endpoint)}&region=us-east-1&forcePathStyle=true`,
    credentials: { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER', AWS_REGION: 'us-east-1' },
    async stop() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
