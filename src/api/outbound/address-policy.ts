/**
 * Which addresses the server may connect to when it fetches a URL a user gave it (image downloads,
 * webhooks). By default only public unicast addresses: loopback, private (RFC 1918, fc00::/7),
 * link-local (169.254/16 with cloud metadata, fe80::/10), CGNAT (100.64/10), multicast, broadcast,
 * unspecified and reserved ranges are refused, and IPv4-mapped/compatible IPv6 forms are judged as the
 * IPv4 address they carry. `MOVIOLA_ALLOW_PRIVATE_URLS=1` allows everything (local setups, tests);
 * a comma-separated CIDR list (`10.0.0.0/8,::1/128`) allows just those ranges.
 *
 * @example
 *   const policy = parseAllowPrivate('10.1.0.0/16');
 *   isAddressAllowed('10.1.2.3', policy)  // → true
 *   isAddressAllowed('127.0.0.1', policy) // → false
 */
import ipaddr from 'ipaddr.js';

export type AddressPolicy = { allowAll: true } | { allowAll: false; cidrs: Array<[ipaddr.IPv4 | ipaddr.IPv6, number]> };

export const STRICT_POLICY: AddressPolicy = { allowAll: false, cidrs: [] };

/** ipaddr.js range names that are public, routable unicast (everything else is refused) */
const PUBLIC_RANGES = new Set(['unicast', 'global']);

/** MOVIOLA_ALLOW_PRIVATE_URLS: unset/""/0 → strict; 1/true → all; else a CIDR list (throws naming the bad entry) */
export function parseAllowPrivate(value: string | undefined): AddressPolicy {
  const text = (value ?? '').trim();
  if (text === '' || text === '0' || text.toLowerCase() === 'false') return STRICT_POLICY;
  if (text === '1' || text.toLowerCase() === 'true') return { allowAll: true };
  const cidrs = text.split(',').map((s) => s.trim()).filter(Boolean).map((entry) => {
    try {
      return entry.includes('/') ? ipaddr.parseCIDR(entry) : ([ipaddr.parse(entry), ipaddr.parse(entry).kind() === 'ipv4' ? 32 : 128] as [ipaddr.IPv4 | ipaddr.IPv6, number]);
    } catch {
      throw new Error(`MOVIOLA_ALLOW_PRIVATE_URLS: "${entry}" is not 1 or a CIDR such as 10.0.0.0/8`);
    }
  });
  return { allowAll: false, cidrs };
}

/** the address as ipaddr.js sees it, IPv4-mapped IPv6 (::ffff:127.0.0.1) unwrapped to IPv4 */
function normalise(address: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  if (!ipaddr.isValid(address)) return undefined;
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6') {
    const v6 = parsed as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) return v6.toIPv4Address();
    // IPv4-compatible (::a.b.c.d, deprecated) carries an IPv4 address in its last 32 bits too
    const parts = v6.parts;
    if (parts.slice(0, 6).every((p) => p === 0) && (parts[6] !== 0 || parts[7]! > 1)) {
      return ipaddr.fromByteArray(v6.toByteArray().slice(12)) as ipaddr.IPv4;
    }
  }
  return parsed;
}

export function isAddressAllowed(address: string, policy: AddressPolicy): boolean {
  if (policy.allowAll) return true;
  const ip = normalise(address);
  if (!ip) return false;
  for (const [range, bits] of policy.cidrs) {
    if (range.kind() === ip.kind() && ip.match(range, bits)) return true;
  }
  return PUBLIC_RANGES.has(ip.range());
}
