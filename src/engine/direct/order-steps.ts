/**
 * Puts a shot's timed events in the prompt's order (sequence-steps.ts): every action, line and
 * sound effect of a later step starts after everything of the earlier steps has ended ("the dog
 * barks, then the man says 'hello'": the line waits for the bark). Within a step, each track (a
 * performer's actions, the lines, the sound effects) keeps its own spacing and moves as one, so
 * a step starts where the one before it ends. What then no longer fits in the clip is
 * dropped with a note; an open-ended action (talking, breathing) of an earlier step stops where
 * the next step starts.
 *
 * The planners record where in the prompt each event was asked for (`AskedAt`); events the
 * prompt did not ask for (thunder after a flash, a whoosh on a whip pan) or timed itself ("at 2
 * seconds") are not recorded and stay where they are.
 *
 * @example
 *   const asked: AskedAt = new Map();
 *   // … the planners fill `asked` …
 *   orderSteps(shot, audio, promptSteps(prompt), asked, 5, notes);
 */
import type { Audio, Shot } from '../plan.js';
import { SOUNDS } from '../sound/sounds/table.js';
import { ACTIONS } from './characters/actions.js';
import type { PromptSteps } from './sequence-steps.js';

/** Where each planned event (an action, a dialogue line, a sound event object) was asked for: its prompt offset and the words to name it by in a note. */
export type AskedAt = Map<object, { at: number; words: string }>;

/** Seconds between the end of one step and the start of the next. */
const GAP = 0.2;
/** How long an open-ended action holds its step before the next may start: 1.5 s, or a third of what is left of a short clip. */
const openSeconds = (start: number, duration: number) => Math.min(1.5, (duration - start) / 3);

interface Timed {
  /** whose timeline it is on: a performer, the dialogue, the effects */
  track: object;
  rank: number;
  at: number;
  words: string;
  start: number;
  end: number;
  /** an action or sound with no length of its own (until the end of the clip) */
  open: boolean;
  /** its own length, before the clip's end cut it (an action's row's seconds) */
  length: number;
  /** it still fits in the clip when it starts at `start` */
  fits(start: number): boolean;
  apply(start: number, end: number): void;
  remove(): void;
}

const round = (v: number) => Math.round(v * 1000) / 1000;

