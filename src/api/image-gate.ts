/**
 * Submit-time image analysis, bounded and shared: identical images arriving together are analysed
 * once (one in-flight promise per image hash, then the scene cache), and at most
 * MOVIOLA_MAX_PENDING_IMAGES different images wait for the analysis thread at once; past that a
 * submit is a 429 at once instead of a queue that grows without bound and starves everything else.
 * Before that, admitSubmit() bounds how many submits are received at once.
 *
 * @example
 *   const scene = await analyzeOnce(hash, bytes, 8); // throws 429 LIMIT_IMAGES_BUSY when 8 are pending
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Scene } from '../engine/scene.js';
import { analyzeInThread } from './analyze-thread/analyze-in-thread.js';
import { apiError } from './errors.js';
import { sceneCache } from './scene-cache.js';

const inFlight = new Map<string, Promise<Scene>>();

export async function analyzeOnce(hash: string, bytes: Buffer, maxPending: number, onAnalyse?: () => void): Promise<Scene> {
  const cached = sceneCache.get(hash);
  if (cached) return cached;
  const running = inFlight.get(hash);
  if (running) return running;
  if (inFlight.size >= maxPending) throw apiError('LIMIT_IMAGES_BUSY', { limit: maxPending, retryAfter: 1 });
  onAnalyse?.();
  const analysis = analyzeInThread(bytes).then((scene) => {
    sceneCache.set(hash, scene);
    return scene;
  }).finally(() => inFlight.delete(hash));
  inFlight.set(hash, analysis);
  return analysis;
}

/** submits admitted at once, per analysis slot (room for identical and already-analysed images) */
const ADMITTED_PER_SLOT = 4;
let admitted = 0;
const admittedRequests = new WeakSet<FastifyRequest>();

/**
 * a submit route's onRequest hook: at most ADMITTED_PER_SLOT × MOVIOLA_MAX_PENDING_IMAGES submits are
 * received and checked at once; past that a submit is refused before its body is even read, so a
 * burst of new images costs the event loop a header each, not a JSON parse and a base64 decode each
 */
export function admitSubmit(maxPending: number) {
  const limit = maxPending * ADMITTED_PER_SLOT;
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (admitted >= limit) throw apiError('LIMIT_SUBMITS_BUSY', { limit, retryAfter: 1 });
    admitted++;
    admittedRequests.add(request);
    reply.raw.once('close', () => leaveAdmission(request));
  };
}

/** the submit's image is checked and the prediction stored (or refused): room for the next one */
export function leaveAdmission(request: FastifyRequest): void {
  if (admittedRequests.delete(request)) admitted--;
}

