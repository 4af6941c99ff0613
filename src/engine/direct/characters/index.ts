/**
 * The characters of a shot: one per detected face, blinking, with the face actions the prompt asks
 * for ("the woman smiles", "he nods", "she winks") bound to the face they describe and laid out on
 * the timeline in prompt order. `speaks` starts empty: the sound half fills it from the dialogue.
 *
 * @example
 *   directCharacters({ prompt: 'the woman smiles', duration: 5, … }, scene, notes)
 *   // → [{ face: 0, blink: true, speaks: [], actions: [{ type: 'smile', start: 0.5, end: 2.7 }] }]
 */
import type { Character } from '../../plan.js';
import type { Scene } from '../../scene.js';
import type { DirectInput } from '../input.js';
import { findMentions, normalizeText, withoutQuotes } from '../lexicon.js';
import { FACE_ACTIONS } from './actions.js';
import { facesFor } from './bind-face.js';

const round = (v: number) => Math.round(v * 1000) / 1000;

/** The words before a mention within its clause: where its subject is named. */
function subjectOf(text: string, index: number): string {
  const before = text.slice(0, index);
  const from = Math.max(...['.', ',', ';', '!', '?', ' and ', ' then ', ' while '].map((s) => before.lastIndexOf(s) + s.length - 1));
  return before.slice(from + 1);
}

export function directCharacters(input: DirectInput, scene: Scene, notes: string[]): Character[] {
  const characters: Character[] = scene.faces.map((_, face) => ({ face, blink: true, speaks: [], actions: [] }));
  const text = normalizeText(withoutQuotes(input.prompt));
  const mentions = findMentions(text, FACE_ACTIONS).filter((m) => !m.negated);
  if (!mentions.length) return characters;
  if (!characters.length) {
    const words = [...new Set(mentions.map((m) => text.slice(m.index, m.index + m.length)))];
    notes.push(`${words.map((w) => `'${w}'`).join(', ')}: no face was found in the picture to perform it`);
    return characters;
  }
  const duration = input.duration;
  // each face's next free moment: actions follow one another in prompt order
  const cursor = characters.map(() => 0.4);
  for (const m of mentions) {
    const entry = FACE_ACTIONS.find((a) => a.id === m.id)!;
    for (const face of facesFor(subjectOf(text, m.index), scene.faces)) {
      const start = Math.min(cursor[face]!, Math.max(0, duration - 0.8));
      const end = entry.seconds === null ? duration : Math.min(duration, start + entry.seconds);
      if (end - start < 0.2) continue;
      characters[face]!.actions.push({ type: m.id, start: round(start), end: round(end) });
      if (entry.seconds !== null) cursor[face] = end + 0.2;
    }
  }
  dropPerformedNotes(notes, characters);
  return characters;
}

/** The picture's "not supported: no body animation" notes for head actions a face now performs. */
function dropPerformedNotes(notes: string[], characters: Character[]): void {
  if (!characters.some((c) => c.actions.length)) return;
  for (let i = notes.length - 1; i >= 0; i--) {
    const word = /^'([^']+)' is not supported yet: no body animation$/.exec(notes[i]!)?.[1];
    if (!word) continue;
    const performed = findMentions(word, FACE_ACTIONS).length > 0 || FACE_ACTIONS.some((a) => a.phrases.some((p) => p.startsWith(word)));
    if (performed) notes.splice(i, 1);
  }
}
