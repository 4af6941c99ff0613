/**
 * The one way the server fetches a URL a user gave it (image downloads, webhooks): a `fetch`-shaped
 * function that resolves the host itself, refuses the request when any of its addresses is not
 * allowed (address-policy.ts), and then connects to exactly the address it checked, so a DNS answer
 * that changes between the check and the connection (rebinding) cannot reach a private address.
 * It never follows redirects: a caller that follows them calls it again for each hop, so every hop
 * is checked. The Host header and TLS SNI stay the URL's host name.
 *
 * @example
 *   const fetchPublic = guardedFetch(parseAllowPrivate(process.env.MOVIOLA_ALLOW_PRIVATE_URLS));
 *   await fetchPublic('http://127.0.0.1:8080/metrics'); // throws OutboundRefusedError, nothing connects
 */
import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { Readable } from 'node:stream';
import ipaddr from 'ipaddr.js';
import { isAddressAllowed, type AddressPolicy } from './address-policy.js';

/** the URL's host is not a public address (or not http/https): nothing was sent */
export class OutboundRefusedError extends Error {
  constructor(readonly url: string) {
    super(`outbound: ${url} is not an http(s) URL of a public address`);
    this.name = 'OutboundRefusedError';
  }
}

export type FetchLike = (url: string, init?: { method?: string; headers?: Record<string, string>; body?: string; signal?: AbortSignal }) => Promise<Response>;

interface Vetted { address: string; family: 4 | 6 }

/** resolves the URL's host and checks every address; throws OutboundRefusedError if any is refused */
export async function vetUrl(url: string, policy: AddressPolicy): Promise<{ target: URL; vetted: Vetted }> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new OutboundRefusedError(url);
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new OutboundRefusedError(url);
  // WHATWG URL parsing already turns 127.1, 2130706433 and 0x7f000001 into 127.0.0.1
  const host = target.hostname.replace(/^\[|\]$/g, '');
  let addresses: Vetted[];
  if (ipaddr.isValid(host)) {
    addresses = [{ address: host, family: ipaddr.parse(host).kind() === 'ipv4' ? 4 : 6 }];
  } else {
    try {
      addresses = (await lookup(host, { all: true, verbatim: true })) as Vetted[];
    } catch {
      throw new OutboundRefusedError(url);
    }
  }
  if (addresses.length === 0 || addresses.some((a) => !isAddressAllowed(a.address, policy))) throw new OutboundRefusedError(url);
  return { target, vetted: addresses[0]! };
}

/** a fetch that only reaches addresses the policy allows */
export function guardedFetch(policy: AddressPolicy): FetchLike {
  return async (url, init = {}) => {
    const { target, vetted } = await vetUrl(url, policy);
    // every name lookup the socket makes answers the vetted address (also with autoSelectFamily's all: true)
    const pinned = ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
      if (options?.all) callback(null, [vetted]);
      else callback(null, vetted.address, vetted.family);
    }) as unknown as LookupFunction;
    const client = target.protocol === 'https:' ? https : http;
    return new Promise<Response>((resolve, reject) => {
      const request = client.request(target, {
        method: init.method ?? 'GET',
        headers: init.headers,
        lookup: pinned,
        agent: false,
        signal: init.signal,
      }, (incoming) => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(incoming.headers)) {
          if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
        }
        const status = incoming.statusCode ?? 502;
        const empty = [204, 205, 304].includes(status) || (init.method ?? 'GET') === 'HEAD';
        if (empty) incoming.resume();
        try {
          resolve(new Response(empty ? null : (Readable.toWeb(incoming) as ReadableStream), { status, headers }));
        } catch (error) {
          incoming.destroy();
          reject(error);
        }
      });
      request.on('error', reject);
      request.end(init.body);
    });
  };
}
