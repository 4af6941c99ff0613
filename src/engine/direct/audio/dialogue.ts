/**
 * Speech: every quoted line in the prompt ('she says "…"', 'narrator: "…"', “…” and 「…」 too)
 * becomes a dialogue line with a speaker, a voice from the library, and a slot in the clip. Lines
 * too long for the clip are sped up a little or cut at a word boundary (with a note); text no
 * engine can say (emoji, unsupported scripts) is skipped with a note.
 *
 * @example
 *   planDialogue({ prompt: 'she says "Welcome home."', … }, scene, new Set(), notes)
 *   // → [{ speaker: 'woman', voice: 'en-female-1', text: 'Welcome home.', start: 0.4, end: 1.5, … }]
 */
import type { Dialogue, Music } from '../../plan.js';
import type { Scene } from '../../scene.js';
import { inputError } from '../../errors.js';
import { detectLanguage, speakableText } from '../../sound/speech/script.js';
import { SHORTEST_NOTE_S, syllableSeconds, tuneOf } from '../../sound/speech/sing.js';
import { pickVoice, VOICE_BY_ID, type VoiceEntry } from '../../sound/speech/voices.js';
import type { DirectInput } from '../input.js';
import type { AskedAt } from '../order-steps.js';
import { extractQuotes, type QuotedLine } from '../lexicon.js';
import { cutToFit, MAX_SPEEDUP, speechSeconds, sungSeconds } from './line-timing.js';
import { describeSpeaker, type SpeakerDescription } from './speakers.js';
import { SONG_VERBS, SONG_VERBS_FINITE, songVerbPattern, vocaliseQuotes, type VocaliseQuote } from './vocalise.js';
import { ageBand } from '../characters/bind-face.js';

const SPEECH_CUE = /说|道|喊|问|旁白|\b(say|says|said|saying|speak|speaks|speaking|tell|tells|ask|asks|asking|whisper|whispers|shout|shouts|yell|yells|call|calls|reply|replies|narrat\w*|announc\w*|sing|sings|voice|exclaims?)\b|:\s*$/i;
/** A line mouthed without a voice ("she mouths "thank you""): the face talks (the action table's 'talk'), nothing is heard. */
const MOUTHED = /\b(mouths|mouthing|mouthed|lip[- ]?syncs?|lip[- ]?syncing|silently says|says silently|says without a sound|without a sound)\b/i;
/**
 * A line sung or hummed: the verb right before the quote ("she sings softly "…"", "he hums "…""),
 * no other clause between, or right after it (""…," she sang"); birds singing nearby are not the
 * speaker, nor the fridge that hums before "she says".
 */
const SUNG_BEFORE = new RegExp(`${songVerbPattern(SONG_VERBS)}(?:\\s+\\p{L}+){0,2}\\s*[:,]?\\s*$|唱\\S{0,3}$`, 'iu');
const SUNG_AFTER = new RegExp(`^\\s*[,.!?…]*\\s*(?:\\p{L}+\\s+){0,2}${songVerbPattern(SONG_VERBS_FINITE)}|^\\S{0,3}唱`, 'iu');
const NOT_SPEECH = /\b(sign|reading|reads|written|writes|titled|title|text|logo|label|caption|word)\b/i;

/** The words around a quote, within its sentence: where the speaker is described. */
function contextOf(prompt: string, quote: QuotedLine, previous: QuotedLine | undefined, next: QuotedLine | undefined): { before: string; after: string } {
  const from = Math.max(previous?.end ?? 0, prompt.lastIndexOf('.', quote.start - 1) + 1, prompt.lastIndexOf('!', quote.start - 1) + 1, prompt.lastIndexOf('?', quote.start - 1) + 1);
  const before = prompt.slice(from, quote.start);
  const rest = prompt.slice(quote.end, next?.start ?? prompt.length);
  const stop = rest.search(/[.!?\n,;。！？，；]/);
  return { before, after: stop >= 0 ? rest.slice(0, stop) : rest };
}

