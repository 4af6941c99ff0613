/**
 * The account's prediction named by the route's `:id`, or the error a client must see: 410 when
 * retention deleted it, 404 when it never was (or is another account's).
 *
 * @example const prediction = await ownPrediction(ctx, request);
 */
import type { FastifyRequest } from 'fastify';
import type { ServiceContext } from './context.js';
import { apiError } from './errors.js';
import type { Prediction } from '../tasks/types.js';

export async function ownPrediction(ctx: ServiceContext, request: FastifyRequest): Promise<Prediction> {
  const { id } = request.params as { id: string };
  const prediction = await ctx.store.get(id, request.account.id);
  if (prediction) return prediction;
  // deleted by retention: say so rather than "not found"
  if (await ctx.store.expiredAt(id, request.account.id)) throw apiError('PREDICTION_EXPIRED', { id, days: ctx.config.retentionDays });
  throw apiError('PREDICTION_NOT_FOUND', { id });
}
