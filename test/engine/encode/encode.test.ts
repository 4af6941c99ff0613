/**
 * The encoder on its own: stream layout per DESIGN.md §4, byte-identical output for identical
 * input, audio only when there is a soundtrack, and nothing left behind when rendering fails.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeClip, type EncodeJob } from '../../../src/engine/encode/index.js';
import { outputSize } from '../../../src/engine/encode/output-size.js';
import type { ShotPlan } from '../../../src/engine/plan.js';
import { decodeFrames, probe } from '../../helpers/decode-video.js';

const W = 160;
const H = 96;

function job(dir: string, name: string, overrides: Partial<EncodeJob> = {}): EncodeJob {
  const plan = { width: W, height: H, fps: 24, duration: 1 } as ShotPlan;
  return {
    plan,
    output: join(dir, `${name}.mp4`),
    poster: join(dir, `${name}.jpg`),
    posterImage: { width: W, height: H, data: new Uint8Array(W * H * 3).fill(100) },
    soundtrack: null,
    // a grey ramp that brightens frame by frame, so every frame differs
    renderFrames: async (onFrame) => {
      for (let i = 0; i < 24; i++) {
        const frame = new Uint8Array(W * H * 1.5).fill(128);
        frame.fill(40 + i * 6, 0, W * H);
        await onFrame(frame, i);
      }
    },
    ...overrides,
  };
}

test('an MP4 per DESIGN.md §4: H.264 High yuv420p, 24 fps, exactly the frames given, faststart', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'moviola-encode-'));
  await encodeClip(job(dir, 'a'));
  const info = await probe(join(dir, 'a.mp4'));
  assert.equal(info.streams.length, 1, 'no audio stream without a soundtrack');
  const v = info.streams[0]!;
  assert.deepEqual([v.codec_name, v.profile, v.pix_fmt, v.width, v.height, v.nb_frames, v.r_frame_rate], ['h264', 'High', 'yuv420p', W, H, '24', '24/1']);
  const bytes = await readFile(join(dir, 'a.mp4'));
  // +faststart: the moov atom comes before mdat
  assert.ok(bytes.indexOf('moov') < bytes.indexOf('mdat'));
  const frames = await decodeFrames(join(dir, 'a.mp4'), W, H);
  assert.equal(frames.length, 24);
  assert.ok(frames[23]![0]! > frames[0]![0]! + 100, 'the last frame is the brightest, as rendered');
  assert.deepEqual((await readdir(dir)).sort(), ['a.jpg', 'a.mp4'], 'a poster beside it, no temporary files');
});

test('the same frames give the same bytes', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'moviola-encode-'));
  await encodeClip(job(dir, 'a'));
  await encodeClip(job(dir, 'b'));
  assert.ok((await readFile(join(dir, 'a.mp4'))).equals(await readFile(join(dir, 'b.mp4'))));
});

test('a soundtrack becomes one AAC 48 kHz stereo stream of the clip length', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'moviola-encode-'));
  const samples = new Float32Array(48000 * 2);
  for (let i = 0; i < 48000; i++) samples[2 * i] = samples[2 * i + 1] = 0.25 * Math.sin((2 * Math.PI * 440 * i) / 48000);
  await encodeClip(job(dir, 'a', { soundtrack: { sampleRate: 48000, samples } }));
  const info = await probe(join(dir, 'a.mp4'));
  const a = info.streams.find((s) => s.codec_type === 'audio')!;
  assert.deepEqual([a.codec_name, a.sample_rate, a.channels], ['aac', '48000', 2]);
  assert.ok(Math.abs(Number(info.format.duration) - 1) < 0.05, `duration ${info.format.duration}`);
});

test('a renderer that fails leaves nothing behind', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'moviola-encode-'));
  await assert.rejects(encodeClip(job(dir, 'a', {
    renderFrames: async (onFrame) => {
      await onFrame(new Uint8Array(W * H * 1.5), 0);
      throw new Error('renderer exploded');
    },
  })), /renderer exploded/);
  assert.deepEqual(await readdir(dir), []);
});

test('a renderer that stops short is an error, not a short clip', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'moviola-encode-'));
  await assert.rejects(encodeClip(job(dir, 'a', { renderFrames: async (onFrame) => { await onFrame(new Uint8Array(W * H * 1.5), 0); } })), /produced 1 frames, the plan needs 24/);
  assert.deepEqual(await readdir(dir), []);
});

test('output size: the input aspect at about the resolution area, even sides', () => {
  for (const [w, h] of [[512, 512], [451, 300], [1000, 872], [751, 563], [300, 750], [750, 300]] as const) {
    for (const [resolution, area] of [['1080p', 1920 * 1080], ['720p', 1280 * 720]] as const) {
      const size = outputSize(w, h, resolution);
      assert.equal(size.width % 2, 0);
      assert.equal(size.height % 2, 0);
      assert.ok(Math.abs(size.width * size.height - area) / area < 0.01, `${w}x${h} ${resolution}: ${size.width}x${size.height}`);
      assert.ok(Math.abs(size.width / size.height - w / h) / (w / h) < 0.01);
    }
  }
  assert.deepEqual(outputSize(1920, 1080, '1080p'), { width: 1920, height: 1080 });
  assert.deepEqual(outputSize(1280, 720, '720p'), { width: 1280, height: 720 });
});
