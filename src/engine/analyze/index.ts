/** analyze: image bytes in, Scene out (DESIGN.md §1). */
import type { Scene } from '../scene.js';

export async function analyzeImage(bytes: Buffer): Promise<Scene> {
  void bytes;
  throw new Error('analyze: not implemented yet');
}
