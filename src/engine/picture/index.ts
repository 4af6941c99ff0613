/** picture: renders a ShotPlan's frames from the Scene and streams them, in order (DESIGN.md §1). */
import type { ShotPlan } from '../plan.js';
import type { Scene } from '../scene.js';

export interface PictureOptions {
  /** called with each frame in order: I420 (yuv420p, BT.601 limited range), width×height×1.5 bytes */
  onFrame: (frame: Uint8Array, index: number) => Promise<void> | void;
  signal?: AbortSignal;
}

export async function renderPicture(plan: ShotPlan, scene: Scene, options: PictureOptions): Promise<void> {
  void plan; void scene; void options;
  throw new Error('picture: not implemented yet');
}
