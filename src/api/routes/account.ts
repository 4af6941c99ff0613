/** The account: balance, pricing and the webhook signing secret. */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../context.js';
import { ok } from '../envelope.js';
import { apiError } from '../errors.js';
import { findModel } from '../models/index.js';
import { validateInput } from '../validate-input.js';
import { fromMicros } from '../../tasks/api-keys.js';

export async function accountRoutes(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  app.get('/api/v3/balance', { schema: { tags: ['account'], summary: 'Your balance in dollars' } }, async (request) => {
    const account = await ctx.store.account(request.account.id);
    return ok({ balance: fromMicros(account?.balanceMicros ?? 0) });
  });

  app.post('/api/v3/model/pricing', {
    schema: {
      tags: ['account'], summary: 'The price of a prediction with these inputs',
      body: Type.Object({ model_id: Type.String(), inputs: Type.Optional(Type.Object({}, { additionalProperties: true })) }),
    },
    validatorCompiler: () => (data) => ({ value: data }),
  }, async (request) => {
    const body = request.body as { model_id?: unknown; inputs?: unknown } | null;
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw apiError('BODY_NOT_OBJECT');
    if (body.model_id === undefined) throw apiError('FIELD_REQUIRED', { field: 'model_id' });
    if (typeof body.model_id !== 'string') throw apiError('FIELD_INVALID', { field: 'model_id', rule: 'must be a model id such as kwaivgi/kling-v2.6-pro/image-to-video', value: body.model_id });
    const model = findModel(body.model_id);
    if (!model) throw apiError('MODEL_NOT_FOUND', { model: body.model_id });
    const inputs = body.inputs ?? {};
    if (typeof inputs !== 'object' || inputs === null || Array.isArray(inputs)) throw apiError('FIELD_INVALID', { field: 'inputs', rule: 'must be an object of model inputs', value: inputs });
    // only the priced fields need to be valid here
    const { duration, sound } = inputs as { duration?: unknown; sound?: unknown };
    const priced = validateInput(model, { prompt: 'x', image: 'x', ...(duration !== undefined ? { duration } : {}), ...(sound !== undefined ? { sound } : {}) });
    return ok({ model_id: model.id, unit_price: model.price(priced), currency: 'USD' });
  });

  app.get('/api/v3/webhook/secret', { schema: { tags: ['account'], summary: 'The secret webhooks are signed with (Standard Webhooks)' } }, async (request) => {
    const account = await ctx.store.account(request.account.id);
    return ok({ secret: account!.webhookSecret });
  });
}
