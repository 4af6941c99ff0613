/**
 * Sound and picture in the MP4 a user gets (generate(), decoded with the real ffmpeg): the AAC
 * track's loudness and true peak, thunder heard after the flash seen, a quoted line recognisable
 * in the final mix, and no audio stream at all with sound off.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { generate } from '../../../src/engine/index.js';
import { THUNDER_DELAY } from '../../../src/engine/direct/audio/events.js';
import { decodeAudio, decodeFrames, measureLoudness, probe } from '../../helpers/decode-video.js';
import { fixture } from '../../helpers/fixtures.js';
import { channel, energyEnvelope, recognise, tempFile, wordErrorRate } from '../../helpers/audio.js';

const AREA = 320 * 180;

test('lightning: the thunder in the AAC track starts within the planned window after the flash in the frames', async () => {
  const output = await tempFile('storm.mp4');
  const image = await readFile(fixture('night-launchpad.jpg'));
  const result = await generate({ image, prompt: 'lightning strikes over the launch pad, a thunderstorm', seed: 5, area: AREA }, { output });
  const lightning = result.plan.shots[0]!.effects.find((e) => e.type === 'lightning');
  assert.ok(lightning && lightning.events.length > 0, 'the picture plans a flash');
  const thunder = result.plan.audio.events.filter((e) => e.type === 'thunder');
  assert.ok(thunder.length > 0, 'the sound plans thunder');

  const streams = (await probe(output)).streams;
  const audio = streams.find((s) => s.codec_type === 'audio');
  assert.equal(audio?.codec_name, 'aac');
  assert.equal(audio?.sample_rate, '48000');
  assert.equal(audio?.channels, 2);
  const { integrated, truePeak } = await measureLoudness(output);
  assert.ok(Math.abs(integrated + 14) <= 1, `${integrated} LUFS`);
  assert.ok(truePeak <= -1, `${truePeak} dBTP`);

  // the flash: the frame whose mean brightness jumps most over the frame before
  const { width, height } = result.plan;
  const frames = await decodeFrames(output, width, height);
  const brightness = frames.map((f) => { let s = 0; for (let i = 0; i < f.length; i++) s += f[i]!; return s / f.length; });
  let flashFrame = 1;
  for (let i = 1; i < brightness.length; i++) if (brightness[i]! - brightness[i - 1]! > brightness[flashFrame]! - brightness[flashFrame - 1]!) flashFrame = i;
  const flash = flashFrame / 24;
  assert.ok(lightning.events.some((t) => Math.abs(t - flash) <= 2 / 24), `flash seen at ${flash.toFixed(2)} s, planned at ${lightning.events}`);

  // the thunder: the first 10 ms step of low-frequency energy 12 dB over the second before it
  const env = energyEnvelope(channel(await decodeAudio(output), 'mono'), 0.01, 48000, 400);
  let onset = -1;
  for (let h = Math.round(flash * 100); h < env.length; h++) {
    const before = Array.from(env.subarray(Math.max(0, h - 100), h)).sort((x, y) => x - y);
    if (env[h]! > before[Math.floor(before.length / 2)]! + 12) { onset = h / 100; break; }
  }
  const delay = onset - flash;
  assert.ok(onset > 0 && delay >= THUNDER_DELAY.min - 0.05 && delay <= THUNDER_DELAY.max + 0.1, `thunder onset ${onset} s, ${delay.toFixed(2)} s after the flash`);
});

test('a quoted line is recognisable in the MP4\'s final mix', async () => {
  const output = await tempFile('line.mp4');
  const image = await readFile(fixture('portrait-astronaut.png'));
  const line = 'We need to leave right now.';
  const result = await generate({ image, prompt: `soft wind, calm music, the astronaut says "${line}"`, seed: 2, area: AREA }, { output });
  const slot = result.plan.audio.dialogue[0]!;
  assert.equal(slot.text, line);
  const heard = await recognise(output, Math.max(0, slot.start - 0.2), slot.end + 0.2);
  const wer = wordErrorRate(line, heard);
  console.log(`WER ${(wer * 100).toFixed(0)}%  "${line}" → "${heard}"`);
  assert.ok(wer <= 0.35, `heard "${heard}"`);
  assert.ok(typeof result.timings.sound === 'number');
});

test('sound off: no audio stream at all, and a note when the prompt asked for sound', async () => {
  const output = await tempFile('silent.mp4');
  const image = await readFile(fixture('street-old-town.jpg'));
  const result = await generate({ image, prompt: 'city traffic and a man says "Hello."', seed: 1, area: AREA, clipSeconds: 1, sound: false }, { output });
  assert.equal(result.plan.audio.enabled, false);
  assert.ok(result.plan.notes.some((n) => /sound is off/.test(n)));
  const streams = (await probe(output)).streams;
  assert.equal(streams.filter((s) => s.codec_type === 'audio').length, 0);
  assert.equal(streams.filter((s) => s.codec_type === 'video').length, 1);
});
