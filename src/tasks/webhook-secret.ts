/**
 * A new Standard Webhooks signing secret: `whsec_` + base64 of 24 random bytes.
 *
 * @example
 *   webhookSecret() // → 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
 */
import { randomBytes } from 'node:crypto';

export function webhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}
