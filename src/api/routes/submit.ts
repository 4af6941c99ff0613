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
import { resolveImage, type ResolvedImage } from '../resolve-image.js';
import type { ValidInput } from '../submit-input.js';
import { brokenRelation, fieldSchema, parameter } from '../../parameters/index.js';
import { withBase64Outputs } from '../base64-outputs.js';
import { CANCEL_AFTER_PATTERN, CANCEL_AFTER_RULE, parseCancelAfter, scheduleDeadline } from '../cancel-after.js';
import { validateVoices } from '../voices.js';
import { newId } from '../../tasks/ids.js';
import { fromMicros, toMicros } from '../../tasks/api-keys.js';
import { TERMINAL, type Prediction, type TaskInput } from '../../tasks/types.js';
import { waitForTerminal } from '../wait-for-terminal.js';
import { claimQueueSlot, releaseQueueSlot } from '../backpressure.js';
import { admitSubmit, leaveAdmission } from '../image-gate.js';
import { markSyncTimeout } from '../sync-timeout.js';
import { checkPublicUrl } from '../outbound/check-public-url.js';

/** where a submitted picture is stored: beside the prediction's other inputs, named by its format */
const inputKey = (id: string, format: string) => `inputs/${id}/${newId()}.${format === 'jpeg' ? 'jpg' : format}`;

function idempotencyKeyOf(request: FastifyRequest, input: ValidInput): string | null {
  // the route's header schema has checked its length
  const key = (request.headers as { 'idempotency-key'?: string })['idempotency-key'];
  if (key !== undefined) return `key:${key}`;
  return input.external_task_id !== undefined ? `ext:${input.external_task_id}` : null;
}

/** what makes two submits "the same request" for idempotency */
function hashInput(model: Model, input: ValidInput): string {
  const { enable_sync_mode: _sync, webhook_url: _hook, ...rest } = input;
  const sorted = Object.fromEntries(Object.entries(rest).sort(([a], [b]) => a.localeCompare(b)));
  return createHash('sha256').update(model.id).update(JSON.stringify(sorted)).digest('hex');
}

function webhookOf(request: FastifyRequest, input: ValidInput): string | null {
  // the route's query schema has checked it (the same rule as webhook_url)
  return (request.query as { webhook?: string }).webhook ?? input.webhook_url ?? null;
}

/**
 * Where the prediction's webhooks go: the store's outbox sends the `completed` event (so it gets
 * no URL when the filter leaves that out); start and progress events, and the Cancel-After
 * deadline, ride in the task's input.
 */
function webhookPlan(url: string | null, input: ValidInput, request: FastifyRequest): { webhook: string | null; extra: Record<string, unknown> } {
  const events = input.webhook_events_filter;
  const extra: Record<string, unknown> = {};
  const cancelAfter = (request.headers as { 'cancel-after'?: string })['cancel-after'];
  if (cancelAfter !== undefined) extra.cancel_after_at = Date.now() + parseCancelAfter(cancelAfter);
  if (url && events.some((e) => e !== 'completed')) extra.event_webhook = { url, events };
  return { webhook: url && events.includes('completed') ? url : null, extra };
}

