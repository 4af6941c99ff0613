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

export async function playgroundPlugin(app: FastifyInstance, options: PlaygroundOptions = {}): Promise<void> {
  const root = options.root ?? PLAYGROUND_DIR;
  if (!existsSync(resolve(root, 'index.html'))) {
    app.get('/', async (_request, reply) => reply.code(503).type('text/html; charset=utf-8').header('cache-control', 'no-cache')
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
    },
  });
}
