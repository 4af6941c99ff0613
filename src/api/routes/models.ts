/** The models (id, description, price table, input JSON Schema) and the voice library. */
import type { FastifyInstance } from 'fastify';
import { ok } from '../envelope.js';
import { MODELS } from '../models/index.js';
import { listVoices } from '../voices.js';

export async function modelRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/v3/models', { schema: { tags: ['models'], summary: 'The models: id, description, prices and input JSON Schema' } }, async () => ok(MODELS.map((m) => ({
    id: m.id,
    name: m.name,
    description: m.description,
    type: 'image-to-video',
    resolution: m.resolution,
    pricing: m.prices.map((p) => ({ duration: p.duration, sound: p.sound, price: p.price, currency: 'USD' })),
    input_schema: m.schema,
  }))));

  app.get('/api/v3/voices', { schema: { tags: ['models'], summary: 'The voice library for voice_list' } }, async () => ok(listVoices()));
}
