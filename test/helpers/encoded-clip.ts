/**
 * A shot rendered by the real picture stage, encoded with x264 and decoded again: the luma plane
 * of every decoded frame, as a user's player would show it (for character tests on decoded output).
 *
 * @example const frames = await encodedLuma(plan, scene, 256, 170); frames[12][y * 256 + x] // 0…255
 *          const rgb = await encodedRgb(plan, scene, 256, 170); rgb[12][(y * 256 + x) * 3] // red
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ffmpegPath } from '../../src/engine/encode/ffmpeg-path.js';
import { spawnViaSpawner } from '../../src/engine/util/spawner.js';
import type { ShotPlan } from '../../src/engine/plan.js';
import type { Scene } from '../../src/engine/scene.js';
import { decodeFrames } from './decode-video.js';
import { renderAll } from './render-frames.js';

export async function encodedLuma(plan: ShotPlan, scene: Scene, W: number, H: number): Promise<Float32Array[]> {
  return (await encodedRgb(plan, scene, W, H)).map((rgb) => {
    const y = new Float32Array(W * H);
    for (let i = 0; i < W * H; i++) y[i] = 0.299 * rgb[3 * i]! + 0.587 * rgb[3 * i + 1]! + 0.114 * rgb[3 * i + 2]!;
    return y;
  });
}

/** The same shot's decoded frames in colour (packed RGB24), for tests that look at colours. */
export async function encodedRgb(plan: ShotPlan, scene: Scene, W: number, H: number): Promise<Uint8Array[]> {
  const frames = await renderAll(plan, scene);
  const dir = await mkdtemp(join(tmpdir(), 'moviola-clip-'));
  try {
    const file = join(dir, 'clip.mp4');
    const child = await spawnViaSpawner(ffmpegPath(), ['-y', '-v', 'error', '-f', 'rawvideo', '-pix_fmt', 'yuv420p', '-s', `${W}x${H}`, '-r', String(plan.fps), '-i', 'pipe:0', '-c:v', 'libx264', '-crf', '16', '-pix_fmt', 'yuv420p', file], { stdin: true });
    for (const f of frames) child.stdin!.write(f);
    child.stdin!.end();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(code, 0, 'x264 encode');
    return await decodeFrames(file, W, H);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Mean absolute difference of two luma planes over a region (only where `inside`), and the largest over its 6×6 tiles. */
export function lumaDiff(a: Float32Array, b: Float32Array, W: number, r: { x: number; y: number; w: number; h: number }, inside: (x: number, y: number) => boolean = () => true): { mean: number; peak: number } {
  let sum = 0, n = 0, peak = 0;
  const H = a.length / W;
  for (let ty = Math.max(0, Math.floor(r.y)); ty < Math.min(H, r.y + r.h); ty += 6) {
    for (let tx = Math.max(0, Math.floor(r.x)); tx < Math.min(W, r.x + r.w); tx += 6) {
      let s = 0, c = 0;
      for (let y = ty; y < Math.min(H, ty + 6); y++) for (let x = tx; x < Math.min(W, tx + 6); x++) {
        if (!inside(x, y)) continue;
        s += Math.abs(a[y * W + x]! - b[y * W + x]!); c++;
      }
      if (c >= 18) peak = Math.max(peak, s / c);
      sum += s; n += c;
    }
  }
  return { mean: n ? sum / n : 0, peak };
}
