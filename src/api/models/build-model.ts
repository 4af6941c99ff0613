/**
 * Builds one image-to-video model from its id, resolution and price table. Its input schema comes
 * from the parameter registry (src/parameters): Fastify validates with it, and the OpenAPI document,
 * the models route and the Playground form show it.
 *
 * @example
 *   const pro = buildModel({ id: 'kwaivgi/kling-v2.6-pro/image-to-video', resolution: '1080p', … });
 *   pro.price({ duration: 10, sound: true }) // → 1.4
 */
import type { TSchema } from '@sinclair/typebox';
import { requestSchema } from '../../parameters/index.js';

export interface PriceRow {
  duration: 5 | 10;
  sound: boolean;
  /** dollars */
  price: number;
}

export interface ModelSpec {
  id: string;
  name: string;
  description: string;
  resolution: '720p' | '1080p';
  prices: PriceRow[];
}

export interface Model extends ModelSpec {
  schema: TSchema;
  /** dollars for these (validated) inputs */
  price(input: { duration?: unknown; sound?: unknown }): number;
}

export function buildModel(spec: ModelSpec): Model {
  return {
    ...spec,
    schema: requestSchema(spec.id),
    price(input) {
      const duration = Number(input.duration ?? 5) === 10 ? 10 : 5;
      const sound = input.sound !== false;
      const row = spec.prices.find((p) => p.duration === duration && p.sound === sound);
      if (!row) throw new Error(`no price for ${spec.id} duration ${duration} sound ${sound}`);
      return row.price;
    },
  };
}

/** The hosted Kling v2.6 table: without audio $0.07/s, with audio $0.14/s. */
export const KLING_PRICES: PriceRow[] = [
  { duration: 5, sound: false, price: 0.35 },
  { duration: 10, sound: false, price: 0.7 },
  { duration: 5, sound: true, price: 0.7 },
  { duration: 10, sound: true, price: 1.4 },
];
