/**
 * The clip's loudness target, by what leads it: speech or music → −14 LUFS (a streaming
 * platform's level); ambience alone follows the scene — the loudest bed's own level from the
 * sound table (a quiet room ~−30, rain ~−20, a storm ~−15), a little louder when effects play over
 * it, never over −14. In a quiet scene the beds step back so its events stand clearly above them;
 * under speech the beds come up enough to carry the clip between the lines.
 *
 * @example
 *   planLoudness([{ type: 'room_tone', … }], [{ type: 'clock_tick', … }], null, []) // → { lufs: -26, bedOffsetDb: -12 }
 */
import type { Bed, Dialogue, Music, SoundEvent } from '../../plan.js';
import { SOUNDS } from '../../sound/sounds/table.js';

export const LEAD_LUFS = -14;
/** Where a scene counts as quiet: its events must stand out of the bed. */
const QUIET_LUFS = -22;
/** Between spoken lines, the loudest bed this far under the voice (dB). */
const BETWEEN_LINES_DB = -10;
/** How far a quiet scene's beds step back under its events (they must stand ≥ 15 dB above). */
const QUIET_BED_DB = -12;
/** Effects over a bed raise the scene's level by this much. */
const EVENTS_LIFT = 4;
/** A bed alone with no level of its own (or events alone) sits here. */
const DEFAULT_LUFS = -20;

export function planLoudness(beds: Bed[], events: SoundEvent[], music: Music | null, dialogue: Dialogue[]): { lufs: number; bedOffsetDb: number } {
  if (dialogue.length) {
    // the ambience carries the clip between the lines and after the music's ending (no holes),
    // so the loudest bed sits no more than BETWEEN_LINES_DB under the voice
    // — but a quiet scene stays quiet: a room's tone sits as far under the voice as the room is under −14
    if (!beds.length) return { lufs: LEAD_LUFS, bedOffsetDb: 0 };
    const loudest = Math.max(...beds.map((b) => b.gain_db));
    const scene = Math.max(...beds.map((b) => SOUNDS.get(b.type)?.loudness ?? DEFAULT_LUFS));
    const target = Math.min(BETWEEN_LINES_DB, scene - LEAD_LUFS);
    return { lufs: LEAD_LUFS, bedOffsetDb: Math.max(0, target - loudest) };
  }
  if (music) return { lufs: LEAD_LUFS, bedOffsetDb: 0 };
  const levels = beds.map((b) => SOUNDS.get(b.type)?.loudness ?? DEFAULT_LUFS);
  const scene = levels.length ? Math.max(...levels) : DEFAULT_LUFS;
  const lufs = Math.min(LEAD_LUFS, scene + (events.length ? EVENTS_LIFT : 0));
  return { lufs, bedOffsetDb: events.length && scene <= QUIET_LUFS ? QUIET_BED_DB : 0 };
}
