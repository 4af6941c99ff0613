/**
 * The Playground as a person uses it, in real headless Chromium against the real server
 * (`node bin/moviola.js serve` as a child process, rendering small): key, image, prompt, price, Run,
 * the clip plays, the plan shows the asked-for camera move, the run is in history; a 200×200 image
 * shows the rule it breaks without a request leaving the page; the phone layout does not scroll
 * sideways. Screenshots go to test-artifacts/.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { launchChromium, type Chromium } from '../helpers/chromium.js';
import { fixture } from '../helpers/fixtures.js';
import { spawnServe, TEST_AREA, type ChildService } from '../helpers/service.js';

const KEY = 'mvl_playground_test_key_0123456789';
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
const PROMPT = 'slow pan left, light rain, the cat turns its head while a car drives past';

let server: ChildService;
let browser: Chromium;
let dataDir: string;
let scratch: string;

before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'moviola-playground-'));
  scratch = await mkdtemp(join(tmpdir(), 'moviola-playground-files-'));
  await mkdir(ARTIFACTS, { recursive: true });
  server = await spawnServe({ MOVIOLA_DATA_DIR: dataDir, MOVIOLA_API_KEY: KEY, MOVIOLA_RENDER_AREA: TEST_AREA, MOVIOLA_NSFW: 'off' });
  browser = await launchChromium({ width: 1280, height: 900 });
});

after(async () => {
  await browser?.close();
  if (server) {
    server.child.kill('SIGTERM');
    await server.exited;
  }
  await rm(dataDir, { recursive: true, force: true });
  await rm(scratch, { recursive: true, force: true });
});

/** opens the Playground and saves the key the way a person would */
async function openWithKey(page: Page, fresh = false): Promise<void> {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(server.url + '/');
  assert.equal(await page.title(), 'Moviola Playground', 'GET / serves the Playground (src/api/playground.ts, registered in the server)');
  const keyField = page.locator('#api-key');
  // a fresh browser asks for the key; afterwards it is remembered
  if (fresh) await keyField.waitFor({ state: 'visible' });
  if (await keyField.isVisible()) {
    await keyField.fill(KEY);
    await page.click('#save-key');
  }
  await page.locator('.balance', { hasText: '$' }).waitFor();
  await page.locator('#field-prompt').waitFor();
  assert.deepEqual(problems, [], 'no script errors on the page');
}

