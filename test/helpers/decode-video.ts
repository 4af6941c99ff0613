/**
 * Reading back what a user gets: decodes an MP4 with the real ffmpeg/ffprobe into RGB frames,
 * stream facts and loudness, so tests assert on the decoded output, not on our own buffers.
 * ffmpeg is started by the engine's spawner process, not forked from a test's big process.
 */
import { ffmpegPath, ffprobePath } from '../../src/engine/encode/ffmpeg-path.js';
import { runViaSpawner, spawnViaSpawner } from '../../src/engine/util/spawner.js';

export interface ProbedStream {
  codec_type: 'video' | 'audio';
  codec_name: string;
  profile?: string;
  pix_fmt?: string;
  width?: number;
  height?: number;
  nb_frames?: string;
  r_frame_rate?: string;
  sample_rate?: string;
  channels?: number;
}

export interface Probe {
  streams: ProbedStream[];
  format: { format_name: string; duration: string; tags?: Record<string, string> };
}

export async function probe(file: string): Promise<Probe> {
  const { stdout } = await runViaSpawner(ffprobePath(), ['-v', 'error', '-show_streams', '-show_format', '-count_frames', '-of', 'json', file]);
  return JSON.parse(stdout.toString()) as Probe;
}

/** Every decoded frame as packed RGB24, in order (or only the first `count`). */
export async function decodeFrames(file: string, width: number, height: number, count?: number): Promise<Uint8Array[]> {
  const first = count === undefined ? [] : ['-frames:v', String(count)];
  const { stdout: all } = await runViaSpawner(ffmpegPath(), ['-v', 'error', '-i', file, ...first, '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1'])
    .catch((error: Error) => { throw new Error(`ffmpeg decode failed: ${error.message}`); });
  const size = width * height * 3;
  const frames: Uint8Array[] = [];
  for (let offset = 0; offset + size <= all.length; offset += size) frames.push(new Uint8Array(all.buffer, all.byteOffset + offset, size));
  return frames;
}

/** The decoded audio as interleaved stereo float samples at 48 kHz (empty when there is no audio stream). */
export async function decodeAudio(file: string): Promise<Float32Array> {
  const { stdout } = await runViaSpawner(ffmpegPath(), ['-v', 'error', '-i', file, '-vn', '-f', 'f32le', '-ac', '2', '-ar', '48000', 'pipe:1']);
  return new Float32Array(stdout.buffer, stdout.byteOffset, stdout.byteLength / 4);
}

export interface Loudness {
  integrated: number;
  truePeak: number;
}

/** Integrated loudness (LUFS) and true peak (dBTP) measured by ffmpeg's ebur128 filter. */
export async function measureLoudness(file: string): Promise<Loudness> {
  const { stderr } = await runViaSpawner(ffmpegPath(), ['-hide_banner', '-nostats', '-i', file, '-vn', '-af', 'ebur128=peak=true', '-f', 'null', '-']);
  const summary = stderr.slice(stderr.lastIndexOf('Summary:'));
  const integrated = Number(/I:\s+(-?[\d.]+|-inf) LUFS/.exec(summary)?.[1]);
  const truePeak = Number(/True peak:\s+Peak:\s+(-?[\d.]+|-inf) dBFS/.exec(summary)?.[1]);
  return { integrated, truePeak };
}
