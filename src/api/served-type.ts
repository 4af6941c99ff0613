/**
 * What the files route (`/files/*`) serves: the media type sniffed from a file's first bytes, never
 * from its name (an upload called `x.html` or `x.svg` is not served as a page), plus headers that let
 * nothing in it run: `X-Content-Type-Options: nosniff` and a Content-Security-Policy that allows no
 * script, no sub-resources and sandboxes the document. Anything not one of our kinds is a download.
 *
 * @example
 *   setServedHeaders(reply, '/data/blobs/outputs/…/output.mp4'); // content-type: video/mp4
 */
import { closeSync, openSync, readSync } from 'node:fs';
import type { FastifyReply } from 'fastify';
import { sniffFormat } from '../engine/analyze/decode.js';

/** the kinds we store: images (inputs, uploads, posters) and MP4 (outputs) */
const TYPES: Record<string, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', mp4: 'video/mp4' };

export const FILES_CSP = "default-src 'none'; sandbox";

function head(path: string): Uint8Array {
  const buffer = new Uint8Array(16);
  const fd = openSync(path, 'r');
  try {
    return buffer.subarray(0, readSync(fd, buffer, 0, 16, 0));
  } finally {
    closeSync(fd);
  }
}

export function sniffServedType(bytes: Uint8Array): string | undefined {
  const image = sniffFormat(bytes);
  if (image) return TYPES[image];
  // ISO base media: a box size, then "ftyp"
  if (bytes.length >= 8 && String.fromCharCode(...bytes.subarray(4, 8)) === 'ftyp') return TYPES.mp4;
  return undefined;
}

/** @fastify/static's setHeaders for /files: runs after its own headers, so ours win */
export function setServedHeaders(reply: FastifyReply, path: string): void {
  let type: string | undefined;
  try {
    type = sniffServedType(head(path));
  } catch {
    type = undefined;
  }
  reply.header('content-type', type ?? 'application/octet-stream');
  if (!type) reply.header('content-disposition', 'attachment');
  reply.header('x-content-type-options', 'nosniff');
  reply.header('content-security-policy', FILES_CSP);
  reply.header('cross-origin-resource-policy', 'cross-origin');
}
