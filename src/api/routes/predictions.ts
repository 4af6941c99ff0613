/**
 * Reading and managing predictions: result (two paths), history, delete, cancel and server-sent
 * events. Another account's ids answer 404, exactly like ids that never existed.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { baseUrlOf, type ServiceContext } from '../context.js';
import { ok } from '../envelope.js';
import { apiError } from '../errors.js';
import { presentPrediction } from '../present-prediction.js';
import { withBase64Outputs } from '../base64-outputs.js';
import { streamEvents } from './prediction-events.js';
import { blobKeys, inputKeys } from '../../tasks/input-keys.js';
import { ownPrediction } from '../own-prediction.js';

const IdParams = Type.Object({ id: Type.String() });

/** an ISO 8601 date, optionally with a time and zone */
const ISO_DATE = '^\\d{4}-\\d{2}-\\d{2}([Tt ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?([Zz]|[+-]\\d{2}:?\\d{2})?)?$';

const HistoryBody = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1, 'x-rule': 'must be an integer ≥ 1' })),
  page_size: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20, 'x-rule': 'must be an integer from 1 to 100' })),
  created_after: Type.Optional(Type.String({ pattern: ISO_DATE, 'x-rule': 'must be an ISO 8601 date-time', description: 'ISO 8601' })),
  created_before: Type.Optional(Type.String({ pattern: ISO_DATE, 'x-rule': 'must be an ISO 8601 date-time', description: 'ISO 8601' })),
  include_inputs: Type.Optional(Type.Boolean({ default: false, 'x-rule': 'must be true or false' })),
});

const DeleteBody = Type.Object({ ids: Type.Array(Type.String(), { minItems: 1, maxItems: 100, 'x-rule': 'must be a list of 1 to 100 prediction ids' }) });

export async function predictionRoutes(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  const result = async (request: FastifyRequest) => {
    const prediction = await ownPrediction(ctx, request);
    return ok(await withBase64Outputs(presentPrediction(prediction, ctx.storage, baseUrlOf(ctx, request)), prediction, ctx.storage));
  };
  app.get('/api/v3/predictions/:id/result', { schema: { tags: ['predictions'], summary: 'A prediction and, when completed, its outputs', params: IdParams } }, result);
  app.get('/api/v3/predictions/:id', { schema: { tags: ['predictions'], summary: 'Same as /result', params: IdParams } }, result);

  app.post('/api/v3/predictions', {
    schema: { tags: ['predictions'], summary: 'History: your predictions, newest first', body: HistoryBody },
  }, async (request) => {
    const { page, page_size: pageSize, created_after: after, created_before: before, include_inputs: includeInputs } = request.body as Required<Static<typeof HistoryBody>>;
    const { items, total } = await ctx.store.history({
      accountId: request.account.id, page, pageSize,
      createdAfter: after ? new Date(after) : undefined, createdBefore: before ? new Date(before) : undefined,
    });
    const base = baseUrlOf(ctx, request);
    return ok({
      items: items.map((p) => presentPrediction(p, ctx.storage, base, { includeInput: includeInputs, includePlan: false })),
      page, page_size: pageSize, total,
    });
  });

  app.post('/api/v3/predictions/delete', {
    schema: { tags: ['predictions'], summary: 'Delete predictions (live ones are cancelled and refunded first) and their files', body: DeleteBody },
  }, async (request) => {
    const { ids } = request.body as Static<typeof DeleteBody>;
    const deleted = await ctx.store.delete(request.account.id, ids);
    for (const p of deleted) {
      for (const key of blobKeys(p)) await ctx.storage.delete(key);
    }
    return ok({ ids: deleted.map((p) => p.id) });
  });

  app.post('/api/v3/predictions/:id/cancel', { schema: { tags: ['predictions'], summary: 'Cancel a queued or running prediction (refunded)', params: IdParams } }, async (request) => {
    const { id } = request.params as { id: string };
    const outcome = await ctx.store.cancel(id, request.account.id);
    if (!outcome) throw apiError('PREDICTION_NOT_FOUND', { id });
    if (!outcome.cancelled) throw apiError('PREDICTION_NOT_CANCELLABLE', { id, status: outcome.prediction.status });
    // a cancelled prediction's input is not kept (retention: at once)
    for (const key of inputKeys(outcome.prediction)) await ctx.storage.delete(key);
    ctx.metrics.finished('cancelled', outcome.prediction.model, (Date.now() - outcome.prediction.createdAt.getTime()) / 1000);
    return ok(presentPrediction(outcome.prediction, ctx.storage, baseUrlOf(ctx, request)));
  });

  app.get('/api/v3/predictions/:id/events', {
    schema: { tags: ['predictions'], summary: 'Server-sent events: status and progress until the prediction is terminal', params: IdParams },
  }, async (request, reply) => {
    const prediction = await ownPrediction(ctx, request);
    streamEvents(ctx, request, reply, prediction);
  });
}

