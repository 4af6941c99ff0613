/** The account: balance, pricing and the webhook signing secret. */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../context.js';
import { ok } from '../envelope.js';
import { apiError } from '../errors.js';
import { findModel } from '../models/index.js';
import { checkValue, PARAMETERS, takesParameter } from '../../parameters/index.js';
import { fromMicros } from '../../tasks/api-keys.js';

const PricingBody = Type.Object({
  model_id: Type.String({ minLength: 1, 'x-rule': 'must be a model id such as kwaivgi/kling-v2.6-pro/image-to-video' }),
  inputs: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { 'x-rule': 'must be an object of model inputs' })),
});

export async function accountRoutes(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  app.get('/api/v3/balance', { schema: { tags: ['account'], summary: 'Your balance in dollars' } }, async (request) => {
    const account = await ctx.store.account(request.account.id);
    return ok({ balance: fromMicros(account?.balanceMicros ?? 0) });
  });

  app.post('/api/v3/model/pricing', {
    schema: { tags: ['account'], summary: 'The price of a prediction with these inputs', body: PricingBody },
  }, async (request) => {
    const { model_id: modelId, inputs = {} } = request.body as Static<typeof PricingBody>;
    const model = findModel(modelId);
    if (!model) throw apiError('MODEL_NOT_FOUND', { model: modelId });
    // only the parameters the registry marks as priced need to be valid here
    const priced: Record<string, unknown> = {};
    for (const row of PARAMETERS.filter((p) => p.price && takesParameter(p, model.id))) {
      const checked = checkValue(row, inputs[row.name]);
      if (!checked.ok) throw apiError('FIELD_INVALID', { field: row.name, rule: checked.rule, value: inputs[row.name] });
      priced[row.name] = checked.value;
    }
    return ok({ model_id: model.id, unit_price: model.price(priced), currency: 'USD' });
  });

  app.get('/api/v3/webhook/secret', { schema: { tags: ['account'], summary: 'The secret webhooks are signed with (Standard Webhooks)' } }, async (request) => {
    const account = await ctx.store.account(request.account.id);
    return ok({ secret: account!.webhookSecret });
  });
}
