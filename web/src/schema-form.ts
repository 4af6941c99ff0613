/**
 * Builds the run form from a model's input JSON Schema (GET /api/v3/models), so a parameter the API
 * gains shows up here with no UI code: the widget the parameter registry names (`x-widget`;
 * 'hidden' for fields the Playground sets itself), else one its schema implies — long strings become text areas, booleans switches, literal
 * unions segmented choices, bounded numbers sliders, integers number fields, lists comma-separated
 * fields. Words and tips for known fields come from field-hints.ts.
 *
 * @example
 *   const form = buildSchemaForm(model.schema, { onChange: (name) => name === 'duration' && reprice() });
 *   panel.append(form.groups.text, form.groups.settings, form.groups.more);
 *   await api.post(`/api/v3/${model.id}`, { ...form.values(), image });
 */
import { h, icon, ICONS } from './dom.js';
import { FIELD_HINTS, humanize, type FieldHint } from './field-hints.js';
import { createImageInput } from './image-input.js';
import type { JsonSchema } from './types.js';

type Kind = 'text' | 'line' | 'switch' | 'choice' | 'slider' | 'integer' | 'number' | 'list' | 'json' | 'image';
const KINDS: readonly string[] = ['text', 'line', 'switch', 'choice', 'slider', 'integer', 'number', 'list', 'json', 'image'];

interface Field {
  name: string;
  kind: Kind;
  schema: JsonSchema;
  element: HTMLElement;
  get(): unknown;
  set(value: unknown): void;
  error: HTMLElement;
}

export interface SchemaForm {
  groups: { text: HTMLElement; settings: HTMLElement; more: HTMLElement };
  names: string[];
  values(): Record<string, unknown>;
  setValues(values: Record<string, unknown>): void;
  /** shows a message under a field; false when the form has no such field */
  setError(name: string, message: string | null): boolean;
  clearErrors(): void;
  focus(name: string): void;
}

export function literalsOf(schema: JsonSchema): unknown[] | null {
  if (Array.isArray(schema.enum)) return dedupe(schema.enum);
  if ('const' in schema) return [schema.const];
  const options = schema.anyOf ?? schema.oneOf;
  // {const: 5}, or OpenAPI 3.0's spelling of it, {enum: [5]}
  const single = (o: JsonSchema) => ('const' in o ? [o.const] : Array.isArray(o.enum) && o.enum.length === 1 ? o.enum : null);
  if (options && options.length > 0 && options.every((o) => single(o))) return dedupe(options.map((o) => single(o)![0]));
  return null;
}

/** 5, 10, "5", "10" → 5, 10: one choice per spelling, numbers preferred */
function dedupe(values: unknown[]): unknown[] {
  const byText = new Map<string, unknown>();
  for (const v of values) {
    const key = String(v);
    if (!byText.has(key) || typeof v === 'number') byText.set(key, v);
  }
  return [...byText.values()];
}

function typeOf(schema: JsonSchema): string | undefined {
  return Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
}

export function kindOf(schema: JsonSchema, name = ''): Kind {
  // the parameter registry names the widget (x-widget); schemas without one get the widget their type implies
  const declared = schema['x-widget'];
  if (typeof declared === 'string' && KINDS.includes(declared)) return declared as Kind;
  if (literalsOf(schema)) return 'choice';
  const type = typeOf(schema);
  if (type === 'boolean') return 'switch';
  if (type === 'number' && schema.minimum !== undefined && schema.maximum !== undefined) return 'slider';
  if (type === 'integer') return 'integer';
  if (type === 'number') return 'number';
  // long free text gets a text area; URLs and ids stay one line however long they may be
  if (type === 'string') return (schema.maxLength ?? 0) >= 500 && !/(url|uri|id)$/i.test(name) ? 'text' : 'line';
  if (type === 'array' && isSimpleList(schema)) return 'list';
  return 'json';
}

/** arrays of strings, or of objects with one string property (voice_list: [{ voice_id }]) */
function isSimpleList(schema: JsonSchema): boolean {
  const items = schema.items;
  if (!items) return false;
  if (typeOf(items) === 'string') return true;
  const props = items.properties ? Object.keys(items.properties) : [];
  return typeOf(items) === 'object' && props.length === 1 && typeOf(items.properties![props[0]!]!) === 'string';
}

/** the fields the form shows, in order: every property but those the registry marks hidden */
export function formFieldNames(schema: JsonSchema): string[] {
  return Object.entries(schema.properties ?? {}).filter(([, prop]) => prop['x-widget'] !== 'hidden').map(([name]) => name);
}

