/**
 * Checks one value against its parameter's row: the one check the CLI's option parsing, the API's
 * pricing route and the engine's input check share (the API's request bodies go through Fastify,
 * with the same schemas). Undefined takes the row's default.
 *
 * @example
 *   checkValue(parameter('duration'), '10') // → { ok: true, value: 10 }
 *   checkValue(parameter('duration'), 7)    // → { ok: false, rule: 'must be 5 or 10' }
 */
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import type { TSchema } from '@sinclair/typebox';
import type { Parameter } from './types.js';

export type Checked = { ok: true; value: unknown } | { ok: false; rule: string; missing: boolean };

const compiled = new WeakMap<TSchema, TypeCheck<TSchema>>();

function checkerOf(schema: TSchema): TypeCheck<TSchema> {
  let check = compiled.get(schema);
  if (!check) compiled.set(schema, (check = TypeCompiler.Compile(schema)));
  return check;
}

export function checkValue(row: Parameter, value: unknown): Checked {
  const given = value === undefined ? (row.schema as { default?: unknown }).default : value;
  if (given === undefined) return row.required ? { ok: false, rule: row.rule, missing: true } : { ok: true, value: undefined };
  if (!checkerOf(row.schema).Check(given) || (row.refine && !row.refine(given as never))) return { ok: false, rule: row.rule, missing: false };
  return { ok: true, value: row.normalize ? row.normalize(given) : given };
}
