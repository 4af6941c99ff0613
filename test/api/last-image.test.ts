/**
 * last_image (also end_image, image_tail) through the HTTP API: validated like image with errors
 * naming last_image, refused with camera_control, priced as without it; and in the decoded clip,
 * frame 0 is the image, the last frame the end image, the motion between smooth, and no frame two
 * misaligned pictures on top of each other — for a zoomed, shifted crop of the same photo and for
 * two different photos.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { api, MODEL_PATH, startTestService, type TestService } from '../helpers/service.js';
import { fixture } from '../helpers/fixtures.js';
import { decodeFrames } from '../helpers/decode-video.js';
import { psnr } from '../helpers/motion.js';
import { doubleEdgeShare, frameDifferences, worstJump } from '../helpers/transition-measures.js';

let queued: TestService; // no workers: submits are validated, charged and left queued
let renderer: TestService;
let dir: string;
before(async () => {
  queued = await startTestService();
  renderer = await startTestService({ MOVIOLA_WORKERS: '1' });
  dir = await mkdtemp(join(tmpdir(), 'moviola-last-image-'));
});
after(async () => {
  await queued.close();
  await renderer.close();
  await rm(dir, { recursive: true, force: true });
});

const street = await readFile(fixture('street-old-town.jpg'));
const meta = await sharp(street).metadata();
// the same street, zoomed in about 1.33× on a point right of and above the centre
const streetCrop = await sharp(street).extract({
  left: Math.round(meta.width! * 0.2), top: Math.round(meta.height! * 0.1), width: Math.round(meta.width! * 0.75), height: Math.round(meta.height! * 0.75),
}).jpeg({ quality: 92 }).toBuffer();
const butterfly = await readFile(fixture('nature-butterfly.jpg'));
const b64 = (bytes: Buffer) => bytes.toString('base64');
const body = (over: Record<string, unknown>) => ({ prompt: 'a quiet street, slow push-in', image: b64(street), seed: 5, sound: false, ...over });

test('last_image with camera_control is a 400 naming the rule', async () => {
  for (const name of ['last_image', 'end_image', 'image_tail']) {
    const r = await api(queued.url, queued.key, 'POST', MODEL_PATH, body({ [name]: b64(streetCrop), camera_control: { type: 'simple', config: { zoom: 5 } } }));
    assert.equal(r.status, 400, name);
    assert.match(r.body.message, /^last_image: cannot be used with camera_control/, name);
  }
});

test('a bad end image is a 400 naming last_image and the rule', async () => {
  const tiny = await sharp({ create: { width: 120, height: 90, channels: 3, background: '#336699' } }).png().toBuffer();
  const wide = await sharp({ create: { width: 1500, height: 400, channels: 3, background: '#336699' } }).png().toBuffer();
  const cases: Array<[unknown, RegExp]> = [
    [b64(tiny), /^last_image: 120×90 is too small; each side must be at least 300 px/],
    [b64(wide), /^last_image: aspect ratio 1500×400 is outside 1:2\.5 – 2\.5:1/],
    [`data:image/png;base64,${Buffer.from('this is not a picture at all').toString('base64')}`, /^last_image: not a JPEG, PNG or WebP file/],
    ['street.jpg', /^last_image: must be an http\(s\) URL, a data URI or base64 of a JPEG, PNG or WebP image/],
    [42, /^last_image: must be an http\(s\) URL, a data URI or base64/],
    ['http://127.0.0.1:1/nothing.jpg', /^last_image: /],
  ];
  for (const [value, rule] of cases) {
    for (const name of ['last_image', 'image_tail']) {
      const r = await api(queued.url, queued.key, 'POST', MODEL_PATH, body({ [name]: value }));
      assert.equal(r.status, 400, `${name}: ${String(value).slice(0, 40)}`);
      assert.match(r.body.message, rule, `${name}: ${String(value).slice(0, 40)}`);
    }
  }
});

test('last_image and its aliases are accepted, stored and priced as a clip without it', async () => {
  const openapi = (await fetch(`${queued.url}/openapi.json`).then((r) => r.json())) as { paths: Record<string, { post?: { requestBody: { content: Record<string, { schema: { properties: Record<string, Record<string, unknown>> } }> } } }> };
  const documented = openapi.paths[MODEL_PATH]!.post!.requestBody.content['application/json']!.schema.properties.last_image!;
  assert.deepEqual(documented['x-aliases'], ['end_image', 'image_tail'], 'OpenAPI names the aliases');
  const balance = async () => (await api(queued.url, queued.key, 'GET', '/api/v3/balance')).body.data.balance as number;
  let before = await balance();
  const plain = await api(queued.url, queued.key, 'POST', MODEL_PATH, body({}));
  assert.equal(plain.status, 200, plain.body.message);
  const price = before - (before = await balance());
  for (const name of ['last_image', 'end_image', 'image_tail']) {
    const r = await api(queued.url, queued.key, 'POST', MODEL_PATH, body({ [name]: b64(streetCrop) }));
    assert.equal(r.status, 200, `${name}: ${r.body.message}`);
    assert.match(String(r.body.data.input.last_image), /^https?:\/\//, name);
    assert.equal(r.body.data.input[name === 'last_image' ? 'end_image' : name], undefined, `${name} is folded into last_image`);
    const after = await balance();
    assert.ok(Math.abs(before - after - price) < 1e-9, `${name}: charged ${before - after}, without it ${price}`);
    before = after;
  }
});

const luma = (rgb: Uint8Array) => {
  const out = new Float32Array(rgb.length / 3);
  for (let i = 0; i < out.length; i++) out[i] = 0.299 * rgb[3 * i]! + 0.587 * rgb[3 * i + 1]! + 0.114 * rgb[3 * i + 2]!;
  return out;
};

async function checkClip(t: { diagnostic(message: string): void }, name: string, end: Buffer, alias: string) {
  const r = await api(renderer.url, renderer.key, 'POST', MODEL_PATH, body({ [alias]: b64(end), enable_sync_mode: true, enable_base64_output: true }));
  assert.equal(r.status, 200, r.body.message);
  assert.equal(r.body.data.status, 'completed', r.body.data.error);
  const plan = r.body.data.plan as { width: number; height: number; fps: number; end_frame?: { start: number; frame: number; method: string }; shots: Array<{ camera: { keys: Array<{ t: number }> } }> };
  assert.equal(plan.end_frame?.method, 'flow-guided');
  // the prompt's own move is planned to finish as the transition starts
  assert.ok(Math.max(...plan.shots[0]!.camera.keys.map((k) => k.t)) <= plan.end_frame!.start + 1e-6, JSON.stringify(plan.shots[0]!.camera.keys));
  const file = join(dir, `${name}.mp4`);
  await writeFile(file, Buffer.from(String(r.body.data.outputs[0]), 'base64'));
  const { width: W, height: H } = plan;
  const frames = await decodeFrames(file, W, H);
  assert.equal(frames.length, 5 * plan.fps);

  // compared at 256 px wide: the image as frame 0 shows it (whole), the end image as the last (centred cover)
  const w = 256, h = Math.round((256 * H) / W);
  const small = async (rgb: Uint8Array) => new Uint8Array(await sharp(rgb, { raw: { width: W, height: H, channels: 3 } }).resize(w, h, { fit: 'fill' }).raw().toBuffer());
  const reference = async (bytes: Buffer, fit: 'fill' | 'cover') => small(new Uint8Array(await sharp(bytes).rotate().resize(W, H, { fit }).removeAlpha().raw().toBuffer()));
  const first = psnr(await small(frames[0]!), await reference(street, 'fill'));
  const last = psnr(await small(frames.at(-1)!), await reference(end, 'cover'));
  t.diagnostic(`${name}: frame 0 ${first.toFixed(1)} dB vs the image, last frame ${last.toFixed(1)} dB vs the end image`);
  assert.ok(first >= 35, `${name}: frame 0 should be the image (${first.toFixed(1)} dB)`);
  assert.ok(last >= 33, `${name}: the last frame should be the end image (${last.toFixed(1)} dB)`);

  const lumas = await Promise.all(frames.map(async (f) => luma(await small(f))));
  const jump = worstJump(frameDifferences(lumas));
  t.diagnostic(`${name}: worst frame-to-frame jump ${jump.ratio.toFixed(2)}× its neighbours' at frame ${jump.at}`);
  assert.ok(jump.ratio < 3, `${name}: motion should be smooth, but frame ${jump.at} jumps ${jump.ratio.toFixed(1)}× its neighbours`);

  // mid-transition frames hold one picture per place: no tile is both pictures at an offset
  const start = plan.end_frame!.frame, n = frames.length;
  for (const q of [0.3, 0.5, 0.7]) {
    const i = Math.round(start + q * (n - 1 - start));
    const share = doubleEdgeShare(lumas[i]!, lumas[0]!, lumas.at(-1)!, w, h);
    t.diagnostic(`${name}: frame ${i} double-edged tiles ${(100 * share).toFixed(1)} %`);
    assert.ok(share < 0.05, `${name}: frame ${i} is a blend of two misaligned pictures in ${(100 * share).toFixed(1)} % of its tiles`);
  }
}

test('the clip ends on a zoomed, shifted crop of the same photo', { timeout: 600_000 }, async (t) => {
  await checkClip(t, 'street-crop', streetCrop, 'last_image');
});

test('the clip ends on a different photo', { timeout: 600_000 }, async (t) => {
  await checkClip(t, 'street-butterfly', butterfly, 'end_image');
});