export function buildSchemaForm(schema: JsonSchema, options: { onChange: (name: string) => void }): SchemaForm {
  const groups = {
    text: h('div', { class: 'group group-text' }),
    settings: h('div', { class: 'group group-settings' }),
    more: h('div', { class: 'group group-more' }),
  };
  const fields = new Map<string, Field>();
  const required = new Set(schema.required ?? []);

  for (const name of formFieldNames(schema)) {
    const prop = schema.properties![name]!;
    const hint = FIELD_HINTS[name] ?? {};
    const field = buildField(name, prop, hint, required.has(name), () => options.onChange(name));
    fields.set(name, field);
    // pictures (last_image) sit with the prompt: they shape the clip as much as it does
    const group = field.kind === 'text' || field.kind === 'image' ? groups.text
      : ['switch', 'choice', 'slider', 'integer', 'number'].includes(field.kind) ? groups.settings : groups.more;
    group.append(field.element);
  }

  // settings read best as: toggles and choices side by side, then sliders, then numbers
  const rank: Partial<Record<Kind, number>> = { switch: 0, choice: 0, slider: 1, integer: 2, number: 2 };
  groups.settings.append(...Array.from(groups.settings.children).sort((a, b) =>
    (rank[fields.get((a as HTMLElement).dataset.field!)!.kind] ?? 3) - (rank[fields.get((b as HTMLElement).dataset.field!)!.kind] ?? 3)));

  return {
    groups,
    names: [...fields.keys()],
    values() {
      const out: Record<string, unknown> = {};
      for (const [name, field] of fields) {
        const value = field.get();
        if (value === undefined || (value === '' && !required.has(name))) continue;
        out[name] = value;
      }
      return out;
    },
    setValues(values) {
      for (const [name, field] of fields) field.set(values[name] ?? field.schema.default);
      for (const name of fields.keys()) options.onChange(name);
    },
    setError(name, message) {
      const field = fields.get(name);
      if (!field) return false;
      field.error.textContent = message ?? '';
      field.error.hidden = !message;
      field.element.classList.toggle('invalid', !!message);
      return true;
    },
    clearErrors() {
      for (const field of fields.values()) {
        field.error.hidden = true;
        field.element.classList.remove('invalid');
      }
    },
    focus(name) {
      fields.get(name)?.element.querySelector<HTMLElement>('input,textarea,button')?.focus();
    },
  };
}

