/**
 * Follows a prediction's server-sent events (GET /api/v3/predictions/{id}/events). EventSource
 * cannot send an Authorization header, so this reads the stream with fetch() and parses the
 * `event:`/`data:` lines itself. Each update is `{ status, progress }` (from the event's JSON data,
 * envelope or not). Falls back to polling the result route if the stream is unavailable.
 *
 * @example
 *   const stop = followPrediction(api, id, (u) => bar.value = u.progress ?? 0, (final) => show(final));
 */
import { Api, ApiFailure, unwrap } from './api.js';
import type { Prediction } from './types.js';

export interface Update {
  status?: string;
  progress?: number;
  error?: string;
}

export const TERMINAL = new Set(['completed', 'failed', 'cancelled', 'canceled']);

/** Parses one SSE event block's data (JSON, possibly an envelope) into an update. */
export function updateFrom(eventName: string, data: string): Update {
  let value: unknown = data;
  try { value = JSON.parse(data); } catch { /* plain text */ }
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const inner = obj.data && typeof obj.data === 'object' ? (obj.data as Record<string, unknown>) : obj;
    return {
      status: typeof inner.status === 'string' ? inner.status : (eventName !== 'message' ? eventName : undefined),
      progress: typeof inner.progress === 'number' ? inner.progress : undefined,
      error: typeof inner.error === 'string' ? inner.error : undefined,
    };
  }
  return { status: eventName !== 'message' ? eventName : String(value) };
}

export function followPrediction(api: Api, id: string, onUpdate: (u: Update) => void, onDone: (p: Prediction) => void, onError: (e: Error) => void): () => void {
  const abort = new AbortController();
  let finished = false;
  const finish = async () => {
    if (finished) return;
    finished = true;
    try {
      onDone(await api.get<Prediction>(`/api/v3/predictions/${id}/result`, abort.signal));
    } catch (e) {
      if ((e as Error).name !== 'AbortError') onError(e as Error);
    } finally {
      abort.abort();
    }
  };
  const handle = (u: Update) => {
    if (finished) return;
    if (u.status === 'deleted') {
      finished = true;
      abort.abort();
      onError(new Error('This run was deleted.'));
      return;
    }
    onUpdate(u);
    if (u.status && TERMINAL.has(u.status)) void finish();
  };

  const poll = async () => {
    while (!finished && !abort.signal.aborted) {
      try {
        const p = await api.get<Prediction>(`/api/v3/predictions/${id}/result`, abort.signal);
        handle({ status: p.status, progress: p.progress });
      } catch (e) {
        if ((e as Error).name === 'AbortError') return;
        // a client error (gone, key revoked) will not heal by asking again
        if (e instanceof ApiFailure && e.status >= 400 && e.status < 500) {
          finished = true;
          onError(e);
          return;
        }
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  };

  const stream = async () => {
    const response = await fetch(`/api/v3/predictions/${id}/events`, { headers: api.headers({ accept: 'text/event-stream' }), signal: abort.signal });
    if (!response.ok || !response.body || !(response.headers.get('content-type') ?? '').includes('event-stream')) {
      if (!response.ok) await unwrap(response).catch(() => undefined);
      throw new Error('no event stream');
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let cut: number;
      while ((cut = buffer.search(/\r?\n\r?\n/)) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut).replace(/^\r?\n\r?\n/, '');
        let name = 'message';
        const data: string[] = [];
        for (const line of block.split(/\r?\n/)) {
          if (line.startsWith('event:')) name = line.slice(6).trim();
          else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
        }
        if (data.length) handle(updateFrom(name, data.join('\n')));
      }
    }
    // the stream ended: the prediction is terminal, or the connection dropped — ask once, then poll
    if (!finished) await poll();
  };

  stream().catch((e) => {
    if ((e as Error).name !== 'AbortError' && !finished) void poll();
  });
  return () => { finished = true; abort.abort(); };
}
