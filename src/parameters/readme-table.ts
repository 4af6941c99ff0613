/**
 * The README's table of request parameters, written from the registry (`npm run docs:parameters`
 * rewrites it between its markers; a test fails when the README and the registry disagree).
 *
 * @example
 *   readmeTable().split('\n')[0] // → '| parameter | CLI | rule | default | models | price |'
 */
import { PARAMETERS } from './table.js';
import type { Parameter } from './types.js';

export const README_MARKERS = ['<!-- parameters:start (written by npm run docs:parameters) -->', '<!-- parameters:end -->'] as const;

const cell = (text: string) => text.replace(/\|/g, '\\|');

function defaultOf(row: Parameter): string {
  const value = (row.schema as { default?: unknown }).default;
  if (value === undefined) return row.required ? 'required' : '—';
  return `\`${JSON.stringify(row.normalize ? row.normalize(value) : value)}\``;
}

function modelsOf(row: Parameter): string {
  if (row.models === 'all') return 'all';
  return row.models.length === 0 ? 'CLI only' : row.models.map((m) => `\`${m}\``).join(', ');
}

export function readmeTable(): string {
  const lines = ['| parameter | CLI | rule | default | models | price |', '|---|---|---|---|---|---|'];
  for (const row of PARAMETERS) {
    const description = (row.schema as { description?: string }).description ?? '';
    lines.push(`| \`${row.name}\` | ${row.cli ? `\`${cell(row.cli.flags)}\`` : '—'} | ${cell(`${row.rule}. ${description}`)} | ${cell(defaultOf(row))} | ${modelsOf(row)} | ${row.price ?? '—'} |`);
  }
  return lines.join('\n');
}

/** the README with its parameter table replaced by the registry's */
export function withReadmeTable(readme: string): string {
  const [start, end] = README_MARKERS;
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README: the markers ${start} … ${end} are missing`);
  return `${readme.slice(0, from + start.length)}\n${readmeTable()}\n${readme.slice(to)}`;
}
