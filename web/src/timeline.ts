/**
 * The ShotPlan as a readable timeline: the director's notes on what was not done first, where they
 * are seen, then one lane each for the camera (moves and their keys), effects (with their time
 * spans and fade-ins), actions (who does what, when: faces and living subjects, with their idle
 * life), sound (beds, events, music) and speech (who says what, when). A playhead follows the video.
 *
 * @example
 *   const timeline = renderTimeline(prediction.plan);
 *   panel.append(timeline.element);
 *   video.ontimeupdate = () => timeline.setTime(video.currentTime);
 */
import { h } from './dom.js';
import type { ShotPlan } from './types.js';

export interface Timeline {
  element: HTMLElement;
  setTime(seconds: number): void;
}

/** "pan_left" → "Pan left" */
export function words(id: string): string {
  const text = id.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const seconds = (t: number) => `${t.toFixed(t % 1 ? 1 : 0)} s`;
const pct = (t: number, duration: number) => `${Math.min(100, Math.max(0, (t / duration) * 100))}%`;

export function renderTimeline(plan: ShotPlan): Timeline {
  const d = plan.duration;
  const span = (start: number, end: number) => ({ left: pct(start, d), width: pct(Math.max(end - start, d * 0.02), d) });

  const bar = (cls: string, start: number, end: number, label: string, title: string, fadeIn = 0) => {
    const el = h('div', { class: `bar ${cls}`, style: span(start, end), title }, h('span', {}, label));
    if (fadeIn > 0 && end > start) el.style.setProperty('--fade', `${Math.min(100, (fadeIn / (end - start)) * 100)}%`);
    return el;
  };
  const tick = (cls: string, t: number, label: string, title: string) =>
    h('div', { class: `tick ${cls}`, style: { left: pct(t, d) }, title }, h('span', {}, label));
  const row = (...items: HTMLElement[]) => h('div', { class: 'track' }, items);
  const lane = (name: string, rows: HTMLElement[], empty: string) =>
    h('div', { class: 'lane', 'data-lane': name.toLowerCase() },
      h('div', { class: 'lane-name' }, name),
      h('div', { class: 'lane-rows' }, rows.length ? rows : [h('div', { class: 'track empty' }, h('span', {}, empty))]));

  // camera: one bar per shot, with its keys as diamonds
  const cameraRows = plan.shots.map((shot) => {
    const moves = shot.camera.moves.map(words).join(' + ') || 'Static';
    const label = `${moves} · ${shot.camera.speed}${shot.camera.shake.amplitude > 0 ? ' · handheld shake' : ''}`;
    const keys = shot.camera.keys.map((k) => h('div', {
      class: 'key', style: { left: pct(k.t, d) },
      title: `${seconds(k.t)}: zoom ${k.zoom.toFixed(2)}, pan ${k.pan.toFixed(2)}, tilt ${k.tilt.toFixed(2)}`,
    }));
    return row(bar('camera', shot.start, shot.end, label, `${label}, ${seconds(shot.start)} – ${seconds(shot.end)}`), ...keys);
  });

  const effectRows = plan.shots.flatMap((shot) => [
    ...shot.effects.map((e) => {
      const label = `${words(e.type)} · ${Math.round(e.intensity * 100)}%${e.region !== 'all' ? ` · ${e.region}` : ''}`;
      return row(
        bar('effect', e.start, e.end, label, `${label}, ${seconds(e.start)} – ${seconds(e.end)}, fades in over ${seconds(e.fade_in)}`, e.fade_in),
        ...e.events.map((t) => tick('flash', t, '', `${words(e.type)} at ${seconds(t)}`)),
      );
    }),
  ]);

  // actions: one row per performer (a face, or a living subject by the prompt's name for it), its
  // actions as bars; a performer with none shows its idle life
  const performers = plan.shots.flatMap((shot) => [
    ...shot.characters.map((c) => ({ who: `Face ${c.face + 1}`, idle: c.idle, actions: c.actions, start: shot.start, end: shot.end })),
    ...(shot.subjects ?? []).map((s) => ({ who: words(s.name), idle: s.idle, actions: s.actions, start: shot.start, end: shot.end })),
  ]);
  const actionRows = performers.map((p) => p.actions.length
    ? row(...p.actions.map((a) => bar('action', a.start, a.end, `${p.who}: ${words(a.type)}`, `${p.who}: ${words(a.type)}, ${seconds(a.start)} – ${seconds(a.end)}`)))
    : row(bar('idle', p.start, p.end, `${p.who} · idle life${p.idle !== undefined ? ` ${Math.round(p.idle * 100)}%` : ''}`, `${p.who} breathes and moves a little, no action asked`)));

  const a = plan.audio;
  const soundRows = !a.enabled ? [] : [
    ...a.beds.map((b) => row(bar('bed', b.start, b.end, words(b.type), `${words(b.type)} bed, ${seconds(b.start)} – ${seconds(b.end)}, ${b.gain_db} dB`))),
    ...(a.events.length ? [row(...a.events.map((e) => tick('sound', e.t, words(e.type), `${words(e.type)} at ${seconds(e.t)}`)))] : []),
    ...(a.music ? [row(bar('music', 0, d, `Music · ${a.music.mood} ${a.music.style} · ${Math.round(a.music.bpm)} bpm · ${a.music.key}${a.music.source && a.music.source !== 'score' ? ` · from a ${a.music.source === 'record' ? 'record player' : 'radio'}` : ''}`, 'music'))] : []),
  ];

  const speechRows = !a.enabled ? [] : a.dialogue.map((line) => h('div', { class: 'speech' },
    row(bar('speech', line.start, line.end, `${words(line.speaker)}${line.style !== 'neutral' ? ` (${line.style})` : ''}`, `${seconds(line.start)} – ${seconds(line.end)}, voice ${line.voice}`)),
    h('p', { class: 'speech-text' }, h('span', { class: 'when' }, `${seconds(line.start)}–${seconds(line.end)}`), ` ${words(line.speaker)}: “${line.text}”`),
  ));

  const axis = h('div', { class: 'axis' }, h('div', { class: 'lane-name' }),
    h('div', { class: 'axis-ticks' }, Array.from({ length: Math.floor(d) + 1 }, (_, s) => h('span', { style: { left: pct(s, d) } }, `${s}s`))));
  const playhead = h('div', { class: 'playhead', hidden: true });

  const facts = [
    `${plan.width} × ${plan.height}`, `${seconds(d)}`, `seed ${plan.seed}`, `prompt strength ${plan.cfg_scale}`,
    a.enabled ? `reverb: ${a.reverb}` : 'no sound',
    ...(plan.scene.tags.length ? [`saw: ${plan.scene.tags.join(', ')}`] : []),
    ...(plan.scene.faces ? [`${plan.scene.faces} face${plan.scene.faces > 1 ? 's' : ''}`] : []),
    ...(plan.scene.layers ? [`${plan.scene.layers.count} depth layer${plan.scene.layers.count > 1 ? 's' : ''}${plan.scene.layers.subject ? ', subject layer' : ''}${plan.scene.layers.planes ? `, ${plan.scene.layers.planes} planar surface${plan.scene.layers.planes > 1 ? 's' : ''}` : ''}`] : []),
  ];

  const element = h('section', { class: 'timeline', 'aria-label': 'Shot plan' },
    h('div', { class: 'timeline-head' }, h('h3', {}, 'What the director planned'), h('p', { class: 'facts' }, facts.join(' · '))),
    // what was not done comes first, where it is seen
    plan.notes.length ? h('div', { class: 'notes', role: 'note' }, h('h4', {}, `Not done as asked (${plan.notes.length})`), h('ul', {}, plan.notes.map((n) => h('li', {}, n)))) : null,
    h('div', { class: 'lanes' },
      axis,
      lane('Camera', cameraRows, 'static'),
      lane('Effects', effectRows, 'none'),
      lane('Actions', actionRows, 'no one to animate'),
      lane('Sound', soundRows, a.enabled ? 'silence' : 'off'),
      lane('Speech', speechRows, 'no lines'),
      h('div', { class: 'playhead-layer' }, h('div', { class: 'lane-name' }), h('div', { class: 'playhead-track' }, playhead)),
    ),
  );

  return {
    element,
    setTime(t) {
      playhead.hidden = false;
      playhead.style.left = pct(t, d);
    },
  };
}
