/**
 * Runs one leased prediction: the engine renders the stored input image to an MP4 and a poster in
 * scratch space, nsfwjs checks sampled frames, the files go to blob storage under unguessable keys,
 * and the task is settled (completed, or failed with the engine's message). Progress is reported
 * through `onProgress`; `signal` aborts the render (cancel, lost lease, shutdown).
 *
 * @example
 *   const completion = await runPrediction(task, { storage, renderArea: 76800, nsfw: true, signal, onProgress });
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { generate, type GenerateRequest } from '../engine/index.js';
import type { Scene } from '../engine/scene.js';
import type { BlobStorage } from '../storage/types.js';
import { newId } from '../tasks/ids.js';
import type { Completion, Prediction } from '../tasks/types.js';
import { videoHasNsfw } from './nsfw.js';
import { analyzeInThread } from '../api/analyze-thread/analyze-in-thread.js';

export interface RunOptions {
  storage: BlobStorage;
  /** test/dev knob: render at this pixel area instead of the model's resolution */
  renderArea?: number;
  nsfw: boolean;
  signal: AbortSignal;
  onProgress: (percent: number) => void;
  /** a Scene already analysed from the same image bytes */
  scene?: Scene;
  /** hears the Scene when this run analysed the image itself */
  onScene?: (scene: Scene) => void;
  /** the disk cache of analysed scenes, or null */
  sceneCacheDir: string | null;
}

export async function runPrediction(task: Prediction, options: RunOptions): Promise<Completion> {
  const started = performance.now();
  const image = await options.storage.get(task.imageKey);
  const lastImage = typeof task.input.last_image_key === 'string' ? await options.storage.get(task.input.last_image_key) : null;
  const dir = join(options.storage.scratchDir(), `${task.id}-${newId().slice(0, 8)}`);
  await mkdir(dir, { recursive: true });
  try {
    const output = join(dir, 'output.mp4');
    const poster = join(dir, 'poster.jpg');
    const input = task.input;
    // the picture is analysed on the analysis thread: its models (faces, pose, animals) run for
    // a second or more, and the lease must be renewed meanwhile on this thread
    let scene = options.scene;
    if (!scene) {
      // the task has started: its progress shows it while the picture is analysed
      options.onProgress(1);
      scene = await analyzeInThread(image, options.sceneCacheDir);
      options.onScene?.(scene);
    }
    options.signal.throwIfAborted();
    const result = await generate({
      image,
      prompt: input.prompt,
      negativePrompt: input.negative_prompt,
      cfgScale: input.cfg_scale,
      duration: input.duration,
      seed: input.seed,
      sound: input.sound,
      voices: input.voice_list.map((v) => v.voice_id),
      resolution: task.resolution,
      ...(input.camera_control !== undefined ? { cameraControl: input.camera_control as GenerateRequest['cameraControl'] } : {}),
      ...(input.aspect_ratio !== undefined ? { aspectRatio: input.aspect_ratio as GenerateRequest['aspectRatio'] } : {}),
      ...(input.multi_prompt !== undefined ? { multiPrompt: input.multi_prompt as GenerateRequest['multiPrompt'] } : {}),
      ...(lastImage ? { lastImage } : {}),
      ...(options.renderArea ? { area: options.renderArea } : {}),
    }, {
      output,
      poster,
      signal: options.signal,
      scene,
      sceneCacheDir: options.sceneCacheDir,
      onProgress: (p) => options.onProgress(p.fraction * 95),
    });
    options.signal.throwIfAborted();
    const hasNsfw = options.nsfw ? await videoHasNsfw(output, input.duration) : false;
    const token = newId();
    const outputKey = `outputs/${task.id}/${token}/output.mp4`;
    const posterKey = `outputs/${task.id}/${token}/poster.jpg`;
    await options.storage.putFile(outputKey, output);
    await options.storage.putFile(posterKey, result.poster);
    return { outputKeys: [outputKey], posterKey, plan: result.plan, hasNsfw: [hasNsfw], inferenceMs: performance.now() - started };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
