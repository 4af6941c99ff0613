/**
 * estimateRotation finds a known turn of a real photograph (sharp rotates it), its direction and
 * its size, and finds none in a plain zoom or an unchanged picture — the defect it is for is a
 * roll that turns the wrong way, or not at all.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { fixture } from './fixtures.js';
import { estimateRotation } from './rotation.js';

const W = 240, H = 160;

async function grey(degrees: number, zoom: number): Promise<Float64Array> {
  // turn (sharp: + clockwise), then crop the centre back to the frame, magnified by `zoom`
  const turned = sharp(fixture('street-old-town.jpg')).resize(W * 2, H * 2, { fit: 'cover' }).rotate(degrees, { background: '#808080' });
  const { data, info } = await turned.raw().toBuffer({ resolveWithObject: true });
  const cw = Math.round((W * 2) / zoom), ch = Math.round((H * 2) / zoom);
  const out = await sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } })
    .extract({ left: Math.round((info.width - cw) / 2), top: Math.round((info.height - ch) / 2), width: cw, height: ch })
    .resize(W, H, { fit: 'fill' }).greyscale().raw().toBuffer();
  return Float64Array.from(out.subarray(0, W * H));
}

test('estimateRotation: the sign and size of a turn; none in a zoom or a still', { timeout: 120_000 }, async () => {
  const still = await grey(0, 1);
  const clockwise = estimateRotation(still, await grey(6, 1.2), W, H);
  assert.ok(Math.abs(clockwise.degrees - 6) < 1, `clockwise 6°: ${clockwise.degrees.toFixed(2)}`);
  const counter = estimateRotation(still, await grey(-4, 1.15), W, H);
  assert.ok(Math.abs(counter.degrees + 4) < 1, `counterclockwise 4°: ${counter.degrees.toFixed(2)}`);
  const zoom = estimateRotation(still, await grey(0, 1.2), W, H);
  assert.ok(Math.abs(zoom.degrees) < 0.5, `a zoom is no turn: ${zoom.degrees.toFixed(2)}`);
  assert.ok(Math.abs(zoom.scale - 1.2) < 0.05, `its scale: ${zoom.scale.toFixed(3)}`);
  assert.ok(Math.abs(estimateRotation(still, still, W, H).degrees) < 0.3);
});
