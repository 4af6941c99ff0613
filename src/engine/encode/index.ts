/**
 * encode: muxes the rendered frames and the soundtrack into an MP4 with ffmpeg (DESIGN.md §4):
 * H.264 High, yuv420p, +faststart, 24 fps, exactly duration × 24 frames; AAC 48 kHz stereo, or no
 * audio stream at all when the plan has sound off; a poster JPEG beside it.
 *
 * Frames go straight from the renderer into ffmpeg's stdin with backpressure; the soundtrack
 * (small: 5 s is 1.9 MB) goes through a temporary file. The MP4 and poster are written under
 * temporary names and renamed into place only on success, so a failure leaves nothing behind.
 * Bit-exact flags and a fixed thread count make the output byte-identical for the same plan.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { frameCount, type ShotPlan } from '../plan.js';
import type { RgbImage } from '../scene.js';
import type { Soundtrack } from '../sound/index.js';
import { ffmpegEnv, ffmpegPath } from './ffmpeg-path.js';
import { videoCodecArgs, audioCodecArgs, bitexactArgs } from './codec-args.js';
import { spawnViaSpawner } from '../util/spawner.js';

export interface EncodeJob {
  plan: ShotPlan;
  output: string;
  poster: string;
  /** the picture frame 0 shows, resized to the output size for the poster */
  posterImage: RgbImage;
  soundtrack: Soundtrack | null;
  signal?: AbortSignal;
  /** starts the renderer; it calls onFrame for each I420 frame in order and resolves when done
   * (a frame may be reused by the renderer as soon as onFrame's promise resolves) */
  renderFrames: (onFrame: (frame: Uint8Array, index: number) => Promise<void>) => Promise<void>;
  onFrameEncoded?: (frames: number) => void;
}

function temporaryName(path: string): string {
  return join(dirname(path), `.${randomBytes(6).toString('hex')}.tmp.${path.split('.').pop() ?? 'tmp'}`);
}

/** Runs ffmpeg, feeding it frames; resolves when the file is complete. */
async function runEncoder(job: EncodeJob, videoTemp: string, audioTemp: string | null): Promise<void> {
  const { plan } = job;
  const frames = frameCount(plan);
  const args = [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'rawvideo', '-pix_fmt', 'yuv420p', '-s', `${plan.width}x${plan.height}`, '-r', String(plan.fps), '-i', 'pipe:0',
    ...(audioTemp ? ['-f', 'f32le', '-ar', '48000', '-ac', '2', '-i', audioTemp] : []),
    '-map', '0:v:0', ...(audioTemp ? ['-map', '1:a:0'] : []),
    ...videoCodecArgs(),
    ...(audioTemp ? audioCodecArgs() : ['-an']),
    '-movflags', '+faststart',
    ...bitexactArgs(),
    '-f', 'mp4', videoTemp,
  ];
  // started by the small spawner process: a fork of this one (a render's memory) costs more
  const child = await spawnViaSpawner(ffmpegPath(), args, { stdin: true, env: ffmpegEnv() })
    .catch((error: Error) => { throw new Error(`encode: could not start ffmpeg (${error.message})`); });
  const stderr = () => child.stderr.slice(-4000);
  const exited = new Promise<void>((resolve, reject) => {
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`encode: ffmpeg failed (${signal ?? `exit ${code}`}): ${stderr().trim()}`));
    });
  });
  exited.catch(() => undefined); // observed below; avoid an unhandled rejection while frames flow

  const abort = () => child.kill('SIGKILL');
  job.signal?.addEventListener('abort', abort, { once: true });
  // EPIPE when ffmpeg dies early is reported through `exited`, with ffmpeg's own message
  child.stdin!.on('error', () => undefined);

  let written = 0;
  // resolves once the frame is written to ffmpeg's pipe (not merely queued): the renderer lends
  // frames from a reused ring, and this is also the backpressure
  const onFrame = async (frame: Uint8Array): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) await exited;
    await new Promise<void>((resolve, reject) => {
      const onClose = () => reject(new Error(`encode: ffmpeg stopped reading: ${stderr().trim()}`));
      child.once('close', onClose);
      child.stdin!.write(frame, (error) => {
        child.off('close', onClose);
        if (error) reject(new Error(`encode: ffmpeg stopped reading: ${stderr().trim() || error.message}`));
        else resolve();
      });
    });
    written++;
    job.onFrameEncoded?.(written);
  };

  try {
    await job.renderFrames(onFrame);
    if (written !== frames) throw new Error(`encode: the renderer produced ${written} frames, the plan needs ${frames}`);
    child.stdin!.end();
    await exited;
  } catch (error) {
    child.kill('SIGKILL');
    await exited.catch(() => undefined);
    job.signal?.throwIfAborted();
    throw error;
  } finally {
    job.signal?.removeEventListener('abort', abort);
  }
}

async function writePoster(job: EncodeJob, target: string): Promise<void> {
  const { width, height, data } = job.posterImage;
  await sharp(data, { raw: { width, height, channels: 3 } })
    .resize(job.plan.width, job.plan.height, { fit: 'fill', kernel: 'lanczos3' })
    .jpeg({ quality: 88, mozjpeg: false })
    .toFile(target);
}

export async function encodeClip(job: EncodeJob): Promise<void> {
  await mkdir(dirname(job.output), { recursive: true });
  await mkdir(dirname(job.poster), { recursive: true });
  const videoTemp = temporaryName(job.output);
  const posterTemp = temporaryName(job.poster);
  const audioTemp = job.soundtrack ? temporaryName(job.output.replace(/\.[^./]+$/, '') + '.f32') : null;
  try {
    if (audioTemp && job.soundtrack) {
      const { samples } = job.soundtrack;
      await writeFile(audioTemp, Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength));
    }
    // both settle before cleanup, so a failing encoder can't race the poster still being written
    const [encoded, postered] = await Promise.allSettled([runEncoder(job, videoTemp, audioTemp), writePoster(job, posterTemp)]);
    if (encoded.status === 'rejected') throw encoded.reason;
    if (postered.status === 'rejected') throw postered.reason;
    await rename(posterTemp, job.poster);
    await rename(videoTemp, job.output);
  } finally {
    await Promise.all([videoTemp, posterTemp, audioTemp].map((p) => (p ? rm(p, { force: true }) : undefined)));
  }
}
