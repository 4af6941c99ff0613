/**
 * A prediction's webhooks, visible and replayable by its owner:
 * - `GET /api/v3/predictions/{id}/webhooks`: every delivery with its attempts and state
 *   (pending, done, dead — dead once the retries are used up);
 * - `POST /api/v3/predictions/{id}/webhooks/redeliver`: queues a fresh delivery of the finished
 *   prediction to its webhook_url (checked by the outbound guard again).
 */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../context.js';
import { ok } from '../envelope.js';
import { apiError } from '../errors.js';
import { checkPublicUrl } from '../outbound/check-public-url.js';
import { ownPrediction } from '../own-prediction.js';
import { newId } from '../../tasks/ids.js';
import { TERMINAL } from '../../tasks/types.js';
import type { DeliveryRecord } from '../../tasks/webhooks/list-deliveries.js';

const IdParams = Type.Object({ id: Type.String({ description: 'prediction id' }) });

function present(d: DeliveryRecord) {
  return {
    id: d.id, url: d.url, status: d.state, attempts: d.attempts, last_error: d.lastError,
    next_attempt_at: d.state === 'pending' ? d.nextAttemptAt.toISOString() : null, created_at: d.createdAt.toISOString(),
  };
}

export async function webhookDeliveryRoutes(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  app.get('/api/v3/predictions/:id/webhooks', {
    schema: { tags: ['webhooks'], summary: "A prediction's webhook deliveries: attempts and status (pending, done, dead)", params: IdParams },
  }, async (request) => {
    const prediction = await ownPrediction(ctx, request);
    return ok({ items: (await ctx.store.listDeliveries(prediction.id)).map(present) });
  });

  app.post('/api/v3/predictions/:id/webhooks/redeliver', {
    schema: { tags: ['webhooks'], summary: "Send a finished prediction's webhook again (a new delivery, due now)", params: IdParams },
  }, async (request) => {
    const prediction = await ownPrediction(ctx, request);
    if (!prediction.webhookUrl) throw apiError('WEBHOOK_NOT_SET', { id: prediction.id });
    if (!TERMINAL.has(prediction.status)) throw apiError('PREDICTION_NOT_TERMINAL', { id: prediction.id, status: prediction.status });
    await checkPublicUrl(ctx, 'webhook_url', prediction.webhookUrl);
    const id = `msg_${newId()}`;
    await ctx.store.queueDelivery({ id, predictionId: prediction.id, accountId: prediction.accountId, url: prediction.webhookUrl, now: Date.now() });
    ctx.kickWebhooks?.();
    const queued = (await ctx.store.listDeliveries(prediction.id)).find((d) => d.id === id)!;
    return ok(present(queued));
  });
}
