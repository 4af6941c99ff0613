/**
 * Easing curves for camera segments: u in [0, 1] → eased progress in [0, 1].
 * ease_in_out is smoothstep's quintic cousin (zero velocity and acceleration at both keys).
 *
 * @example ease('ease_in_out', 0.5) // → 0.5
 */
import type { Easing } from '../../plan.js';

export function ease(kind: Easing, u: number): number {
  const x = u <= 0 ? 0 : u >= 1 ? 1 : u;
  switch (kind) {
    case 'linear': return x;
    case 'ease_in': return x * x * x;
    case 'ease_out': { const v = 1 - x; return 1 - v * v * v; }
    case 'ease_in_out': return x * x * x * (x * (x * 6 - 15) + 10);
  }
}
