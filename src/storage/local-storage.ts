/**
 * Blobs as files under `<dataDir>/blobs`, served by the API at `/files/<key>` (with Range support).
 *
 * @example
 *   const storage = new LocalStorage('/var/lib/moviola');
 *   await storage.putBuffer('uploads/abc/cat.png', bytes);
 *   storage.url('uploads/abc/cat.png', 'http://127.0.0.1:8080') // → 'http://127.0.0.1:8080/files/uploads/abc/cat.png'
 */
import { createWriteStream } from 'node:fs';
import { copyFile, mkdir, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BlobTooLargeError, type BlobStorage } from './types.js';

export class LocalStorage implements BlobStorage {
  readonly root: string;
  private readonly scratch: string;

  constructor(dataDir: string) {
    this.root = resolve(dataDir, 'blobs');
    this.scratch = resolve(dataDir, 'tmp');
  }

  private path(key: string): string {
    const p = resolve(this.root, key);
    if (!p.startsWith(this.root + sep)) throw new Error(`storage: key escapes the root: ${key}`);
    return p;
  }

  async putFile(key: string, path: string): Promise<void> {
    const target = this.path(key);
    await mkdir(dirname(target), { recursive: true });
    try {
      await rename(path, target);
    } catch {
      await copyFile(path, target);
      await unlink(path).catch(() => {});
    }
  }

  async putBuffer(key: string, bytes: Buffer): Promise<void> {
    const target = this.path(key);
    await mkdir(dirname(target), { recursive: true });
    const tmp = `${target}.${process.pid}.part`;
    await writeFile(tmp, bytes);
    await rename(tmp, target);
  }

  async putStream(key: string, stream: Readable, maxBytes: number): Promise<number> {
    const target = this.path(key);
    await mkdir(dirname(target), { recursive: true });
    const tmp = `${target}.${process.pid}.part`;
    let bytes = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        if (bytes > maxBytes) done(new BlobTooLargeError(maxBytes));
        else done(null, chunk);
      },
    });
    try {
      await pipeline(stream, counter, createWriteStream(tmp));
      await rename(tmp, target);
      return bytes;
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
  }

  get(key: string): Promise<Buffer> {
    return readFile(this.path(key));
  }

  localPath(key: string): string {
    return this.path(key);
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.path(key))).isFile();
    } catch {
      return false;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  url(key: string, baseUrl: string): string {
    return `${baseUrl.replace(/\/+$/, '')}/files/${key.split('/').map(encodeURIComponent).join('/')}`;
  }

  scratchDir(): string {
    return join(this.scratch);
  }
}