export function orderSteps(shot: Shot, audio: Audio, steps: PromptSteps, asked: AskedAt, duration: number, notes: string[]): void {
  if (steps.count < 2) return;
  const items: Timed[] = [];
  const rankOf = (o: object) => { const a = asked.get(o); return a ? { rank: steps.rankAt(a.at), at: a.at, words: a.words } : null; };

  for (const performer of [...shot.characters, ...(shot.subjects ?? [])]) {
    for (const action of performer.actions) {
      const r = rankOf(action);
      if (!r) continue;
      const row = ACTIONS.find((a) => a.id === action.type);
      items.push({
        ...r, track: performer, start: action.start, end: action.end,
        // open-ended: a row with no length of its own, planned to the clip's end (a mouthed line's
        // talk has the line's length)
        open: row?.seconds === null && action.end >= duration,
        length: row?.seconds ?? action.end - action.start,
        fits: (s) => Math.min(duration, s + (action.end - action.start)) - s >= 0.2 && s < duration - 0.2,
        apply: (s, e) => { action.start = round(s); action.end = round(Math.min(duration, e)); },
        remove: () => performer.actions.splice(performer.actions.indexOf(action), 1),
      });
    }
  }
  for (const line of audio.dialogue) {
    const r = rankOf(line);
    if (!r) continue;
    items.push({
      ...r, track: audio.dialogue, start: line.start, end: line.end, open: false, length: line.end - line.start,
      // as the dialogue planner asks: half a second of room before the clip's last quarter second
      fits: (s) => duration - 0.25 - s >= 0.5,
      apply: (s, e) => { line.start = round(s); line.end = round(Math.min(duration - 0.05, e)); },
      remove: () => removeLine(shot, audio, audio.dialogue.indexOf(line)),
    });
  }
  for (const event of audio.events) {
    const r = rankOf(event);
    if (!r) continue;
    // a sustained sound (footsteps, applause) lasts as long as it is given, like an open-ended action
    const sustained = typeof event.params.length === 'number';
    const length = sustained ? (event.params.length as number) : SOUNDS.get(event.type)?.length ?? 1;
    items.push({
      ...r, track: audio.events, start: event.t, end: event.t + length, open: sustained, length,
      fits: (s) => s <= duration - 0.4,
      apply: (s, e) => { event.t = round(s); if (sustained) event.params.length = round(Math.max(0.5, Math.min(duration - 0.1, e) - s)); },
      remove: () => audio.events.splice(audio.events.indexOf(event), 1),
    });
  }

  for (const effect of shot.effects) {
    const r = rankOf(effect);
    if (!r || effect.events.length !== 1) continue;
    // an instant (the lights going out): it takes the moment it happens in
    items.push({
      ...r, track: shot.effects, start: effect.events[0]!, end: effect.events[0]! + 0.3, open: false, length: 0.3,
      fits: (s) => s <= duration - 0.5,
      apply: (s) => { effect.events[0] = round(s); },
      remove: () => shot.effects.splice(shot.effects.indexOf(effect), 1),
    });
  }

  if (!items.length) return;
  // a performer's action (not a line, a sound or an effect's instant, whose lengths are their own)
  const isAction = (t: Timed) => t.track !== audio.events && t.track !== audio.dialogue && t.track !== shot.effects;
  squeezeActions(items, steps, duration, isAction, notes);
  // each step starts where the one before ends (the first where the earliest event was planned):
  // a track laid out by its planner after a later step's events moves earlier
  let floor = Math.min(...items.map((t) => t.start)) - GAP;
  const earlierOpen: Timed[] = [];
  const dropped = new Set<number>();
  for (let rank = 0; rank < steps.count; rank++) {
    const group = items.filter((t) => t.rank === rank);
    if (!group.length) continue;
    // a step the prompt times ("2-4s: …") starts at its second: the actions of the steps before
    // end there (a line or a sound plays out, and the step waits for it)
    const timed = steps.startOf(rank);
    if (timed !== undefined) {
      floor = timed - GAP;
      for (const o of items) {
        if (o.rank >= rank || dropped.has(o.at) || o.end <= timed) continue;
        const action = isAction(o);
        if (action && timed - o.start >= 0.2) { o.end = timed; o.apply(o.start, o.end); } else floor = Math.max(floor, o.end);
      }
    }
    const firstOf = new Map<object, number>();
    for (const t of group) firstOf.set(t.track, Math.min(firstOf.get(t.track) ?? Infinity, t.start));
    // the open-ended actions and sounds before stop where this step starts
    for (const o of earlierOpen) if (o.end > floor + GAP) { o.end = Math.max(o.start + 0.2, floor); o.apply(o.start, o.end); }
    const stepFloor = floor;
    for (const t of group) {
      const start = t.start + stepFloor + GAP - firstOf.get(t.track)!;
      const shift = start - t.start;
      if (!t.fits(start)) {
        t.remove();
        // one note per request (a laugh is a face action and a sound)
        if (!dropped.has(t.at)) notes.push(`${t.words} was dropped: it comes after what the prompt asks first, and no time is left for it in a ${duration} s clip`);
        dropped.add(t.at);
        continue;
      }
      t.start = start; t.end += shift;
      t.apply(t.start, t.end);
      floor = Math.max(floor, t.open ? t.start + openSeconds(t.start, duration) : t.end);
      if (t.open) earlierOpen.push(t);
    }
  }
  // a sound asked by the words of an action ("she laughs") starts with it
  for (const t of items) {
    if (t.track !== audio.events || dropped.has(t.at)) continue;
    const action = items.find((o) => o.at === t.at && isAction(o));
    if (action) t.apply(action.start, action.start + t.end - t.start);
  }
  audio.events.sort((a, b) => a.t - b.t);
}

/** The least an action is sped up to (a 2 s head turn in 1.1 s still reads as one). */
const MIN_PACE = 0.55;

/**
 * Steps that together take longer than the clip: their actions (not the lines or the sounds,
 * whose lengths are their own) play faster, each keeping its place within its step, down to
 * MIN_PACE — "looks up, then down, then left, then right" is four quicker looks rather than two
 * and two dropped. Prompts that time their own steps ("at 3 seconds") are left as they are.
 */
