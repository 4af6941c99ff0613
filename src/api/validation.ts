/**
 * Fastify's validator for every route schema (TypeBox, compiled once per schema), and the one error
 * formatter: the first problem becomes an error from the catalogue naming the field and the rule
 * the schema's `x-rule` states ("duration: must be 5 or 10 (got 7)"), or "prompt: required". Bodies
 * get their defaults filled; registry request bodies also their canonical values ("10" → 10);
 * query strings and headers are converted from text first.
 *
 * @example
 *   app.setValidatorCompiler(validatorCompiler);
 */
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { Value } from '@sinclair/typebox/value';
import type { TObject, TSchema } from '@sinclair/typebox';
import type { FastifySchemaCompiler } from 'fastify';
import { apiError, type ApiError } from './errors.js';
import { foldAliases, normalizeRequest, refinementProblem, REGISTRY_MARK } from '../parameters/index.js';

type Result = { value: unknown } | { error: ApiError };

function problem(schema: TObject, value: Record<string, unknown>, path: string, message: string): ApiError {
  const field = decodeURIComponent(path.split('/')[1] ?? '').replace(/~1/g, '/').replace(/~0/g, '~');
  const given = value[field];
  if (given === undefined) return apiError('FIELD_REQUIRED', { field });
  const rule = (schema.properties?.[field] as { 'x-rule'?: string } | undefined)?.['x-rule'] ?? message;
  return apiError('FIELD_INVALID', { field, rule, value: given });
}

export const validatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const check = TypeCompiler.Compile(schema);
  const object = schema as TObject;
  const needsBody = (object.required ?? []).length > 0;
  return (input: unknown): Result => {
    let value = input;
    if (httpPart === 'body') {
      if (value === undefined) {
        if (needsBody) return { error: apiError('BODY_EMPTY') };
        value = {};
      }
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return { error: apiError('BODY_NOT_OBJECT') };
      // a registry body's aliases (end_image, image_tail) are validated under the parameter's name
      if ((schema as Record<string, unknown>)[REGISTRY_MARK]) value = foldAliases(value as Record<string, unknown>);
      value = Value.Default(schema, structuredClone(value));
    } else {
      value = Value.Convert(schema, Value.Default(schema, structuredClone(value)));
    }
    const first = check.Errors(value).First();
    if (first) return { error: problem(object, value as Record<string, unknown>, first.path, first.message) };
    if ((schema as Record<string, unknown>)[REGISTRY_MARK]) {
      const refined = refinementProblem(value as Record<string, unknown>);
      if (refined) return { error: apiError('FIELD_INVALID', refined) };
      value = normalizeRequest(value as Record<string, unknown>);
    }
    return { value };
  };
};
