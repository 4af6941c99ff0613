/**
 * Validates a submit body against its model's TypeBox schema and normalises it (defaults filled,
 * "5"/"10" to numbers). The first problem becomes an error from the catalogue naming the field and
 * the schema's `x-rule` for it.
 *
 * @example
 *   validateInput(klingPro, { prompt: 'rain', image: 'https://…', duration: '10' }).duration // → 10
 *   validateInput(klingPro, { image: 'x' }) // throws 400 'prompt: required'
 */
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import { Value } from '@sinclair/typebox/value';
import type { TObject, TSchema } from '@sinclair/typebox';
import { apiError } from './errors.js';
import type { Model } from './models/index.js';
import type { TaskInput } from '../tasks/types.js';

export interface ValidInput extends TaskInput {
  enable_sync_mode: boolean;
  webhook_url?: string;
  external_task_id?: string;
}

const compiled = new WeakMap<TSchema, TypeCheck<TSchema>>();

function checker(schema: TSchema): TypeCheck<TSchema> {
  let check = compiled.get(schema);
  if (!check) compiled.set(schema, (check = TypeCompiler.Compile(schema)));
  return check;
}

export function validateInput(model: Model, body: unknown): ValidInput {
  if (body === undefined || body === null) throw apiError('BODY_EMPTY');
  if (typeof body !== 'object' || Array.isArray(body)) throw apiError('BODY_NOT_OBJECT');
  const schema = model.schema as TObject;
  const check = checker(schema);
  const value = Value.Default(schema, structuredClone(body)) as Record<string, unknown>;
  const first = check.Errors(value).First();
  if (first) {
    const field = first.path.split('/')[1] ?? '';
    const fieldSchema = schema.properties[field];
    const given = value[field];
    if (given === undefined) throw apiError('FIELD_REQUIRED', { field });
    const rule = (fieldSchema as { 'x-rule'?: string } | undefined)?.['x-rule'] ?? first.message;
    throw apiError('FIELD_INVALID', { field, rule, value: given });
  }
  const webhook = value.webhook_url as string | undefined;
  if (webhook !== undefined && !isHttpUrl(webhook)) {
    throw apiError('FIELD_INVALID', { field: 'webhook_url', rule: 'must be an http(s) URL', value: webhook });
  }
  return { ...(value as unknown as ValidInput), duration: Number(value.duration) as 5 | 10 };
}

export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