test('key, image, prompt, price, Run: the clip plays, the plan shows the pan, history lists the run', { timeout: 180_000 }, async () => {
  const page = await browser.context.newPage();
  await openWithKey(page, true);

  await page.setInputFiles('#image-file', fixture('cat-closeup.png'));
  await page.locator('.drop-preview img').waitFor();
  await page.fill('#field-prompt', PROMPT);

  // the price follows the inputs: 10 s with sound $1.40, back to the default 5 s $0.70
  await page.click('label[for="field-duration-10"]');
  await page.locator('#run .price', { hasText: '$1.40' }).waitFor({ timeout: 10_000 });
  await page.click('label[for="field-duration-5"]');
  await page.locator('#run .price', { hasText: '$0.70' }).waitFor({ timeout: 10_000 });
  assert.match(await page.locator('#run').innerText(), /Run\s*\$0\.70/);

  const started = Date.now();
  await page.click('#run');
  // live progress appears while it renders
  await page.locator('.stage-running, video.player').first().waitFor();

  const video = page.locator('video.player');
  await video.waitFor({ timeout: 150_000 });
  await page.waitForFunction(() => {
    const v = document.querySelector<HTMLVideoElement>('video.player');
    return !!v && v.readyState >= 1 && Number.isFinite(v.duration);
  }, undefined, { timeout: 20_000 });
  const duration = await video.evaluate((v: HTMLVideoElement) => v.duration);
  assert.ok(Math.abs(duration - 5) < 0.25, `the clip lasts about 5 s (got ${duration})`);

  // it starts playing: time advances
  await page.waitForFunction(() => {
    const v = document.querySelector<HTMLVideoElement>('video.player');
    return !!v && !v.paused && v.currentTime > 0.4;
  }, undefined, { timeout: 15_000 });
  const error = await video.evaluate((v: HTMLVideoElement) => v.error?.message ?? null);
  assert.equal(error, null);

  // the plan's camera lane names the move the prompt asked for; rain is in the effects
  const camera = await page.locator('.timeline [data-lane="camera"]').innerText();
  assert.match(camera, /pan left/i);
  assert.match(await page.locator('.timeline [data-lane="effects"]').innerText(), /rain/i);
  // the cat's action is on the actions lane; what was not done is in the notes, above the lanes
  assert.match(await page.locator('.timeline [data-lane="actions"]').innerText(), /cat: turn head/i);
  assert.match(await page.locator('.timeline .notes').innerText(), /a car drives past.*not animated/i);
  const order = await page.locator('.timeline').evaluate((t) => {
    const notes = t.querySelector('.notes'), lanes = t.querySelector('.lanes');
    return !!notes && !!lanes && (notes.compareDocumentPosition(lanes) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  });
  assert.ok(order, 'the notes come before the lanes');

  // the run is in history (highlighted as the one on screen), completed, with its prompt
  const item = page.locator('#history .history-item.active', { hasText: PROMPT });
  await item.waitFor({ timeout: 10_000 });
  await item.locator('.status-completed').waitFor({ timeout: 10_000 });

  const download = await page.locator('a[download]').getAttribute('href');
  assert.match(download ?? '', /^http.*\.mp4$/);
  await page.screenshot({ path: join(ARTIFACTS, 'playground-desktop.png'), fullPage: true });
  console.log(`# run to playing: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await page.close();
});

test('a 200×200 image shows the rule it breaks and nothing is sent', { timeout: 60_000 }, async () => {
  const small = join(scratch, 'small.png');
  await sharp({ create: { width: 200, height: 200, channels: 3, background: { r: 90, g: 120, b: 160 } } }).png().toFile(small);

  const page = await browser.context.newPage();
  await openWithKey(page);
  await page.fill('#field-prompt', PROMPT);
  await page.locator('#run .price', { hasText: '$' }).waitFor({ timeout: 10_000 });
  await page.waitForLoadState('networkidle');

  const sent: string[] = [];
  page.on('request', (r) => { if (/^https?:/.test(r.url())) sent.push(`${r.method()} ${r.url()}`); });
  await page.setInputFiles('#image-file', small);
  const message = page.locator('[data-error-for="image"]');
  await message.waitFor({ state: 'visible' });
  assert.match(await message.innerText(), /at least 300 px.*200 × 200/);
  await page.click('#run');

  // dropped instead of picked: the same rule, still nothing sent
  await page.click('.image-field button:has-text("Remove")');
  await message.waitFor({ state: 'hidden' });
  const bytes = (await readFile(small)).toString('base64');
  const drop = await page.evaluateHandle((b64) => {
    const data = new DataTransfer();
    data.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], 'small.png', { type: 'image/png' }));
    return data;
  }, bytes);
  await page.dispatchEvent('.drop-zone', 'drop', { dataTransfer: drop });
  await message.waitFor({ state: 'visible' });
  assert.match(await message.innerText(), /at least 300 px/);
  await page.click('#run');
  await page.waitForTimeout(800);
  assert.deepEqual(sent, [], 'no request leaves the page');
  assert.equal(await page.locator('.stage-running').count(), 0);
  await page.screenshot({ path: join(ARTIFACTS, 'playground-small-image.png') });
  await page.close();
});

test('at phone width (375×812) nothing scrolls sideways', { timeout: 60_000 }, async () => {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 375, height: 812 });
  await openWithKey(page);
  // the fullest layout: a finished run open with its clip, plan and history
  await page.locator('#history .history-item .status-completed').first().waitFor({ timeout: 10_000 });
  await page.locator('#history .history-item button', { hasText: 'Open' }).first().click();
  await page.locator('.timeline').waitFor();
  await page.locator('.tips summary').click();

  // re-run with tweaks: the run's inputs come back into the form, its image as the preview
  await page.locator('#history .history-item button', { hasText: 'Re-run with tweaks' }).first().click();
  await page.waitForFunction((prompt) => document.querySelector<HTMLTextAreaElement>('#field-prompt')?.value === prompt, PROMPT);
  await page.locator('.drop-preview img[src^="http"]').waitFor();
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: window.innerWidth }));
  assert.ok(scrollWidth <= innerWidth, `no horizontal scroll (scrollWidth ${scrollWidth}, innerWidth ${innerWidth})`);
  await page.screenshot({ path: join(ARTIFACTS, 'playground-phone.png'), fullPage: true });
  await page.close();
});

test('an error from the API is shown next to the field it names', { timeout: 60_000 }, async () => {
  const page = await browser.context.newPage();
  await openWithKey(page);
  await page.setInputFiles('#image-file', fixture('cat-closeup.png'));
  await page.locator('.drop-preview img').waitFor();
  await page.fill('#field-prompt', '   ');
  const answer = page.waitForResponse((r) => r.url().endsWith('/image-to-video') && r.request().method() === 'POST');
  await page.click('#run');
  assert.equal((await answer).status(), 400);
  const message = page.locator('[data-field="prompt"] [data-error-for="prompt"]');
  await message.waitFor({ state: 'visible' });
  assert.match(await message.innerText(), /^prompt: /);
  assert.equal(await page.locator('[data-error-for="run"]').isVisible(), false, 'not in the general error line');
  await page.close();
});

test('an end image chosen in its own field is uploaded and sent as last_image: the clip ends on it', { timeout: 180_000 }, async () => {
  const page = await browser.context.newPage();
  await openWithKey(page);
  await page.setInputFiles('#image-file', fixture('street-old-town.jpg'));
  await page.setInputFiles('#last_image-file', fixture('nature-butterfly.jpg'));
  await page.locator('[data-field="last_image"] .drop-preview img').waitFor();
  await page.fill('#field-prompt', 'a quiet street');
  const submitted = page.waitForResponse((r) => r.request().method() === 'POST' && /\/image-to-video$/.test(r.url()));
  await page.click('#run');
  const response = await submitted;
  const sent = response.request().postDataJSON() as Record<string, unknown>;
  assert.match(String(sent.last_image), /^https?:\/\//, 'the end image was uploaded and sent by URL');
  await page.locator('video.player').waitFor({ timeout: 150_000 });
  const id = ((await response.json()) as { data: { id: string } }).data.id;
  const result = await fetch(`${server.url}/api/v3/predictions/${id}/result`, { headers: { authorization: `Bearer ${KEY}` } }).then((r) => r.json()) as { data: { plan: { end_frame?: { method: string } } } };
  assert.equal(result.data.plan.end_frame?.method, 'flow-guided', 'the plan ends on the end image');
  await page.screenshot({ path: join(ARTIFACTS, 'playground-end-image.png'), fullPage: true });
  await page.close();
});
