/**
 * What each rig needs before it can perform, and the reason a note gives when it cannot. One row
 * per rig; the director asks here, the picture's rigs (src/engine/picture/characters) perform.
 *
 * @example
 *   rigReason('arm', { kind: 'person', faces: [0], name: 'man', arms: false }) // → "the man's hands are not in the frame"
 */
import type { RigId, SubjectKind } from './actions.js';

export interface RigSubject {
  kind: SubjectKind;
  /** the word the prompt used ("man", "squirrel"); a name as written ("Mary") */
  name: string;
  /** the detected faces this subject is (people) */
  faces: readonly number[];
  /** an arm (shoulder, elbow and wrist) of the person's body pose is in the frame */
  arms: boolean;
  /** the person's hands meet, holding something together, so one cannot gesture without tearing it (absent: not asked, a gesture that moves no hand) */
  handsMeet?: boolean;
  /** the gesturing hand is on something a gesture would tear: one larger than a hand, or one that runs on into the scene (absent: nothing, or not asked) */
  holds?: 'larger' | 'runs on';
  /** why an animal's eyes cannot be animated, or null when they were found (absent: not looked for) */
  eyes?: string | null;
  /** why an animal's ears cannot be animated, or null when they were found */
  ears?: string | null;
  /** why an animal's tail cannot be animated, or null when it was found */
  tail?: string | null;
  /** why an animal's head cannot be placed, or null when it can (absent: not looked for) */
  head?: string | null;
}

/** "the man's", or the pronoun's own form ("he" → "his") */
const POSSESSIVES: Record<string, string> = { he: 'his', she: 'her', they: 'their', it: 'its', someone: "someone's", everyone: "everyone's" };
/** a name ("Mary", "Grace Hopper") takes no article: "Mary's" */
const whose = (name: string) => POSSESSIVES[name] ?? (/^\p{Lu}/u.test(name) ? `${name}'s` : `the ${name}'s`);

const RIGS: Record<RigId, (s: RigSubject) => string | null> = {
  face: (s) => (s.faces.length ? null : 'no face was found in the picture to perform it'),
  subject: () => null,
  head: (s) => (s.kind !== 'animal' || !s.head ? null : `${whose(s.name)} head is not identified in the picture: ${s.head}`),
  arm: (s) => (s.kind === 'person' && s.arms
    ? (s.handsMeet ? `${whose(s.name)} hands are together, holding something: moving one hand would tear it`
      : s.holds ? `${whose(s.name)} hand is on something ${s.holds === 'larger' ? 'larger than the hand' : 'that runs on into the scene'}: moving the hand would tear it`
      : null)
    : `${whose(s.name)} ${s.kind === 'person' ? 'hands are' : 'limbs are'} not in the frame`),
  eyes: (s) => (s.eyes === null ? null : `${whose(s.name)} eyes cannot be animated: ${s.eyes ?? 'they were not looked for'}`),
  ears: (s) => (s.ears === null ? null : `${whose(s.name)} ears are not identified in the picture${s.ears ? `: ${s.ears}` : ''}`),
  tail: (s) => (s.tail === null ? null : `${whose(s.name)} tail is not identified in the picture${s.tail ? `: ${s.tail}` : ''}`),
};

/** Why the rig cannot perform for this subject, or null when it can. */
export function rigReason(rig: RigId, subject: RigSubject): string | null {
  return RIGS[rig](subject);
}
