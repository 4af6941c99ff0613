/**
 * What the helper thread runs: stages that need nothing from the calling thread but their inputs,
 * so they can run while that thread does something else (the pixel analysis beside the face
 * models, the layers' planes beside the subject matte; the soundtrack and the layers' nearness beside the picture's setup). Inputs are copied to the helper; results
 * come back with their typed arrays transferred, not copied.
 */
import { pixelCues } from '../analyze/pixel-cues.js';
import type { ShotPlan } from '../plan.js';
import type { RgbImage, Scene } from '../scene.js';
import { renderSound, warmUpSound } from '../sound/index.js';
import { layerNearness, type LayerNearnessInput } from '../picture/setup/layer-nearness.js';
import { layerPlanes } from '../analyze/layers/index.js';
import { straightenNearness, type PixelSegment } from '../picture/setup/straighten.js';

export const HELPER_TASKS = {
  pixels: (input: { image: RgbImage; small: RgbImage | null }) => pixelCues(input.image, input.small),
  /** the layers' straight edges and planes, while the main thread finds the subject matte */
  layerPlanes: (input: { depth: Float32Array; width: number; height: number; picture: RgbImage }) => layerPlanes(input),
  sound: (input: { plan: ShotPlan; faces: Scene['faces'] }) => renderSound(input.plan, input),
  /** the layered scene's nearness, while the main thread synthesises its background */
  layerNearness: async (input: LayerNearnessInput) => {
    // own copies: a map may still be a view of sharp's output buffer, which is not ours to transfer
    const { back, front } = await layerNearness(input);
    return { back: back.slice(), front: front.slice() };
  },
  /** the single sheet's nearness with its straight edges held straight, while the main thread paints the margin */
  straightenNearness: (input: { depth: Uint8Array; width: number; height: number; segments: PixelSegment[] }) =>
    straightenNearness(input.depth, input.width, input.height, input.segments),
  /** loads the English speech engine and the SoundFont, so the first soundtrack doesn't pay for them */
  warmSound: (_input: null) => warmUpSound(),
};

export type HelperTasks = typeof HELPER_TASKS;
export type HelperTask = keyof HelperTasks;
export type HelperInput<K extends HelperTask> = Parameters<HelperTasks[K]>[0];
export type HelperResult<K extends HelperTask> = Awaited<ReturnType<HelperTasks[K]>>;

/** The buffers of every (non-shared) typed array in a result, to transfer instead of copying. */
export function transferables(value: unknown, found = new Set<ArrayBuffer>()): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer) found.add(value.buffer);
  } else if (Array.isArray(value)) {
    for (const v of value) transferables(v, found);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) transferables(v, found);
  }
  return [...found];
}
