/**
 * Warming the sound up loads Flite and the SoundFont, not eSpeak: a process that speaks only
 * English never holds eSpeak's ~100 MB. eSpeak loads on its first line, which it then speaks.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { warmUpSound } from '../../../src/engine/sound/index.js';
import { espeakLoaded, espeakSpeak } from '../../../src/engine/sound/speech/espeak.js';

test('warm-up leaves eSpeak unloaded; its first line loads it and is spoken', { timeout: 60_000 }, async () => {
  await warmUpSound();
  assert.equal(espeakLoaded(), false, 'warm-up loaded eSpeak');
  const { samples, sampleRate } = await espeakSpeak('Hola, buenos días.', 'es+f3', 1, 55);
  assert.ok(espeakLoaded());
  assert.ok(samples.length > 0.3 * sampleRate, 'a line of speech');
});