function buildField(name: string, schema: JsonSchema, hint: FieldHint, isRequired: boolean, changed: () => void): Field {
  const kind = kindOf(schema, name);
  const id = `field-${name}`;
  const label = hint.label ?? (typeof schema.title === 'string' ? schema.title : humanize(name));
  const help = hint.help ?? schema.description;
  const error = h('p', { class: 'field-error', role: 'alert', 'data-error-for': name, hidden: true });
  const head = h('div', { class: 'field-head' }, h('label', { class: 'label', for: id }, label, isRequired ? h('span', { class: 'req', title: 'required' }, ' *') : null));
  const element = h('div', { class: `field field-${kind}`, 'data-field': name }, head);
  let get: () => unknown;
  let set: (v: unknown) => void;

  switch (kind) {
    case 'text': {
      const area = h('textarea', { id, name, rows: name === 'prompt' ? 4 : 2, maxLength: schema.maxLength, placeholder: hint.placeholder ?? '', oninput: () => { count(); changed(); } });
      const counter = h('span', { class: 'counter' });
      const count = () => { counter.textContent = schema.maxLength ? `${area.value.length} / ${schema.maxLength}` : ''; };
      head.append(counter);
      element.append(area);
      if (hint.tips) element.append(tipsFor(area, hint.tips, () => { count(); changed(); }));
      get = () => area.value;
      set = (v) => { area.value = typeof v === 'string' ? v : ''; count(); };
      break;
    }
    case 'image': {
      // another picture (last_image): its own drop zone, preview and rules; its value is the file or
      // URL, uploaded when the run is sent (main.ts)
      const input = createImageInput({ onChange: changed, field: name, label, pasteAnywhere: false });
      head.remove();
      element.append(input.element);
      get = () => input.value() ?? undefined;
      set = (v) => { if (typeof v === 'string' && v) void input.setUrl(v); else input.clear(); };
      break;
    }
    case 'line': {
      const input = h('input', { id, name, type: name.includes('url') ? 'url' : 'text', maxLength: schema.maxLength, placeholder: hint.placeholder ?? '', autocomplete: 'off', oninput: changed });
      element.append(input);
      get = () => input.value.trim();
      set = (v) => { input.value = typeof v === 'string' ? v : ''; };
      break;
    }
    case 'switch': {
      const box = h('input', { id, name, type: 'checkbox', role: 'switch', class: 'switch', onchange: changed });
      head.append(box);
      get = () => box.checked;
      set = (v) => { box.checked = v === true || v === 'true'; };
      break;
    }
    case 'choice': {
      const values = literalsOf(schema)!;
      const unit = name === 'duration' ? ' s' : '';
      const radios = values.map((v) => h('input', { type: 'radio', name, value: String(v), id: `${id}-${String(v)}`, onchange: changed }));
      element.append(h('div', { class: 'segmented', role: 'radiogroup', 'aria-label': label },
        radios.map((r, i) => h('label', { for: r.id, class: 'segment' }, r, h('span', {}, `${String(values[i])}${unit}`)))));
      head.querySelector('label')!.removeAttribute('for');
      get = () => { const i = radios.findIndex((r) => r.checked); return i < 0 ? undefined : values[i]; };
      set = (v) => { for (const r of radios) r.checked = r.value === String(v); };
      break;
    }
    case 'slider': {
      const min = schema.minimum!;
      const max = schema.maximum!;
      const step = (max - min) <= 1 ? 0.05 : (max - min) <= 10 ? 0.1 : 1;
      const output = h('output', { for: id, class: 'slider-value' });
      const range = h('input', { id, name, type: 'range', min, max, step, oninput: () => { output.textContent = range.value; changed(); } });
      head.append(output);
      element.append(range);
      if (hint.ends) element.append(h('div', { class: 'slider-ends' }, h('span', {}, hint.ends[0]), h('span', {}, hint.ends[1])));
      get = () => Number(range.value);
      set = (v) => { range.value = String(typeof v === 'number' ? v : (min + max) / 2); output.textContent = range.value; };
      break;
    }
    case 'integer':
    case 'number': {
      const input = h('input', {
        id, name, type: 'number', inputMode: kind === 'integer' ? 'numeric' : 'decimal', min: schema.minimum, max: schema.maximum,
        step: kind === 'integer' ? 1 : 'any', oninput: changed,
      });
      const row = h('div', { class: 'number-row' }, input);
      if (hint.dice) {
        const [lo, hi] = hint.dice;
        row.append(h('button', {
          type: 'button', class: 'icon-button', title: 'Roll a random seed', 'aria-label': 'Roll a random seed',
          onclick: () => { input.value = String(lo + Math.floor(Math.random() * (hi - lo + 1))); changed(); },
        }, icon(ICONS.dice)));
      }
      element.append(row);
      get = () => (input.value.trim() === '' ? undefined : Number(input.value));
      set = (v) => { input.value = typeof v === 'number' || typeof v === 'string' ? String(v) : ''; };
      break;
    }
    case 'list': {
      const items = schema.items!;
      const key = items.properties ? Object.keys(items.properties)[0]! : null;
      const input = h('input', { id, name, type: 'text', placeholder: hint.placeholder ?? 'comma-separated', autocomplete: 'off', oninput: changed });
      element.append(input);
      get = () => {
        const parts = input.value.split(',').map((s) => s.trim()).filter(Boolean);
        return parts.length === 0 ? undefined : parts.map((p) => (key ? { [key]: p } : p));
      };
      set = (v) => {
        input.value = Array.isArray(v) ? v.map((x) => (key && x && typeof x === 'object' ? String((x as Record<string, unknown>)[key]) : String(x))).join(', ') : '';
      };
      break;
    }
    default: {
      const area = h('textarea', { id, name, rows: 2, placeholder: 'JSON', class: 'mono', oninput: changed });
      element.append(area);
      get = () => { if (!area.value.trim()) return undefined; try { return JSON.parse(area.value); } catch { return area.value; } };
      set = (v) => { area.value = v === undefined ? '' : JSON.stringify(v); };
    }
  }
  if (help) element.append(h('p', { class: 'help' }, help));
  element.append(error);
  set(schema.default);
  return { name, kind, schema, element, get, set, error };
}

function tipsFor(area: HTMLTextAreaElement, tips: NonNullable<FieldHint['tips']>, changed: () => void): HTMLElement {
  const add = (phrase: string) => {
    const text = area.value.trim();
    area.value = text ? `${text.replace(/[,.]$/, '')}, ${phrase}` : phrase;
    area.focus();
    changed();
  };
  return h('details', { class: 'tips' },
    h('summary', {}, 'Ideas for the prompt'),
    h('div', { class: 'tips-body' }, tips.map((group) => h('div', { class: 'tip-group' },
      h('span', { class: 'tip-title' }, group.title),
      h('div', { class: 'chips' }, group.phrases.map((p) => h('button', { type: 'button', class: 'chip', onclick: () => add(p) }, p))),
    ))),
  );
}
