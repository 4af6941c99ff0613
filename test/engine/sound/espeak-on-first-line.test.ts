/**
 * Warming the sound up loads Flite and the SoundFont, not eSpeak: a process that speaks only
 * English never holds eSpeak's ~100 MB. eSpeak loads on its first line, which it then speaks.
 * Nor does it decode the SoundFont's samples: a process that plays no music never holds them
 * (~55 MB of Float32, ~90 MB of a 1080p clip's peak RSS); a sample decodes when first played.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { warmUpSound } from '../../../src/engine/sound/index.js';
import { espeakLoaded, espeakSpeak } from '../../../src/engine/sound/speech/espeak.js';
import { loadSoundFont } from '../../../src/engine/sound/music/soundfont.js';

test('warm-up leaves eSpeak unloaded; its first line loads it and is spoken', { timeout: 60_000 }, async () => {
  await warmUpSound();
  assert.equal(espeakLoaded(), false, 'warm-up loaded eSpeak');
  const { samples, sampleRate } = await espeakSpeak('Hola, buenos días.', 'es+f3', 1, 55);
  assert.ok(espeakLoaded());
  assert.ok(samples.length > 0.3 * sampleRate, 'a line of speech');
});

test('warm-up parses the SoundFont but decodes none of its samples; a sample decodes on first use', { timeout: 60_000 }, async () => {
  await warmUpSound();
  const { samples } = await loadSoundFont();
  // spessasynth keeps a decoded sample in its (protected) audioData
  const decoded = (s: (typeof samples)[number]) => (s as unknown as { audioData?: Float32Array }).audioData !== undefined;
  assert.ok(samples.length > 100, 'the General MIDI bank');
  assert.equal(samples.filter(decoded).length, 0, 'warm-up decoded samples');
  // the check reads where a decoded sample goes (else it would pass whatever warm-up did)
  assert.ok(samples[0]!.getAudioData().length > 0);
  assert.ok(decoded(samples[0]!));
});
