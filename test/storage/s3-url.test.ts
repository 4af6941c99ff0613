/**
 * MOVIOLA_STORAGE_URL for S3: bucket, prefix and options parsed; every mistake named with the rule.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseS3Url } from '../../src/storage/s3-url.js';

test('bucket, prefix and options', () => {
  assert.deepEqual(parseS3Url('s3://clips/prod/eu?endpoint=http%3A%2F%2F127.0.0.1%3A9000&region=eu-west-1&forcePathStyle=true'), {
    bucket: 'clips', prefix: 'prod/eu/', endpoint: 'http://127.0.0.1:9000', region: 'eu-west-1', forcePathStyle: true,
  });
  const plain = parseS3Url('s3://clips');
  assert.equal(plain.prefix, '');
  assert.equal(plain.endpoint, undefined);
  assert.equal(plain.forcePathStyle, false);
});

test('mistakes are named with the rule', () => {
  assert.throws(() => parseS3Url('http://clips'), /MOVIOLA_STORAGE_URL: must start with s3:\/\//);
  assert.throws(() => parseS3Url('s3://clips?endpont=http://x'), /unknown option "endpont" \(known: endpoint, region, forcePathStyle\)/);
  assert.throws(() => parseS3Url('s3://clips?endpoint=minio:9000'), /endpoint must be an http\(s\) URL/);
  assert.throws(() => parseS3Url('s3://clips?forcePathStyle=yes'), /forcePathStyle must be true or false/);
  assert.throws(() => parseS3Url('not a url'), /must be s3:\/\/bucket/);
});
