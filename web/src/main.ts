/**
 * The Playground: wires the key, the model choice, the schema-built form, the image field, the
 * priced Run button, live progress, the result and the history together.
 */
import './style.css';
import { Api, ApiFailure } from './api.js';
import { h, icon, ICONS, replace } from './dom.js';
import { followPrediction } from './events.js';
import { createHistory } from './history.js';
import { createImageInput, isImageValue } from './image-input.js';
import { loadModels, modelLabel } from './models.js';
import { createResultView } from './result-view.js';
import { buildSchemaForm, type SchemaForm } from './schema-form.js';
import type { ModelInfo, Prediction } from './types.js';
import { uploadImage } from './upload.js';

const KEY_STORE = 'moviola.apiKey';
const MODEL_STORE = 'moviola.model';
const storage = {
  get: (k: string) => { try { return localStorage.getItem(k); } catch { return null; } },
  set: (k: string, v: string | null) => { try { if (v === null) localStorage.removeItem(k); else localStorage.setItem(k, v); } catch { /* private mode */ } },
};

const api = new Api(() => storage.get(KEY_STORE));
const root = document.getElementById('app')!;

// ---- header: brand, balance, key -------------------------------------------------------------
const balance = h('span', { class: 'balance', title: 'Balance' });
const keyInput = h('input', { id: 'api-key', type: 'password', autocomplete: 'off', spellcheck: false, placeholder: 'Paste your API key', 'aria-label': 'API key' });
const keyError = h('p', { class: 'field-error', role: 'alert', 'data-error-for': 'authorization', hidden: true });
const keyPanel = h('form', { class: 'key-panel', onsubmit: (e: Event) => { e.preventDefault(); void saveKey(); } },
  h('div', { class: 'key-copy' }, h('strong', {}, 'Your API key'),
    h('span', { class: 'muted small' }, 'Kept in this browser only. Run ', h('code', {}, 'moviola keys create'), ' to make one.')),
  h('div', { class: 'key-row' }, keyInput, h('button', { type: 'submit', class: 'primary small', id: 'save-key' }, 'Save key')),
  keyError);
const keyButton = h('button', { type: 'button', class: 'ghost small', onclick: () => toggleKeyPanel() }, icon(ICONS.key), h('span', { class: 'hide-narrow' }, 'API key'));

const modelPicker = h('div', { class: 'segmented model-picker', role: 'radiogroup', 'aria-label': 'Model' });

root.append(
  h('header', { class: 'top' },
    h('div', { class: 'brand' }, h('span', { class: 'logo', 'aria-hidden': 'true' }), h('span', { class: 'name' }, 'Moviola'), h('span', { class: 'sub' }, 'Playground')),
    h('div', { class: 'top-right' }, balance, keyButton)),
  keyPanel,
);

// ---- compose form ----------------------------------------------------------------------------
const image = createImageInput({ onChange: () => showRunError('') });
const priceTag = h('span', { class: 'price', id: 'price' });
const runButton = h('button', { type: 'submit', class: 'primary run', id: 'run' }, icon(ICONS.play), h('span', {}, 'Run'), priceTag);
const runError = h('p', { class: 'field-error run-error', role: 'alert', 'data-error-for': 'run', hidden: true });
const formSlot = h('div', { class: 'form-slot' }, h('p', { class: 'muted' }, 'Loading the model…'));
const compose = h('form', { class: 'panel compose', novalidate: true, onsubmit: (e: Event) => { e.preventDefault(); void run(); } },
  h('div', { class: 'panel-head' }, h('h2', {}, 'Shot'), modelPicker),
  image.element,
  formSlot,
  h('div', { class: 'run-bar' }, runError, runButton));

const result = createResultView({ cancel: () => void cancel() });
const history = createHistory(api, { open: (p) => void openRun(p.id, false), reuse: (p) => void openRun(p.id, true) });
root.append(h('main', { class: 'layout' }, compose, result.element), history.element,
  h('footer', { class: 'foot muted small' }, 'Moviola renders on your own machine · ', h('a', { href: '/openapi.json' }, 'API reference')));

// ---- state -----------------------------------------------------------------------------------
let models: ModelInfo[] = [];
let model: ModelInfo | null = null;
let form: SchemaForm | null = null;
let currentId: string | null = null;
let stopFollowing: (() => void) | null = null;
let priceTimer: number | undefined;
let priceRequest = 0;
/** the image of the run in progress, shown behind its progress bar */
let backdrop: string | undefined;
let cancelRequested = false;

