/**
 * Loads everything the engine would otherwise load on first use — the face, pose and person
 * segmentation models (tfjs WASM), the helper thread with its English speech engine (WASM), the
 * picture worker threads and the process that starts ffmpeg (util/spawner.ts) — so the first clip doesn't pay for them (DESIGN.md §6: no cold start). The server calls it at boot.
 * Then it directs a short clip of a made-up person (warm-up-scene.ts: no analysis) acting and
 * speaking, and renders its soundtrack (see warmUpActing).
 *
 * @example
 *   await warmUpEngine(); // ~1–2 s once per process
 */
import { warmUpFaces } from './analyze/faces/index.js';
import { warmUpPose } from './analyze/subjects/pose.js';
import { warmUpPersonSegmentation } from './analyze/subjects/person-segmentation.js';
import { warmPicturePool } from './picture/index.js';
import { onHelper, warmHelper } from './helper/helper.js';
import { tuneV8 } from './util/v8-tuning.js';
import { warmSpawner } from './util/spawner.js';
import { warmUpClip } from './warm-up-scene.js';

export async function warmUpEngine(): Promise<void> {
  tuneV8();
  warmSpawner(); // first: the fork is cheapest while this process is small
  // the pose and segmentation models after the faces: all load onto the one tfjs runtime
  // the made-up clip's soundtrack once the speech engine is in (it is the helper's first task)
  await Promise.all([warmUpFaces().then(warmUpPose).then(warmUpPersonSegmentation), warmHelper({ speech: true }).then(warmUpActing), warmPicturePool()]);
}

/**
 * The made-up person's short clip, directed and its soundtrack rendered: the director's reading
 * of characters and actions and the soundtrack's speech and mix are compiled on first use, which
 * cost the first acting clip ~0.1 s (direct, main thread) and ~0.25 s (sound, helper thread) of CPU.
 * Its picture is not rendered: on a 96×72 or a 320×240 picture that cost ~0.7–1.2 s of CPU per boot
 * and took nothing measurable off the first clip's setup or render (perf19).
 */
async function warmUpActing(): Promise<void> {
  const { scene, plan } = warmUpClip();
  await onHelper('sound', { plan, faces: scene.faces });
}
