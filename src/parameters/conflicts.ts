/**
 * Parameters that cannot be used together: one row per pair, with the rule the 400 names. The API
 * checks a submit against these rows after each field's own rule (src/api/routes/submit.ts).
 *
 * @example
 *   firstConflict({ enable_base64_output: true, webhook_url: 'https://…' })
 *   // → { field: 'enable_base64_output', rule: 'cannot be used with a webhook (webhook_url or ?webhook)' }
 */
export interface Conflict {
  field: string;
  /** the field is "in use" when this holds (default: given and not false) */
  when?: (value: unknown) => boolean;
  with: string;
  rule: string;
}

const given = (value: unknown) => value !== undefined && value !== null && value !== false;

export const CONFLICTS: readonly Conflict[] = [
  // as WaveSpeed: base64 outputs go in the response, not to a webhook
  { field: 'enable_base64_output', with: 'webhook_url', rule: 'cannot be used with a webhook (webhook_url or ?webhook)' },
];

export function firstConflict(values: Record<string, unknown>): { field: string; rule: string; value: unknown } | null {
  for (const c of CONFLICTS) {
    if ((c.when ?? given)(values[c.field]) && given(values[c.with])) return { field: c.field, rule: c.rule, value: values[c.field] };
  }
  return null;
}
