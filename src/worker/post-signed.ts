/**
 * POSTs a JSON payload signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`,
 * `webhook-signature`) with an account's secret. Throws on a network error or timeout; answers the
 * HTTP status otherwise.
 *
 * @example
 *   const status = await postSigned(url, account.webhookSecret, 'msg_…', JSON.stringify(body));
 */
import { Webhook } from 'standardwebhooks';
import type { FetchLike } from '../api/outbound/guarded-fetch.js';

/** the plain fetch, for callers without an outbound guard (redirects are never followed) */
const plainFetch: FetchLike = (url, init) => fetch(url, { ...init, redirect: 'manual' });

export interface PostOptions {
  timeoutMs?: number;
  /** how to POST: the service passes its outbound guard */
  fetch?: FetchLike;
}

export async function postSigned(url: string, secret: string, id: string, payload: string, options: PostOptions = {}): Promise<number> {
  const timestamp = new Date();
  const signature = new Webhook(secret).sign(id, timestamp, payload);
  const response = await (options.fetch ?? plainFetch)(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'Moviola-Webhooks/1',
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
      'webhook-signature': signature,
    },
    body: payload,
    signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
  });
  await response.arrayBuffer().catch(() => undefined);
  return response.status;
}
