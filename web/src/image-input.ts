/**
 * The image field: drop a file, pick one, paste one (anywhere on the page) or give a URL. Shows a
 * preview and checks the API's image rules locally; a file that breaks one is never sent.
 *
 * @example
 *   const image = createImageInput({ onChange: () => refreshRunButton() });
 *   form.append(image.element);
 *   if (image.value()?.ok) upload(image.value()!);
 */
import { h, icon, ICONS, replace } from './dom.js';
import { imageRuleBroken, measureFile, measureUrl, sizeRuleBroken, typeRuleBroken } from './image-rules.js';

export type ImageValue =
  | { kind: 'file'; file: File; preview: string; width: number; height: number; ok: boolean }
  | { kind: 'url'; url: string; width: number; height: number; ok: boolean };

export interface ImageInput {
  element: HTMLElement;
  value(): ImageValue | null;
  /** shows an error from the API (or the rules) under the field */
  setError(message: string | null): void;
  /** loads an image URL (re-opening a past run) */
  setUrl(url: string): Promise<void>;
  /** the URL the API should get for the current file once uploaded (memoised per file) */
  uploadedUrl: Map<File, string>;
  /** empties the field */
  clear(): void;
}

export interface ImageInputOptions {
  onChange: () => void;
  /** the request field it fills (its ids and error routing follow it); default 'image' */
  field?: string;
  label?: string;
  /** take images pasted anywhere on the page (only the first frame's field does) */
  pasteAnywhere?: boolean;
}

/** a value an image field holds (a file or a URL), as opposed to a plain form value */
export function isImageValue(value: unknown): value is ImageValue {
  return typeof value === 'object' && value !== null && ((value as ImageValue).kind === 'file' || (value as ImageValue).kind === 'url') && 'ok' in value;
}

