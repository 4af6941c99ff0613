/** The model registry: every model the API serves, by id. */
import type { Model } from './build-model.js';
import { klingPro } from './kling-v2.6-pro.js';
import { klingStd } from './kling-v2.6-std.js';

export const MODELS: readonly Model[] = [klingPro, klingStd];

export function findModel(id: string): Model | undefined {
  return MODELS.find((m) => m.id === id);
}

export type { Model } from './build-model.js';
