/**
 * Where the music comes from: the soundtrack (the default), or a device in the scene the prompt
 * names playing — a radio ("a radio plays softly", "she hums along to the radio", "jazz on the
 * radio") or a record player or jukebox ("a gramophone plays an old waltz", "vinyl crackling").
 * Music from a device is heard through it (sound/music/music-source.ts), and a device that plays
 * brings music even when no music word is written. A radio that only crackles, chatters or
 * speaks ("radio static", "a radio host says …") plays no music: those are a bed and a voice.
 *
 * @example
 *   musicSourceOf('she hums along to the radio')     // → 'radio'
 *   musicSourceOf('an old gramophone in the corner') // → 'record'
 *   musicSourceOf('radio static, a dark bunker')     // → null
 */
import type { MusicSource } from '../../plan.js';
import { normalizeText } from '../lexicon.js';

/**
 * Devices that play records: naming one in the scene means its music. (A turntable alone is as
 * often a product shot's ("the sneaker spins on a turntable"), and vinyl a material: only with
 * their records.)
 */
const RECORD = /\b(?:jukebox|gramophone|phonograph|record player|vinyl records?|records? on the turntable|vinyl (?:plays|playing|spins|spinning|crackl\w*)|on vinyl|old records?|a record plays|record spins|record spinning|turntable plays)\b/;
/** A radio, and what it does when it plays music (before or after it, within its clause). */
const RADIO = /\b(?:radio|transistor)\b/;
const PLAYS = /\b(?:plays?|playing|blares?|blaring|blasts?|blasting|music|song|songs|tune|tunes|jazz|pop|oldies|hits?)\b/;
const TO_IT = /\b(?:to|on|from|through|over)(?: the| a| an| his| her| their| my| an old| the old| a small| the car'?s?| a car)? (?:old |vintage |small |car |portable |transistor )?radio\b/;
/** A radio's other sounds and voices, which the sound table and the voices have. */
const NOT_MUSIC = /\bradio (?:static|chatter|crackles?|crackling|hiss(?:es)?|host|announcer|dj|voice|news|call|operator|transmission|broadcast of the news)\b|\b(?:static|crackling|walkie) (?:on the )?radio\b/;

/** "no radio", "without the jukebox", "the radio is off", "turns off the radio". */
const NEGATED = /\b(?:no|not|without|never)\b(?: \w+){0,3} (?:radio|transistor|jukebox|gramophone|phonograph|record player|turntable|vinyl)\b|\b(?:radio|jukebox|record player|turntable) (?:is |goes )?(?:off|silent|quiet)\b|\b(?:turns?|switch(?:es)?) off\b/;

export function musicSourceOf(text: string): MusicSource | null {
  const t = normalizeText(text);
  for (const clause of t.split(/[,.;:!?\n"]/)) {
    if (RECORD.test(clause)) return 'record';
    if (NEGATED.test(clause)) continue;
    if (!RADIO.test(clause) || NOT_MUSIC.test(clause)) continue;
    if (TO_IT.test(clause) || PLAYS.test(clause)) return 'radio';
  }
  return null;
}
