/**
 * Which camera moves the prompt asks for: mentions of moves (and of undirected moves like "pan"
 * or "orbit around", which get a side from the seed) in prompt order, each with the speed word of
 * its clause. Moves the exclusions forbid are dropped with a note; of two contradictory moves
 * (pan left + pan right, push in + pull out, static + anything that moves) the first is kept and
 * the other noted.
 *
 * @example
 *   chooseMoves('slow push in with a slight pan right', mentions, emptyExclusions(), rng, notes);
 *   // → [{ move: 'push_in', speed: 'slow', factor: 0.7 }, { move: 'pan_right', speed: 'subtle', factor: 0.45 }]
 */
import type { CameraMove } from '../../../plan.js';
import type { Random } from '../../../util/random.js';
import type { Mention } from '../../lexicon.js';
import type { Exclusions } from '../exclusions.js';
import { speedNear, type Speed } from '../modifiers.js';
import { splitId } from '../vocabulary.js';
import { CAMERA_MOVE_TABLE, GENERIC_MOVE_TABLE, heardNotCamera, type Axis } from './moves.js';

export interface MoveRequest {
  move: CameraMove;
  /** the speed word's name ('normal' when none) and magnitude factor */
  speed: Speed;
  factor: number;
  /** what the prompt said, for notes */
  phrase: string;
  /** offset of the mention in the prompt */
  index: number;
}

const label = (move: CameraMove) => move.replace(/_/g, ' ');

function contradicts(a: CameraMove, b: CameraMove): boolean {
  const axesA = CAMERA_MOVE_TABLE.find((m) => m.move === a)!.axes;
  const axesB = CAMERA_MOVE_TABLE.find((m) => m.move === b)!.axes;
  return (Object.keys(axesA) as Axis[]).some((axis) => axesB[axis] !== undefined && axesB[axis] !== axesA[axis]);
}

export function chooseMoves(text: string, mentions: readonly Mention[], exclusions: Exclusions, rng: Random, notes: string[]): MoveRequest[] {
  const asked: MoveRequest[] = [];
  for (const m of mentions) {
    if (m.negated) continue;
    const { kind, name } = splitId(m.id);
    let move: CameraMove | undefined;
    if (kind === 'move') move = name as CameraMove;
    if (heardNotCamera(move ?? name, text, m.index, m.length)) continue;
    else if (kind === 'generic') {
      const { pick, family } = GENERIC_MOVE_TABLE.find((g) => g.id === name)!;
      // a side from the seed; drawn for every undirected mention so the choice is stable
      const side = rng.next();
      // a second word for a move already asked ("360 orbit around her") asks for nothing new
      if (asked.some((r) => family.includes(r.move))) continue;
      move = pick.length ? pick[Math.min(pick.length - 1, Math.floor(side * pick.length))] : undefined;
    }
    if (!move || asked.some((r) => r.move === move)) continue;
    const speed = speedNear(text, m.index);
    asked.push({ move, speed: speed?.id ?? 'normal', factor: speed?.factor ?? 1, phrase: m.phrase, index: m.index });
  }

  const kept: MoveRequest[] = [];
  for (const request of asked) {
    if (exclusions.forceStatic && request.move !== 'static' && request.move !== 'rack_focus') {
      notes.push(`camera: '${request.phrase}' left out: the camera is asked not to move`);
      continue;
    }
    if (exclusions.moves.has(request.move)) {
      notes.push(`camera: '${request.phrase}' left out: ${exclusions.sources.get(request.move) ?? 'negative_prompt'} excludes it`);
      continue;
    }
    const clash = kept.find((k) => contradicts(k.move, request.move));
    if (clash) {
      notes.push(`camera: '${request.phrase}' contradicts '${clash.phrase}': kept ${label(clash.move)}`);
      continue;
    }
    kept.push(request);
  }
  return kept;
}
