/**
 * Rules between parameters, one row each, with the rule a 400 (or the CLI's exit 2) names. Checked
 * after every field's own rule, on the API-named values (src/api/routes/submit.ts, and the engine's
 * input check for the ones it sees).
 *
 * @example
 *   brokenRelation({ enable_base64_output: true, webhook_url: 'https://…' })
 *   // → { field: 'enable_base64_output', rule: 'cannot be used with a webhook (webhook_url or ?webhook)', value: true }
 */
export interface Relation {
  /** the field the message names */
  field: string;
  /** true when the values keep the rule */
  holds(values: Record<string, unknown>): boolean;
  rule: string | ((values: Record<string, unknown>) => string);
}

const given = (value: unknown) => value !== undefined && value !== null && value !== false;

interface ShotLike { index?: unknown; duration: unknown }
export const shotSeconds = (shots: readonly ShotLike[]) => shots.reduce((sum, s) => sum + Number(s.duration), 0);

export const RELATIONS: readonly Relation[] = [
  // as Kling: the end frame fixes where the camera goes, so no camera_control with it
  { field: 'last_image', holds: (v) => !(given(v.last_image) && given(v.camera_control)), rule: 'cannot be used with camera_control (the end image sets where the camera goes)' },
  // as WaveSpeed: base64 outputs go in the response, not to a webhook
  { field: 'enable_base64_output', holds: (v) => !(given(v.enable_base64_output) && given(v.webhook_url)), rule: 'cannot be used with a webhook (webhook_url or ?webhook)' },
  { field: 'multi_prompt', holds: (v) => !given(v.multi_prompt) || (v.multi_shot === true && v.shot_type === 'customize'), rule: 'needs multi_shot: true and shot_type: "customize"' },
  { field: 'multi_shot', holds: (v) => v.multi_shot !== true || given(v.multi_prompt), rule: 'needs multi_prompt: the shots, 1 to 6 of {index, prompt, duration}' },
  {
    field: 'multi_prompt',
    holds: (v) => !Array.isArray(v.multi_prompt) || Math.abs(shotSeconds(v.multi_prompt as ShotLike[]) - Number(v.duration ?? 5)) < 1e-6,
    rule: (v) => `the shots' durations must add up to the clip's duration, ${Number(v.duration ?? 5)} s (they add up to ${shotSeconds(v.multi_prompt as ShotLike[])} s)`,
  },
  {
    field: 'multi_prompt',
    holds: (v) => !Array.isArray(v.multi_prompt) || (v.multi_prompt as ShotLike[]).every((s, i) => Number(s.index) === i + 1),
    rule: 'the shots\' index must count 1, 2, 3 … in order',
  },
];

export function brokenRelation(values: Record<string, unknown>): { field: string; rule: string; value: unknown } | null {
  for (const r of RELATIONS) {
    if (!r.holds(values)) return { field: r.field, rule: typeof r.rule === 'string' ? r.rule : r.rule(values), value: values[r.field] };
  }
  return null;
}
