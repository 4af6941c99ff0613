/**
 * The output panel: an empty state, live progress while a run renders, then the clip in a video
 * player with a download link, and the plan timeline under it (the playhead follows the video).
 *
 * @example
 *   const view = createResultView({ cancel: () => api.post(`/api/v3/predictions/${id}/cancel`, {}) });
 *   view.running('queued', 0); view.progress('processing', 40); view.completed(prediction);
 */
import { h, icon, ICONS, replace } from './dom.js';
import { renderTimeline } from './timeline.js';
import type { Prediction } from './types.js';

export interface ResultView {
  element: HTMLElement;
  empty(): void;
  /** `backdrop`: the input image, shown softly behind the progress */
  running(status: string, progress: number, backdrop?: string): void;
  completed(p: Prediction, autoplay: boolean): void;
  failed(p: Pick<Prediction, 'status' | 'error'>): void;
}

const STATUS_WORDS: Record<string, string> = {
  created: 'Queued', queued: 'Queued', processing: 'Rendering', completed: 'Done', failed: 'Failed', cancelled: 'Cancelled',
};

export function createResultView(actions: { cancel: () => void }): ResultView {
  const stage = h('div', { class: 'stage' });
  const below = h('div', { class: 'below' });
  const element = h('section', { class: 'panel output', 'aria-label': 'Result' }, h('div', { class: 'panel-head' }, h('h2', {}, 'Result')), stage, below);
  let started = 0;
  let bar: HTMLElement | null = null;
  let label: HTMLElement | null = null;
  let timer: number | undefined;

  function empty() {
    clearInterval(timer);
    replace(stage, h('div', { class: 'stage-empty' },
      h('div', { class: 'film' }, icon(ICONS.play)),
      h('p', {}, 'Your clip will play here.'),
      h('p', { class: 'muted small' }, 'Add an image, describe the shot, press Run.')));
    replace(below);
  }

  function running(status: string, progress: number, backdrop?: string) {
    if (!bar) {
      started = Date.now();
      bar = h('div', { class: 'progress-fill' });
      label = h('p', { class: 'progress-label', 'aria-live': 'polite' });
      const elapsed = h('span', { class: 'muted small elapsed' });
      clearInterval(timer);
      timer = window.setInterval(() => { elapsed.textContent = `${((Date.now() - started) / 1000).toFixed(0)} s`; }, 500);
      replace(stage, h('div', { class: 'stage-running', style: backdrop ? { '--backdrop': `url("${backdrop.replace(/["\\]/g, '')}")` } : {} },
        h('div', { class: 'pulse' }),
        label,
        h('div', { class: 'progress', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100 }, bar),
        h('div', { class: 'progress-foot' }, elapsed, h('button', { type: 'button', class: 'ghost small', onclick: actions.cancel }, 'Cancel'))));
      replace(below);
    }
    const pct = Math.max(0, Math.min(100, Math.round(progress)));
    bar.style.width = `${Math.max(pct, 2)}%`;
    bar.parentElement!.setAttribute('aria-valuenow', String(pct));
    label!.textContent = `${STATUS_WORDS[status] ?? status}${status === 'processing' ? ` · ${pct}%` : '…'}`;
  }

  function completed(p: Prediction, autoplay: boolean) {
    stop();
    const src = p.outputs[0];
    if (!src) return failed({ status: 'failed', error: 'The run finished without an output.' });
    const video = h('video', { src, controls: true, playsInline: true, preload: 'auto', poster: p.poster ?? undefined, class: 'player' });
    const timeline = p.plan ? renderTimeline(p.plan) : null;
    video.addEventListener('timeupdate', () => timeline?.setTime(video.currentTime));
    const seconds = p.timings?.inference ? `rendered in ${(p.timings.inference / 1000).toFixed(1)} s` : '';
    replace(stage, h('div', { class: 'stage-done' }, video,
      h('div', { class: 'player-foot' },
        h('span', { class: 'muted small' }, [p.plan ? `${p.plan.width} × ${p.plan.height}` : '', seconds].filter(Boolean).join(' · ')),
        h('a', { href: src, download: `moviola-${p.id}.mp4`, class: 'button ghost small' }, icon(ICONS.download), 'Download MP4'))));
    replace(below, timeline?.element ?? null);
    if (autoplay) {
      video.play().catch(() => { video.muted = true; return video.play().catch(() => undefined); });
    }
  }

  function failed(p: Pick<Prediction, 'status' | 'error'>) {
    stop();
    replace(stage, h('div', { class: 'stage-empty failed' },
      h('p', { class: 'strong' }, p.status === 'cancelled' ? 'Cancelled' : 'This run failed'),
      p.error ? h('p', { class: 'muted', role: 'alert' }, p.error) : null));
    replace(below);
  }

  function stop() {
    clearInterval(timer);
    bar = null;
    label = null;
  }

  empty();
  return { element, empty, running, completed, failed };
}
