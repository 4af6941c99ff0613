/**
 * `multi_prompt`: several shots of the same picture, each directed from its own prompt and length,
 * cut together. Shot n is framed as the n-th of wide → close-up on the subject → detail (then
 * again), so every boundary is a hard cut to a new framing with its own move. The sound runs on
 * across the cuts: ambience beds of the same kind join into one, the first music plays throughout
 * (its tempo set so that bars land on the cuts), a shot asking for "a whoosh on the cut" gets one
 * swelling into its cut, and each shot's effects and spoken lines keep their place inside their shot.
 *
 * @example
 *   directShots(input, scene, [{ prompt: 'pan left', duration: 2 }, { prompt: 'push in', duration: 3 }])
 *   // → a ShotPlan whose shots are [0, 2) wide and [2, 5) close on the subject
 */
import type { Audio, Bed, Shot, ShotPlan } from '../plan.js';
import type { Scene } from '../scene.js';
import { deriveSeed } from '../util/random.js';
import type { DirectInput } from './input.js';
import { directShot } from './direct-shot.js';
import { assemblePlan } from './assemble-plan.js';

export interface ShotRequest {
  prompt: string;
  /** seconds */
  duration: number;
}

/** the framings shots cycle through: how much closer than the picture, aimed at the subject */
const FRAMINGS = [
  { name: 'wide', scale: 1 },
  { name: 'close-up on the subject', scale: 1.6 },
  { name: 'detail', scale: 2.4 },
] as const;

/** frames a shot's whole camera path closer on the subject (a static offset under its own move) */
function frameShot(shot: Shot, scene: Scene, scale: number): void {
  if (scale === 1) return;
  const cx = scene.subject.x + scene.subject.w / 2, cy = scene.subject.y + scene.subject.h / 2;
  const keep = 1 - 1 / scale;
  for (const key of shot.camera.keys) {
    key.zoom *= scale;
    key.pan += (cx - 0.5) * keep;
    key.tilt -= (cy - 0.5) * keep;
  }
}

/** moves a shot (and its sound) from [0, d) to [start, start + d) */
function offsetShot(shot: Shot, start: number): void {
  shot.start += start;
  shot.end += start;
  for (const key of shot.camera.keys) key.t += start;
  for (const e of shot.effects) {
    e.start += start;
    e.end += start;
    e.events = e.events.map((t) => t + start);
  }
  for (const c of shot.characters) for (const a of c.actions) { a.start += start; a.end += start; }
  for (const s of shot.subjects ?? []) for (const a of s.actions) { a.start += start; a.end += start; }
}

function offsetAudio(audio: Audio, start: number): void {
  for (const b of audio.beds) { b.start += start; b.end += start; }
  for (const e of audio.events) e.t += start;
  for (const d of audio.dialogue) { d.start += start; d.end += start; }
}

/** beds of one kind in consecutive shots become one bed across the cut */
function joinBeds(beds: Bed[]): Bed[] {
  const out: Bed[] = [];
  for (const bed of beds) {
    const same = out.find((b) => b.type === bed.type && bed.start <= b.end + 1e-6);
    if (same) same.end = Math.max(same.end, bed.end);
    else out.push({ ...bed });
  }
  return out;
}

export function directShots(input: DirectInput, scene: Scene, requests: readonly ShotRequest[]): ShotPlan {
  const notes: string[] = [];
  const shots: Shot[] = [];
  const audios: Audio[] = [];
  let start = 0;
  requests.forEach((request, i) => {
    const sub: DirectInput = { ...input, prompt: request.prompt, duration: request.duration, seed: deriveSeed(input.seed, `shot:${i}`), cuts: i > 0 ? [0] : [] };
    const shotNotes: string[] = [];
    const { shot, audio } = directShot(sub, scene, shotNotes);
    const framing = FRAMINGS[i % FRAMINGS.length]!;
    frameShot(shot, scene, framing.scale);
    offsetShot(shot, start);
    offsetAudio(audio, start);
    // a character's lines are indices into the joined dialogue
    const before = audios.reduce((n, a) => n + a.dialogue.length, 0);
    for (const c of shot.characters) c.speaks = c.speaks.map((k) => k + before);
    notes.push(`shot ${i + 1} (${start.toFixed(1)}–${(start + request.duration).toFixed(1)} s): ${framing.name}, ${shot.camera.moves.join(' + ').replace(/_/g, ' ')}`);
    notes.push(...shotNotes.map((n) => `shot ${i + 1}: ${n}`));
    shots.push(shot);
    audios.push(audio);
    start += request.duration;
  });
  const first = audios[0]!;
  const audio: Audio = {
    ...first,
    beds: joinBeds(audios.flatMap((a) => a.beds)),
    events: audios.flatMap((a) => a.events),
    music: audios.find((a) => a.music)?.music ?? null,
    dialogue: audios.flatMap((a) => a.dialogue),
  };
  return assemblePlan(input, scene, { duration: start, shots, audio, notes });
}