function toggleKeyPanel(force?: boolean) {
  const show = force ?? keyPanel.hidden;
  keyPanel.hidden = !show;
  if (show) keyInput.focus();
}

function showKeyError(message: string | null) {
  keyError.textContent = message ?? '';
  keyError.hidden = !message;
  if (message) toggleKeyPanel(true);
}

async function saveKey() {
  const key = keyInput.value.trim();
  storage.set(KEY_STORE, key || null);
  showKeyError(null);
  if (!key) return showKeyError('authorization: paste an API key first');
  await connect();
}

/** loads everything that needs the key; shows the key panel if the key is missing or wrong */
async function connect() {
  if (!storage.get(KEY_STORE)) {
    if (!models.length) await loadForm();
    return;
  }
  try {
    const { balance: b } = await api.get<{ balance: number }>('/api/v3/balance');
    balance.textContent = `$${b.toFixed(2)}`;
    toggleKeyPanel(false);
    showKeyError(null);
  } catch (e) {
    balance.textContent = '';
    if (e instanceof ApiFailure && e.status === 401) {
      showKeyError(storage.get(KEY_STORE) ? e.message : null);
      toggleKeyPanel(true);
    } else showRunError(e);
  }
  if (!models.length) await loadForm();
  void refreshPrice();
  void history.refresh();
}

async function loadForm() {
  try {
    models = await loadModels(api);
  } catch (e) {
    replace(formSlot, h('p', { class: 'muted' }, e instanceof ApiFailure && e.status === 401 ? 'Enter your API key to load the models.' : (e as Error).message));
    return;
  }
  replace(modelPicker, models.map((m) => {
    const radio = h('input', { type: 'radio', name: 'model', value: m.id, id: `model-${m.id}`, onchange: () => selectModel(m) });
    return h('label', { class: 'segment', for: radio.id, title: m.description }, radio, h('span', {}, modelLabel(m)));
  }));
  const saved = models.find((m) => m.id === storage.get(MODEL_STORE)) ?? models[0];
  if (saved) selectModel(saved);
}

/** switches model; keeps what the user typed where the new schema has the same fields */
function selectModel(m: ModelInfo) {
  const before = form?.values() ?? {};
  model = m;
  storage.set(MODEL_STORE, m.id);
  for (const r of Array.from(modelPicker.querySelectorAll('input'))) r.checked = r.value === m.id;
  form = buildSchemaForm(m.schema, { onChange: (name) => { form?.setError(name, null); schedulePrice(); } });
  const g = form.groups;
  replace(formSlot, g.text,
    h('div', { class: 'settings' }, g.settings),
    g.more.childElementCount ? h('details', { class: 'more' }, h('summary', {}, 'More settings'), g.more) : null);
  if (Object.keys(before).length) form.setValues({ ...defaultsOf(m), ...before });
  schedulePrice();
}

function defaultsOf(m: ModelInfo): Record<string, unknown> {
  return Object.fromEntries(Object.entries(m.schema.properties ?? {}).map(([k, s]) => [k, s.default]));
}

function schedulePrice() {
  clearTimeout(priceTimer);
  priceTimer = window.setTimeout(() => void refreshPrice(), 120);
}

async function refreshPrice() {
  if (!model || !form || !storage.get(KEY_STORE)) { priceTag.textContent = ''; return; }
  const mine = ++priceRequest;
  try {
    const { unit_price } = await api.post<{ unit_price: number }>('/api/v3/model/pricing', { model_id: model.id, inputs: form.values() });
    if (mine === priceRequest) priceTag.textContent = `$${unit_price.toFixed(2)}`;
  } catch {
    if (mine === priceRequest) priceTag.textContent = '';
  }
}

function showRunError(e: unknown) {
  const message = e instanceof Error ? e.message : String(e);
  runError.textContent = message;
  runError.hidden = !message;
}

/** puts an API error next to the field its message names */
function placeError(e: unknown) {
  if (!(e instanceof ApiFailure)) return showRunError(e);
  const field = e.field;
  if (field === 'authorization') return showKeyError(e.message);
  if (field === 'image' || field === 'size' || field === 'upload') return image.setError(e.message);
  if (field && form?.setError(field, e.message)) { form.focus(field); return; }
  showRunError(e);
}

function clearErrors() {
  form?.clearErrors();
  showRunError('');
  const img = image.value();
  if (img?.ok) image.setError(null);
}

