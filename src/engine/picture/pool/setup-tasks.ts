/**
 * What a render worker runs for a render's setup (setup/prepare.ts), beside the main thread's own
 * setup steps: the workers would otherwise wait idle for the setup. Inputs are copied to the worker
 * (or transferred, as the caller says); the typed arrays of a result come back transferred.
 */
import { marginObjects, paintMargin, type MarginCanvas, type OutpaintMaps } from '../setup/outpaint.js';
import { sourceObjects } from '../setup/synthesize.js';
import { awaitResult, settle, type SharedResult } from './shared-result.js';

export const SETUP_TASKS = {
  /** what the margin never copies (the picture's objects), while the main thread cuts the subject out */
  // (into shared memory, for the margin's own task to read without waiting for the main thread)
  marginObjects: (input: { margin: Pick<MarginCanvas, 'small' | 'width' | 'height' | 'mx' | 'my'>; seed: number; into: SharedResult }) => {
    try {
      settle(input.into, marginObjects(input.margin, input.seed));
    } catch (err) {
      settle(input.into, null); // the margin then finds them itself
      throw err;
    }
    return {};
  },
  /** what the background's synthesis behind the subject never copies (synthesize.ts' sourceObjects), while the main thread reads the border's regions */
  sourceObjects: (input: { img: Uint8Array; channels: number; w: number; h: number; hole: Uint8Array; seed: number }) =>
    ({ objects: sourceObjects(input.img, input.channels, input.w, input.h, input.hole, input.seed) }),
  /** the outpainted margin, while the main thread synthesises the background behind the subject; `distinct`: its objects, found ahead (waited for) */
  paintMargin: (input: { margin: MarginCanvas; seed: number; exclude?: Uint8Array; maps: OutpaintMaps; distinct?: SharedResult; reachable?: Uint8Array }) =>
    paintMargin(input.margin, input.seed, input.exclude, input.maps, (input.distinct && awaitResult(input.distinct)) ?? undefined, input.reachable),
};

export type SetupTask = keyof typeof SETUP_TASKS;
export type SetupInput<K extends SetupTask> = Parameters<(typeof SETUP_TASKS)[K]>[0];
export type SetupResult<K extends SetupTask> = ReturnType<(typeof SETUP_TASKS)[K]>;

/** The buffers of a result's typed arrays (its own fields), handed back instead of copied. */
export function resultBuffers(result: object): ArrayBuffer[] {
  return Object.values(result).flatMap((v) => (ArrayBuffer.isView(v) && v.buffer instanceof ArrayBuffer ? [v.buffer] : []));
}
