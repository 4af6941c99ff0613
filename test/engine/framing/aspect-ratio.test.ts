/**
 * aspect_ratio: the clip has the asked shape at the asked pixel area; its first frame is the part of
 * the picture the plan's framing names (so what it shows is the picture, reframed), and that part
 * holds the picture's subject whole; a subject too wide for the shape is kept whole and the missing
 * band outpainted, not cut.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { generate } from '../../../src/engine/index.js';
import { analyzed } from '../../helpers/analyzed.js';
import { planFraming, type AspectRatio } from '../../../src/engine/framing/plan-framing.js';
import { decodeFrames } from '../../helpers/decode-video.js';
import { fixture } from '../../helpers/fixtures.js';
import { psnr } from '../../helpers/motion.js';

const AREA = 320 * 240;
const RATIOS: Record<AspectRatio, number> = { '16:9': 16 / 9, '9:16': 9 / 16, '1:1': 1 };

test('a subject too wide for the shape is kept whole, and the band it needs is outpainted', () => {
  const f = planFraming(1600, 900, { x: 0.1, y: 0.3, w: 0.8, h: 0.4 }, '9:16')!;
  assert.ok(f.crop.x <= 160 && f.crop.x + f.crop.w >= 1440, `the subject (160 … 1440 px) stays inside the crop ${JSON.stringify(f.crop)}`);
  assert.ok(f.outpaint.y > 0 && f.outpaint.x === 0);
  assert.ok(Math.abs(f.crop.w / (f.crop.h + 2 * f.outpaint.y) - 9 / 16) < 0.01, 'the canvas is 9:16');
  const fits = planFraming(1600, 900, { x: 0.6, y: 0.3, w: 0.15, h: 0.4 }, '9:16')!;
  assert.deepEqual(fits.outpaint, { x: 0, y: 0 }, 'a subject that fits needs no outpainting');
  assert.ok(fits.crop.x <= 960 && fits.crop.x + fits.crop.w >= 1200, 'and stays in frame');
  assert.equal(planFraming(1600, 900, { x: 0, y: 0, w: 1, h: 1 }, '16:9'), null, 'the picture\'s own shape: nothing to do');
});

for (const name of ['street-old-town.jpg', 'product-motorcycle.png']) {
  test(`aspect_ratio on ${name}: the shape at the pixel area, the subject in frame`, { timeout: 300_000 }, async () => {
    const bytes = await readFile(fixture(name));
    const original = await analyzed(bytes);
    const dir = await mkdtemp(join(tmpdir(), 'moviola-aspect-'));
    for (const [ratio, target] of Object.entries(RATIOS) as Array<[AspectRatio, number]>) {
      const output = join(dir, `${ratio.replace(':', 'x')}.mp4`);
      const { plan } = await generate({ image: bytes, prompt: 'static shot', seed: 3, area: AREA, clipSeconds: 0.5, sound: false, aspectRatio: ratio }, { output, scene: original });
      assert.ok(Math.abs(plan.width / plan.height - target) / target < 0.02, `${ratio}: ${plan.width}×${plan.height}`);
      assert.ok(Math.abs(plan.width * plan.height - AREA) / AREA < 0.03, `${ratio}: area ${plan.width * plan.height}`);
      const f = plan.framing!;
      assert.ok(f, `${ratio}: the plan says how it was reframed`);
      assert.ok(plan.notes.some((n) => n.startsWith(`aspect_ratio ${ratio}: reframed`)), plan.notes.join(' | '));
      // the subject (as analysed in the original) lies inside the kept part
      const s = original.subject, W = original.image.width, H = original.image.height;
      assert.ok(f.crop.x <= s.x * W + 1 && f.crop.x + f.crop.w >= (s.x + s.w) * W - 1, `${ratio}: subject x inside the crop`);
      assert.ok(f.crop.y <= s.y * H + 1 && f.crop.y + f.crop.h >= (s.y + s.h) * H - 1, `${ratio}: subject y inside the crop`);
      // and frame 0 shows that part of the picture
      const [first] = await decodeFrames(output, plan.width, plan.height, 1);
      const inner = { left: Math.round((f.outpaint.x / (f.crop.w + 2 * f.outpaint.x)) * plan.width), top: Math.round((f.outpaint.y / (f.crop.h + 2 * f.outpaint.y)) * plan.height) };
      const iw = plan.width - 2 * inner.left, ih = plan.height - 2 * inner.top;
      const expected = await sharp(bytes).rotate().extract({ left: f.crop.x, top: f.crop.y, width: f.crop.w, height: f.crop.h }).resize(iw, ih, { fit: 'fill' }).removeAlpha().raw().toBuffer();
      const shown = await sharp(Buffer.from(first!), { raw: { width: plan.width, height: plan.height, channels: 3 } }).extract({ ...inner, width: iw, height: ih }).raw().toBuffer();
      const db = psnr(new Uint8Array(expected), new Uint8Array(shown));
      assert.ok(db > 24, `${ratio}: frame 0 shows the framed picture (${db.toFixed(1)} dB)`);
    }
  });
}
