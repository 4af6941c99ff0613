/**
 * A prediction as the wire shows it: WaveSpeed's fields (`id, model, outputs, urls, has_nsfw_contents,
 * status, created_at, error, timings`) plus ours (`progress`, `plan`, `input`, `poster`, `started_at`,
 * `finished_at`). Absolute URLs are built from the base URL the client used.
 *
 * @example
 *   presentPrediction(p, storage, 'http://127.0.0.1:8080').urls.get
 *   // → 'http://127.0.0.1:8080/api/v3/predictions/<id>/result'
 */
import type { BlobStorage } from '../storage/types.js';
import type { Prediction } from '../tasks/types.js';

export interface PresentOptions {
  includeInput?: boolean;
  includePlan?: boolean;
}

export function presentPrediction(p: Prediction, storage: BlobStorage, baseUrl: string, options: PresentOptions = {}) {
  const base = baseUrl.replace(/\/+$/, '');
  const completed = p.status === 'completed';
  return {
    id: p.id,
    model: p.model,
    outputs: completed ? p.outputKeys.map((k) => storage.url(k, base)) : [],
    urls: { get: `${base}/api/v3/predictions/${p.id}/result` },
    has_nsfw_contents: completed ? p.hasNsfw : [],
    status: p.status,
    created_at: p.createdAt.toISOString(),
    error: p.error,
    timings: { inference: p.inferenceMs },
    progress: Math.round(p.progress),
    poster: completed && p.posterKey ? storage.url(p.posterKey, base) : null,
    started_at: p.startedAt?.toISOString() ?? null,
    finished_at: p.finishedAt?.toISOString() ?? null,
    ...(options.includePlan !== false && p.plan ? { plan: p.plan } : {}),
    ...(options.includeInput !== false ? { input: p.input } : {}),
  };
}

export type WirePrediction = ReturnType<typeof presentPrediction>;
