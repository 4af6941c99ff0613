/**
 * POSTs a JSON payload signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`,
 * `webhook-signature`) with an account's secret. Throws on a network error or timeout; answers the
 * HTTP status otherwise.
 *
 * @example
 *   const status = await postSigned(url, account.webhookSecret, 'msg_…', JSON.stringify(body));
 */
import { Webhook } from 'standardwebhooks';

export async function postSigned(url: string, secret: string, id: string, payload: string, timeoutMs = 10_000): Promise<number> {
  const timestamp = new Date();
  const signature = new Webhook(secret).sign(id, timestamp, payload);
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'Moviola-Webhooks/1',
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
      'webhook-signature': signature,
    },
    body: payload,
    redirect: 'manual',
    signal: AbortSignal.timeout(timeoutMs),
  });
  await response.arrayBuffer().catch(() => undefined);
  return response.status;
}
