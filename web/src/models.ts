/**
 * Reads the model list (GET /api/v3/models) into `{ id, name, resolution, schema }`, whatever the
 * exact spelling of the schema field (`input_schema`, `schema`, `inputs` or `input`).
 *
 * @example
 *   const models = await loadModels(api); // → [{ id: 'kwaivgi/kling-v2.6-pro/image-to-video', resolution: '1080p', schema: {…} }, …]
 */
import type { Api } from './api.js';
import type { JsonSchema, ModelInfo } from './types.js';

export async function loadModels(api: Api): Promise<ModelInfo[]> {
  const data = await api.get<unknown>('/api/v3/models');
  const list = Array.isArray(data) ? data
    : (data as Record<string, unknown>)?.models ?? (data as Record<string, unknown>)?.items ?? [];
  return (list as Array<Record<string, unknown>>).map((m) => {
    const schema = (['input_schema', 'schema', 'inputs', 'input', 'parameters'] as const)
      .map((k) => m[k]).find((s): s is JsonSchema => !!s && typeof s === 'object' && 'properties' in s) ?? { type: 'object', properties: {} };
    const id = String(m.id ?? m.model_id ?? m.name);
    return {
      id,
      name: typeof m.name === 'string' ? m.name : id,
      description: typeof m.description === 'string' ? m.description : '',
      resolution: typeof m.resolution === 'string' ? m.resolution : /std/.test(id) ? '720p' : '1080p',
      schema,
    };
  });
}

/** "kwaivgi/kling-v2.6-pro/image-to-video" at 1080p → "Pro · 1080p" */
export function modelLabel(m: ModelInfo): string {
  const tier = /-pro\b/.test(m.id) ? 'Pro' : /-std\b/.test(m.id) ? 'Standard' : m.name ?? m.id;
  return `${tier} · ${m.resolution}`;
}
