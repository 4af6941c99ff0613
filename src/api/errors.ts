/**
 * The API's catalogue of errors (DESIGN.md §8, modelled on Fastify's lib/errors.js): every failure the
 * API returns has a stable code, an HTTP status and a message template naming the field and the rule.
 * Route code throws `apiError(code, params)`; the error handler turns it into the `{code, message, data}`
 * envelope. Client mistakes are always 4xx; only our own bugs are 500.
 *
 * @example
 *   throw apiError('INSUFFICIENT_BALANCE', { balance: 0.2, price: 0.7 });
 *   // → HTTP 402 { code: 402, message: 'balance: $0.20 is less than the $0.70 this prediction costs', data: { error: 'INSUFFICIENT_BALANCE' } }
 */

const money = (v: number) => `$${v.toFixed(2)}`;

const catalogue = {
  AUTH_MISSING: { status: 401, message: () => 'authorization: missing API key; send the header "Authorization: Bearer <key>"' },
  AUTH_INVALID: { status: 401, message: () => 'authorization: invalid API key' },
  ROUTE_NOT_FOUND: { status: 404, message: (p: { method: string; url: string }) => `route ${p.method} ${p.url} not found` },
  MODEL_NOT_FOUND: { status: 404, message: (p: { model: string }) => `model "${p.model}" not found (see GET /api/v3/models)` },
  PREDICTION_NOT_FOUND: { status: 404, message: (p: { id: string }) => `prediction "${p.id}" not found` },
  UPLOAD_NOT_FOUND: { status: 404, message: (p: { id: string }) => `upload "${p.id}" not found` },
  FILE_NOT_FOUND: { status: 404, message: () => 'file not found' },
  BODY_INVALID_JSON: { status: 400, message: (p: { detail: string }) => `body: malformed JSON (${p.detail})` },
  BODY_EMPTY: { status: 400, message: () => 'body: empty; send a JSON object' },
  BODY_NOT_OBJECT: { status: 400, message: () => 'body: must be a JSON object' },
  BODY_TOO_LARGE: { status: 413, message: (p: { limit: number }) => `body: larger than the ${Math.round(p.limit / 1048576)} MB limit` },
  MEDIA_TYPE_UNSUPPORTED: { status: 415, message: (p: { type: string }) => `content-type: "${p.type}" is not supported; send application/json` },
  FIELD_REQUIRED: { status: 400, message: (p: { field: string }) => `${p.field}: required` },
  FIELD_INVALID: { status: 400, message: (p: { field: string; rule: string; value: unknown }) => `${p.field}: ${p.rule} (got ${preview(p.value)})` },
  INSUFFICIENT_BALANCE: { status: 402, message: (p: { balance: number; price: number }) => `balance: ${money(p.balance)} is less than the ${money(p.price)} this prediction costs` },
  IDEMPOTENCY_MISMATCH: { status: 409, message: (p: { key: string }) => `idempotency-key: "${p.key}" was already used with different inputs` },
  PREDICTION_NOT_CANCELLABLE: { status: 409, message: (p: { id: string; status: string }) => `prediction "${p.id}" is already ${p.status} and cannot be cancelled` },
  UPLOAD_SIGNATURE_INVALID: { status: 403, message: () => 'upload: the URL is invalid or has expired; ask POST /api/v3/media/uploads for a new one' },
  UPLOAD_ALREADY_USED: { status: 409, message: () => 'upload: this upload URL has already been used' },
  UPLOAD_SIZE_MISMATCH: { status: 400, message: (p: { expected: number; got: number }) => `upload: expected ${p.expected} bytes as declared, got ${p.got}` },
  UPLOAD_TOO_LARGE: { status: 413, message: (p: { limit: number; size: number }) => `size: ${p.size} bytes is over the ${Math.round(p.limit / 1048576)} MB upload limit` },
  UPLOAD_FILE_MISSING: { status: 400, message: () => 'file: required, a multipart file field named "file"' },
  RANGE_NOT_SATISFIABLE: { status: 416, message: (p: { range: string; size: number }) => `range: "${p.range}" is outside the file's ${p.size} bytes` },
  // hardening (issue #12)
  URL_NOT_PUBLIC: { status: 400, message: (p: { field: string; url: string }) => `${p.field}: ${preview(p.url)} is not an http(s) URL of a public address; this server does not connect to loopback, private or link-local addresses` },
  BODY_TOO_DEEP: { status: 400, message: (p: { limit: number }) => `body: JSON nested deeper than ${p.limit} levels` },
  BODY_FORBIDDEN_KEY: { status: 400, message: () => 'body: the keys "__proto__" and "constructor" (with "prototype") are not allowed (prototype poisoning)' },
  UPLOAD_NOT_IMAGE: { status: 400, message: () => 'file: must be a JPEG, PNG or WebP image; the bytes are not one (the file name and declared content type do not count)' },
  LIMIT_ACCOUNT_QUEUE: { status: 429, message: (p: { limit: number; retryAfter: number }) => `rate limit: this account already has ${p.limit} predictions waiting or rendering (MOVIOLA_MAX_QUEUED_PER_ACCOUNT); retry after ${p.retryAfter} s` },
  LIMIT_GLOBAL_QUEUE: { status: 429, message: (p: { limit: number; retryAfter: number }) => `rate limit: the server's queue is full with ${p.limit} predictions (MOVIOLA_MAX_QUEUED); retry after ${p.retryAfter} s` },
  LIMIT_IMAGES_BUSY: { status: 429, message: (p: { limit: number; retryAfter: number }) => `rate limit: ${p.limit} submitted images are being checked already (MOVIOLA_MAX_PENDING_IMAGES); retry after ${p.retryAfter} s` },
  LIMIT_SUBMITS_BUSY: { status: 429, message: (p: { limit: number; retryAfter: number }) => `rate limit: ${p.limit} submits are being received and checked already (4 × MOVIOLA_MAX_PENDING_IMAGES); retry after ${p.retryAfter} s` },
  AUTH_RATE_LIMITED: { status: 429, message: (p: { limit: number; retryAfter: number }) => `authorization: more than ${p.limit} failed authentications from this address in a minute (MOVIOLA_AUTH_FAILURES_PER_MINUTE); retry after ${p.retryAfter} s` },
  SHUTTING_DOWN: { status: 503, message: () => 'the server is shutting down and accepts no new predictions; retry in a few seconds' },
  PREDICTION_EXPIRED: { status: 410, message: (p: { id: string; days: number }) => `prediction "${p.id}": expired; its inputs and outputs were deleted after the ${p.days}-day retention period (MOVIOLA_RETENTION_DAYS)` },
  WEBHOOK_NOT_SET: { status: 409, message: (p: { id: string }) => `prediction "${p.id}" has no webhook_url; nothing to redeliver` },
  PREDICTION_NOT_TERMINAL: { status: 409, message: (p: { id: string; status: string }) => `prediction "${p.id}" is still ${p.status}; its webhook is sent when it ends` },
  INTERNAL: { status: 500, message: () => 'internal error; the server log has the details' },
} as const;

