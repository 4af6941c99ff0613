/**
 * Submit-time check of a URL the server will fetch later (webhook_url): refused at once with a 400
 * naming the field when its host is not a public address, so the client hears it now rather than
 * through a dead delivery. Deliveries are guarded again when they are sent (DNS may change).
 *
 * @example
 *   await checkPublicUrl(ctx, 'webhook_url', 'http://169.254.169.254/'); // throws 400 URL_NOT_PUBLIC
 */
import type { ServiceContext } from '../context.js';
import { apiError } from '../errors.js';
import { OutboundRefusedError, vetUrl } from './guarded-fetch.js';

export async function checkPublicUrl(ctx: ServiceContext, field: string, url: string): Promise<void> {
  try {
    await vetUrl(url, ctx.config.outboundPolicy);
  } catch (error) {
    if (error instanceof OutboundRefusedError) throw apiError('URL_NOT_PUBLIC', { field, url });
    throw error;
  }
}
