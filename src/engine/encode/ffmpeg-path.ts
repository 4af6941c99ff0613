/**
 * Where the ffmpeg and ffprobe binaries are: FFMPEG_PATH / FFPROBE_PATH when set, otherwise the
 * static builds that ship inside npm packages (@ffmpeg-installer/ffmpeg, @ffprobe-installer/ffprobe),
 * so `npm install` alone is enough.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export function ffmpegPath(): string {
  return process.env.FFMPEG_PATH || (require('@ffmpeg-installer/ffmpeg') as { path: string }).path;
}

export function ffprobePath(): string {
  return process.env.FFPROBE_PATH || (require('@ffprobe-installer/ffprobe') as { path: string }).path;
}
