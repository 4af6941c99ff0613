/**
 * One dialogue line of the plan → dry mono samples at 48 kHz: the voice's engine speaks the text
 * at the line's rate and pitch, the leading and trailing silence is trimmed, the result resampled
 * and coloured by the line's style, or sung to the music's key and tempo when its style is 'sung'. Text no engine can say gives null (the director has already
 * noted such lines, so this only guards hand-written plans).
 *
 * @example
 *   const samples = await speakLine({ voice: 'en-female-1', text: 'Welcome home.', rate: 1, pitch: 0, style: 'neutral', … }, rng);
 */
import type { Dialogue, Music } from '../../plan.js';
import type { Random } from '../../util/random.js';
import { SAMPLE_RATE } from '../sample-rate.js';
import { espeakSpeak } from './espeak.js';
import { fliteSpeak } from './flite.js';
import { resample } from './resample.js';
import { singLine, tuneOf } from './sing.js';
import { asciiText, speakableText } from './script.js';
import { VOICE_STYLES } from './styles.js';
import { VOICE_BY_ID, VOICES } from './voices.js';

function trimSilence(samples: Float32Array, sampleRate: number): Float32Array {
  const threshold = 0.01;
  let start = 0, end = samples.length;
  while (start < end && Math.abs(samples[start]!) < threshold) start++;
  while (end > start && Math.abs(samples[end - 1]!) < threshold) end--;
  const pad = Math.round(0.02 * sampleRate);
  return samples.subarray(Math.max(0, start - pad), Math.min(samples.length, end + pad));
}

export async function speakLine(line: Dialogue, rng: Random, music?: Music | null): Promise<Float32Array | null> {
  const voice = VOICE_BY_ID.get(line.voice) ?? VOICES[0]!;
  const text = speakableText(line.text);
  if (!text) return null;
  // (a sung line's rate is its pace, ./sing.ts: its words are said at the voice's own rate)
  const rate = voice.rate * (line.style === 'sung' ? 1 : line.rate);
  const spoken = voice.engine === 'flite'
    ? asciiText(text) ? await fliteSpeak(asciiText(text), voice.engineVoice, rate, voice.pitch * Math.pow(2, line.pitch / 12)) : null
    : await espeakSpeak(text, voice.engineVoice, rate, voice.pitch + line.pitch * 4);
  if (!spoken || spoken.samples.length === 0) return null;
  const dry = resample(trimSilence(spoken.samples, spoken.sampleRate), spoken.sampleRate, SAMPLE_RATE);
  // a sung line: its vowels held on the notes of a tune in the music's key and tempo (./sing.ts)
  if (line.style === 'sung') return singLine(dry, SAMPLE_RATE, tuneOf(music), rng, line.rate);
  (VOICE_STYLES[line.style] ?? VOICE_STYLES.neutral!)(dry, rng, SAMPLE_RATE);
  return dry;
}
