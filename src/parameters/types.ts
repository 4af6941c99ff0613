/**
 * One request parameter as the registry defines it (DESIGN.md §3 `parameters`): everything the API,
 * the CLI, the Playground, the engine's input check, pricing and the README need to know about it.
 * Nothing else writes a parameter's range, default or rule.
 */
import type { TSchema } from '@sinclair/typebox';

/** the Playground widget a parameter gets (schema-form.ts); 'hidden': the Playground sets it itself */
export type Widget = 'text' | 'line' | 'switch' | 'choice' | 'slider' | 'integer' | 'number' | 'list' | 'json' | 'image' | 'hidden';

/** the engine's request field (GenerateRequest) a parameter feeds, when it feeds one directly */
export type EngineField = 'prompt' | 'negativePrompt' | 'cfgScale' | 'duration' | 'seed' | 'resolution' | 'sound' | 'voices' | 'cameraControl' | 'aspectRatio' | 'multiPrompt';

export interface CliSpec {
  /** commander flags, e.g. '-d, --duration <seconds>' ('--no-sound' for a negatable switch) */
  flags: string;
  /** the option's key in commander's parsed options */
  key: string;
  /** repeatable: each use adds one item */
  repeatable?: boolean;
  /** the option must be given */
  required?: boolean;
}

export interface Parameter {
  /** the API field name */
  name: string;
  /** other names clients send it under (folded into `name` before validation: foldAliases) */
  aliases?: readonly string[];
  /** TypeBox type with its range, default and description; the `x-rule` is added from `rule` */
  schema: TSchema;
  /** the rule in words, as every error message names it: "must be 5 or 10" */
  rule: string;
  /** API models that take it: 'all', or none ([]: not an API field, e.g. the CLI's resolution) */
  models: 'all' | readonly string[];
  /** required in API requests */
  required?: boolean;
  cli?: CliSpec;
  widget: Widget;
  /** how it changes the price, in words; undefined: it does not */
  price?: string;
  engine?: EngineField;
  /** the canonical value after validation ("10" → 10) */
  normalize?: (value: unknown) => unknown;
  /** a rule JSON Schema cannot state (camera_control: exactly one non-zero axis), checked after the schema */
  refine?: (value: never) => boolean;
}
