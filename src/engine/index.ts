/**
 * The engine's one entry point: `generate()` runs analyze → direct → picture + sound → encode
 * (DESIGN.md §1) and writes an MP4 and a poster JPEG. Work that does not depend on the stage
 * before it overlaps it: the render workers start during analysis, the picture's setup during
 * the soundtrack.
 *
 * @example
 *   const result = await generate(
 *     { image: await readFile('cat.png'), prompt: 'slow push-in, rain on the window', seed: 7 },
 *     { output: 'out/cat.mp4' },
 *   );
 *   result.plan.shots[0].camera.moves // → ['push_in']
 */
import { analyzeImageCached, sceneCacheDir } from './analyze/scene-cache/index.js';
import { warmSpawner } from './util/spawner.js';
import { direct } from './direct/index.js';
import { preparePicture, renderPicture, warmPicturePool } from './picture/index.js';
import type { Soundtrack, SoundTimings } from './sound/index.js';
import { onHelper, warmHelper } from './helper/helper.js';
import { encodeClip } from './encode/index.js';
import { outputSize, type Resolution } from './encode/output-size.js';
import { validatePlan } from './plan-validate.js';
import { frameCount, type ShotPlan } from './plan.js';
import { describeScene, type Scene } from './scene.js';
import { checkRequest } from './check-request.js';
import type { CameraControl } from './direct/picture/camera/camera-control.js';
import { deriveSeed, randomSeed } from './util/random.js';
import { applyFraming } from './framing/apply-framing.js';
import { framingNote, planFraming, type AspectRatio, type Framing } from './framing/plan-framing.js';
import { analyzeEndImage } from './analyze/end-image.js';
import { fitCameraToEndFrame, planEndFrame } from './picture/end-frame/plan-end-frame.js';
import { endPictureI420 } from './picture/end-frame/end-picture.js';
import { tuneV8 } from './util/v8-tuning.js';

export interface GenerateRequest {
  /** the image's bytes (use `loadImageSource` for a path, URL or data URI) */
  image: Buffer;
  prompt: string;
  negativePrompt?: string;
  /** 0 … 1, default 0.5 */
  cfgScale?: number;
  /** seconds: 5 (default) or 10, the parameter registry's rule */
  duration?: number;
  /** 0 … 2^32-1; undefined or -1 picks a random seed, recorded in the plan */
  seed?: number;
  resolution?: Resolution;
  /** default true */
  sound?: boolean;
  /** voice ids (voice_list) */
  voices?: string[];
  /** Kling's camera_control (replaces the prompt's camera words) */
  cameraControl?: CameraControl;
  /** the clip's shape (default: the picture's own); the picture is reframed around its subject */
  aspectRatio?: AspectRatio;
  /** multi_prompt: 1 to 6 shots { index, prompt, duration } whose durations add up to `duration` */
  multiPrompt?: Array<{ index: number; prompt: string; duration: number | string }>;
  /** last_image: the end picture's bytes; the clip ends on it */
  lastImage?: Buffer;
  /** render exactly this plan instead of directing one (its seed, size and duration win) */
  plan?: ShotPlan;
  /** output pixel area instead of the resolution's (small renders for tests and benchmarks) */
  area?: number;
  /** render only this many seconds of the clip, 0 < clipSeconds ≤ duration (short renders for tests and benchmarks) */
  clipSeconds?: number;
}

export type Stage = 'analyze' | 'direct' | 'sound' | 'picture' | 'encode' | 'done';

export interface Progress {
  stage: Stage;
  /** frames rendered and encoded so far, and in all */
  frame: number;
  frames: number;
  /** 0 … 1 over the whole job */
  fraction: number;
}

export interface GenerateOptions {
  /** where the MP4 goes; written atomically (nothing is left there on failure) */
  output: string;
  /** where the poster JPEG goes; default: the output path with .jpg */
  poster?: string;
  onProgress?: (progress: Progress) => void;
  signal?: AbortSignal;
  /** a Scene already analysed from the same bytes (analysis is cacheable by the image hash) */
  scene?: Scene;
  /** hears the Scene this call analysed (not called when `scene` was given), e.g. to cache it */
  onScene?: (scene: Scene) => void;
  /** the disk cache of analysed scenes (analyze/scene-cache); default MOVIOLA_CACHE_DIR; null: none */
  sceneCacheDir?: string | null;
}

export interface GenerateResult {
  output: string;
  poster: string;
  plan: ShotPlan;
  scene: ReturnType<typeof describeScene>;
  /** milliseconds per stage and in all; sound_stages breaks the soundtrack down (null when silent) */
  timings: { analyze: number; direct: number; sound: number; sound_stages: SoundTimings | null; render_encode: number; total: number };
}

function ms(since: number): number {
  return Math.round(performance.now() - since);
}

