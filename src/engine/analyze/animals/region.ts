/**
 * Where an animal subject is in the picture — one rule, read by the director (the plan subject's
 * box) and by the part finders (its silhouette, eyes, ears and tail): the object detector's box
 * when it found an animal (scene.animals), else the salient region. Where the detector found more
 * than one, the box of the class the prompt's word belongs to ("the dog" → a dog's box), else its
 * best one. The detector's class is COCO's nearest (a squirrel may come out as "giraffe"): it says
 * that an animal is there and which of several the prompt means, never what to call it.
 *
 * @example
 *   animalRegion(scene, 'puppy') // → { box: { x: 0.16, y: 0.36, w: 0.25, h: 0.58 }, detected: true }
 */
import type { Box, Scene } from '../../scene.js';

/** the prompt's words for each of the detector's classes */
const CLASS_WORDS: Record<string, readonly string[]> = {
  dog: ['dog', 'dogs', 'puppy', 'puppies', 'pup', 'hound', 'doggy', 'doggo', 'retriever', 'terrier', 'poodle', 'labrador', 'collie', 'shepherd', 'husky'],
  cat: ['cat', 'cats', 'kitten', 'kittens', 'kitty', 'tabby', 'tomcat'],
  bird: ['bird', 'birds', 'eagle', 'hawk', 'falcon', 'owl', 'parrot', 'pigeon', 'dove', 'sparrow', 'robin', 'crow', 'raven', 'duck', 'swan', 'goose', 'gull', 'seagull', 'chicken', 'hen', 'rooster', 'penguin', 'flamingo', 'peacock', 'heron', 'finch'],
  horse: ['horse', 'horses', 'pony', 'foal', 'stallion', 'mare', 'donkey'],
  sheep: ['sheep', 'lamb', 'ram', 'goat'],
  cow: ['cow', 'cows', 'bull', 'calf', 'cattle', 'ox'],
  elephant: ['elephant', 'elephants'],
  bear: ['bear', 'bears', 'cub'],
  zebra: ['zebra', 'zebras'],
  giraffe: ['giraffe', 'giraffes'],
};

export interface AnimalRegion {
  box: Box;
  /** the box is the detector's (not the salient region's) */
  detected: boolean;
  /** a bird: by the detector's class, or by the prompt's word (it has no ears that stand out) */
  bird: boolean;
}

export function animalRegion(scene: Scene, word?: string): AnimalRegion {
  const found = scene.animals ?? [];
  const w = word?.toLowerCase().trim();
  const named = w ? found.find((a) => CLASS_WORDS[a.label]?.includes(w)) : undefined;
  const chosen = named ?? found[0];
  const bird = chosen?.label === 'bird' || (!!w && CLASS_WORDS.bird!.includes(w));
  return chosen ? { box: chosen.box, detected: true, bird } : { box: scene.subject, detected: false, bird };
}
