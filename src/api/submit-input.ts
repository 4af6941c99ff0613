/**
 * A submit body after Fastify has validated it against the model's registry schema
 * (src/parameters): defaults filled, canonical values ("10" → 10).
 */
import type { TaskInput } from '../tasks/types.js';

export interface ValidInput extends TaskInput {
  enable_sync_mode: boolean;
  webhook_url?: string;
  external_task_id?: string;
  enable_base64_output: boolean;
  webhook_events_filter: Array<'start' | 'progress' | 'completed'>;
}
