/**
 * Builds one image-to-video model from its id, resolution and price table. The model's TypeBox
 * input schema is the single source for validation, the OpenAPI document, the models route, pricing
 * and the Playground form. Every field carries an `x-rule`, the human rule its error message names.
 *
 * @example
 *   const pro = buildModel({ id: 'kwaivgi/kling-v2.6-pro/image-to-video', resolution: '1080p', … });
 *   pro.price({ duration: 10, sound: true }) // → 1.4
 */
import { Type, type TSchema } from '@sinclair/typebox';

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

const rule = (text: string) => ({ 'x-rule': text });

/** The request body of the image-to-video endpoints (the hosted service's fields plus ours). */
export function inputSchema(resolution: string): TSchema {
  return Type.Object({
    image: Type.String({
      minLength: 1,
      description: 'The first frame: an http(s) URL, a data URI, raw base64, or a URL from POST /api/v3/media/uploads. JPEG, PNG or WebP; ≤ 10 MB; each side ≥ 300 px; aspect ratio 1:2.5 – 2.5:1.',
      ...rule('must be an http(s) URL, a data URI or base64 of a JPEG, PNG or WebP image'),
    }),
    prompt: Type.String({
      minLength: 1, maxLength: 2500, pattern: '\\S',
      description: 'What happens: camera, scene, sound and speech ("quoted text" is spoken).',
      ...rule('must be a non-empty text of at most 2500 characters'),
    }),
    negative_prompt: Type.Optional(Type.String({
      maxLength: 2500, default: '', description: 'What to avoid.', ...rule('must be a text of at most 2500 characters'),
    })),
    cfg_scale: Type.Optional(Type.Number({
      minimum: 0, maximum: 1, default: 0.5, description: 'How literally to follow the prompt (0 – 1).', ...rule('must be a number from 0 to 1'),
    })),
    sound: Type.Optional(Type.Boolean({ default: true, description: 'Generate a soundtrack.', ...rule('must be true or false') })),
    duration: Type.Optional(Type.Union([Type.Literal(5), Type.Literal(10), Type.Literal('5'), Type.Literal('10')], {
      default: 5, description: `Clip length in seconds (${resolution}).`, ...rule('must be 5 or 10'),
    })),
    voice_list: Type.Optional(Type.Array(Type.Object({ voice_id: Type.String({ minLength: 1, maxLength: 100 }) }), {
      maxItems: 2, default: [], description: 'Up to two voices for spoken lines (see GET /api/v3/voices).',
      ...rule('must be a list of at most 2 objects like {"voice_id": "…"}'),
    })),
    seed: Type.Optional(Type.Integer({
      minimum: -1, maximum: 4294967295, default: -1, description: 'Random seed; -1 picks one (recorded in the plan).',
      ...rule('must be an integer from -1 to 4294967295'),
    })),
    enable_sync_mode: Type.Optional(Type.Boolean({
      default: false, description: 'Hold the request until the prediction finishes (or a timeout passes).', ...rule('must be true or false'),
    })),
    webhook_url: Type.Optional(Type.String({
      maxLength: 2048, description: 'Where to POST the prediction when it finishes (Standard Webhooks signed). Same as ?webhook=.',
      ...rule('must be an http(s) URL'),
    })),
    external_task_id: Type.Optional(Type.String({
      minLength: 1, maxLength: 128, description: 'Your own id for this task; a repeated submit with the same id returns the same prediction.',
      ...rule('must be a text of 1 to 128 characters'),
    })),
  }, { additionalProperties: true });
}

export function buildModel(spec: ModelSpec): Model {
  return {
    ...spec,
    schema: inputSchema(spec.resolution),
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
