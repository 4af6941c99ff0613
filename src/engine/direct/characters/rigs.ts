/**
 * What each rig needs before it can perform, and the reason a note gives when it cannot. One row
 * per rig; the director asks here, the picture's rigs (src/engine/picture/characters) perform.
 *
 * @example
 *   rigReason('arm', { kind: 'person', faces: [0], name: 'man' }) // → 'arms and hands are not animated yet (no body pose rig)'
 */
import type { RigId, SubjectKind } from './actions.js';

export interface RigSubject {
  kind: SubjectKind;
  /** the word the prompt used ("man", "squirrel") */
  name: string;
  /** the detected faces this subject is (people) */
  faces: readonly number[];
}

const RIGS: Record<RigId, (s: RigSubject) => string | null> = {
  face: (s) => (s.faces.length ? null : 'no face was found in the picture to perform it'),
  subject: () => null,
  arm: () => 'arms and hands are not animated yet (no body pose rig)',
  eyes: (s) => `no eyes of the ${s.name} were found to animate`,
  ears: (s) => `the ${s.name}'s ears are not identified in the picture`,
  tail: (s) => `the ${s.name}'s tail is not identified in the picture`,
};

/** Why the rig cannot perform for this subject, or null when it can. */
export function rigReason(rig: RigId, subject: RigSubject): string | null {
  return RIGS[rig](subject);
}