function squeezeActions(items: Timed[], steps: PromptSteps, duration: number, isAction: (t: Timed) => boolean, notes: string[]): void {
  const ranks = [...new Set(items.map((t) => t.rank))].sort((a, b) => a - b);
  if (ranks.some((r) => steps.startOf(r) !== undefined)) return;
  // each step's tracks, each with where it starts
  const groups = ranks.map((r) => {
    const group = items.filter((t) => t.rank === r);
    return [...new Set(group.map((t) => t.track))].map((track) => {
      const own = group.filter((t) => t.track === track);
      return { own, from: Math.min(...own.map((t) => t.start)) };
    });
  });
  const spanOf = (tracks: (typeof groups)[number]) => Math.max(0, ...tracks.flatMap(({ own, from }) => own.map((t) => t.start + (t.open ? openSeconds(t.start, duration) : t.length) - from)));
  const total = groups.reduce((sum, g) => sum + spanOf(g), 0) + GAP * (groups.length - 1);
  const room = duration - 0.2 - Math.min(...items.map((t) => t.start));
  // (a step a few per cent too long keeps its pace; its last action is cut a little)
  if (total <= room * 1.05) return;
  const pace = Math.max(MIN_PACE, room / total);
  let squeezed = false;
  for (const { own, from } of groups.flat()) {
    for (const t of own) {
      if (!isAction(t) || t.open) continue;
      const start = from + (t.start - from) * pace;
      t.end = start + t.length * pace; t.start = start;
      t.apply(t.start, t.end);
      squeezed = true;
    }
  }
  if (squeezed) notes.push(`the actions are played ${Math.round(10 / pace) / 10}× faster so that the prompt's steps fit in the ${duration} s clip`);
}

/** Drops a dialogue line and renumbers the characters' references to the lines after it. */
function removeLine(shot: Shot, audio: Audio, k: number): void {
  audio.dialogue.splice(k, 1);
  for (const c of shot.characters) c.speaks = c.speaks.filter((i) => i !== k).map((i) => (i > k ? i - 1 : i));
}

/**
 * An effect's instant (the lights going out) asked in one step with other events keeps the
 * prompt's order there too: it comes once what is asked before it has happened ("he snaps his
 * fingers and the lights go out": a quarter second after the snap), and a sound or line asked after it starts no
 * earlier than it ("the lights go out and a woman screams"). Across steps orderSteps has placed it.
 */
export function placeInstants(shot: Shot, audio: Audio, steps: PromptSteps, asked: AskedAt, duration: number): void {
  // what is asked: where, when it starts, when it has happened (a sound's first quarter second; an
  // open-ended action's first second), and how to move it
  const timed: Array<{ at: number; start: number; done: number; move?: (t: number) => void }> = [];
  for (const performer of [...shot.characters, ...(shot.subjects ?? [])]) {
    for (const a of performer.actions) { const r = asked.get(a); if (r) timed.push({ at: r.at, start: a.start, done: Math.min(a.end, a.start + 1) }); }
  }
  for (const line of audio.dialogue) {
    const r = asked.get(line);
    if (r) timed.push({ at: r.at, start: line.start, done: line.end, move: (t) => { const len = line.end - line.start; line.start = round(t); line.end = round(Math.min(duration - 0.05, t + len)); } });
  }
  for (const event of audio.events) { const r = asked.get(event); if (r) timed.push({ at: r.at, start: event.t, done: event.t + 0.25, move: (t) => { event.t = round(t); } }); }
  for (const effect of shot.effects) {
    const r = asked.get(effect);
    if (!r || effect.events.length !== 1) continue;
    const rank = steps.rankAt(r.at);
    const same = timed.filter((t) => steps.rankAt(t.at) === rank);
    const before = same.filter((t) => t.at < r.at);
    if (before.length) effect.events[0] = round(Math.min(duration - 0.5, Math.max(...before.map((t) => t.done))));
    const instant = effect.events[0]!;
    for (const t of same) if (t.at > r.at && t.move && t.start < instant + 0.1 && instant + 0.1 <= duration - 0.4) t.move(instant + 0.1);
  }
  audio.events.sort((a, b) => a.t - b.t);
}
