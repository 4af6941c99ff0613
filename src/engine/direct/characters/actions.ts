/**
 * The face actions the picture can perform, one row each: the phrases the director recognises and
 * how long one performance lasts (seconds; `null` = until the end of the clip).
 *
 * @example
 *   FACE_ACTIONS.find((a) => a.id === 'smile')!.seconds // → 2.2
 */
import type { LexiconEntry } from '../lexicon.js';

export type FaceActionId = 'smile' | 'nod' | 'turn_left' | 'turn_right' | 'look_up' | 'raise_eyebrows' | 'wink' | 'laugh' | 'talk';

export interface FaceActionEntry extends LexiconEntry<FaceActionId> {
  seconds: number | null;
}

export const FACE_ACTIONS: readonly FaceActionEntry[] = [
  { id: 'smile', phrases: ['smile', 'smiles', 'smiling', 'grin', 'grins', 'grinning', 'beams'], seconds: 2.2 },
  { id: 'nod', phrases: ['nod', 'nods', 'nodding', 'nodded'], seconds: 1.4 },
  { id: 'turn_left', phrases: ['turns her head left', 'turns his head left', 'turns their head left', 'turns head left', 'turns her head to the left', 'turns his head to the left', 'turns head to the left', 'looks left', 'looks to the left', 'glances left'], seconds: 2 },
  { id: 'turn_right', phrases: ['turns her head right', 'turns his head right', 'turns their head right', 'turns head right', 'turns her head to the right', 'turns his head to the right', 'turns head to the right', 'looks right', 'looks to the right', 'glances right'], seconds: 2 },
  { id: 'look_up', phrases: ['looks up', 'looking up', 'glances up', 'gazes up', 'looks upward', 'lifts her head', 'lifts his head'], seconds: 2 },
  { id: 'raise_eyebrows', phrases: ['raises her eyebrows', 'raises his eyebrows', 'raises their eyebrows', 'raises eyebrows', 'raised eyebrows', 'raising eyebrows', 'eyebrows raise', 'eyebrows rise', 'looks surprised', 'surprised'], seconds: 1.5 },
  { id: 'wink', phrases: ['wink', 'winks', 'winking', 'winked'], seconds: 0.6 },
  { id: 'laugh', phrases: ['laugh', 'laughs', 'laughing', 'laughed', 'chuckles', 'chuckling', 'giggles', 'giggling'], seconds: 2 },
  { id: 'talk', phrases: ['talk', 'talks', 'talking', 'chatting', 'chats', 'speaking to camera', 'speaks to the camera', 'mouths words'], seconds: null },
];
