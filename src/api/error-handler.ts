/**
 * Turns every error into the `{code, message, data}` envelope: our catalogue's errors and the
 * engine's InputErrors as they are (4xx), Fastify's own client errors (bad JSON, body too large,
 * unsupported media type) through the catalogue, and anything else as a logged 500.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isInputError } from '../engine/errors.js';
import { failure } from './envelope.js';
import { apiError, isApiError, type ApiError } from './errors.js';

function translate(error: FastifyError & { limit?: number }, request: FastifyRequest, bodyLimit: number): ApiError | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE': return apiError('BODY_TOO_LARGE', { limit: bodyLimit });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE': return apiError('MEDIA_TYPE_UNSUPPORTED', { type: String(request.headers['content-type'] ?? '').split(';')[0]! });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY': return apiError('BODY_EMPTY');
    case 'FST_ERR_CTP_INVALID_JSON_BODY': return apiError('BODY_INVALID_JSON', { detail: error.message });
    case 'FST_REQ_FILE_TOO_LARGE': return apiError('UPLOAD_TOO_LARGE', { limit: bodyLimit, size: bodyLimit + 1 });
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE': return apiError('UPLOAD_FILE_MISSING');
  }
  if (error instanceof SyntaxError && error.statusCode === 400) return apiError('BODY_INVALID_JSON', { detail: error.message });
  return undefined;
}

export function errorHandler(bodyLimit: number) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (isInputError(error)) return reply.status(400).send(failure(400, error.message, error.code));
    const known = isApiError(error) ? error : translate(error, request, bodyLimit);
    if (known?.retryAfter !== undefined) reply.header('retry-after', String(known.retryAfter));
    if (known) return reply.status(known.statusCode).send(failure(known.statusCode, known.message, known.code));
    if (error.validation) {
      return reply.status(400).send(failure(400, error.message, 'FIELD_INVALID'));
    }
    if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send(failure(error.statusCode, error.message, error.code ?? 'CLIENT_ERROR'));
    }
    request.log.error({ err: error }, 'unhandled error');
    const internal = apiError('INTERNAL');
    return reply.status(500).send(failure(500, internal.message, internal.code));
  };
}
