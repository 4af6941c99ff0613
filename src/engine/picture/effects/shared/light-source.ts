/**
 * Where the dominant light is on screen this frame: the setup's sun (the brightest light, or the
 * brightest patch of sky), carried through the camera like the far scene it belongs to.
 *
 * @example const p = lightOnScreen(f, env.setup.sun) // → { x, y } output px, or null
 */
import type { SetupLight } from '../../types.js';
import type { FrameEnv } from '../types.js';

export function lightOnScreen(f: FrameEnv, sun: SetupLight | null): { x: number; y: number } | null {
  if (!sun) return null;
  const [x, y] = f.geometry.forward((sun.x - 0.5) * f.width, (sun.y - 0.5) * f.height, 0);
  return { x, y };
}
