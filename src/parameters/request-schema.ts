/**
 * The request body schema of one model, built from the registry rows the model takes. Fastify
 * validates submits with it (src/api/validation.ts), and it is the model's `input_schema` in
 * GET /api/v3/models and OpenAPI. Unknown fields are allowed (clients of the hosted API send extras).
 *
 * @example
 *   requestSchema('kwaivgi/kling-v2.6-pro/image-to-video').required // → ['image', 'prompt']
 */
import { Type, type TObject, type TSchema } from '@sinclair/typebox';
import { fieldSchema } from './field-schema.js';
import { PARAMETERS, takesParameter } from './table.js';
import type { Parameter } from './types.js';

/** marks a schema built here, so the validator knows to normalise its values through the rows */
export const REGISTRY_MARK = 'x-parameters';

export function requestSchema(modelId: string): TObject {
  const properties: Record<string, TSchema> = {};
  for (const row of PARAMETERS) {
    if (!takesParameter(row, modelId)) continue;
    properties[row.name] = row.required ? fieldSchema(row) : Type.Optional(fieldSchema(row));
  }
  return Type.Object(properties, { additionalProperties: true, [REGISTRY_MARK]: true });
}

/** the first registry field of a schema-valid body that breaks its row's `refine` rule */
export function refinementProblem(body: Record<string, unknown>): { field: string; rule: string; value: unknown } | null {
  for (const row of PARAMETERS as readonly Parameter[]) {
    const value = body[row.name];
    if (row.refine && value !== undefined && !row.refine(value as never)) return { field: row.name, rule: row.rule, value };
  }
  return null;
}

/** canonical values ("10" → 10) for the registry's fields of a validated body */
export function normalizeRequest(body: Record<string, unknown>): Record<string, unknown> {
  const out = { ...body };
  for (const row of PARAMETERS as readonly Parameter[]) {
    if (row.normalize && out[row.name] !== undefined) out[row.name] = row.normalize(out[row.name]);
  }
  return out;
}

/**
 * A body with every alias under its parameter's own name (end_image → last_image). The alias is
 * dropped; when both are given the parameter's own name wins.
 */
export function foldAliases(body: Record<string, unknown>): Record<string, unknown> {
  let out = body;
  for (const row of PARAMETERS as readonly Parameter[]) {
    for (const alias of row.aliases ?? []) {
      if (!(alias in out)) continue;
      if (out === body) out = { ...body };
      if (out[row.name] === undefined) out[row.name] = out[alias];
      delete out[alias];
    }
  }
  return out;
}
