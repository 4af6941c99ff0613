/**
 * What the plan's notes say when the director holds a move back from what lies beyond the frame
 * (limit-reveal.ts): why an edge allows little (it cuts the subject, it has an object, its
 * regions cannot be continued, or the move simply reveals more than can be invented), and whether
 * the move was made gentler or only re-aimed toward the edges that continue. Every such note is
 * worded here, once; the plan's notes reach --json and the Playground as they are.
 *
 * @example
 *   limitedNote('pull out', 0.4, { kind: 'continuation', side: 'left' })
 *   // → "camera: pull out limited to 40 % of its amplitude: the pull out is gentler, as the picture's left edge cannot be continued beyond the frame (its regions there are too small or too busy)"
 */
import type { Side } from './reveal.js';

export type EdgeReason =
  | { kind: 'subject'; side: Side }
  | { kind: 'object'; side: Side }
  | { kind: 'continuation'; side: Side }
  | { kind: 'amount'; side: Side; planned: number; allowed: number };

function why(reason: EdgeReason, moves: string): string {
  switch (reason.kind) {
    case 'subject': return `the frame's ${reason.side} edge cuts the subject, which cannot be continued beyond the picture`;
    case 'object': return `the frame's ${reason.side} edge has a distinct object that cannot be continued beyond the picture`;
    case 'continuation': return `the ${moves} is gentler, as the picture's ${reason.side} edge cannot be continued beyond the frame (its regions there are too small or too busy)`;
    case 'amount': return `it would reveal ${Math.round(reason.planned * 100)} % beyond the frame's ${reason.side} edge, more than can be invented (${Math.round(reason.allowed * 100)} %)`;
  }
}

/** A move scaled down to `amplitude` (0…1) of what was planned. */
export function limitedNote(moves: string, amplitude: number, reason: EdgeReason): string {
  return `camera: ${moves} limited to ${Math.round(amplitude * 100)} % of its amplitude: ${why(reason, moves)}`;
}

/** A move kept whole but re-aimed, revealing toward `toward` instead of beyond the reason's edge. */
export function reaimedNote(moves: string, toward: readonly Side[], reason: EdgeReason): string {
  const cause = reason.kind === 'continuation'
    ? `the picture's ${reason.side} edge cannot be continued beyond the frame (its regions there are too small or too busy)`
    : why(reason, moves);
  return `camera: ${moves} re-aimed toward the ${toward.join(' and the ')}, away from the ${reason.side}: ${cause}`;
}