// ---- run -------------------------------------------------------------------------------------
async function run() {
  if (!model || !form) return;
  clearErrors();
  if (!storage.get(KEY_STORE)) return showKeyError('authorization: enter your API key to run');
  const img = image.value();
  if (!img) return image.setError('Add an image: drop one here, choose a file, paste one, or give its URL.');
  if (!img.ok) return; // the broken rule is already shown under the image; nothing is sent
  const values = form.values();
  // a second picture that breaks a rule shows it under its own field; nothing is sent
  if (Object.values(values).some((v) => isImageValue(v) && !v.ok)) return;
  for (const name of model.schema.required ?? []) {
    if (name !== 'image' && (values[name] === undefined || values[name] === '')) {
      form.setError(name, `${name}: required`);
      form.focus(name);
      return;
    }
  }
  runButton.disabled = true;
  stopFollowing?.();
  currentId = null;
  cancelRequested = false;
  try {
    let url: string;
    if (img.kind === 'file') {
      url = image.uploadedUrl.get(img.file) ?? await uploadImage(api, img.file);
      image.uploadedUrl.set(img.file, url);
    } else url = img.url;
    backdrop = img.kind === 'file' ? img.preview : img.url;
    result.running('created', 0, backdrop);
    // one column (phone): bring the progress into view
    if (window.matchMedia('(max-width: 900px)').matches) result.element.scrollIntoView({ behavior: 'smooth', block: 'start' });
    if (cancelRequested) { result.failed({ status: 'cancelled', error: '' }); return; }
    // other pictures the form holds (last_image): files are uploaded like the image
    for (const [name, value] of Object.entries(values)) {
      if (!isImageValue(value)) continue;
      values[name] = value.kind === 'file' ? (image.uploadedUrl.get(value.file) ?? await uploadImage(api, value.file)) : value.url;
      if (value.kind === 'file') image.uploadedUrl.set(value.file, values[name] as string);
    }
    const p = await api.post<Prediction>(`/api/v3/${model.id}`, { ...values, image: url });
    follow(p.id);
    if (cancelRequested) void cancel();
    void history.refresh();
  } catch (e) {
    result.empty();
    placeError(e);
  } finally {
    runButton.disabled = false;
  }
}

function follow(id: string) {
  stopFollowing?.();
  currentId = id;
  history.highlight(id);
  result.running('queued', 0, backdrop);
  stopFollowing = followPrediction(api, id,
    (u) => { if (u.status && !['completed', 'failed', 'cancelled'].includes(u.status)) result.running(u.status, u.progress ?? 0, backdrop); },
    (p) => { show(p, true); void history.refresh(); void refreshBalance(); },
    (e) => result.failed({ status: 'failed', error: e.message }));
}

function show(p: Prediction, autoplay: boolean) {
  if (p.status === 'completed') result.completed(p, autoplay);
  else if (p.status === 'failed' || p.status === 'cancelled') result.failed(p);
  else follow(p.id);
}

async function cancel() {
  // pressed while the image uploads or the run is submitted: cancel as soon as it has an id
  if (!currentId) { cancelRequested = true; return; }
  try { await api.post(`/api/v3/predictions/${currentId}/cancel`, {}); } catch (e) { showRunError(e); }
}

async function refreshBalance() {
  try { balance.textContent = `$${(await api.get<{ balance: number }>('/api/v3/balance')).balance.toFixed(2)}`; } catch { /* shown elsewhere */ }
}

/** opens a past run; with `reuse`, loads its inputs into the form to tweak and run again */
async function openRun(id: string, reuse: boolean) {
  stopFollowing?.();
  stopFollowing = null;
  try {
    const p = await api.get<Prediction>(`/api/v3/predictions/${id}/result`);
    currentId = id;
    backdrop = typeof p.input?.image === 'string' && /^https?:/.test(p.input.image) ? p.input.image : undefined;
    history.highlight(id);
    if (reuse && p.input) {
      const target = models.find((m) => m.id === p.model);
      if (target && target !== model) selectModel(target);
      form?.setValues({ ...defaultsOf(model!), ...p.input });
      if (typeof p.input.image === 'string') void image.setUrl(p.input.image);
      compose.scrollIntoView({ behavior: 'smooth', block: 'start' });
    }
    show(p, false);
    if (!reuse) result.element.scrollIntoView({ behavior: 'smooth', block: 'start' });
  } catch (e) {
    showRunError(e);
  }
}

keyInput.value = storage.get(KEY_STORE) ?? '';
toggleKeyPanel(!storage.get(KEY_STORE));
void connect();
