/**
 * "The subject is too big for layers" is one rule (picture/setup/subject-coverage.ts): the plan's
 * one-sheet note is written exactly when the renderer's cut gives up its layers (cutSubject returns
 * null). The director read 65 % of the raw matte and the renderer 70 % of the grown hole, so a
 * subject covering two thirds of the frame was layered while the plan said it moved as one sheet.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeScene } from '../../../helpers/synthetic-scene.js';
import { noteSingleSheet } from '../../../../src/engine/direct/picture/camera/note-single-sheet.js';
import { cutSubject } from '../../../../src/engine/picture/setup/layers.js';
import type { Camera } from '../../../../src/engine/plan.js';
import type { Scene } from '../../../../src/engine/scene.js';

const RW = 256, RH = 144, W = 640, H = 360;

/** a scene whose subject matte is a centred rectangle of the given share of width and height */
function sceneWith(sw: number, sh: number): Scene {
  const scene = makeScene({ width: RW, height: RH, depth: 'subject' });
  const matte = new Float32Array(RW * RH);
  const x0 = Math.round((RW * (1 - sw)) / 2), y0 = Math.round((RH * (1 - sh)) / 2);
  for (let y = y0; y < y0 + Math.round(RH * sh); y++) for (let x = x0; x < x0 + Math.round(RW * sw); x++) matte[y * RW + x] = 1;
  return { ...scene, layers: { bands: [], cuts: [], matte, matteSource: 'depth', subjects: [], subjectDepth: 0.85, backgroundDepth: 0.2 } };
}

const truck = { moves: ['truck_right'], keys: [{ t: 0, truck: 0 }, { t: 1, truck: 0.1 }] } as unknown as Camera;

test('the one-sheet note and the renderer\'s cut agree on when a subject is too big for layers', { timeout: 60_000 }, async () => {
  for (const [sw, sh] of [[0.5, 0.6], [0.8, 0.83], [0.9, 0.9]] as const) {
    const scene = sceneWith(sw, sh);
    const notes: string[] = [];
    noteSingleSheet(truck, scene, notes);
    const picture = new Uint8Array(W * H * 4).fill(128);
    const cut = await cutSubject({ scene, picture, width: W, height: H, fit: 'fill', parallax: 0, seed: 1 });
    const share = `${Math.round(sw * sh * 100)} % matte`;
    assert.equal(notes.length === 1, cut === null, `${share}: note ${JSON.stringify(notes)}, layered ${cut !== null}`);
  }
});
