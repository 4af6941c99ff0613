/** What a camera move's builder knows: the clip, the requested strength, and the picture's geometry. */
import type { Box } from '../../../scene.js';
import type { Random } from '../../../util/random.js';

export interface MoveContext {
  /** clip length, seconds */
  duration: number;
  /**
   * Strength multiplier of the move: speed word × cfg_scale × duration. 1 is a normal, tasteful
   * move over 5 s; 0.4 subtle; 2 dramatic.
   */
  magnitude: number;
  /** the same without the duration: what belongs to the operator, not to the clip's length (a hand's shake) */
  strength: number;
  /** the most salient region, normalised */
  subject: Box;
  /** mean nearness inside the subject box (0 far … 1 near) */
  subjectNear: number;
  /** nearness of the background (a low percentile of the depth map) */
  backgroundNear: number;
  /** nearness of the foreground (a high percentile of the depth map): what a dolly enlarges most */
  foregroundNear: number;
  /** the prompt clause that asked for the move (lowercase, quotes removed), for details like "to the background" */
  clause: string;
  rng: Random;
}
