/**
 * Which rigs need the warp's finer lattice (kernel/lattice.ts latticeShape): those that move a
 * small part (an eyelid, the lips, an ear, a tail …) at some frame; a rig that only breathes,
 * turns its head rigidly or waves an arm does not.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { charactersMoveFinely } from '../../../../src/engine/picture/characters/index.js';
import type { CharacterRig } from '../../../../src/engine/picture/characters/types.js';

const FRAMES = 12;
const TRACKS = ['lidL', 'lidR', 'mouth', 'smile', 'brows', 'headX', 'headY', 'headRot', 'turn', 'lean', 'breath', 'forearm', 'upperArm', 'shrug', 'ears', 'tail'] as const;

/** a rig at rest but for the named tracks, each away from rest at one frame */
function rig(moving: ReadonlyArray<(typeof TRACKS)[number]>): CharacterRig {
  const tracks = Object.fromEntries(TRACKS.map((name) => {
    const track = new Float32Array(FRAMES);
    if (moving.includes(name)) track[7] = 0.3;
    return [name, track];
  })) as unknown as CharacterRig['tracks'];
  return { kind: 'subject', face: 0, features: {} as CharacterRig['features'], tracks };
}

test('a rig that breathes, moves its head rigidly and waves an arm needs no finer lattice', () => {
  assert.equal(charactersMoveFinely([rig(['breath', 'headX', 'headY', 'headRot', 'lean', 'forearm', 'upperArm', 'shrug'])]), false);
  assert.equal(charactersMoveFinely([]), false);
});

test('a rig that blinks, speaks, smiles, raises its brows, turns its face, or moves an ear or its tail needs it, at any frame', () => {
  for (const part of ['lidL', 'lidR', 'mouth', 'smile', 'brows', 'turn', 'ears', 'tail'] as const) {
    assert.equal(charactersMoveFinely([rig(['breath']), rig([part])]), true, part);
  }
});
