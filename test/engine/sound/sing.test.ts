/**
 * A sung line (src/engine/sound/speech/sing.ts), heard as a listener would: the speech engine's
 * words held on steady notes of the tune's key — several different notes, each on the key's scale,
 * the last on the tonic — where the same words spoken glide through no scale at all. Notes are read
 * from the fundamental every 10 ms (pitchTrack): a note is a run of ≥ 120 ms within a third of a
 * semitone of its own median (a singer's vibrato swings ±⅓).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Dialogue } from '../../../src/engine/plan.js';
import { harmonyFor } from '../../../src/engine/sound/music/harmony.js';
import { singLine } from '../../../src/engine/sound/speech/sing.js';
import { speakLine } from '../../../src/engine/sound/speech/speak-line.js';
import { createRandom } from '../../../src/engine/util/random.js';
import { median, pitchTrack } from '../../helpers/sound-measures.js';

const SR = 48000;
const midi = (hz: number) => 69 + 12 * Math.log2(hz / 440);

/** The held notes of a voice: runs of ≥ 120 ms whose pitch stays within ±0.6 semitone of the run's median (MIDI, fractional). */
function heldNotes(voice: Float32Array): number[] {
  const track = pitchTrack(voice, 90, 700, 0.01, 0.6, SR).map((f) => (f > 0 ? midi(f) : NaN));
  const notes: number[] = [];
  for (let i = 0; i < track.length;) {
    if (Number.isNaN(track[i]!)) { i++; continue; }
    let j = i + 1;
    while (j < track.length && !Number.isNaN(track[j]!) && Math.abs(track[j]! - median(track.slice(i, j))) < 0.6) j++;
    if (j - i >= 12) notes.push(median(track.slice(i, j)));
    i = j;
  }
  return notes;
}

const line = (text: string, voice: string): Dialogue => ({ speaker: 'woman', voice, text, start: 0, end: 5, rate: 1, pitch: 0, style: 'neutral', face: null });

for (const [voice, key] of [['en-female-1', 'D major'], ['en-male-1', 'A minor']] as const) {
  test(`a line sung by ${voice} in ${key}: steady notes on the key's scale, at least three different, the last the tonic`, async () => {
    const spoken = (await speakLine(line('we made it home and the storm is behind us', voice), createRandom(1)))!;
    const { tonic, scale } = harmonyFor(key, 'pop');
    const onScale = (m: number) => Math.abs(m - Math.round(m)) < 0.35 && scale.includes((((Math.round(m) - tonic) % 12) + 12) % 12);
    const sung = singLine(spoken, SR, { key, bpm: 100 }, createRandom(7));
    const notes = heldNotes(sung);
    assert.ok(notes.length >= 5, `${notes.length} held notes: ${notes.map((n) => n.toFixed(2)).join(' ')}`);
    assert.ok(notes.filter(onScale).length >= notes.length * 0.8, `notes off the scale: ${notes.map((n) => n.toFixed(2)).join(' ')}`);
    assert.ok(new Set(notes.map((n) => Math.round(n) % 12)).size >= 3, `one or two pitches only: ${notes.map((n) => n.toFixed(1)).join(' ')}`);
    assert.equal((((Math.round(notes[notes.length - 1]!) - tonic) % 12) + 12) % 12, 0, `the last note ${notes[notes.length - 1]!.toFixed(2)} is not the tonic`);
    assert.ok(sung.length > spoken.length * 1.2, `sung ${(sung.length / SR).toFixed(2)} s, spoken ${(spoken.length / SR).toFixed(2)} s`);
    // the same words spoken hold no such notes
    const said = heldNotes(spoken).filter(onScale);
    assert.ok(said.length <= 2, `the spoken line holds ${said.length} notes on the scale`);
  });
}

test('a sung line is the same bytes for the same seed, another melody for another', async () => {
  const spoken = (await speakLine(line('happy birthday to you', 'en-female-1'), createRandom(1)))!;
  const a = singLine(spoken, SR, { key: 'C major', bpm: 96 }, createRandom(3));
  assert.deepEqual(singLine(spoken, SR, { key: 'C major', bpm: 96 }, createRandom(3)), a);
  const others = [4, 5, 6].map((seed) => heldNotes(singLine(spoken, SR, { key: 'C major', bpm: 96 }, createRandom(seed))).map(Math.round).join(' '));
  assert.ok(others.some((o) => o !== heldNotes(a).map(Math.round).join(' ')), 'every seed sings the same melody');
});
