/**
 * `POST /api/v3/<model>`: validate, price, check the image, persist the prediction and reserve its
 * charge (one transaction), wake a worker, answer `status: "created"` — or, with
 * `enable_sync_mode`, hold the request until the prediction is terminal or the sync timeout passes.
 * A retried submit with the same `Idempotency-Key` (or `external_task_id`) returns the same prediction.
 */
import { createHash } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { baseUrlOf, type ServiceContext } from '../context.js';
import { ok } from '../envelope.js';
import { apiError } from '../errors.js';
import { MODELS, type Model } from '../models/index.js';
import { presentPrediction } from '../present-prediction.js';
import { resolveImage } from '../resolve-image.js';
import { isHttpUrl, validateInput, type ValidInput } from '../validate-input.js';
import { validateVoices } from '../voices.js';
import { newId } from '../../tasks/ids.js';
import { fromMicros, toMicros } from '../../tasks/api-keys.js';
import { TERMINAL, type Prediction, type TaskInput } from '../../tasks/types.js';
import { waitForTerminal } from '../wait-for-terminal.js';
import { claimQueueSlot, releaseQueueSlot } from '../backpressure.js';
import { admitSubmit, leaveAdmission } from '../image-gate.js';
import { markSyncTimeout } from '../sync-timeout.js';
import { checkPublicUrl } from '../outbound/check-public-url.js';

function idempotencyKeyOf(request: FastifyRequest, input: ValidInput): string | null {
  const header = request.headers['idempotency-key'];
  const key = Array.isArray(header) ? header[0] : header;
  if (key !== undefined) {
    if (key.length < 1 || key.length > 255) throw apiError('FIELD_INVALID', { field: 'idempotency-key', rule: 'must be 1 to 255 characters', value: key });
    return `key:${key}`;
  }
  return input.external_task_id !== undefined ? `ext:${input.external_task_id}` : null;
}

/** what makes two submits "the same request" for idempotency */
function hashInput(model: Model, input: ValidInput): string {
  const { enable_sync_mode: _sync, webhook_url: _hook, ...rest } = input;
  const sorted = Object.fromEntries(Object.entries(rest).sort(([a], [b]) => a.localeCompare(b)));
  return createHash('sha256').update(model.id).update(JSON.stringify(sorted)).digest('hex');
}

function webhookOf(request: FastifyRequest, input: ValidInput): string | null {
  const query = (request.query as { webhook?: unknown }).webhook;
  if (query !== undefined) {
    if (typeof query !== 'string' || !isHttpUrl(query)) throw apiError('FIELD_INVALID', { field: 'webhook', rule: 'must be an http(s) URL', value: query });
    return query;
  }
  return input.webhook_url ?? null;
}

