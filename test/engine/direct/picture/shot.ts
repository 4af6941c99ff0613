/** Shared by the picture-director tests: run directPicture and keep its notes. */
import { directPicture } from '../../../../src/engine/direct/picture/index.js';
import type { DirectInput } from '../../../../src/engine/direct/input.js';
import type { CameraKey, Shot } from '../../../../src/engine/plan.js';
import type { Scene } from '../../../../src/engine/scene.js';
import { makeInput } from '../../../helpers/direct-input.js';
import { makeScene } from '../../../helpers/synthetic-scene.js';

/** A landscape with every region: sky on top, water at the bottom, foliage on the sides, depth gradient. */
export const everything = () => makeScene({ sky: true, water: true, foliage: true, lights: [{ x: 0.8, y: 0.55 }], tags: ['landscape', 'outdoor', 'day'] });

export function shotFor(prompt: string, options: Partial<DirectInput> & { scene?: Scene } = {}): { shot: Shot; notes: string[] } {
  const { scene = everything(), ...input } = options;
  const notes: string[] = [];
  const shot = directPicture(makeInput({ prompt, ...input }), scene, notes);
  return { shot, notes };
}

export const lastKey = (shot: Shot): CameraKey => shot.camera.keys[shot.camera.keys.length - 1]!;

/** Total on-screen scale of content at nearness n at a key: lens zoom × dolly scale. */
export const scaleAt = (k: CameraKey, n: number) => k.zoom / (1 - k.dolly * n);
