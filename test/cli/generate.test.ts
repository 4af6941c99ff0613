/**
 * `moviola generate` as a user runs it: the real binary, real files. Refused input exits 2 with one
 * line naming the rule and writes nothing; a good run writes an MP4 and a poster and, with --json,
 * prints the plan.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixture } from '../helpers/fixtures.js';
import { gif, noisePng, pngDeclaring, solidPng, truncatedJpeg } from '../helpers/bad-images.js';
import { probe } from '../helpers/decode-video.js';

const BIN = fileURLToPath(new URL('../../bin/moviola.js', import.meta.url));

interface Run { code: number | null; stdout: string; stderr: string }

function moviola(args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd, timeout: 120_000, maxBuffer: 1 << 24 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

const badInputs: Array<{ name: string; make: (dir: string) => Promise<string>; rule: RegExp }> = [
  { name: 'a text file', make: async (d) => { const p = join(d, 'notes.jpg'); await writeFile(p, 'hello, not an image\n'); return p; }, rule: /not a JPEG, PNG or WebP/ },
  { name: 'a GIF', make: async (d) => { const p = join(d, 'anim.gif'); await writeFile(p, await gif()); return p; }, rule: /not a JPEG, PNG or WebP/ },
  { name: 'a truncated JPEG', make: async (d) => { const p = join(d, 'cut.jpg'); await writeFile(p, truncatedJpeg(0.5)); return p; }, rule: /corrupt or truncated/ },
  { name: 'a 200×200 image', make: async (d) => { const p = join(d, 'small.png'); await writeFile(p, await solidPng(200, 200)); return p; }, rule: /at least 300 px/ },
  { name: 'a 1000×300 image', make: async (d) => { const p = join(d, 'wide.png'); await writeFile(p, await solidPng(1000, 300)); return p; }, rule: /aspect ratio .* 1:2\.5 – 2\.5:1/ },
  { name: 'an image over 10 MB', make: async (d) => { const p = join(d, 'big.png'); await writeFile(p, await noisePng(2000, 1900)); return p; }, rule: /over the 10 MB limit/ },
  { name: 'a decompression bomb', make: async (d) => { const p = join(d, 'bomb.png'); await writeFile(p, pngDeclaring(30000, 30000)); return p; }, rule: /megapixel limit/ },
  { name: 'a missing file', make: async (d) => join(d, 'nope.png'), rule: /no such file/ },
  { name: 'an unreachable URL', make: async () => `http://127.0.0.1:${await closedPort()}/photo.jpg`, rule: /could not download/ },
];

for (const bad of badInputs) {
  test(`generate refuses ${bad.name}: exit 2, one line naming the rule, nothing written`, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'moviola-cli-'));
    const image = await bad.make(dir);
    const before = await readdir(dir);
    const run = await moviola(['generate', '--image', image, '--prompt', 'slow push-in', '--out', join(dir, 'clip.mp4')], dir);
    assert.equal(run.code, 2, run.stderr);
    const lines = run.stderr.trim().split('\n').filter((l) => !l.startsWith('moviola: analyze'));
    assert.equal(lines.length, 1, run.stderr);
    assert.match(lines[0]!, /^moviola: image: /);
    assert.match(lines[0]!, bad.rule);
    assert.deepEqual(await readdir(dir), before, 'nothing is written');
  });
}

test('generate refuses bad options with exit 2 and names the option', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'moviola-cli-'));
  for (const [flag, value] of [['--duration', '7'], ['--cfg-scale', '1.5'], ['--seed', 'abc'], ['--resolution', '4k']] as const) {
    const run = await moviola(['generate', '--image', fixture('cat-closeup.png'), '--prompt', 'x', flag, value], dir);
    assert.equal(run.code, 2, `${flag} ${value}: ${run.stderr}`);
    assert.match(run.stderr, new RegExp(flag.replace(/-/g, '\\-')));
  }
  assert.deepEqual(await readdir(dir), []);
});

test('generate --json writes a 720p MP4 and poster and prints the plan', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'moviola-cli-'));
  const out = join(dir, 'cat.mp4');
  const run = await moviola(['generate', '--image', fixture('cat-closeup.png'), '--prompt', 'slow pan left', '--resolution', '720p',
    '--seed', '7', '--no-sound', '--out', out, '--json'], dir);
  assert.equal(run.code, 0, run.stderr);
  const result = JSON.parse(run.stdout) as { output: string; poster: string; plan: { seed: number; shots: Array<{ camera: { moves: string[] } }> }; timings: Record<string, number> };
  assert.equal(result.output, out);
  assert.equal(result.plan.seed, 7);
  assert.deepEqual(result.plan.shots[0]!.camera.moves, ['pan_left']);
  assert.ok((result.timings.total ?? 0) > 0);
  assert.deepEqual((await readdir(dir)).sort(), ['cat.jpg', 'cat.mp4']);
  const info = await probe(out);
  const video = info.streams.find((s) => s.codec_type === 'video')!;
  assert.equal(video.nb_frames, '120');
  assert.equal(video.codec_name, 'h264');
  assert.equal(video.profile, 'High');
  assert.equal(info.streams.filter((s) => s.codec_type === 'audio').length, 0, '--no-sound: no audio stream');
  // 720p: about 1280×720 pixels of area at the cat's 451:300 aspect
  assert.ok(Math.abs(video.width! * video.height! - 1280 * 720) / (1280 * 720) < 0.01);
  assert.ok(Math.abs(video.width! / video.height! - 451 / 300) < 0.01);
});

test('moviola --help lists the commands, generate --help shows examples', async () => {
  const top = await moviola(['--help'], tmpdir());
  assert.equal(top.code, 0);
  for (const command of ['generate', 'serve', 'keys']) assert.match(top.stdout, new RegExp(`\\b${command}\\b`));
  const generate = await moviola(['generate', '--help'], tmpdir());
  assert.equal(generate.code, 0);
  assert.match(generate.stdout, /--negative-prompt/);
  assert.match(generate.stdout, /Examples:/);
});

test('generate --last-image: a bad end image or one with --camera-control exits 2 naming last_image', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'moviola-cli-'));
  const small = join(dir, 'small.png');
  await writeFile(small, await solidPng(200, 200));
  const cases: Array<[string[], RegExp]> = [
    [['--last-image', join(dir, 'nope.png')], /^moviola: last_image: no such file/],
    [['--last-image', small], /^moviola: last_image: 200×200 is too small; each side must be at least 300 px/],
    [['--last-image', fixture('street-old-town.jpg'), '--camera-control', '{"type":"simple","config":{"zoom":4}}'], /^moviola: last_image: cannot be used with camera_control/],
  ];
  const before = await readdir(dir);
  for (const [args, rule] of cases) {
    const run = await moviola(['generate', '--image', fixture('cat-closeup.png'), '--prompt', 'slow push-in', '--out', join(dir, 'clip.mp4'), ...args], dir);
    assert.equal(run.code, 2, run.stderr);
    const lines = run.stderr.trim().split('\n').filter((l) => !l.startsWith('moviola: analyze'));
    assert.equal(lines.length, 1, run.stderr);
    assert.match(lines[0]!, rule);
  }
  assert.deepEqual(await readdir(dir), before, 'nothing is written');
  const help = await moviola(['generate', '--help'], tmpdir());
  assert.match(help.stdout, /--last-image <path\|url>/);
});

test('a reader that stops early ("moviola generate --help | head -1") is no error: exit 0, no EPIPE trace', async () => {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [BIN, 'generate', '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => { stderr += d; });
  // the reader has gone before the help is written (as head has, once it has its lines)
  child.stdout.destroy();
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.equal(code, 0, stderr);
  assert.doesNotMatch(stderr, /EPIPE|Unhandled/);
});