/** Whether quote `i` of the prompt is mouthed, not voiced. */
function isMouthed(prompt: string, quotes: readonly QuotedLine[], i: number): boolean {
  const { before, after } = contextOf(prompt, quotes[i]!, quotes[i - 1], quotes[i + 1]);
  return MOUTHED.test(`${before} ${after}`);
}

/** The mouthed lines of the prompt, in order, with the time each takes to mouth (as if spoken). */
export function mouthedLines(prompt: string): Array<{ text: string; seconds: number }> {
  const quotes = extractQuotes(prompt);
  return quotes.filter((_, i) => isMouthed(prompt, quotes, i))
    .map((q) => ({ text: q.text, seconds: speechSeconds(q.text, detectLanguage(q.text) ?? 'en') }));
}

function isSpeech(prompt: string, quote: QuotedLine, before: string, after: string): boolean {
  const around = `${before} ${after}`;
  if (SPEECH_CUE.test(around)) return true;
  if (NOT_SPEECH.test(around)) return false;
  // single quotes are often just emphasis: only speech with a cue
  return prompt[quote.start] !== "'";
}

function chooseVoice(who: SpeakerDescription, language: string, input: DirectInput, faceGender: 'female' | 'male' | null, faceAge: number | null = null): VoiceEntry | null {
  if (who.voiceRef !== null) {
    const id = input.voices[who.voiceRef - 1];
    if (id !== undefined) {
      const voice = VOICE_BY_ID.get(id);
      if (!voice) throw inputError('VOICE_UNKNOWN', { voice: id });
      if (voice.language === language) return voice;
    }
  } else if (input.voices.length === 1) {
    const voice = VOICE_BY_ID.get(input.voices[0]!);
    if (!voice) throw inputError('VOICE_UNKNOWN', { voice: input.voices[0]! });
    if (voice.language === language) return voice;
  }
  const gender = who.gender ?? faceGender ?? (who.narrator ? 'male' : null);
  // an age the prompt does not state is read from the face ('adult' is describeSpeaker's default)
  const age = who.age !== 'adult' ? who.age : ageBand(faceAge) ?? 'adult';
  return pickVoice(language, gender, age);
}

