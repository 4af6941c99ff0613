/**
 * Which rigs need the warp's finer lattice (kernel/lattice.ts latticeShape): those that move a
 * small part (an eyelid, the lips, an ear, a tail …) at some frame; a rig that only breathes,
 * turns its head rigidly or waves an arm does not. And where: only around those parts
 * (finePartsBox; the renderer warps the rows outside on the coarser lattice).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { charactersMoveFinely, finePartsBox } from '../../../../src/engine/picture/characters/index.js';
import { lidBox } from '../../../../src/engine/picture/characters/displace.js';
import { earsBox } from '../../../../src/engine/picture/characters/displace-ears.js';
import { tailBox } from '../../../../src/engine/picture/characters/displace-tail.js';
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

/** a face 200 px wide in a face-and-neck region four times its size, with ears and a tail */
const FEATURES = {
  roi: [100, 0, 900, 1000], cx: 500, cy: 400, fw: 200, fh: 260, pivotX: 500, pivotY: 620,
  eyes: [{ cx: 450, a: 25, upper: 350, lower: 366 }, { cx: 550, a: 25, upper: 350, lower: 366 }],
  brow: { x0: 420, x1: 580, y: 330 },
  mouth: { x0: 460, x1: 540, lx: 460, ly: 470, cx: 500, cy: 472, rx: 540, ry: 470, chin: 520, gap0: 0 },
  ears: [{ tip: [420, 200], base: [440, 260], width: 40 }],
  tail: { base: [800, 900], tip: [880, 820], width: 20 },
} as unknown as CharacterRig['features'];

const withFeatures = (r: CharacterRig): CharacterRig => ({ ...r, features: FEATURES });
const inside = (inner: readonly number[], outer: readonly number[]) =>
  inner[0]! >= outer[0]! && inner[1]! >= outer[1]! && inner[2]! <= outer[2]! && inner[3]! <= outer[3]!;

test('the finer lattice is asked for only around the small parts that move, not over the whole face-and-neck region', () => {
  assert.equal(finePartsBox([withFeatures(rig(['breath', 'headX', 'headRot', 'forearm']))]), null);
  const blink = finePartsBox([withFeatures(rig(['lidL']))])!;
  for (const eye of FEATURES.eyes) assert.ok(inside(lidBox(eye), blink), 'each lid sweep lies inside');
  // a face's tracks ask for the face and its mouth and jaw, far less than the region the head moves
  assert.ok(blink[1] > 150 && blink[3] < 700, `rows ${blink[1]}…${blink[3]} of the region's 0…1000`);
  const speak = finePartsBox([withFeatures(rig(['mouth']))])!;
  assert.ok(speak[3] > FEATURES.mouth.chin, 'the dropping jaw is inside');
  assert.ok(inside(earsBox(FEATURES.ears!), finePartsBox([withFeatures(rig(['ears']))])!));
  // an eye not found is placed far off the canvas: it widens nothing
  const oneEye = { ...FEATURES, eyes: [FEATURES.eyes[0]!, { cx: -1e6, a: 1, upper: -1e6, lower: -1e6 + 1 }] };
  assert.ok(finePartsBox([{ ...rig(['lidL']), features: oneEye }])![1] > 150);
  const tail = finePartsBox([withFeatures(rig(['tail']))])!;
  assert.deepEqual(tail, tailBox(FEATURES.tail!), 'a tail alone asks for its own box');
});
