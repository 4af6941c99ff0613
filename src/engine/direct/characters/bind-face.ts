/**
 * Which faces a described person is: 'the woman' → the female faces, 'the old man' → the oldest
 * male face, 'she'/'he' likewise; a description that names nobody (or matches no face) means every
 * face. Faces without a known gender or age are not excluded by it. `strict`: only the faces the
 * description fits (none when it fits none), to tell another person from one already bound.
 *
 * @example
 *   facesFor('the woman', [{ gender: 'male', age: 40 }, { gender: 'female', age: 30 }]) // → [1]
 */
import type { Face } from '../../scene.js';
import { describeSpeaker } from '../audio/speakers.js';

/** A face's age band from its estimated age (null when unknown). */
export function ageBand(age: number | null): 'child' | 'adult' | 'old' | null {
  if (age === null) return null;
  return age < 14 ? 'child' : age >= 58 ? 'old' : 'adult';
}

/** The description says who it is (a gender or an age): 'the woman', 'a boy' — not 'the other', 'someone'. */
export function namesSomeone(description: string): boolean {
  const who = describeSpeaker(description);
  return who.gender !== null || who.age !== 'adult';
}

export function facesFor(description: string, faces: readonly Pick<Face, 'gender' | 'age'>[], strict = false): number[] {
  const all = faces.map((_, i) => i);
  if (!namesSomeone(description)) return all;
  const who = describeSpeaker(description);
  let picked = all.filter((i) => who.gender === null || faces[i]!.gender === null || faces[i]!.gender === who.gender);
  if (who.age !== 'adult') {
    const byAge = picked.filter((i) => ageBand(faces[i]!.age) === who.age || (strict && faces[i]!.age === null));
    if (byAge.length || strict) picked = byAge;
    else if (who.age === 'old') picked = [...picked].sort((a, b) => (faces[b]!.age ?? 0) - (faces[a]!.age ?? 0)).slice(0, 1);
    else picked = [...picked].sort((a, b) => (faces[a]!.age ?? 99) - (faces[b]!.age ?? 99)).slice(0, 1);
  }
  return picked.length || strict ? picked : all;
}
