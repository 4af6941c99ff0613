/**
 * The worker pool against a real store, real storage and the real engine: a task whose stored image
 * the engine refuses fails with the engine's message, is refunded and queues its webhook; a good
 * task completes with an MP4 in storage; stop() returns a running task to the queue.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDataDir } from '../../src/tasks/open-data-dir.js';
import { newId } from '../../src/tasks/ids.js';
import type { NewPrediction, PredictionStatus } from '../../src/tasks/types.js';
import { WorkerPool } from '../../src/worker/worker-pool.js';
import { fixture } from '../helpers/fixtures.js';
import { probe } from '../helpers/decode-video.js';
import { stopAnalysisThread } from '../../src/api/analyze-thread/analyze-in-thread.js';

// the pool analyses each task's picture on the analysis thread (run-prediction.ts)
after(() => stopAnalysisThread());

async function setup() {
  const dir = await mkdtemp(join(tmpdir(), 'moviola-worker-'));
  const { store, storage, events } = await openDataDir(dir);
  const account = await store.createAccount('a', 5_000_000);
  const submit = async (bytes: Buffer, over: Partial<NewPrediction> = {}) => {
    const id = newId();
    const imageKey = `inputs/${id}/in.bin`;
    await storage.putBuffer(imageKey, bytes);
    await store.submit({
      id, accountId: account.id, model: 'kwaivgi/kling-v2.6-pro/image-to-video', imageKey, resolution: '1080p', chargeMicros: 700_000,
      webhookUrl: 'http://127.0.0.1:9/hook', idempotencyKey: null, inputHash: 'h', baseUrl: 'http://x',
      input: { prompt: 'slow push-in', negative_prompt: '', image: 'x', cfg_scale: 0.5, sound: false, duration: 5, voice_list: [], seed: 4 },
      ...over,
    });
    return id;
  };
  const until = (id: string, statuses: PredictionStatus[]) => new Promise<void>((resolve) => {
    const off = events.on(id, (s) => statuses.includes(s) && (off(), resolve()));
  });
  const balance = async () => (await store.account(account.id))!.balanceMicros;
  return { dir, store, storage, events, submit, until, balance };
}

test('a refused image fails with the engine\'s message and is refunded; a good one completes', async () => {
  const s = await setup();
  const pool = new WorkerPool({ store: s.store, storage: s.storage, events: s.events, concurrency: 1, leaseMs: 10_000, nsfw: false, renderArea: 76800 });
  try {
    const bad = await s.submit(Buffer.from('GIF89a not really an image at all'));
    const good = await s.submit(readFileSync(fixture('product-coffee.png')));
    assert.equal(await s.balance(), 5_000_000 - 1_400_000);
    const settled = Promise.all([s.until(bad, ['failed', 'completed']), s.until(good, ['failed', 'completed'])]);
    pool.start();
    await settled;
    const failed = await s.store.get(bad);
    assert.equal(failed?.status, 'failed');
    assert.equal(failed?.error, 'image: not a JPEG, PNG or WebP file');
    assert.equal(failed?.chargeState, 'refunded');
    const done = await s.store.get(good);
    assert.equal(done?.status, 'completed', done?.error);
    const info = await probe(s.storage.localPath(done!.outputKeys[0]!)!);
    assert.equal(Number(info.streams.find((x) => x.codec_type === 'video')?.nb_frames), 120);
    assert.equal(info.streams.filter((x) => x.codec_type === 'audio').length, 0);
    assert.ok(await s.storage.exists(done!.posterKey!));
    assert.equal(await s.balance(), 5_000_000 - 700_000, 'only the completed one is charged');
    assert.equal((await s.store.dueDeliveries(new Date(), 10)).length, 2, 'both terminal states queued their webhook');
  } finally {
    await pool.stop();
    await s.store.close();
    await rm(s.dir, { recursive: true, force: true });
  }
});

test('stop() mid-render returns the task to the queue without counting an attempt', async () => {
  const s = await setup();
  const pool = new WorkerPool({ store: s.store, storage: s.storage, events: s.events, concurrency: 1, leaseMs: 10_000, nsfw: false, renderArea: 76800 });
  try {
    const id = await s.submit(readFileSync(fixture('street-old-town.jpg')), { input: { prompt: 'rain', negative_prompt: '', image: 'x', cfg_scale: 0.5, sound: false, duration: 10, voice_list: [], seed: 1 } });
    const processing = s.until(id, ['processing']);
    pool.start();
    await processing;
    await pool.stop();
    const back = await s.store.get(id);
    assert.equal(back?.status, 'created');
    assert.equal(back?.attempts, 0);
    assert.equal(back?.chargeState, 'reserved');
  } finally {
    await s.store.close();
    await rm(s.dir, { recursive: true, force: true });
  }
});
