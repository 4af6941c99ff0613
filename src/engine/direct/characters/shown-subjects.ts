/**
 * Which people and animals the prompt names are in the picture, and so get a subject rig (idle
 * life, actions). A person with no face found is there when the pose model sees the body or the
 * person segmentation covers a part of the picture: "a rider jumps on the motorcycle" over a studio
 * shot of a motorcycle animates nothing (the motorcycle must never breathe) and says so.
 * An animal is only heard when every verb the prompt gives it is a sound and the picture has someone
 * else as its subject, or the prompt puts it away from the camera ("a dog barks in the distance",
 * "birds chirping" over a portrait). And a wide view (a street, a landscape, the night sky) or a
 * structure standing against the sky shows no animal to rig unless the detector found one there:
 * its salient region is a building, which must never breathe.
 *
 * @example animalShown(streetScene) // → false: "pigeons take off" is noted, the facade stays still
 */
import type { Scene, SceneTag } from '../../scene.js';
import { bodyInFrame } from '../../analyze/subjects/pose.js';
import { findMentions, type Mention } from '../lexicon.js';
import type { ReadAction } from './read-actions.js';
import { HEARD_VERBS } from './verb-words.js';

/**
 * Views whose salient region is no animal unless the detector says so. ("product" is not one: a
 * cheetah on a plain savanna or a dog on a porch is tagged so, and the detector misses animals COCO
 * lacks.)
 */
const NO_ANIMAL_VIEWS: readonly SceneTag[] = ['street', 'landscape', 'space'];

/** Words that put a sound's source away from the camera. */
const AWAY = /\b(?:in the distance|distant|far away|far off|off screen|offscreen|somewhere|nearby|outside|in the background)\b/;

/** The picture can show an animal the prompt names. */
export function animalShown(scene: Pick<Scene, 'animals' | 'tags' | 'layers'>): boolean {
  if (scene.animals?.length) return true;
  // a subject that only stands out by its depth against the sky is a structure (a launch pad, a dome)
  const structure = scene.layers?.matteSource === 'depth' && scene.tags.includes('sky');
  return !structure && !scene.tags.some((t) => NO_ANIMAL_VIEWS.includes(t));
}

/**
 * The prompt only hears this animal: it has readings, each a sound ("barks", "chirping"), and it
 * is away from the camera or the picture's subject is a person; or it does nothing at all and the
 * picture's subject is a person ("[Audio: soft guitar, birds]" over a portrait).
 */
export function heardOnly(mention: Pick<Mention, 'index' | 'length'>, text: string, readings: readonly ReadAction[], scene: Pick<Scene, 'animals' | 'faces' | 'pose'>): boolean {
  if (scene.animals?.length) return false;
  const own = readings.filter((r) => r.kind === 'animal' && r.subjectIndex === mention.index && !r.negated);
  if (!own.length) return scene.faces.length > 0 || bodyInFrame(scene.pose);
  if (!own.every((r) => findMentions(r.verb, HEARD_VERBS).some((m) => m.index === 0))) return false;
  const end = Math.max(...own.map((r) => r.index + r.length));
  const around = text.slice(Math.max(0, mention.index - 12), end + 25);
  return AWAY.test(around) || scene.faces.length > 0 || bodyInFrame(scene.pose);
}

/** The note's reason for an animal's action when the picture shows none. */
export const ANIMAL_NOT_SHOWN = 'no animal was found in the picture to perform it';

/** The note's reason for a person's action when the picture shows no one. */
export const PERSON_NOT_SHOWN = 'no person was found in the picture to perform it';

/** Share of the picture the person segmentation must cover for someone to be there. */
const PEOPLE_SHARE = 0.02;

/** The picture shows a person: a face, a body the pose model sees, or people segmented. */
export function personShown(scene: Pick<Scene, 'faces' | 'pose' | 'maps'>): boolean {
  if (scene.faces.length || bodyInFrame(scene.pose)) return true;
  const people = scene.maps.people;
  let sum = 0;
  for (let i = 0; i < people.length; i++) sum += people[i]!;
  return people.length > 0 && sum / people.length >= PEOPLE_SHARE;
}
