/**
 * An animal's call is seen where it is heard: each `call` action (an animal's voice, the action
 * table's `voice` row) is moved onto the animal-voice sound event asked for by the same words
 * ("the lion roars": the jaw opens as the roar starts, and stays open while it lasts; "barks
 * twice": over both barks). Run after the prompt's steps are ordered (order-steps.ts), which may
 * move either. A call with no sound of its voice (sound off, or removed) keeps its own time.
 *
 * @example
 *   alignCalls(shot, audio, askedAt) // the squirrel's call action now starts at its chatter's t
 */
import type { Audio, Shot, SoundEvent } from '../../plan.js';
import { SOUNDS } from '../../sound/sounds/table.js';
import type { AskedAt } from '../order-steps.js';

/** How long a jaw stays open for one call at most and at least (s). */
const LONGEST = 2.5, SHORTEST = 0.6;
/** Repeats of a call ("barks twice") follow within this many seconds of each other. */
const REPEAT_GAP = 1.2;

const lengthOf = (e: SoundEvent) => (typeof e.params.length === 'number' ? e.params.length : SOUNDS.get(e.type)?.length ?? 1);

export function alignCalls(shot: Shot, audio: Audio, askedAt: AskedAt): void {
  const voices = audio.events.filter((e) => SOUNDS.get(e.type)?.animalVoice && askedAt.has(e));
  const used = new Set<SoundEvent>();
  for (const subject of shot.subjects ?? []) {
    for (const action of subject.actions) {
      const asked = askedAt.get(action);
      if (action.type !== 'call' || !asked) continue;
      // the voice asked for nearest the call's own words
      const sound = voices.filter((e) => !used.has(e)).sort((a, b) => Math.abs(askedAt.get(a)!.at - asked.at) - Math.abs(askedAt.get(b)!.at - asked.at))[0];
      if (!sound) continue;
      used.add(sound);
      // (its repeats, planned close behind it and not asked for on their own)
      let end = sound.t + lengthOf(sound);
      for (const e of audio.events) if (e !== sound && e.type === sound.type && !askedAt.has(e) && e.t > sound.t && e.t - end < REPEAT_GAP) end = Math.max(end, e.t + lengthOf(e));
      action.start = sound.t;
      action.end = Math.min(shot.end - shot.start, sound.t + Math.min(LONGEST, Math.max(SHORTEST, end - sound.t)));
    }
  }
}
