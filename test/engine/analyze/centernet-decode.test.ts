/**
 * The CenterNet decoder on maps drawn by hand: an object is a 3×3 peak of its class's channel at
 * or above the gate, its box the cell's position (× stride) widened by the four distances; a
 * neighbouring lower cell of the same object, a peak below the gate and a class not asked for are
 * not objects; two peaks of one object (boxes overlapping more than half) give one box.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeCenternet } from '../../../src/engine/analyze/subjects/centernet-decode.js';

const G = 8, K = 3, SHAPE = { grid: G, classes: K, stride: 4 };

function maps() {
  const heat = new Float32Array(G * G * K), dist = new Float32Array(G * G * 4);
  const put = (x: number, y: number, cls: number, score: number, d: [number, number, number, number]) => {
    heat[(y * G + x) * K + cls] = score;
    dist.set(d, (y * G + x) * 4);
  };
  return { heat, dist, put };
}

test('a peak at or above the gate is an object, its box the cell widened by the distances', () => {
  const { heat, dist, put } = maps();
  put(2, 3, 1, 0.8, [4, 6, 8, 2]);
  put(3, 3, 1, 0.5, [1, 1, 1, 1]); // the same object's shoulder: not a peak
  put(6, 6, 1, 0.2, [2, 2, 2, 2]); // below the gate
  put(5, 1, 2, 0.9, [3, 3, 3, 3]); // a class not asked for
  const boxes = decodeCenternet(heat, dist, SHAPE, [0, 1], 0.35);
  assert.deepEqual(boxes, [{ cls: 1, score: Math.fround(0.8), x0: 4, y0: 6, x1: 16, y1: 14 }]);
});

test('two objects best first; two peaks of one object are one box', () => {
  const { heat, dist, put } = maps();
  put(1, 1, 0, 0.6, [4, 4, 4, 4]);
  put(6, 5, 0, 0.9, [8, 8, 8, 8]);
  // a second peak two cells off the first with nearly the same box: the same object
  put(6, 7, 0, 0.7, [8, 15, 8, 1]);
  const boxes = decodeCenternet(heat, dist, SHAPE, [0], 0.35);
  assert.deepEqual(boxes.map((b) => [b.x0, b.y0, b.x1, b.y1]), [[16, 12, 32, 28], [0, 0, 8, 8]]);
  // the same maps give the same list
  assert.deepEqual(decodeCenternet(heat, dist, SHAPE, [0], 0.35), boxes);
});

test('a plateau of equal scores is one peak, not one per cell', () => {
  const { heat, dist, put } = maps();
  put(3, 3, 2, 0.6, [2, 2, 2, 2]);
  put(4, 3, 2, 0.6, [2, 2, 2, 2]);
  assert.equal(decodeCenternet(heat, dist, SHAPE, [2], 0.35).length, 1);
});
