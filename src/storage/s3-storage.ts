/**
 * Blobs in an S3-compatible object store (AWS S3, MinIO, …) through the AWS SDK v3. Keys are the
 * same as local storage's, under the URL's prefix. Upload tickets get a presigned PUT URL into the
 * bucket; outputs, posters and uploads keep their `/files/<key>` URLs on the API, which streams
 * them from the bucket (with Range), so the bucket can stay private.
 *
 * @example
 *   const storage = new S3Storage(parseS3Url('s3://clips?endpoint=http://127.0.0.1:9000&forcePathStyle=true'), '/tmp/moviola');
 *   await storage.putBuffer('uploads/abc/cat.png', bytes);
 */
import { createReadStream } from 'node:fs';
import { stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import {
  DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, NotFound, NoSuchKey,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { BlobTooLargeError, type BlobRead, type BlobStorage } from './types.js';
import type { S3Location } from './s3-url.js';

const CONTENT_TYPES: Record<string, string> = { mp4: 'video/mp4', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

function contentTypeOf(key: string): string {
  return CONTENT_TYPES[key.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
}

function missing(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return error instanceof NotFound || error instanceof NoSuchKey || e?.name === 'NotFound' || e?.name === 'NoSuchKey' || e?.$metadata?.httpStatusCode === 404;
}

export class S3Storage implements BlobStorage {
  private readonly client: S3Client;

  constructor(private readonly location: S3Location, private readonly scratch: string) {
    this.client = new S3Client({
      region: location.region,
      endpoint: location.endpoint,
      forcePathStyle: location.forcePathStyle,
      // S3-compatible stores do not all know the SDK's newer default checksums
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  private key(key: string): string {
    if (key.split('/').some((part) => part === '..' || part === '')) throw new Error(`storage: bad key: ${key}`);
    return this.location.prefix + key;
  }

  async putFile(key: string, path: string): Promise<void> {
    const { size } = await stat(path);
    await this.client.send(new PutObjectCommand({
      Bucket: this.location.bucket, Key: this.key(key), Body: createReadStream(path), ContentLength: size, ContentType: contentTypeOf(key),
    }));
    await unlink(path).catch(() => {});
  }

  async putBuffer(key: string, bytes: Buffer): Promise<void> {
    await this.client.send(new PutObjectCommand({ Bucket: this.location.bucket, Key: this.key(key), Body: bytes, ContentType: contentTypeOf(key) }));
  }

  async putStream(key: string, stream: Readable, maxBytes: number): Promise<number> {
    // buffered (uploads are at most tens of MB): S3 wants the length up front
    const chunks: Buffer[] = [];
    let bytes = 0;
    for await (const chunk of stream) {
      bytes += (chunk as Buffer).length;
      if (bytes > maxBytes) {
        stream.destroy();
        throw new BlobTooLargeError(maxBytes);
      }
      chunks.push(chunk as Buffer);
    }
    await this.putBuffer(key, Buffer.concat(chunks));
    return bytes;
  }

  async get(key: string): Promise<Buffer> {
    const out = await this.client.send(new GetObjectCommand({ Bucket: this.location.bucket, Key: this.key(key) }));
    return Buffer.from(await out.Body!.transformToByteArray());
  }

  localPath(): undefined {
    return undefined;
  }

  async size(key: string): Promise<number | undefined> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.location.bucket, Key: this.key(key) }));
      return head.ContentLength ?? 0;
    } catch (error) {
      if (missing(error)) return undefined;
      throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    return (await this.size(key)) !== undefined;
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.location.bucket, Key: this.key(key) }));
  }

  async read(key: string, range?: string): Promise<BlobRead | undefined> {
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.location.bucket, Key: this.key(key), Range: range }));
      return {
        body: out.Body as Readable,
        contentType: out.ContentType ?? contentTypeOf(key),
        contentLength: out.ContentLength,
        contentRange: out.ContentRange,
        partial: out.ContentRange !== undefined,
      };
    } catch (error) {
      if (missing(error)) return undefined;
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if (status === 416) return { body: Readable.from([]), contentType: contentTypeOf(key), contentLength: 0, partial: false, unsatisfiable: true };
      throw error;
    }
  }

  async presignPut(key: string, contentType: string, expiresSeconds: number): Promise<string> {
    return getSignedUrl(this.client, new PutObjectCommand({ Bucket: this.location.bucket, Key: this.key(key), ContentType: contentType }), { expiresIn: expiresSeconds });
  }

  url(key: string, baseUrl: string): string {
    return `${baseUrl.replace(/\/+$/, '')}/files/${key.split('/').map(encodeURIComponent).join('/')}`;
  }

  scratchDir(): string {
    return join(this.scratch);
  }
}
