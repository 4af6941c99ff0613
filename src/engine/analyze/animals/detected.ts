/**
 * The animal the object detector finds in a scene's picture (analyze/subjects/animal-detector.ts),
 * looked for only when a prompt names an animal (it costs about half a second) and kept per
 * picture. `lookForAnimal` runs it once; `detectedAnimal` is what it found: the best-scored animal,
 * null for none (or a model that failed to load), undefined while it has not been looked for.
 *
 * @example
 *   await lookForAnimal(scene); detectedAnimal(scene) // → { label: 'dog', score: 0.47, box: { … } }
 */
import type { RgbImage, Scene } from '../../scene.js';
import { detectAnimals, type DetectedAnimal } from '../subjects/animal-detector.js';

export type { DetectedAnimal } from '../subjects/animal-detector.js';

const looking = new WeakMap<RgbImage, Promise<DetectedAnimal | null>>();
const found = new WeakMap<RgbImage, DetectedAnimal | null>();

export function lookForAnimal(scene: Scene): Promise<DetectedAnimal | null> {
  let p = looking.get(scene.image);
  if (!p) {
    // a detector that cannot run leaves the part finders on the salient region, as without it
    p = detectAnimals(scene.image).then((all) => all[0] ?? null, () => null).then((a) => { found.set(scene.image, a); return a; });
    looking.set(scene.image, p);
  }
  return p;
}

export function detectedAnimal(scene: Scene): DetectedAnimal | null | undefined {
  return found.get(scene.image);
}