export function createImageInput(options: ImageInputOptions): ImageInput {
  const field = options.field ?? 'image', label = options.label ?? 'Image';
  let current: ImageValue | null = null;
  let token = 0;
  const uploadedUrl = new Map<File, string>();

  const fileInput = h('input', {
    type: 'file', accept: 'image/jpeg,image/png,image/webp', id: `${field}-file`, class: 'visually-hidden',
    onchange: () => { const f = fileInput.files?.[0]; if (f) void setFile(f); },
  });
  const previewBox = h('div', { class: 'drop-preview' });
  const meta = h('div', { class: 'drop-meta' });
  const error = h('p', { class: 'field-error', role: 'alert', 'data-error-for': field, hidden: true });
  const urlField = h('input', {
    type: 'url', id: `${field}-url`, placeholder: 'https://… or paste an image', autocomplete: 'off', 'aria-label': `${label} URL`,
    onkeydown: (e: KeyboardEvent) => { if (e.key === 'Enter') { e.preventDefault(); void fromUrlField(); } },
    onchange: () => void fromUrlField(),
  });

  const empty = h('div', { class: 'drop-empty' },
    icon(ICONS.upload),
    h('strong', {}, 'Drop an image here'),
    h('span', {}, 'or ', h('label', { for: `${field}-file`, class: 'link' }, 'choose a file'), ', or paste one'),
    h('small', {}, 'JPEG, PNG or WebP · up to 10 MB · sides ≥ 300 px · aspect 1:2.5 – 2.5:1'),
  );
  const zone = h('div', {
    class: 'drop-zone', tabindex: 0, role: 'button', 'aria-label': `${label}: drop, choose or paste a picture`,
    onclick: (e: MouseEvent) => { if (!(e.target as HTMLElement).closest('button,label,input')) fileInput.click(); },
    onkeydown: (e: KeyboardEvent) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); fileInput.click(); } },
    ondragover: (e: DragEvent) => { e.preventDefault(); zone.classList.add('dragging'); },
    ondragleave: () => zone.classList.remove('dragging'),
    ondrop: (e: DragEvent) => {
      e.preventDefault();
      zone.classList.remove('dragging');
      const file = e.dataTransfer?.files?.[0];
      if (file) { void setFile(file); return; }
      const url = e.dataTransfer?.getData('text/uri-list') || e.dataTransfer?.getData('text/plain');
      if (url) void setUrl(url.trim());
    },
  }, empty, previewBox);

  const clear = h('button', { type: 'button', class: 'ghost small', onclick: () => reset() }, 'Remove');
  const element = h('section', { class: 'field image-field', 'data-field': field },
    h('div', { class: 'field-head' }, h('span', { class: 'label' }, label), meta, clear),
    zone, fileInput,
    h('div', { class: 'url-row' }, urlField),
    error,
  );

  // paste anywhere (but leave text pastes into text fields alone)
  if (options.pasteAnywhere !== false) document.addEventListener('paste', (e) => {
    const file = Array.from(e.clipboardData?.files ?? []).find((f) => f.type.startsWith('image/'));
    if (file) { e.preventDefault(); void setFile(file); return; }
    const text = e.clipboardData?.getData('text/plain')?.trim();
    const target = e.target as HTMLElement | null;
    if (text && /^https?:\/\/\S+$/.test(text) && (!target?.closest('input,textarea') || target === urlField)) {
      e.preventDefault();
      urlField.value = text;
      void setUrl(text);
    }
  });

  function setError(message: string | null) {
    error.textContent = message ?? '';
    error.hidden = !message;
    element.classList.toggle('invalid', !!message);
  }

  function show(src: string | null, info: string) {
    zone.classList.toggle('has-image', !!src);
    replace(previewBox, src ? h('img', { src, alt: label }) : null);
    meta.textContent = info;
    clear.hidden = !src;
  }

  function reset() {
    token++;
    if (current?.kind === 'file') URL.revokeObjectURL(current.preview);
    current = null;
    fileInput.value = '';
    urlField.value = '';
    show(null, '');
    setError(null);
    options.onChange();
  }

  async function setFile(file: File) {
    const mine = ++token;
    if (current?.kind === 'file') URL.revokeObjectURL(current.preview);
    current = null;
    urlField.value = '';
    const early = typeRuleBroken(file.type, file.name) ?? sizeRuleBroken(file.size);
    let size = { width: 0, height: 0 };
    let rule = early;
    if (!rule) {
      try {
        size = await measureFile(file);
      } catch {
        rule = 'This file could not be read as an image.';
      }
    }
    if (mine !== token) return;
    rule ??= imageRuleBroken({ type: file.type, bytes: file.size, ...size });
    const preview = URL.createObjectURL(file);
    current = { kind: 'file', file, preview, ...size, ok: !rule };
    show(preview, size.width ? `${size.width} × ${size.height} · ${formatBytes(file.size)}` : file.name);
    setError(rule);
    options.onChange();
  }

  async function setUrl(url: string) {
    const mine = ++token;
    if (current?.kind === 'file') URL.revokeObjectURL(current.preview);
    current = null;
    if (!/^(https?:|data:image\/)/i.test(url)) {
      show(null, '');
      setError('The image URL must start with http:// or https://.');
      options.onChange();
      return;
    }
    if (!url.startsWith('data:')) urlField.value = url;
    show(url, 'loading…');
    setError(null);
    let rule: string | null = null;
    let size = { width: 0, height: 0 };
    try {
      size = await measureUrl(url);
      rule = imageRuleBroken({ type: '', bytes: null, ...size });
    } catch (e) {
      rule = (e as Error).message;
    }
    if (mine !== token) return;
    current = { kind: 'url', url, ...size, ok: !rule };
    show(rule && !size.width ? null : url, size.width ? `${size.width} × ${size.height}` : '');
    setError(rule);
    options.onChange();
  }

  async function fromUrlField() {
    const url = urlField.value.trim();
    if (!url || (current?.kind === 'url' && current.url === url)) return;
    await setUrl(url);
  }

  show(null, '');
  return { element, value: () => current, setError, setUrl, uploadedUrl, clear: reset };
}

function formatBytes(n: number): string {
  return n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;
}
