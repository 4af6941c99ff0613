/**
 * Quoted English lines are recognisable in the final mix: the director plans the prompt (with its
 * ambience and music), the renderer mixes it, the mix goes through AAC (as in the MP4), and
 * Debian's pocketsphinx (pocketsphinx + pocketsphinx-en-us) transcribes the span where the line is
 * heard in the final mix: word error ≤ 15 % for normal speech, ≤ 35 % for a whisper (issue 14).
 * Word error rate is measured per sentence and over the set.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { directAudio } from '../../../src/engine/direct/audio/index.js';
import { renderSound } from '../../../src/engine/sound/index.js';
import type { ShotPlan } from '../../../src/engine/plan.js';
import { makeInput } from '../../helpers/direct-input.js';
import { makeScene } from '../../helpers/synthetic-scene.js';
import { picturePlan } from '../../helpers/picture-plan.js';
import { channel, recognise, spectrumStats, toAac, wordErrorRate, writeWavFile } from '../../helpers/audio.js';

const FIXTURES: Array<{ prompt: string; line: string }> = [
  { prompt: 'a man on a windy hill says "Welcome home, the rain is coming."', line: 'Welcome home, the rain is coming.' },
  { prompt: 'calm piano music, the narrator says "I will meet you at the station tomorrow morning."', line: 'I will meet you at the station tomorrow morning.' },
  { prompt: 'birds in the forest, he says "The weather is beautiful today."', line: 'The weather is beautiful today.' },
  { prompt: 'soft city ambience, an old man says "Please close the door behind you."', line: 'Please close the door behind you.' },
  { prompt: 'epic score, the captain says "We need to leave right now."', line: 'We need to leave right now.' },
  { prompt: 'rain on the window, she says "I have been waiting for you all day."', line: 'I have been waiting for you all day.' },
];

async function mixFor(prompt: string, seed: number) {
  const scene = makeScene({ sky: true, foliage: true, tags: ['outdoor', 'day', 'landscape'] });
  const base = picturePlan({ duration: 5, seed });
  const notes: string[] = [];
  const audio = directAudio(makeInput({ prompt, seed }), scene, base.shots[0]!, notes);
  const plan: ShotPlan = { ...base, prompt, audio, notes };
  const { samples, voices } = await renderSound(plan, scene);
  return { plan, samples, scene, voices: voices ?? [] };
}

test('quoted English lines are recognised in the final mix (ambience and music included) after AAC', async () => {
  const results: Array<{ line: string; heard: string; wer: number }> = [];
  let errors = 0, words = 0;
  for (const [i, { prompt, line }] of FIXTURES.entries()) {
    const { plan, samples, voices } = await mixFor(prompt, 100 + i);
    assert.equal(plan.audio.dialogue.length, 1, prompt);
    assert.ok(plan.audio.beds.length > 0, 'the mix has ambience under the line');
    // the span where the line is heard (the music and ambience carry on around it, as they should)
    const voice = voices[0]!;
    const m4a = await toAac(await writeWavFile(samples, 2));
    const heard = await recognise(m4a, Math.max(0, voice.start / 48000 - 0.15), (voice.start + voice.samples.length) / 48000 + 0.15);
    const wer = wordErrorRate(line, heard);
    results.push({ line, heard, wer });
    const n = line.split(/\s+/).length;
    errors += wer * n; words += n;
  }
  for (const r of results) console.log(`WER ${(r.wer * 100).toFixed(0).padStart(3)}%  "${r.line}" → "${r.heard}"`);
  const total = errors / words;
  console.log(`WER over ${results.length} sentences: ${(total * 100).toFixed(1)}%`);
  assert.ok(results.length >= 5);
  assert.ok(total <= 0.15, `word error rate ${(total * 100).toFixed(1)}% over the set`);
  assert.ok(results.filter((r) => r.wer <= 0.35).length >= 5, 'at least five sentences at WER ≤ 35%');
});

test('a whispered line stays intelligible in the final mix (unvoiced, yet word error ≤ 35 %)', async () => {
  const lines = ['Can you hear the music from the garden?', 'I have been waiting for you all day.', 'We need to leave right now.'];
  let errors = 0, words = 0;
  for (const [i, line] of lines.entries()) {
    const { plan, samples, voices } = await mixFor(`a quiet room, she whispers "${line}"`, 300 + i);
    assert.equal(plan.audio.dialogue[0]?.style, 'whisper');
    const voice = voices[0]!;
    // a whisper has no pitch: the voice's spectrum is far flatter than the same line spoken (a harmonic series)
    const spoken = (await mixFor(`a quiet room, she says "${line}"`, 300 + i)).voices[0]!;
    const [flatWhisper, flatSpoken] = [spectrumStats(voice.samples).flatness, spectrumStats(spoken.samples).flatness];
    assert.ok(flatWhisper > 3 * flatSpoken, `whisper flatness ${flatWhisper} vs spoken ${flatSpoken}`);
    const m4a = await toAac(await writeWavFile(samples, 2));
    const heard = await recognise(m4a, Math.max(0, voice.start / 48000 - 0.15), (voice.start + voice.samples.length) / 48000 + 0.15);
    const wer = wordErrorRate(line, heard);
    console.log(`whisper WER ${(wer * 100).toFixed(0).padStart(3)}%  "${line}" → "${heard}"`);
    const n = line.split(/\s+/).length;
    errors += wer * n; words += n;
  }
  assert.ok(errors / words <= 0.35, `whisper word error rate ${((100 * errors) / words).toFixed(1)}%`);
});

test('other languages and voice colours render: Mandarin speaks, the radio voice is band-limited', async () => {
  const zh = await mixFor('她说“你好，欢迎回家。”', 7);
  assert.equal(zh.plan.audio.dialogue[0]!.voice, 'zh-female-1');
  const slot = zh.plan.audio.dialogue[0]!;
  // the line's slot is louder than the ambience alone after it
  const mono = channel(zh.samples, 'mono');
  const energy = (a: number, b: number) => spectrumStats(mono.subarray(Math.round(a * 48000), Math.round(b * 48000))).rms;
  assert.ok(energy(slot.start, slot.start + 1) > 2 * energy(4.2, 5), 'speech stands above the ambience');

  const dry = await mixFor('negative test, narrator: "Move to the exit now."', 8);
  const radio = await mixFor('negative test, the pilot says over the radio "Move to the exit now."', 8);
  assert.equal(radio.plan.audio.dialogue[0]!.style, 'radio');
  const centroid = (s: Float32Array, a: number, b: number) => spectrumStats(channel(s, 'mono').subarray(Math.round(a * 48000), Math.round(b * 48000))).centroid;
  const r = radio.plan.audio.dialogue[0]!, d = dry.plan.audio.dialogue[0]!;
  assert.ok(centroid(radio.samples, r.start, r.start + 1.2) > 600, 'radio keeps the 400–3000 Hz band');
  assert.notDeepEqual(radio.samples.subarray(0, 48000 * 3), dry.samples.subarray(0, 48000 * 3));
  void d;
});

test('every voice in the library speaks (non-silent speech at 48 kHz)', async () => {
  const { VOICES } = await import('../../../src/engine/sound/speech/voices.js');
  const { speakLine } = await import('../../../src/engine/sound/speech/speak-line.js');
  const { createRandom } = await import('../../../src/engine/util/random.js');
  const sample: Record<string, string> = { en: 'Hello there.', zh: '你好', yue: '你好', ja: 'こんにちは', ko: '안녕하세요', ru: 'Привет', ar: 'مرحبا', hi: 'नमस्ते', el: 'Γειά σου', he: 'שלום', th: 'สวัสดี', uk: 'Привіт' };
  for (const voice of VOICES) {
    const text = sample[voice.language] ?? 'Hola, bonjour, ciao.';
    const dry = await speakLine({ speaker: 'x', voice: voice.id, text, start: 0, end: 5, rate: 1, pitch: 0, style: 'neutral', face: null }, createRandom(1));
    assert.ok(dry && dry.length > 0.2 * 48000, `${voice.id} spoke ${dry?.length ?? 0} samples`);
    assert.ok(spectrumStats(dry).rms > 0.01, `${voice.id} is audible`);
  }
});

test('many lines in one process: Flite runs under our WASI host without crashing (node:wasi segfaulted here)', async () => {
  const { speakLine } = await import('../../../src/engine/sound/speech/speak-line.js');
  const { createRandom } = await import('../../../src/engine/util/random.js');
  // this sequence crashed the process (SIGSEGV) under node:wasi, whose memory view goes stale when Flite grows its memory
  const lines: Array<[string, string]> = [
    ['en-male-1', 'Welcome home, the rain is coming.'],
    ['en-female-1', 'I will meet you at the station tomorrow morning.'],
    ['en-old-male-1', 'Please close the door behind you.'],
    ['en-male-2', 'This is a very long sentence that keeps going about the rain and the city and the night.'],
    ['en-child-1', 'Look at the stars!'],
  ];
  for (const [voice, text] of [...lines, ...lines]) {
    const dry = await speakLine({ speaker: 'x', voice, text, start: 0, end: 10, rate: 1, pitch: 0, style: 'neutral', face: null }, createRandom(1));
    assert.ok(dry && dry.length > 0.5 * 48000, `${voice}: ${dry?.length} samples`);
  }
});
