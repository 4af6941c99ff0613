/**
 * Loads everything the engine would otherwise load on first use — the face, pose and person
 * segmentation models (tfjs WASM), the helper thread with its English speech engine (WASM), the
 * picture worker threads and the process that starts ffmpeg (util/spawner.ts) — so the first clip doesn't pay for them (DESIGN.md §6: no cold start). The server calls it at boot.
 *
 * @example
 *   await warmUpEngine(); // ~1–2 s once per process
 */
import { warmUpFaces } from './analyze/faces/index.js';
import { warmUpPose } from './analyze/subjects/pose.js';
import { warmUpPersonSegmentation } from './analyze/subjects/person-segmentation.js';
import { warmPicturePool } from './picture/index.js';
import { warmHelper } from './helper/helper.js';
import { tuneV8 } from './util/v8-tuning.js';
import { warmSpawner } from './util/spawner.js';

export async function warmUpEngine(): Promise<void> {
  tuneV8();
  warmSpawner(); // first: the fork is cheapest while this process is small
  // the pose and segmentation models after the faces: all load onto the one tfjs runtime
  await Promise.all([warmUpFaces().then(warmUpPose).then(warmUpPersonSegmentation), warmHelper({ speech: true }), warmPicturePool()]);
}
