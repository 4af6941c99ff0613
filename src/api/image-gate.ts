/**
 * Submit-time image analysis, bounded and shared: identical images arriving together are analysed
 * once (one in-flight promise per image hash, then the scene cache), and at most
 * MOVIOLA_MAX_PENDING_IMAGES different images wait for the analysis thread at once; past that a
 * submit is a 429 at once instead of a queue that grows without bound and starves everything else.
 * Before that, admitSubmit() bounds how many submits are received at once.
 *
 * @example
 *   const scene = await analyzeOnce(hash, bytes, 8, cacheDir); // throws 429 LIMIT_IMAGES_BUSY when 8 are pending
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Scene } from '../engine/scene.js';
import { analyzeInThread } from './analyze-thread/analyze-in-thread.js';
import { apiError, type ApiError } from './errors.js';
import { sceneCache } from './scene-cache.js';

const inFlight = new Map<string, Promise<Scene>>();

export async function analyzeOnce(hash: string, bytes: Buffer, maxPending: number, cacheDir: string | null, onAnalyse?: () => void): Promise<Scene> {
  const cached = sceneCache.get(hash);
  if (cached) return cached;
  const running = inFlight.get(hash);
  if (running) return running;
  if (inFlight.size >= maxPending) throw imagesBusy(maxPending);
  onAnalyse?.();
  const analysis = analyzeInThread(bytes, cacheDir).then((scene) => {
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
 * burst of new images costs the event loop a header each, not a JSON parse and a base64 decode each.
 * Likewise while every analysis slot is taken: the submit would most likely bring one more new
 * image and be refused after its parse anyway (an image already analysed waits a second too).
 */
export function admitSubmit(maxPending: number) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const closed = submitGateClosed(maxPending);
    if (closed) throw closed;
    admitted++;
    admittedRequests.add(request);
    reply.raw.once('close', () => leaveAdmission(request));
    await nextTurn();
    if (inFlight.size >= maxPending) throw imagesBusy(maxPending);
  };
}

/** the refusal a new submit gets now (too many being received, or every analysis slot taken), or null */
export function submitGateClosed(maxPending: number): ApiError | null {
  const limit = maxPending * ADMITTED_PER_SLOT;
  if (admitted >= limit) return apiError('LIMIT_SUBMITS_BUSY', { limit, retryAfter: 1 });
  if (inFlight.size >= maxPending) return imagesBusy(maxPending);
  return null;
}

const imagesBusy = (maxPending: number) => apiError('LIMIT_IMAGES_BUSY', { limit: maxPending, retryAfter: 1 });

/*
 * Submits take turns: one admitted submit goes on to read and parse its body per turn of the event
 * loop. A burst's requests arrive together (hundreds of sockets ready in one poll), and each body
 * costs milliseconds of parsing, hashing and decoding; handled all in one turn they would hold
 * /healthz and every other request for seconds. Taking turns spreads them over many short turns —
 * and the waiting ones count as admitted, so past the admission limit the rest are refused cheaply.
 */
const waitingTurns: Array<() => void> = [];

function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    waitingTurns.push(resolve);
    if (waitingTurns.length === 1) setImmediate(giveTurn);
  });
}

function giveTurn(): void {
  waitingTurns.shift()?.();
  // an immediate set inside an immediate runs in the next turn of the loop, after its I/O
  if (waitingTurns.length) setImmediate(giveTurn);
}

/** the submit's image is checked and the prediction stored (or refused): room for the next one */
export function leaveAdmission(request: FastifyRequest): void {
  if (admittedRequests.delete(request)) admitted--;
}

