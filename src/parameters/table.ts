/**
 * The registry: every request parameter, once. The API's model schemas (and so Fastify's validation
 * and the OpenAPI document), the CLI's options and help, the Playground's form, the engine's input
 * check, pricing and the README table are all built from these rows.
 *
 * @example
 *   PARAMETERS.find((p) => p.name === 'duration')!.rule // → 'must be 5 or 10'
 */
import { Type } from '@sinclair/typebox';
import type { Parameter } from './types.js';
import { ASPECT_RATIOS } from '../engine/framing/plan-framing.js';
import { CONTROL_AXES, CONTROL_PRESETS, oneAxisMoves, type CameraControl } from '../engine/direct/picture/camera/camera-control.js';

const controlAmount = Type.Number({ minimum: -10, maximum: 10 });

export const PARAMETERS: readonly Parameter[] = [
  {
    name: 'image', models: 'all', required: true, widget: 'hidden',
    rule: 'must be an http(s) URL, a data URI or base64 of a JPEG, PNG or WebP image',
    schema: Type.String({
      minLength: 1,
      description: 'The first frame: an http(s) URL, a data URI, raw base64, or a URL from POST /api/v3/media/uploads (the CLI also takes a file). JPEG, PNG or WebP; ≤ 10 MB; each side ≥ 300 px; aspect ratio 1:2.5 – 2.5:1.',
    }),
    cli: { flags: '-i, --image <path|url>', key: 'image', required: true },
  },
  {
    // WaveSpeed's Kling pages call it last_image (some end_image), Kling's own API image_tail
    name: 'last_image', aliases: ['end_image', 'image_tail'], models: 'all', widget: 'image',
    rule: 'must be an http(s) URL, a data URI or base64 of a JPEG, PNG or WebP image',
    schema: Type.String({
      minLength: 1,
      description: 'The last frame (also end_image, image_tail): the clip ends on this picture, carried there from the first by a flow-guided transition. Same sources and rules as image. Not with camera_control.',
    }),
    cli: { flags: '--last-image <path|url>', key: 'lastImage' },
  },
  {
    name: 'prompt', models: 'all', required: true, widget: 'text', engine: 'prompt',
    rule: 'must be a non-empty text of at most 2500 characters',
    schema: Type.String({ minLength: 1, maxLength: 2500, pattern: '\\S', description: 'What happens: camera, scene, sound and speech ("quoted text", or a line after "Narrator:", is spoken). In English, or in Chinese words the director knows.' }),
    cli: { flags: '-p, --prompt <text>', key: 'prompt', required: true },
  },
  {
    name: 'negative_prompt', models: 'all', widget: 'text', engine: 'negativePrompt',
    rule: 'must be a text of at most 2500 characters',
    schema: Type.String({ maxLength: 2500, default: '', description: 'What to avoid: "rain", "camera shake", "music", …' }),
    cli: { flags: '-n, --negative-prompt <text>', key: 'negativePrompt' },
  },
  {
    name: 'cfg_scale', models: 'all', widget: 'slider', engine: 'cfgScale',
    rule: 'must be a number from 0 to 1',
    schema: Type.Number({ minimum: 0, maximum: 1, default: 0.5, description: 'How literally to follow the prompt: 0 image-led and gentle … 1 prompt-led, literal and stronger.' }),
    cli: { flags: '-c, --cfg-scale <0..1>', key: 'cfgScale' },
  },
  {
    name: 'sound', models: 'all', widget: 'switch', engine: 'sound',
    rule: 'must be true or false',
    schema: Type.Boolean({ default: true, description: 'Generate a soundtrack (false: no audio stream at all).' }),
    cli: { flags: '--no-sound', key: 'sound' },
    price: 'with sound the price doubles',
  },
  {
    name: 'duration', models: 'all', widget: 'choice', engine: 'duration',
    rule: 'must be 5 or 10',
    // WaveSpeed's clients send it as a number or as text
    schema: Type.Union([Type.Literal(5), Type.Literal(10), Type.Literal('5'), Type.Literal('10')], { default: 5, description: 'Clip length in seconds.' }),
    cli: { flags: '-d, --duration <seconds>', key: 'duration' },
    price: 'priced per second',
    normalize: (value) => Number(value),
  },
  {
    name: 'voice_list', models: 'all', widget: 'list', engine: 'voices',
    rule: 'must be a list of at most 2 objects like {"voice_id": "…"}',
    schema: Type.Array(Type.Object({ voice_id: Type.String({ minLength: 1, maxLength: 100 }) }), {
      maxItems: 2, default: [], description: 'Up to two voices for the quoted lines, in order (see GET /api/v3/voices).',
    }),
    cli: { flags: '--voice <id>', key: 'voice', repeatable: true },
  },
  {
    name: 'seed', models: 'all', widget: 'integer', engine: 'seed',
    rule: 'must be an integer from -1 to 4294967295',
    schema: Type.Integer({ minimum: -1, maximum: 4294967295, default: -1, description: 'Everything random follows from it; -1 picks one (recorded in the plan).' }),
    cli: { flags: '-s, --seed <n>', key: 'seed' },
  },
  {
    name: 'camera_control', models: 'all', widget: 'json', engine: 'cameraControl',
    rule: `must be {"type": "simple", "config": {…}} with exactly one non-zero value among ${CONTROL_AXES.join(', ')} (each -10 to 10), or {"type": "${CONTROL_PRESETS.join('" | "')}"}`,
    schema: Type.Union([
      Type.Object({
        type: Type.Literal('simple'),
        config: Type.Object(Object.fromEntries(CONTROL_AXES.map((axis) => [axis, Type.Optional(controlAmount)])), { additionalProperties: false }),
      }, { additionalProperties: false }),
      Type.Object({ type: Type.Union(CONTROL_PRESETS.map((p) => Type.Literal(p))), config: Type.Optional(Type.Unknown()) }, { additionalProperties: false }),
    ], { description: 'Kling\'s camera control; replaces the camera words of the prompt. "simple": one of horizontal / vertical (move right / up), pan / tilt (turn right / up), roll (clockwise), zoom (− closer, + wider); the sign is the direction, the size the amount (5 a normal move, 10 twice that). Or a preset: down_back, forward_up, right_turn_forward, left_turn_forward.' }),
    refine: (value: CameraControl) => oneAxisMoves(value),
    cli: { flags: '--camera-control <json>', key: 'cameraControl' },
  },
  {
    name: 'aspect_ratio', models: 'all', widget: 'choice', engine: 'aspectRatio',
    rule: `must be ${ASPECT_RATIOS.slice(0, -1).join(', ')} or ${ASPECT_RATIOS.at(-1)}`,
    schema: Type.Union(ASPECT_RATIOS.map((r) => Type.Literal(r)), { description: 'The clip\'s shape, at the model\'s pixel area; default: the picture\'s own. The picture is reframed around its subject, and outpainted where the subject would not fit (the plan\'s framing says how).' }),
    cli: { flags: '--aspect-ratio <ratio>', key: 'aspectRatio' },
  },
  {
    name: 'multi_shot', models: 'all', widget: 'switch',
    rule: 'must be true or false',
    schema: Type.Boolean({ default: false, description: 'Several shots of the picture, cut together (with shot_type "customize" and multi_prompt).' }),
  },
  {
    name: 'shot_type', models: 'all', widget: 'choice',
    rule: 'must be "customize"',
    schema: Type.Union([Type.Literal('customize')], { description: 'How the shots are chosen: "customize", from multi_prompt.' }),
  },
  {
    name: 'multi_prompt', models: 'all', widget: 'json', engine: 'multiPrompt',
    rule: 'must be a list of 1 to 6 shots like {"index": 1, "prompt": "…", "duration": 2}, each prompt 1 to 2500 characters, each duration at least 1 s',
    schema: Type.Array(Type.Object({
      index: Type.Integer({ minimum: 1, maximum: 6 }),
      prompt: Type.String({ minLength: 1, maxLength: 2500, pattern: '\\S' }),
      // Kling's clients send it as a number or as text
      duration: Type.Union([Type.Number({ minimum: 1 }), Type.String({ pattern: '^\\s*([1-9]\\d*)(\\.\\d+)?\\s*$' })]),
    }, { additionalProperties: false }), {
      minItems: 1, maxItems: 6,
      description: 'The shots, in order: wide → close-up on the subject → detail, each with its own prompt (camera, effects, sound, "quoted speech") and seconds; the durations add up to the clip\'s. The sound runs on across the cuts, the bars of the music land on them, and a shot that asks for "a whoosh on the cut" gets one.',
    }),
    normalize: (value) => (value as Array<{ index: number; prompt: string; duration: unknown }>).map((s) => ({ ...s, duration: Number(s.duration) })),
    cli: { flags: '--multi-prompt <json>', key: 'multiPrompt' },
  },
  {
    // the API's models fix it (pro 1080p, std 720p); the CLI chooses
    name: 'resolution', models: [], widget: 'hidden', engine: 'resolution',
    rule: 'must be 720p or 1080p',
    schema: Type.Union([Type.Literal('720p'), Type.Literal('1080p')], { default: '1080p', description: 'About 1280×720 or 1920×1080 pixels of area, at the image\'s aspect ratio.' }),
    cli: { flags: '-r, --resolution <720p|1080p>', key: 'resolution' },
  },
  {
    name: 'enable_sync_mode', models: 'all', widget: 'hidden',
    rule: 'must be true or false',
    schema: Type.Boolean({ default: false, description: 'Hold the request until the prediction finishes (or a timeout passes).' }),
  },
  {
    name: 'webhook_url', models: 'all', widget: 'line',
    rule: 'must be an http(s) URL',
    schema: Type.String({ maxLength: 2048, pattern: '^[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#]+\\S*$', description: 'Where to POST the prediction when it finishes (Standard Webhooks signed). Same as ?webhook=.' }),
  },
  {
    name: 'external_task_id', models: 'all', widget: 'line',
    rule: 'must be a text of 1 to 128 characters',
    schema: Type.String({ minLength: 1, maxLength: 128, description: 'Your own id for this task; a repeated submit with the same id returns the same prediction.' }),
  },
  {
    // the Playground shows the clip from its URL
    name: 'enable_base64_output', models: 'all', widget: 'hidden',
    rule: 'must be true or false',
    schema: Type.Boolean({ default: false, description: 'Outputs as base64 (the MP4\'s bytes) instead of URLs, in sync responses and results. Not with a webhook.' }),
  },
  {
    name: 'webhook_events_filter', models: 'all', widget: 'list',
    rule: 'must be a list of one or more of start, progress, completed',
    schema: Type.Array(Type.Union([Type.Literal('start'), Type.Literal('progress'), Type.Literal('completed')]), {
      minItems: 1, maxItems: 3, uniqueItems: true, default: ['completed'],
      description: 'Which events POST to the webhook: start (rendering began), progress (each quarter), completed (finished, failed or cancelled).',
    }),
  },
];

/** the row named `name` (throws for a name no row has: a bug, not a user error) */
export function parameter(name: string): Parameter {
  const row = PARAMETERS.find((p) => p.name === name);
  if (!row) throw new Error(`no parameter "${name}" in the registry`);
  return row;
}

export function takesParameter(row: Parameter, modelId: string): boolean {
  return row.models === 'all' || row.models.includes(modelId);
}
