/**
 * Spoken lines a prompt writes without quotes, put in quotes so the dialogue speaks them: after a
 * speech verb or a label and a colon ("the narrator says: welcome to the show", "Voiceover: The town
 * was quiet."), the first sentence; after a speech verb, a greeting or an interjection ("he says
 * hello", "she whispers thank you"). Text already in quotes is left alone.
 *
 * @example
 *   quoteUnquotedLines('Narrator: It was the last night of summer. Slow push in.')
 *   // → 'Narrator: "It was the last night of summer." Slow push in.'
 */
import { extractQuotes } from './lexicon.js';

const SPEECH_VERB = String.raw`(?:say|says|said|saying|whispers?|whispered|whispering|shouts?|shouted|shouting|yells?|yelled|exclaims?|exclaimed|announces?|announced|asks?|asked|replies|replied|narrates?|narrated)`;
const LABEL = String.raw`(?:voice[ -]?over|vo|narrator|narration|dialogue|dialog|speech)`;
/** The first sentence after a colon: up to a sentence end, a bracket or a line break. */
const SENTENCE = String.raw`([^\n\]"“”「」«»]+?[.!?]?)(?=\s*(?:\]|\n|$)|(?<=[.!?])\s)`;
const AFTER_COLON = new RegExp(String.raw`((?:^|[\n.;!?\[]\s*)${LABEL}\s*:\s*|\b${SPEECH_VERB}\s*:\s*)${SENTENCE}`, 'giu');
const INTERJECTION = new RegExp(String.raw`(\b${SPEECH_VERB}\s+)(hello|hi|hey|good ?bye|bye|good (?:morning|night|evening|afternoon)|thank you|thanks|yes|no|cheers|welcome|sorry|wow|oh no|happy birthday|i love you)\b`, 'giu');

export function quoteUnquotedLines(prompt: string): string {
  const quotes = extractQuotes(prompt);
  const inQuote = (at: number) => quotes.some((q) => at >= q.start && at < q.end);
  const wrap = (text: string, pattern: RegExp) => text.replace(pattern, (all: string, lead: string, line: string, offset: number) =>
    inQuote(offset) || !line.trim() ? all : `${lead}"${line.trim()}"`);
  return wrap(wrap(prompt, AFTER_COLON), INTERJECTION);
}
