/**
 * Blob storage (uploads, input images, outputs, posters) behind one interface: files in the data dir
 * (local-storage.ts) or an S3-compatible object store (s3-storage.ts) (DESIGN.md §2). Keys are relative paths such as
 * `outputs/<id>/<token>/output.mp4`; the random token makes every public URL unguessable.
 */
import type { Readable } from 'node:stream';

export interface BlobStorage {
  /** stores a file that already exists on local disk (moved when possible) */
  putFile(key: string, path: string): Promise<void>;
  putBuffer(key: string, bytes: Buffer): Promise<void>;
  /** stores a stream, refusing more than `maxBytes`; resolves with the byte count */
  putStream(key: string, stream: Readable, maxBytes: number): Promise<number>;
  get(key: string): Promise<Buffer>;
  /** a local path for the key (local storage) or undefined when blobs are remote */
  localPath(key: string): string | undefined;
  exists(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** the public URL of a key under a base URL, e.g. `https://host/files/outputs/…/output.mp4` */
  url(key: string, baseUrl: string): string;
  /** a scratch directory on local disk for work in progress */
  scratchDir(): string;
  /** remote stores: a stream of the blob (or a byte range, an HTTP Range header), undefined when missing */
  read?(key: string, range?: string): Promise<BlobRead | undefined>;
  /** remote stores: the blob's size, undefined when missing */
  size?(key: string): Promise<number | undefined>;
  /** remote stores: a presigned URL the client PUTs the bytes to directly */
  presignPut?(key: string, contentType: string, expiresSeconds: number): Promise<string>;
}

export interface BlobRead {
  body: Readable;
  contentType: string;
  contentLength?: number;
  contentRange?: string;
  partial: boolean;
  unsatisfiable?: boolean;
}

/** too many bytes for a size-limited put */
export class BlobTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`more than ${limit} bytes`);
  }
}
