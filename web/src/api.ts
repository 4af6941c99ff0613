/**
 * The Playground's client for Moviola's WaveSpeed-compatible API: every call sends the key as
 * `Authorization: Bearer …`, unwraps the `{ code, message, data }` envelope and turns a failure into
 * an `ApiFailure` whose `field` is the part of the message before the first colon ("prompt: required"
 * → field "prompt"), so the UI can show it next to that field.
 *
 * @example
 *   const api = new Api(() => localStorage.getItem('moviola.apiKey'));
 *   const { balance } = await api.get<{ balance: number }>('/api/v3/balance');
 */
export class ApiFailure extends Error {
  constructor(message: string, readonly status: number, readonly field: string | null, readonly errorCode: string | null) {
    super(message);
    this.name = 'ApiFailure';
  }
}

/** "prompt: must be …" → "prompt"; "authorization: …" → "authorization"; free text → null */
export function fieldOf(message: string): string | null {
  const m = /^([a-z_][a-z0-9_.\-[\]]*):\s/i.exec(message);
  return m ? m[1]!.toLowerCase() : null;
}

export interface Envelope<T> {
  code: number;
  message: string;
  data: T;
}

export class Api {
  constructor(private readonly key: () => string | null, private readonly base = '') {}

  headers(extra: Record<string, string> = {}): Record<string, string> {
    const key = this.key();
    return { ...(key ? { authorization: `Bearer ${key}` } : {}), ...extra };
  }

  async request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    let response: Response;
    try {
      response = await fetch(this.base + path, {
        method,
        headers: this.headers(body === undefined ? {} : { 'content-type': 'application/json' }),
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      });
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error;
      throw new ApiFailure('network: the server did not answer; is it running?', 0, 'network', null);
    }
    return unwrap<T>(response);
  }

  get<T>(path: string, signal?: AbortSignal): Promise<T> {
    return this.request<T>('GET', path, undefined, signal);
  }

  post<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
    return this.request<T>('POST', path, body, signal);
  }
}

export async function unwrap<T>(response: Response): Promise<T> {
  const text = await response.text();
  let envelope: Partial<Envelope<T>> | null = null;
  try {
    envelope = text ? (JSON.parse(text) as Partial<Envelope<T>>) : null;
  } catch {
    envelope = null;
  }
  const code = typeof envelope?.code === 'number' ? envelope.code : response.status;
  if (!response.ok || code >= 400) {
    const message = envelope?.message || `${response.status} ${response.statusText}`.trim();
    const errorCode = (envelope?.data as { error?: string } | undefined)?.error ?? null;
    throw new ApiFailure(message, response.status || code, fieldOf(message), errorCode);
  }
  return (envelope && 'data' in envelope ? envelope.data : envelope) as T;
}
