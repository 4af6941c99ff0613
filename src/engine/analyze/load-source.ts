/**
 * Turns what a user passes as "the image" into its bytes: a file path, an http(s) URL, a data URI
 * (`data:image/png;base64,…`) or raw base64. Every failure is an InputError from the catalogue.
 *
 * @example
 *   const bytes = await loadImageSource('https://example.com/cat.jpg', { timeoutMs: 5000 });
 *   const scene = await analyzeImage(bytes);
 */
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { inputError, isInputError } from '../errors.js';

export interface LoadSourceOptions {
  /** total time for a download, redirects included (default 15 000 ms) */
  timeoutMs?: number;
  /** refuse anything larger (default 10 MB, the image limit) */
  maxBytes?: number;
  /**
   * how to fetch one hop of an http(s) URL (redirects are followed here, calling it again per hop);
   * the API passes its outbound guard. Default: the global fetch (the CLI's local use).
   */
  fetch?: (url: string, init: { signal: AbortSignal }) => Promise<Response>;
  /** network failures say only "unreachable", never why (no port scanning through error texts) */
  opaqueErrors?: boolean;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
const MAX_REDIRECTS = 5;

export async function loadImageSource(source: string, options: LoadSourceOptions = {}): Promise<Buffer> {
  const maxBytes = options.maxBytes ?? MAX_IMAGE_BYTES;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const trimmed = source.trim();
  if (/^https?:\/\//i.test(trimmed)) return download(trimmed, timeoutMs, maxBytes, options);
  if (/^data:/i.test(trimmed)) return checked(decodeDataUri(trimmed), maxBytes);
  if (/^file:\/\//i.test(trimmed)) return readPath(fileURLToPath(trimmed), source, maxBytes);
  const file = await readPath(source, source, maxBytes, true);
  if (file) return file;
  if (looksLikeBase64(trimmed)) return checked(Buffer.from(trimmed.replace(/\s+/g, ''), 'base64'), maxBytes);
  throw inputError('IMAGE_NOT_FOUND', { source: shorten(source) });
}

function checked(bytes: Buffer, maxBytes: number): Buffer {
  if (bytes.length > maxBytes) throw inputError('IMAGE_TOO_LARGE_BYTES', { bytes: bytes.length });
  return bytes;
}

async function readPath(path: string, source: string, maxBytes: number, optional: true): Promise<Buffer | null>;
async function readPath(path: string, source: string, maxBytes: number): Promise<Buffer>;
async function readPath(path: string, source: string, maxBytes: number, optional = false): Promise<Buffer | null> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new Error('not a file');
    size = info.size;
  } catch {
    if (optional) return null;
    throw inputError('IMAGE_NOT_FOUND', { source: shorten(source) });
  }
  if (size > maxBytes) throw inputError('IMAGE_TOO_LARGE_BYTES', { bytes: size });
  return readFile(path);
}

function decodeDataUri(uri: string): Buffer {
  const comma = uri.indexOf(',');
  if (comma < 0) throw inputError('IMAGE_NOT_AN_IMAGE');
  const header = uri.slice(5, comma);
  const payload = uri.slice(comma + 1);
  if (/;base64$/i.test(header)) return Buffer.from(payload.replace(/\s+/g, ''), 'base64');
  return Buffer.from(decodeURIComponent(payload), 'latin1');
}

/** Long enough and only base64 characters: a path this long with no dot or slash-free name is unlikely. */
function looksLikeBase64(text: string): boolean {
  return text.length >= 32 && /^[A-Za-z0-9+/\-_\s]+={0,2}$/.test(text);
}

function shorten(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

async function download(url: string, timeoutMs: number, maxBytes: number, options: LoadSourceOptions): Promise<Buffer> {
  const fetchHop = options.fetch ?? ((u: string, init: { signal: AbortSignal }) => fetch(u, { redirect: 'manual', signal: init.signal }));
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const seconds = Math.round(timeoutMs / 100) / 10;
  try {
    let current = url;
    for (let redirects = 0; ; redirects++) {
      const response = await fetchHop(current, { signal: controller.signal });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        if (redirects >= MAX_REDIRECTS) throw inputError('IMAGE_URL_REDIRECTS', { url });
        current = new URL(location, current).toString();
        continue;
      }
      if (response.status < 200 || response.status >= 300) {
        await response.body?.cancel();
        throw inputError('IMAGE_URL_STATUS', { url, status: response.status });
      }
      return await readBody(response, maxBytes);
    }
  } catch (error) {
    if (isInputError(error)) throw error;
    if (timedOut) throw inputError('IMAGE_URL_TIMEOUT', { url, seconds });
    throw inputError('IMAGE_URL_UNREACHABLE', { url, detail: options.opaqueErrors ? OPAQUE_DETAIL : describeNetworkError(error) });
  } finally {
    clearTimeout(timer);
  }
}

/** Reads a body, stopping as soon as it passes maxBytes (a declared length is checked first). */
async function readBody(response: Response, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw inputError('IMAGE_TOO_LARGE_BYTES', { bytes: declared });
  }
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw inputError('IMAGE_TOO_LARGE_BYTES', { bytes: total });
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

/** the one reason an opaque download failure gives, whatever happened inside */
const OPAQUE_DETAIL = 'unreachable, or not a public address (loopback, private and link-local addresses are refused)';

function describeNetworkError(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    if (cause instanceof Error) return (cause as Error & { code?: string }).code ?? cause.message;
    return error.message;
  }
  return String(error);
}
