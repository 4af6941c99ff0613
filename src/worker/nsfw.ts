/**
 * The NSFW check behind `has_nsfw_contents`: nsfwjs's MobileNetV2 model (its weights ship inside
 * the npm package, so nothing downloads) on TensorFlow.js's WASM backend, run on 3 frames sampled
 * from the output (25 %, 50 %, 75 % of the clip, decoded with ffmpeg).
 *
 * @example
 *   await warmUpNsfw();                       // at boot
 *   await videoHasNsfw('out.mp4', 5)          // → false
 */
import sharp from 'sharp';
import { ffmpegPath } from '../engine/encode/ffmpeg-path.js';
import { tfRuntime } from '../engine/analyze/faces/tf-runtime.js';
import { runViaSpawner } from '../engine/util/spawner.js';

const SIDE = 224;
/** a frame is flagged when porn + hentai (+ half of sexy) outweigh this */
const THRESHOLD = 0.7;

type Classifier = { classify(input: unknown, topk?: number): Promise<Array<{ className: string; probability: number }>> };
let model: Promise<{ nsfw: Classifier; tf: Awaited<ReturnType<typeof tfRuntime>> }> | undefined;

async function load() {
  // the process's one tfjs instance (shared with the face models), on its WASM backend
  const tf = await tfRuntime();
  const nsfwjs = await import('nsfwjs');
  const info = console.info;
  console.info = () => {}; // nsfwjs announces which model it loads
  let nsfw: Classifier;
  try {
    nsfw = (await nsfwjs.load('MobileNetV2', { size: SIDE })) as unknown as Classifier;
  } finally {
    console.info = info;
  }
  // one dry run so the first real frame does not pay for kernel set-up
  const zero = tf.zeros([SIDE, SIDE, 3], 'int32');
  await nsfw.classify(zero);
  zero.dispose();
  return { nsfw, tf };
}

export function warmUpNsfw(): Promise<unknown> {
  model ??= load();
  return model;
}

/** RGB bytes of one frame at `seconds`, scaled to 224×224 (ffmpeg started by the spawner process: this one holds the models) */
async function frameAt(video: string, seconds: number): Promise<Buffer> {
  const { stdout } = await runViaSpawner(ffmpegPath(), [
    '-v', 'error', '-ss', seconds.toFixed(3), '-i', video, '-frames:v', '1',
    '-vf', `scale=${SIDE}:${SIDE}`, '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1',
  ]).catch((error: Error) => { throw new Error(`ffmpeg frame extraction failed: ${error.message}`); });
  if (stdout.length !== SIDE * SIDE * 3) throw new Error(`ffmpeg frame extraction failed: ${stdout.length} bytes, not one ${SIDE}×${SIDE} frame`);
  return stdout;
}

/** probability-weighted NSFW score of an RGB 224×224 frame */
export async function frameScore(rgb: Uint8Array): Promise<number> {
  const { nsfw, tf } = await warmUpNsfw() as Awaited<ReturnType<typeof load>>;
  const tensor = tf.tensor3d(Int32Array.from(rgb), [SIDE, SIDE, 3], 'int32');
  try {
    const classes = await nsfw.classify(tensor, 5);
    const p = (name: string) => classes.find((c) => c.className === name)?.probability ?? 0;
    return p('Porn') + p('Hentai') + 0.5 * p('Sexy');
  } finally {
    tensor.dispose();
  }
}

/** an image file's score (for tests and tools) */
export async function imageScore(path: string): Promise<number> {
  const rgb = await sharp(path).removeAlpha().resize(SIDE, SIDE, { fit: 'fill' }).raw().toBuffer();
  return frameScore(rgb);
}

export async function videoHasNsfw(video: string, durationSeconds: number): Promise<boolean> {
  for (const fraction of [0.25, 0.5, 0.75]) {
    const score = await frameScore(await frameAt(video, durationSeconds * fraction));
    if (score >= THRESHOLD) return true;
  }
  return false;
}