function preview(value: unknown): string {
  if (typeof value === 'string' && value.length > 200) return `a text of ${value.length} characters`;
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}

export type ApiErrorCode = keyof typeof catalogue;
type ParamsOf<C extends ApiErrorCode> = Parameters<(typeof catalogue)[C]['message']>[0];

/** An error the API answers with its own status and message. */
export class ApiError extends Error {
  readonly code: string;
  readonly statusCode: number;
  /** seconds for a Retry-After header (429/503 answers) */
  retryAfter?: number;
  constructor(code: string, statusCode: number, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.statusCode = statusCode;
  }
}

export function apiError<C extends ApiErrorCode>(code: C, ...params: ParamsOf<C> extends undefined ? [] : [ParamsOf<C>]): ApiError {
  const entry = catalogue[code];
  const error = new ApiError(code, entry.status, (entry.message as (p: unknown) => string)(params[0]));
  const retryAfter = (params[0] as { retryAfter?: unknown } | undefined)?.retryAfter;
  if (typeof retryAfter === 'number') error.retryAfter = retryAfter;
  return error;
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** The catalogue as data (for the docs). */
export function errorCatalogue(): Array<{ code: string; status: number }> {
  return Object.entries(catalogue).map(([code, e]) => ({ code, status: e.status }));
}