async function submit(ctx: ServiceContext, model: Model, request: FastifyRequest): Promise<Prediction> {
  const account = request.account;
  const input = validateInput(model, request.body);
  validateVoices(input.voice_list);
  const webhookUrl = webhookOf(request, input);
  if (webhookUrl) await checkPublicUrl(ctx, 'webhook_url', webhookUrl);
  const idempotencyKey = idempotencyKeyOf(request, input);
  const inputHash = hashInput(model, input);
  if (idempotencyKey) {
    const twin = await ctx.store.byIdempotencyKey(account.id, idempotencyKey);
    if (twin) return sameRequest(twin, inputHash, idempotencyKey);
  }
  const price = model.price(input);
  const balance = (await ctx.store.account(account.id))?.balanceMicros ?? 0;
  if (balance < toMicros(price)) throw apiError('INSUFFICIENT_BALANCE', { balance: fromMicros(balance), price });

  await claimQueueSlot(ctx, account.id, request);
  const image = await resolveImage(ctx, account, input.image);
  const id = newId();
  const imageKey = `inputs/${id}/${newId()}.${image.format === 'jpeg' ? 'jpg' : image.format}`;
  await ctx.storage.putBuffer(imageKey, image.bytes);
  const baseUrl = baseUrlOf(ctx, request);
  const stored: TaskInput = {
    prompt: input.prompt,
    negative_prompt: input.negative_prompt,
    // inline images are replaced by the stored copy's URL so the record stays small
    image: /^https?:\/\//i.test(input.image.trim()) ? input.image.trim() : ctx.storage.url(imageKey, baseUrl),
    cfg_scale: input.cfg_scale,
    sound: input.sound,
    duration: input.duration,
    voice_list: input.voice_list,
    seed: input.seed,
    image_sha256: image.hash,
    ...(input.external_task_id !== undefined ? { external_task_id: input.external_task_id } : {}),
  };
  const outcome = await ctx.store.submit({
    id, accountId: account.id, model: model.id, input: stored, imageKey, resolution: model.resolution,
    chargeMicros: toMicros(price), webhookUrl, idempotencyKey, inputHash, baseUrl,
  });
  if (outcome.kind === 'insufficient') {
    await ctx.storage.delete(imageKey);
    throw apiError('INSUFFICIENT_BALANCE', { balance: fromMicros(outcome.balanceMicros), price });
  }
  if (outcome.kind === 'existing') {
    await ctx.storage.delete(imageKey);
    return sameRequest(outcome.prediction, inputHash, idempotencyKey!);
  }
  ctx.metrics.submitted(model.id);
  ctx.wake();
  return outcome.prediction;
}

function sameRequest(twin: Prediction, inputHash: string, key: string): Prediction {
  if (twin.inputHash !== inputHash) throw apiError('IDEMPOTENCY_MISMATCH', { key: key.replace(/^(key|ext):/, '') });
  return twin;
}

export async function submitRoutes(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  for (const model of MODELS) {
    app.post(`/api/v3/${model.id}`, {
      schema: {
        summary: model.name,
        description: `${model.description}\n\nPrice: ${model.prices.map((p) => `${p.duration} s${p.sound ? ' with sound' : ''} $${p.price.toFixed(2)}`).join(', ')}.`,
        tags: ['predictions'],
        body: model.schema,
        querystring: Type.Object({ webhook: Type.Optional(Type.String({ description: 'webhook URL (same as webhook_url)' })) }),
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ description: 'a retried submit with the same key returns the same prediction' })) }),
      },
      // the model's schema documents the body; validateInput() applies it with field-level messages
      validatorCompiler: () => (data) => ({ value: data }),
      // backpressure: past the submits being received and checked at once, refused before the body is read
      onRequest: admitSubmit(ctx.config.maxPendingImages),
    }, async (request) => {
      const input = request.body as { enable_sync_mode?: unknown };
      let prediction: Prediction;
      try {
        prediction = await submit(ctx, model, request);
      } finally {
        releaseQueueSlot(request);
        leaveAdmission(request);
      }
      let timedOut = false;
      const waitStart = Date.now();
      if (input.enable_sync_mode === true && !TERMINAL.has(prediction.status)) {
        prediction = (await waitForTerminal(ctx, prediction.id, ctx.config.syncTimeoutMs)) ?? prediction;
        timedOut = !TERMINAL.has(prediction.status);
      }
      const wire = presentPrediction(prediction, ctx.storage, baseUrlOf(ctx, request));
      // whatever the state (created or processing), the SDKs' sync-timeout shape, never a "failure"
      return ok(timedOut ? markSyncTimeout(wire, Date.now() - waitStart) : wire);
    });
  }

  // any other model path: a clear 404 naming the model (static routes above win over these)
  const unknown = async (request: FastifyRequest) => {
    throw apiError('MODEL_NOT_FOUND', { model: request.url.replace(/^\/api\/v3\//, '').split('?')[0]! });
  };
  app.post('/api/v3/:owner/:name', { schema: { hide: true } }, unknown);
  app.post('/api/v3/:owner/:name/:task', { schema: { hide: true } }, unknown);
}
