/**
 * Graceful shutdown of `node bin/moviola.js serve` (a child process): SIGTERM mid-render with a
 * sync-mode client and an SSE client attached. Both get their answers (the sync client the
 * prediction's state in the SDKs' sync-timeout shape, the SSE client a final `shutdown` event), the
 * process exits 0, and after a restart on the same data dir the task completes once and is charged
 * once. With a grace period long enough, the render finishes first and the sync client gets it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api, MODEL_PATH, spawnServe, TEST_AREA, waitFor } from '../helpers/service.js';
import { fixture } from '../helpers/fixtures.js';

const IMAGE = readFileSync(fixture('nature-butterfly.jpg')).toString('base64');

/** reads an SSE stream to its end; returns the event names in order */
async function readEvents(url: string, key: string, id: string): Promise<string[]> {
  const response = await fetch(`${url}/api/v3/predictions/${id}/events`, { headers: { authorization: `Bearer ${key}` } });
  assert.equal(response.status, 200);
  const text = await response.text();
  return [...text.matchAll(/^event: (\w+)$/gm)].map((m) => m[1]!);
}

/** a sync-mode submit (pending until the server answers) and its prediction id (found through idempotency) */
async function syncSubmit(url: string, key: string, ext: string) {
  const body = { prompt: 'slow push-in', image: IMAGE, seed: 5, external_task_id: ext };
  const answer = api(url, key, 'POST', MODEL_PATH, { ...body, enable_sync_mode: true });
  let id: string | undefined;
  for (let i = 0; i < 200 && !id; i++) {
    await new Promise((r) => setTimeout(r, 100));
    // the same external_task_id returns the same prediction without waiting
    const twin = await api(url, key, 'POST', MODEL_PATH, body);
    if (twin.status === 200 && twin.body.data.id) id = twin.body.data.id;
  }
  assert.ok(id, 'the sync submit created a prediction');
  return { answer, id: id! };
}

test('SIGTERM mid-render (grace 0): sync and SSE clients answered, exit 0; after a restart the task completes once, charged once', { timeout: 300_000 }, async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'moviola-shutdown-'));
  const env = {
    MOVIOLA_DATA_DIR: dataDir, MOVIOLA_API_KEY: 'mvl_shutdown_test_key_0001', MOVIOLA_START_BALANCE: '20',
    MOVIOLA_RENDER_AREA: String(1280 * 720), MOVIOLA_NSFW: 'off', MOVIOLA_SHUTDOWN_GRACE_MS: '0',
  };
  const key = env.MOVIOLA_API_KEY;
  try {
    const first = await spawnServe(env);
    const { answer, id } = await syncSubmit(first.url, key, 'shutdown-a');
    const events = readEvents(first.url, key, id);
    await waitFor(first.url, key, id, (d) => d.status === 'processing' && d.progress >= 5, 120_000);
    first.child.kill('SIGTERM');

    const sync = await answer;
    assert.equal(sync.status, 200);
    assert.equal(sync.body.data.id, id);
    assert.equal(sync.body.data.code, 5004, 'the SDKs read data.code 5004 as a sync timeout');
    assert.match(sync.body.data.error, /^Sync mode timed out after \d+ s; the prediction goes on: poll http:\/\/127\.0\.0\.1:\d+\/api\/v3\/predictions\/[0-9a-f]{32}\/result$/);
    assert.ok(['created', 'processing'].includes(sync.body.data.status), sync.body.data.status);
    const names = await events;
    assert.equal(names.at(-1), 'shutdown', `the stream ends with a final event: ${names.join(', ')}`);
    assert.equal(await first.exited, 0, 'SIGTERM exits 0');

    // the task renders again at the tests' thumbnail size: nothing after the restart measures the picture
    const second = await spawnServe({ ...env, MOVIOLA_RENDER_AREA: TEST_AREA });
    try {
      const done = await waitFor(second.url, key, id, (d) => d.status === 'completed' || d.status === 'failed', 180_000);
      assert.equal(done.status, 'completed', done.error);
      assert.equal(done.outputs.length, 1);
      const history = await api(second.url, key, 'POST', '/api/v3/predictions', { page: 1, page_size: 100 });
      assert.equal(history.body.data.items.length, 1, 'one prediction, not a resubmitted twin');
      const balance = (await api(second.url, key, 'GET', '/api/v3/balance')).body.data.balance;
      assert.equal(Math.round(balance * 100), 2000 - 70, 'charged exactly once');
    } finally {
      second.child.kill('SIGINT');
      assert.equal(await second.exited, 0, 'SIGINT exits 0');
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('SIGTERM mid-render with a grace period: the render finishes and the sync client gets the clip', { timeout: 300_000 }, async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'moviola-shutdown-'));
  const env = {
    MOVIOLA_DATA_DIR: dataDir, MOVIOLA_API_KEY: 'mvl_shutdown_test_key_0002', MOVIOLA_START_BALANCE: '20',
    MOVIOLA_RENDER_AREA: String(640 * 360), MOVIOLA_NSFW: 'off', MOVIOLA_SHUTDOWN_GRACE_MS: '120000',
  };
  const key = env.MOVIOLA_API_KEY;
  try {
    const first = await spawnServe(env);
    const { answer, id } = await syncSubmit(first.url, key, 'shutdown-b');
    const events = readEvents(first.url, key, id);
    await waitFor(first.url, key, id, (d) => d.status === 'processing', 120_000);
    first.child.kill('SIGTERM');
    // a submit during the grace period (once the signal is handled) is refused with 503; the render goes on
    await new Promise((r) => setTimeout(r, 500));
    const late = await api(first.url, key, 'POST', MODEL_PATH, { prompt: 'slow push-in', image: IMAGE, seed: 6 }).catch(() => undefined);
    if (late) {
      assert.equal(late.status, 503);
      assert.match(late.body.message, /shutting down/);
    }
    const sync = await answer;
    assert.equal(sync.status, 200);
    assert.equal(sync.body.data.status, 'completed', sync.body.data.error);
    assert.equal(sync.body.data.outputs.length, 1);
    const names = await events;
    assert.equal(names.at(-1), 'status', 'the stream ended with the completed status');
    assert.equal(await first.exited, 0);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
