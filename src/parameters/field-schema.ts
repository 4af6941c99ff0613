/**
 * A parameter's JSON Schema as every surface shows it: its TypeBox type plus the registry's words
 * (`x-rule`, the rule error messages name; `x-widget`, the Playground's widget; `x-price`, its effect
 * on price). Fastify validates with it, OpenAPI and GET /api/v3/models publish it, the Playground
 * builds its form from it.
 *
 * @example
 *   fieldSchema(parameter('duration'))['x-rule'] // → 'must be 5 or 10'
 */
import { CloneType, type TSchema } from '@sinclair/typebox';
import type { Parameter } from './types.js';

export function fieldSchema(row: Parameter): TSchema {
  return CloneType(row.schema, {
    'x-rule': row.rule,
    'x-widget': row.widget,
    ...(row.price ? { 'x-price': row.price } : {}),
    ...(row.aliases ? { 'x-aliases': [...row.aliases] } : {}),
  });
}
