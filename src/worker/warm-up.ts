/**
 * Loads the engine's models before the first task (DESIGN.md §6: no cold start): the nsfwjs
 * classifier and the engine's face models, speech engines and picture threads.
 *
 * @example
 *   await warmUpEngine({ nsfw: true });
 */
import type { Logger } from 'pino';
import { warmUpEngine as warmUpRenderEngine } from '../engine/warm-up.js';
import { warmUpNsfw } from './nsfw.js';
import { warmUpAnalysis } from '../api/analyze-thread/analyze-in-thread.js';

export async function warmUpEngine(options: { nsfw: boolean; logger?: Pick<Logger, 'info' | 'warn'> }): Promise<void> {
  const started = performance.now();
  // tasks' pictures are analysed on the analysis thread (run-prediction.ts): it loads its models now too
  const jobs: Array<Promise<unknown>> = [warmUpRenderEngine(), warmUpAnalysis()];
  if (options.nsfw) jobs.push(warmUpNsfw());
  const results = await Promise.allSettled(jobs);
  for (const r of results) if (r.status === 'rejected') options.logger?.warn({ err: r.reason }, 'warm-up failed; the first task will load it');
  options.logger?.info({ ms: Math.round(performance.now() - started) }, 'engine warmed up');
}
