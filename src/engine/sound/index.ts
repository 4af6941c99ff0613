/** sound: renders a ShotPlan's soundtrack: beds, effects, music and speech, mixed and normalised (DESIGN.md §1). */
import type { ShotPlan } from '../plan.js';
import type { Scene } from '../scene.js';

export const SAMPLE_RATE = 48000;

export interface Soundtrack {
  sampleRate: typeof SAMPLE_RATE;
  /** interleaved stereo float samples in [-1, 1], exactly duration × 48000 frames */
  samples: Float32Array;
}

export async function renderSound(plan: ShotPlan, scene: Scene): Promise<Soundtrack> {
  void plan; void scene;
  throw new Error('sound: not implemented yet');
}
