/**
 * One entry of the sound table: a procedural sound with its family and its renderer.
 * Adding a sound is adding one small file exporting a SoundDef and one row in ./table.ts.
 */
import type { SoundId } from '../../plan.js';
import type { Random } from '../../util/random.js';

export type SoundFamily = 'ambience' | 'effect' | 'music';

export interface SoundContext {
  rng: Random;
  sampleRate: number;
  /** 0 … 1: how heavy (rain), how big (explosion), how busy (traffic) */
  intensity: number;
  /** the plan's per-sound knobs (count, interval, variant …) */
  params: Record<string, number | string | boolean>;
}

export interface SoundDef {
  id: SoundId;
  family: SoundFamily;
  /** beds loop for their whole span; events play once from their onset */
  kind: 'bed' | 'event';
  /** an event's natural length in seconds (beds: ignored) */
  length: number;
  /**
   * events that go on (footsteps, a siren, purring): the director plans one, lasting as long as the
   * clip allows, and the renderer reads its `length` param
   */
  sustained?: boolean;
  /**
   * an animal's own voice (a bark, a purr, a bleat): one asked for anywhere in the prompt stands for
   * a named animal's call, so "a lion yawns … low growl" is not a roar too
   */
  animalVoice?: boolean;
  /** made by people (a crowd's murmur, laughter, applause): an animal's verb never asks for it ("the squirrel chatters") */
  people?: boolean;
  /**
   * events that repeat within themselves (a person's claps): how many times when no count is asked.
   * "claps twice" is one event whose `count` param is 2, not two events; `length` is one repeat's
   */
  counted?: number;
  /**
   * beds: the integrated loudness (LUFS) the scene has when this bed leads a clip with no speech or
   * music (a quiet room ~−30, rain ~−20, a storm ~−15): the director's loudness target reads it
   */
  loudness?: number;
  /** one line for people reading the table (the API's sound list) */
  description: string;
  /**
   * Renders `frames` mono samples. Beds come out at RMS ≈ 0.1 (−20 dBFS), events with a peak of
   * ≈ 0.5; the plan's gain_db is relative to that.
   */
  render(frames: number, ctx: SoundContext): Float32Array;
}

export const num = (params: SoundContext['params'], key: string, fallback: number): number =>
  typeof params[key] === 'number' ? (params[key] as number) : fallback;