export function planDialogue(input: DirectInput, scene: Scene, removed: Set<string>, notes: string[], asked?: AskedAt, music?: Music | null): Dialogue[] {
  for (const id of input.voices) if (!VOICE_BY_ID.has(id)) throw inputError('VOICE_UNKNOWN', { voice: id });
  const written = extractQuotes(input.prompt);
  // a song asked for with no words is sung on "la" or hummed (./vocalise.ts)
  const quotes: Array<QuotedLine | VocaliseQuote> = [...written, ...vocaliseQuotes(input.prompt, written)].sort((a, b) => a.start - b.start);
  const lines: Dialogue[] = [];
  const duration = input.duration;
  let cursor = 0.4;
  let nextFace = 0;
  for (const [i, quote] of quotes.entries()) {
    const { before, after } = contextOf(input.prompt, quote, quotes[i - 1], quotes[i + 1]);
    if (isMouthed(input.prompt, quotes, i)) {
      notes.push(`the line "${quote.text}" is mouthed: the face talks and no voice is heard`);
      continue;
    }
    const wordless = 'vocalise' in quote;
    if (!wordless && !isSpeech(input.prompt, quote, before, after)) continue;
    if (removed.has('dialogue')) {
      notes.push(`the line "${quote.text}" is not spoken: the negative prompt removes voices`);
      continue;
    }
    const text = speakableText(quote.text);
    if (!text) {
      notes.push(`the line "${quote.text}" was skipped: nothing in it can be spoken (emoji or an unsupported script)`);
      continue;
    }
    if (text !== quote.text.replace(/\s+/g, ' ').trim()) notes.push(`the line "${quote.text}" is spoken without the characters no voice can say`);
    const who = describeSpeaker(`${before} ${after}`);
    if (wordless || SUNG_BEFORE.test(before) || SUNG_AFTER.test(after)) who.style = 'sung';
    const language = detectLanguage(text) ?? who.language ?? 'en';
    // a visible speaker gets a face (matching gender when the face has one); the narrator none
    const faces = scene.faces;
    let face: number | null = null;
    if (!who.narrator && faces.length) {
      // a face of the described gender (and age, when stated) not yet speaking; else one already
      // speaking ('he replies' after 'the man says'); else the next face in turn
      const fits = (k: number) => faces[k]!.gender !== null && faces[k]!.gender === who.gender && (who.age === 'adult' || ageBand(faces[k]!.age) === who.age);
      const sameGender = (k: number) => faces[k]!.gender !== null && faces[k]!.gender === who.gender;
      const free = (k: number) => !lines.some((l) => l.face === k);
      const order = faces.map((_, k) => k);
      const match = order.find((k) => fits(k) && free(k)) ?? order.find((k) => sameGender(k) && free(k)) ?? order.find((k) => fits(k)) ?? order.find((k) => sameGender(k));
      face = match ?? nextFace++ % faces.length;
    }
    const voice = chooseVoice(who, language, input, face !== null ? faces[face]!.gender : null, face !== null ? faces[face]!.age : null);
    if (!voice) {
      notes.push(`the line "${quote.text}" was skipped: no voice speaks its language (${language})`);
      continue;
    }
    if (face === null && !who.narrator) notes.push(`the line "${quote.text}" is a voice-over: no face in the picture to speak it`);
    const start = cursor;
    const room = duration - 0.25 - start;
    if (room < 0.5) {
      notes.push(`the line "${quote.text}" was dropped: no time left for it in a ${duration} s clip`);
      continue;
    }
    const baseRate = who.rate;
    let rate = baseRate;
    let spoken = text;
    let length: number;
    if (who.style === 'sung') {
      // a sung line keeps the tune's tempo: a long one goes to double time (its rate is its pace)
      // while its notes stay singable, and what still does not fit is cut
      const tune = tuneOf(music);
      rate = 1;
      if (sungSeconds(text, language, tune) > room && syllableSeconds(tune) / 2 >= SHORTEST_NOTE_S) rate = 2;
      spoken = sungSeconds(text, language, tune, rate) > room ? cutToFit(text, language, room, (t) => sungSeconds(t, language, tune, rate)) : text;
      if (!spoken) { notes.push(`the line "${quote.text}" was dropped: it does not fit in the clip`); continue; }
      if (spoken !== text) notes.push(`the line "${quote.text}" is too long to sing in ${duration} s at ${Math.round(tune.bpm)} bpm: sung up to "${spoken}"`);
      length = sungSeconds(spoken, language, tune, rate);
    } else {
      const natural = speechSeconds(text, language) / (voice.rate * baseRate);
      if (natural > room) {
        const speedup = Math.min(MAX_SPEEDUP, natural / room);
        rate = Math.round(baseRate * speedup * 100) / 100;
        if (natural / speedup > room) {
          spoken = cutToFit(text, language, room, (t) => speechSeconds(t, language) / (voice.rate * rate));
          if (!spoken) { notes.push(`the line "${quote.text}" was dropped: it does not fit in the clip`); continue; }
          notes.push(`the line "${quote.text}" is too long for ${duration} s: sped up ${speedup.toFixed(2)}× and cut after "${spoken}" with a fade`);
        } else {
          // (in whole percent, rounded up: a speed-up of 0.3 % is not "1.00× faster")
          notes.push(`the line "${quote.text}" is a little long for ${duration} s: spoken ${Math.ceil((speedup - 1) * 100)} % faster`);
        }
      }
      length = speechSeconds(spoken, language) / (voice.rate * rate);
    }
    // the slot allows the estimate some slack; the renderer fades out anything past it
    const end = Math.min(duration - 0.05, start + length * 1.2 + 0.15);
    const line: Dialogue = {
      speaker: who.speaker, voice: voice.id, text: spoken,
      start: Math.round(start * 1000) / 1000, end: Math.round(end * 1000) / 1000,
      rate, pitch: who.pitch, style: who.style, face,
    };
    lines.push(line);
    asked?.set(line, { at: quote.start, words: `the line "${quote.text}"` });
    cursor = start + length + 0.35;
  }
  return lines;
}