function resolvePlan(request: GenerateRequest, scene: Scene): ShotPlan {
  if (request.plan) return validatePlan(request.plan);
  const checked = checkRequest(request);
  const seed = checked.seed === -1 ? randomSeed() : checked.seed;
  const size = outputSize(scene.image.width, scene.image.height, request.area ?? checked.resolution);
  return direct({
    prompt: checked.prompt,
    negativePrompt: checked.negativePrompt,
    cfgScale: checked.cfgScale,
    duration: checked.duration,
    seed,
    width: size.width,
    height: size.height,
    sound: checked.sound,
    voices: checked.voices,
    ...(checked.cameraControl ? { cameraControl: checked.cameraControl } : {}),
    ...(checked.multiPrompt ? { shots: checked.multiPrompt.map((s) => ({ prompt: s.prompt, duration: s.duration })) } : {}),
  }, scene);
}

/** the framing aspect_ratio asks for, or null (none asked, or the picture has that shape already) */
function framingFor(request: GenerateRequest, scene: Scene): Framing | null {
  const ratio = checkRequest(request).aspectRatio;
  return ratio ? planFraming(scene.image.width, scene.image.height, scene.subject, ratio) : null;
}

export async function generate(request: GenerateRequest, options: GenerateOptions): Promise<GenerateResult> {
  tuneV8();
  const started = performance.now();
  const report = (stage: Stage, frame: number, frames: number, fraction: number) =>
    options.onProgress?.({ stage, frame, frames, fraction });

  report('analyze', 0, 0, 0);
  // the render workers and the helper thread load their code while the picture is analysed (a
  // no-op once warm)
  warmPicturePool().catch(() => undefined);
  warmHelper().catch(() => undefined);
  // and the process that starts the encoder, before analysis makes this one big to fork
  warmSpawner();
  let t = performance.now();
  const cacheDir = options.sceneCacheDir === undefined ? sceneCacheDir() : options.sceneCacheDir;
  let scene = options.scene ?? (await analyzeImageCached(request.image, cacheDir));
  if (!options.scene) options.onScene?.(scene);
  // aspect_ratio (or a plan's framing): the reframed picture is what the clip is made from
  const framing = request.plan ? request.plan.framing ?? null : framingFor(request, scene);
  if (framing) scene = await analyzeImageCached(await applyFraming(scene.image, framing, deriveSeed(request.seed ?? 0, 'framing')), cacheDir);
  const endScene = request.lastImage ? await analyzeEndImage(request.lastImage) : null;
  const analyzeMs = ms(t);

  report('direct', 0, 0, 0.05);
  t = performance.now();
  const plan = resolvePlan(request, scene);
  if (framing && !request.plan) {
    plan.framing = framing;
    plan.notes.push(framingNote(framing));
  }
  if (endScene && !request.plan) {
    plan.end_frame = planEndFrame(plan, endScene.image);
    fitCameraToEndFrame(plan);
  }
  const endPicture = endScene && plan.end_frame ? await endPictureI420(endScene.image, plan.width, plan.height) : undefined;
  const directMs = ms(t);
  const frames = frameCount(plan);

  report('sound', 0, frames, 0.07);
  // the soundtrack renders on the helper thread while the picture's setup runs here; only the face
  // rigs wait for the voices
  t = performance.now();
  const sound = plan.audio.enabled ? onHelper('sound', { plan, faces: scene.faces }) : Promise.resolve(null);
  sound.catch(() => undefined); // awaited just below
  const prepared = preparePicture(plan, scene);
  const soundtrack: Soundtrack | null = await sound;
  const soundMs = ms(t);
  options.signal?.throwIfAborted();

  t = performance.now();
  const poster = options.poster ?? options.output.replace(/\.[^./]+$/, '') + '.jpg';
  await encodeClip({
    plan,
    output: options.output,
    poster,
    posterImage: scene.image,
    soundtrack,
    signal: options.signal,
    renderFrames: (onFrame) => renderPicture(plan, scene, { onFrame, signal: options.signal, voices: soundtrack?.voices, prepared, borrowFrames: true, ...(endPicture ? { endPicture } : {}) }),
    onFrameEncoded: (frame) => report('picture', frame, frames, 0.1 + 0.9 * (frame / frames)),
  });
  const renderMs = ms(t);
  report('done', frames, frames, 1);

  return {
    output: options.output,
    poster,
    plan,
    scene: describeScene(scene),
    timings: { analyze: analyzeMs, direct: directMs, sound: soundMs, sound_stages: soundtrack?.timings ?? null, render_encode: renderMs, total: ms(started) },
  };
}

export { analyzeImage } from './analyze/index.js';
export { analyzeImageCached, sceneCacheDir } from './analyze/scene-cache/index.js';
export { direct } from './direct/index.js';
export { validatePlan } from './plan-validate.js';
export type { ShotPlan } from './plan.js';
export type { Scene } from './scene.js';
export { InputError, isInputError } from './errors.js';
export { warmUpEngine } from './warm-up.js';
