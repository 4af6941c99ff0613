/**
 * Serves the Playground (the Vite build in web/dist, made by `npm run build:web`, which `npm install`
 * runs as `prepare`) at `/`. Hashed files under /assets/ are cached for a year; index.html is
 * revalidated on every load so a new build shows up at once. If the build is missing, `/` says how
 * to make it instead of failing.
 *
 * @example
 *   import { playgroundPlugin } from './playground.js';
 *   await app.register(playgroundPlugin); // GET / → the Playground
 */
import { existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** web/dist, next to src/ */
export const PLAYGROUND_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export interface PlaygroundOptions {
  /** the built Playground (default web/dist) */
  root?: string;
}

const YEAR = 'public, max-age=31536000, immutable';

/**
 * The Playground's own Content-Security-Policy: scripts only from our origin (no inline script, no
 * eval), API calls to our origin, pictures and clips from our origin or the URLs a user types,
 * never framed. It keeps the API key in localStorage, so nothing else may run on this origin.
 */
export const PLAYGROUND_CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob: http: https:",
  "media-src 'self' blob: http: https:", "connect-src 'self'", "font-src 'self'", "object-src 'none'", "base-uri 'none'",
  "form-action 'self'", "frame-ancestors 'none'",
].join('; ');

export async function playgroundPlugin(app: FastifyInstance, options: PlaygroundOptions = {}): Promise<void> {
  const root = options.root ?? PLAYGROUND_DIR;
  if (!existsSync(resolve(root, 'index.html'))) {
    app.get('/', async (_request, reply) => reply.code(503).type('text/html; charset=utf-8').header('cache-control', 'no-cache').header('content-security-policy', PLAYGROUND_CSP)
      .send('<!doctype html><meta charset="utf-8"><title>Moviola</title><p>The Playground is not built. Run <code>npm run build:web</code> and restart the server. The API is at <code>/api/v3</code>.</p>'));
    return;
  }
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    // one route per built file (and / for index.html), so the API's own 404s are untouched
    wildcard: false,
    decorateReply: false,
    cacheControl: false,
    index: ['index.html'],
    setHeaders(reply, path) {
      const hashed = /[/\\]assets[/\\]/.test(path) && /-[\w-]{8,}\.\w+$/.test(basename(path));
      reply.header('cache-control', hashed ? YEAR : 'no-cache');
      reply.header('content-security-policy', PLAYGROUND_CSP);
      reply.header('x-content-type-options', 'nosniff');
      reply.header('x-frame-options', 'DENY');
      reply.header('referrer-policy', 'no-referrer');
    },
  });
}
