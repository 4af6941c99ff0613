/**
 * An animal's call is seen where it is heard: each `call` action (an animal's voice, the action
 * table's `voice` row) is moved onto the sound event its own words asked for ("the lion roars":
 * the jaw opens as the roar starts and stays open while it lasts; "barks twice": over both barks).
 * Run after the prompt's steps are ordered (order-steps.ts), which may move either. A call whose
 * words planned no sound (sound off, removed, or a voice the table lacks) is dropped: a jaw that
 * opens in silence is no call.
 *
 * @example
 *   alignCalls(shot, audio, askedAt) // the lion's call action now starts at its roar's t
 */
import type { Audio, Shot, SoundEvent } from '../../plan.js';
import { SOUNDS } from '../../sound/sounds/table.js';
import type { AskedAt } from '../order-steps.js';

/** How long a jaw stays open for one call at most and at least (s). */
const LONGEST = 2.5, SHORTEST = 0.6;
/** Repeats of a call ("barks twice") follow within this many seconds of each other. */
const REPEAT_GAP = 1.2;
/** A sound asked for this near the call's verb (characters of the prompt) is its own: the verb itself, or its subject with it ("the dog barks"). */
const OWN_WORDS = 24;

const lengthOf = (e: SoundEvent) => (typeof e.params.length === 'number' ? e.params.length : SOUNDS.get(e.type)?.length ?? 1);

export function alignCalls(shot: Shot, audio: Audio, askedAt: AskedAt): void {
  const used = new Set<SoundEvent>();
  for (const subject of shot.subjects ?? []) {
    subject.actions = subject.actions.filter((action) => {
      const asked = askedAt.get(action);
      if (action.type !== 'call' || !asked) return true;
      // the sound asked for by the call's own words (at its verb, or at its subject just before)
      const near = (e: SoundEvent) => { const at = askedAt.get(e)?.at; return at !== undefined && at <= asked.at && asked.at - at <= OWN_WORDS; };
      const sound = audio.events.filter((e) => !used.has(e) && near(e)).sort((a, b) => askedAt.get(b)!.at - askedAt.get(a)!.at)[0];
      if (!sound) return false;
      used.add(sound);
      // (its repeats, planned close behind it and not asked for on their own)
      let end = sound.t + lengthOf(sound);
      for (const e of audio.events) if (e !== sound && e.type === sound.type && !askedAt.has(e) && e.t > sound.t && e.t - end < REPEAT_GAP) end = Math.max(end, e.t + lengthOf(e));
      action.start = sound.t;
      action.end = Math.min(shot.end - shot.start, sound.t + Math.min(LONGEST, Math.max(SHORTEST, end - sound.t)));
      return true;
    });
  }
}