async function submit(ctx: ServiceContext, model: Model, request: FastifyRequest): Promise<Prediction> {
  const account = request.account;
  const input = request.body as ValidInput;
  validateVoices(input.voice_list);
  const webhookUrl = webhookOf(request, input);
  if (webhookUrl) await checkPublicUrl(ctx, 'webhook_url', webhookUrl);
  const broken = brokenRelation({ ...input, webhook_url: webhookUrl ?? undefined });
  if (broken) throw apiError('FIELD_INVALID', broken);
  const { webhook: storeWebhook, extra: eventInput } = webhookPlan(webhookUrl, input, request);
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
  const endImage = typeof input.last_image === 'string' ? await resolveImage(ctx, account, input.last_image, 'last_image') : null;
  const id = newId();
  const imageKey = inputKey(id, image.format);
  await ctx.storage.putBuffer(imageKey, image.bytes);
  const baseUrl = baseUrlOf(ctx, request);
  const end = endImage ? await storeLastImage(ctx, id, endImage, String(input.last_image), baseUrl) : null;
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
    ...(input.enable_base64_output ? { enable_base64_output: true } : {}),
    ...(input.camera_control !== undefined ? { camera_control: input.camera_control } : {}),
    ...(input.aspect_ratio !== undefined ? { aspect_ratio: input.aspect_ratio } : {}),
    ...(input.multi_prompt !== undefined ? { multi_prompt: input.multi_prompt } : {}),
    ...(end ? end.input : {}),
    ...eventInput,
  };
  const outcome = await ctx.store.submit({
    id, accountId: account.id, model: model.id, input: stored, imageKey, resolution: model.resolution,
    chargeMicros: toMicros(price), webhookUrl: storeWebhook, idempotencyKey, inputHash, baseUrl,
  });
  if (outcome.kind === 'insufficient') {
    await ctx.storage.delete(imageKey);
    if (end) await ctx.storage.delete(end.key);
    throw apiError('INSUFFICIENT_BALANCE', { balance: fromMicros(outcome.balanceMicros), price });
  }
  if (outcome.kind === 'existing') {
    await ctx.storage.delete(imageKey);
    if (end) await ctx.storage.delete(end.key);
    return sameRequest(outcome.prediction, inputHash, idempotencyKey!);
  }
  ctx.metrics.submitted(model.id);
  if (typeof stored.cancel_after_at === 'number') scheduleDeadline(ctx, outcome.prediction, stored.cancel_after_at);
  ctx.wake();
  return outcome.prediction;
}

/** last_image (checked like image, its refusals naming last_image) is stored beside it */
async function storeLastImage(ctx: ServiceContext, id: string, end: ResolvedImage, source: string, baseUrl: string) {
  const key = inputKey(id, end.format);
  await ctx.storage.putBuffer(key, end.bytes);
  const url = /^https?:\/\//i.test(source.trim()) ? source.trim() : ctx.storage.url(key, baseUrl);
  return { key, input: { last_image: url, last_image_key: key, last_image_sha256: end.hash } };
}

function sameRequest(twin: Prediction, inputHash: string, key: string): Prediction {
  if (twin.inputHash !== inputHash) throw apiError('IDEMPOTENCY_MISMATCH', { key: key.replace(/^(key|ext):/, '') });
  return twin;
}

/** where a model's submits go */
export const submitPath = (model: Model): string => `/api/v3/${model.id}`;

export async function submitRoutes(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  for (const model of MODELS) {
    app.post(submitPath(model), {
      schema: {
        summary: model.name,
        description: `${model.description}\n\nPrice: ${model.prices.map((p) => `${p.duration} s${p.sound ? ' with sound' : ''} $${p.price.toFixed(2)}`).join(', ')}.`,
        tags: ['predictions'],
        body: model.schema,
        querystring: Type.Object({ webhook: Type.Optional(fieldSchema(parameter('webhook_url'))) }),
        headers: Type.Object({
          'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 255, 'x-rule': 'must be 1 to 255 characters', description: 'a retried submit with the same key returns the same prediction' })),
          'cancel-after': Type.Optional(Type.String({ pattern: CANCEL_AFTER_PATTERN, 'x-rule': CANCEL_AFTER_RULE, description: 'a prediction not started within this time (e.g. 30s, 5m) is cancelled and not charged' })),
        }),
      },
      // backpressure: past the submits being received and checked at once, refused before the body is read
      onRequest: admitSubmit(ctx.config.maxPendingImages),
    }, async (request) => {
      const input = request.body as ValidInput;
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
      const wire = await withBase64Outputs(presentPrediction(prediction, ctx.storage, baseUrlOf(ctx, request)), prediction, ctx.storage);
      // whatever the state (created or processing), the SDKs' sync-timeout shape, never a "failure"
      // (the time waited, at most the limit: a busy event loop answers a little past it, and a
      // shutdown ends the wait early)
      return ok(timedOut ? markSyncTimeout(wire, Math.min(Date.now() - waitStart, ctx.config.syncTimeoutMs)) : wire);
    });
  }

  // any other model path: a clear 404 naming the model (static routes above win over these)
  const unknown = async (request: FastifyRequest) => {
    throw apiError('MODEL_NOT_FOUND', { model: request.url.replace(/^\/api\/v3\//, '').split('?')[0]! });
  };
  app.post('/api/v3/:owner/:name', { schema: { hide: true } }, unknown);
  app.post('/api/v3/:owner/:name/:task', { schema: { hide: true } }, unknown);
}
