/** The picture half of the director: camera path, scene effects and grade for one shot. */
import type { Shot } from '../../plan.js';
import type { Scene } from '../../scene.js';
import type { DirectInput } from '../input.js';

export function directPicture(input: DirectInput, scene: Scene, notes: string[]): Shot {
  void input; void scene; void notes;
  throw new Error('direct (picture): not implemented yet');
}
