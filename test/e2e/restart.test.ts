/**
 * Durability: `node bin/moviola.js serve` as a child process, three predictions submitted, the
 * server SIGKILLed mid-render and started again on the same data dir: every prediction completes
 * and the balance is charged exactly once per prediction. Also: a first start with no key creates
 * one and prints it once; a restart does not.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api, MODEL_PATH, spawnServe, TEST_AREA, waitFor } from '../helpers/service.js';
import { fixture } from '../helpers/fixtures.js';
import { probe } from '../helpers/decode-video.js';

test('SIGKILL mid-render, restart: every prediction completes, no charge lost or doubled', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'moviola-restart-'));
  // the product's 720p size: the first clip is still rendering when the server is killed (at the
  // tests' usual thumbnail size a clip renders in about a second, between two polls)
  const env = { MOVIOLA_DATA_DIR: dataDir, MOVIOLA_START_BALANCE: '20', MOVIOLA_RENDER_AREA: String(1280 * 720), MOVIOLA_NSFW: 'off' };
  try {
    const first = await spawnServe(env);
    const created = first.lines.map((l) => /created API key (\S+)/.exec(l)?.[1]).find(Boolean);
    assert.ok(created, `the first start prints a new key: ${first.lines.join('\n')}`);
    const key = created!;

    const image = readFileSync(fixture('nature-butterfly.jpg')).toString('base64');
    const ids: string[] = [];
    for (const seed of [1, 2, 3]) {
      const r = await api(first.url, key, 'POST', MODEL_PATH, { prompt: 'slow push-in', image, seed });
      assert.equal(r.status, 200, r.body.message);
      ids.push(r.body.data.id);
    }
    await waitFor(first.url, key, ids[0]!, (d) => d.status === 'processing' && d.progress >= 10, 60_000);
    first.child.kill('SIGKILL');
    await first.exited;

    // what is left renders at the tests' thumbnail size: nothing after the restart measures the picture
    const second = await spawnServe({ ...env, MOVIOLA_RENDER_AREA: TEST_AREA });
    assert.ok(!second.lines.some((l) => l.includes('created API key')), 'a restart creates no key');
    try {
      const finals = [];
      for (const id of ids) finals.push(await waitFor(second.url, key, id, (d) => d.status === 'completed' || d.status === 'failed', 120_000));
      for (const f of finals) assert.equal(f.status, 'completed', f.error);
      assert.equal(finals[0].plan.seed, 1);
      const mp4 = Buffer.from(await (await fetch(finals[0].outputs[0])).arrayBuffer());
      const path = join(dataDir, 'check.mp4');
      await import('node:fs/promises').then((fs) => fs.writeFile(path, mp4));
      assert.equal(Number((await probe(path)).streams.find((s) => s.codec_type === 'video')?.nb_frames), 120);
      const balance = (await api(second.url, key, 'GET', '/api/v3/balance')).body.data.balance;
      assert.equal(Math.round(balance * 100), 2000 - 3 * 70);
    } finally {
      second.child.kill('SIGTERM');
      assert.equal(await second.exited, 0, 'SIGTERM shuts down cleanly');
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
