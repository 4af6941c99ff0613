/**
 * What each rig needs before it can perform, and the reason a note gives when it cannot. One row
 * per rig; the director asks here, the picture's rigs (src/engine/picture/characters) perform.
 *
 * @example
 *   rigReason('arm', { kind: 'person', faces: [0], name: 'man', arms: false }) // → 'the hands of the man are not in the frame'
 */
import type { RigId, SubjectKind } from './actions.js';

export interface RigSubject {
  kind: SubjectKind;
  /** the word the prompt used ("man", "squirrel") */
  name: string;
  /** the detected faces this subject is (people) */
  faces: readonly number[];
  /** an arm (shoulder, elbow and wrist) of the person's body pose is in the frame */
  arms: boolean;
  /** why an animal's eyes cannot be animated, or null when they were found (absent: not looked for) */
  eyes?: string | null;
  /** why an animal's ears cannot be animated, or null when they were found */
  ears?: string | null;
  /** why an animal's tail cannot be animated, or null when it was found */
  tail?: string | null;
}

const RIGS: Record<RigId, (s: RigSubject) => string | null> = {
  face: (s) => (s.faces.length ? null : 'no face was found in the picture to perform it'),
  subject: () => null,
  arm: (s) => (s.kind === 'person' && s.arms ? null : `the ${s.kind === 'person' ? 'hands' : 'limbs'} of the ${s.name} are not in the frame`),
  eyes: (s) => (s.eyes === null ? null : `the ${s.name}'s eyes cannot be animated: ${s.eyes ?? 'they were not looked for'}`),
  ears: (s) => (s.ears === null ? null : `the ${s.name}'s ears are not identified in the picture${s.ears ? `: ${s.ears}` : ''}`),
  tail: (s) => (s.tail === null ? null : `the ${s.name}'s tail is not identified in the picture${s.tail ? `: ${s.tail}` : ''}`),
};

/** Why the rig cannot perform for this subject, or null when it can. */
export function rigReason(rig: RigId, subject: RigSubject): string | null {
  return RIGS[rig](subject);
}
