/**
 * Past runs (POST /api/v3/predictions with inputs): a poster, the prompt, the status and when; each
 * can be opened (its clip and plan) or re-run with tweaks (its inputs loaded into the form).
 *
 * @example
 *   const history = createHistory(api, { open: (p) => showResult(p), reuse: (p) => form.setValues(p.input!) });
 *   await history.refresh();
 */
import type { Api } from './api.js';
import { h, icon, ICONS, replace } from './dom.js';
import type { Prediction } from './types.js';

export interface History {
  element: HTMLElement;
  refresh(): Promise<void>;
  highlight(id: string | null): void;
}

export function createHistory(api: Api, actions: { open: (p: Prediction) => void; reuse: (p: Prediction) => void }): History {
  const list = h('ol', { class: 'history-list' });
  const status = h('p', { class: 'history-status muted' });
  const element = h('section', { class: 'panel history', id: 'history', 'aria-label': 'History' },
    h('div', { class: 'panel-head' }, h('h2', {}, 'History'),
      h('button', { type: 'button', class: 'ghost small', onclick: () => void refresh() }, icon(ICONS.redo), 'Refresh')),
    status, list);
  let active: string | null = null;

  async function refresh() {
    try {
      const page = await api.post<{ items: Prediction[]; total: number }>('/api/v3/predictions', { page: 1, page_size: 24, include_inputs: true });
      status.textContent = page.items.length ? '' : 'Your runs will be listed here.';
      replace(list, page.items.map(item));
      highlight(active);
    } catch (e) {
      status.textContent = (e as Error).message;
    }
  }

  function item(p: Prediction): HTMLElement {
    const prompt = typeof p.input?.prompt === 'string' ? p.input.prompt : '(no prompt)';
    const res = /std/.test(p.model) ? '720p' : '1080p';
    const duration = p.input?.duration ? `${String(p.input.duration)} s` : '';
    const thumb = p.poster
      ? h('img', { src: p.poster, alt: '', loading: 'lazy' })
      : typeof p.input?.image === 'string' && /^https?:/.test(p.input.image) ? h('img', { src: p.input.image, alt: '', loading: 'lazy', class: 'dim' }) : h('div', { class: 'thumb-blank' });
    return h('li', { class: 'history-item', 'data-id': p.id },
      h('button', { type: 'button', class: 'thumb', title: 'Open this run', onclick: () => actions.open(p) }, thumb,
        h('span', { class: `status status-${p.status}` }, p.status)),
      h('div', { class: 'history-body' },
        h('p', { class: 'history-prompt', title: prompt }, prompt),
        h('p', { class: 'muted small' }, [res, duration, timeAgo(p.created_at)].filter(Boolean).join(' · ')),
        h('div', { class: 'history-actions' },
          h('button', { type: 'button', class: 'ghost small', onclick: () => actions.open(p) }, 'Open'),
          h('button', { type: 'button', class: 'ghost small', onclick: () => actions.reuse(p) }, 'Re-run with tweaks')),
      ));
  }

  function highlight(id: string | null) {
    active = id;
    for (const li of Array.from(list.querySelectorAll<HTMLElement>('.history-item'))) li.classList.toggle('active', li.dataset.id === id);
  }

  return { element, refresh, highlight };
}

function timeAgo(iso: string): string {
  const s = Math.max(0, (Date.now() - Date.parse(iso)) / 1000);
  if (!Number.isFinite(s)) return '';
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  return new Date(iso).toLocaleDateString();
}
