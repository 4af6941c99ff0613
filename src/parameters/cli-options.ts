/**
 * The CLI's options for the registry's parameters: commander Options with each row's flag, its
 * description and rule as help, its default, and a parser that applies the row's check, so a bad
 * value is refused with the same rule the API names (exit 2).
 *
 * @example
 *   for (const option of cliOptions()) command.addOption(option);
 *   // moviola generate -d 7 → error: option '-d, --duration <seconds>' argument '7' is invalid. must be 5 or 10
 */
import { InvalidArgumentError, Option } from 'commander';
import { checkValue } from './check-value.js';
import { PARAMETERS } from './table.js';
import type { Parameter } from './types.js';

interface JsonLike { type?: string; anyOf?: Array<{ const?: unknown }>; default?: unknown; description?: string }

/** the text the user typed, as the value the row's schema expects */
function fromText(row: Parameter, text: string): unknown {
  const schema = row.schema as JsonLike;
  // objects are given as JSON (camera_control); text that is not JSON is refused by the row's rule
  if (schema.type === 'object' || schema.anyOf?.some((o) => (o as JsonLike).type === 'object')) {
    try { return JSON.parse(text); } catch { return text; }
  }
  if (schema.anyOf) return schema.anyOf.map((o) => o.const).find((v) => String(v) === text) ?? text;
  if (schema.type === 'number' || schema.type === 'integer') return text.trim() === '' ? Number.NaN : Number(text);
  return text;
}

function parserFor(row: Parameter): (text: string, previous: unknown) => unknown {
  // repeatable options collect their items; the list's own rule is checked with the request
  if (row.cli?.repeatable) return (text, previous) => [...(Array.isArray(previous) ? previous : []), text];
  return (text) => {
    const checked = checkValue(row, fromText(row, text));
    if (!checked.ok) throw new InvalidArgumentError(checked.rule);
    return checked.value;
  };
}

/** the help line: description, then the rule ("must be 5 or 10") */
export function cliHelp(row: Parameter): string {
  const description = (row.schema as JsonLike).description ?? '';
  // a switch's rule ("true or false") is its flag
  return row.cli?.flags.startsWith('--no-') ? description : `${description} (${row.rule})`;
}

export function cliOptions(): Option[] {
  return PARAMETERS.filter((row) => row.cli).map((row) => {
    const cli = row.cli!;
    const option = new Option(cli.flags, cliHelp(row));
    if (cli.required) option.makeOptionMandatory();
    // a negatable switch (--no-sound) has its default from commander itself
    if (!cli.flags.startsWith('--no-')) {
      option.argParser(parserFor(row));
      const fallback = (row.schema as JsonLike).default;
      if (fallback !== undefined) option.default(cli.repeatable ? [] : row.normalize ? row.normalize(fallback) : fallback);
    }
    return option;
  });
}
