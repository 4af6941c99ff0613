/**
 * The engine's catalogue of input errors: every way a request's image or parameters can be
 * rejected, each with a stable code, the field it concerns and a message template. The CLI maps
 * them to exit code 2, the API to a 4xx with the same message (DESIGN.md §8: one catalogue,
 * everything else throws from it).
 *
 * @example
 *   throw inputError('IMAGE_TOO_SMALL', { width: 200, height: 200 });
 */

const catalogue = {
  IMAGE_NOT_AN_IMAGE: { field: 'image', message: () => 'image: not a JPEG, PNG or WebP file' },
  IMAGE_CORRUPT: { field: 'image', message: (p: { detail: string }) => `image: the file is corrupt or truncated (${p.detail})` },
  IMAGE_TOO_LARGE_BYTES: { field: 'image', message: (p: { bytes: number }) => `image: ${(p.bytes / 1048576).toFixed(1)} MB is over the 10 MB limit` },
  IMAGE_TOO_SMALL: { field: 'image', message: (p: { width: number; height: number }) => `image: ${p.width}×${p.height} is too small; each side must be at least 300 px` },
  IMAGE_ASPECT: { field: 'image', message: (p: { width: number; height: number }) => `image: aspect ratio ${p.width}×${p.height} is outside 1:2.5 – 2.5:1` },
  IMAGE_TOO_MANY_PIXELS: { field: 'image', message: (p: { width: number; height: number }) => `image: declared size ${p.width}×${p.height} is over the 40 megapixel limit (decompression bomb?)` },
  IMAGE_EMPTY: { field: 'image', message: () => 'image: the file is empty' },
  IMAGE_NOT_FOUND: { field: 'image', message: (p: { source: string }) => `image: no such file: ${p.source}` },
  IMAGE_URL_UNREACHABLE: { field: 'image', message: (p: { url: string; detail: string }) => `image: could not download ${p.url}: ${p.detail}` },
  IMAGE_URL_TIMEOUT: { field: 'image', message: (p: { url: string; seconds: number }) => `image: download of ${p.url} timed out after ${p.seconds} s` },
  IMAGE_URL_STATUS: { field: 'image', message: (p: { url: string; status: number }) => `image: ${p.url} answered HTTP ${p.status}` },
  IMAGE_URL_REDIRECTS: { field: 'image', message: (p: { url: string }) => `image: ${p.url} redirected too many times` },
  // the request's parameters: the rule is the parameter registry's (src/parameters), named once there
  PARAMETER_REQUIRED: { field: '', message: (p: { field: string }) => `${p.field}: required` },
  PARAMETER_INVALID: { field: '', message: (p: { field: string; rule: string; value: unknown }) => `${p.field}: ${p.rule} (got ${JSON.stringify(p.value)})` },
  CLIP_SECONDS_INVALID: { field: 'clipSeconds', message: (p: { value: unknown; duration: number }) => `clipSeconds: must be a number of seconds above 0 and at most the duration, ${p.duration} (got ${JSON.stringify(p.value)})` },
  VOICE_UNKNOWN: { field: 'voice_list', message: (p: { voice: string }) => `voice_list: unknown voice id "${p.voice}" (see GET /api/v3/voices)` },
  PLAN_INVALID: { field: 'plan', message: (p: { detail: string }) => `plan: not a valid ShotPlan (${p.detail})` },
} as const;

export type InputErrorCode = keyof typeof catalogue;
type ParamsOf<C extends InputErrorCode> = Parameters<(typeof catalogue)[C]['message']>[0];

/** A request the engine refuses: the user's mistake, never a crash. */
export class InputError extends Error {
  readonly code: InputErrorCode;
  readonly field: string;
  constructor(code: InputErrorCode, message: string, field: string) {
    super(message);
    this.name = 'InputError';
    this.code = code;
    this.field = field;
  }
}

export function inputError<C extends InputErrorCode>(code: C, ...params: ParamsOf<C> extends undefined ? [] : [ParamsOf<C>]): InputError {
  const entry = catalogue[code];
  const message = (entry.message as (p: unknown) => string)(params[0]);
  // parameter errors name their field in their params
  const field = entry.field || String((params[0] as { field?: unknown } | undefined)?.field ?? '');
  return new InputError(code, message, field);
}

export function isInputError(error: unknown): error is InputError {
  return error instanceof InputError;
}
