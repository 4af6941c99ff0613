/**
 * The disk cache of analysed scenes (src/engine/analyze/scene-cache): a photo analysed once is read
 * back, exactly the Scene the analysis makes, without analysing again; a file an older engine wrote,
 * a corrupt file and a folder that cannot be written are misses, never errors; the folder stays
 * within its bound. The analysis runs for real on one photo; the rest uses a fixture scene with
 * drawn maps (no analysis).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeImage } from '../../../src/engine/analyze/index.js';
import { analyzeImageCached, SceneDiskCache, sceneCacheDir } from '../../../src/engine/analyze/scene-cache/index.js';
import { decodeScene, encodeScene } from '../../../src/engine/analyze/scene-cache/scene-file.js';
import { computeVersion, engineCodeVersion } from '../../../src/engine/code-version.js';
import type { Scene } from '../../../src/engine/scene.js';
import { configFromEnv } from '../../../src/api/config.js';
import { stopAnalysisThread } from '../../../src/api/analyze-thread/analyze-in-thread.js';
import { fixture } from '../../helpers/fixtures.js';
import { fixtureScene } from '../../helpers/fixture-scene.js';
import { api, MODEL_PATH, startTestService } from '../../helpers/service.js';

/** a SceneDiskCache that counts what it was asked */
class CountingCache extends SceneDiskCache {
  reads = 0;
  found = 0;
  writes = 0;
  override async read(hash: string) {
    this.reads++;
    const scene = await super.read(hash);
    if (scene) this.found++;
    return scene;
  }
  override async write(scene: Scene) {
    this.writes++;
    return super.write(scene);
  }
}

const sceneFiles = async (dir: string) => (await readdir(dir)).filter((f) => f.endsWith('.scene'));
const tempDir = () => mkdtemp(join(tmpdir(), 'moviola-scene-cache-'));

test('a photo analysed once is read back from disk: the same Scene, not analysed again; a corrupt file is analysed again and replaced', async () => {
  const dir = await tempDir();
  const bytes = await readFile(fixture('product-coffee.png'));
  const truth = await analyzeImage(bytes);
  const cache = new CountingCache(dir);

  const first = await analyzeImageCached(bytes, dir, cache);
  assert.deepStrictEqual(first, truth);
  assert.deepEqual([cache.found, cache.writes], [0, 1], 'a miss, analysed and kept');
  const [file] = await sceneFiles(dir);
  assert.ok(file, 'one scene file');

  const second = await analyzeImageCached(bytes, dir, cache);
  assert.deepStrictEqual(second, truth, 'read back: the same Scene, typed arrays and all');
  assert.deepEqual([cache.found, cache.writes], [1, 1], 'a hit: nothing analysed, nothing written');
  assert.ok(second.maps.depth.buffer.byteLength === second.maps.depth.byteLength, 'each map owns its buffer (transferable to the API thread)');

  // a file cut short (a disk that filled up, a copy that broke) is a miss, analysed again and rewritten
  const whole = await readFile(join(dir, file));
  await writeFile(join(dir, file), whole.subarray(0, whole.length >> 1));
  const third = await analyzeImageCached(bytes, dir, cache);
  assert.deepStrictEqual(third, truth);
  assert.deepEqual([cache.found, cache.writes], [1, 2], 'the cut file was a miss and was replaced');
  assert.ok((await readFile(join(dir, file))).equals(whole), 'replaced by a whole file');
  await rm(dir, { recursive: true, force: true });
});

test('what another engine version wrote is never read; garbage and a file of another key are misses', async () => {
  const dir = await tempDir();
  const scene = await fixtureScene('street-old-town.jpg');
  const older = new SceneDiskCache(dir, undefined, 'version-a');
  await older.write(scene);
  assert.ok(await older.read(scene.hash), 'the version that wrote it reads it');
  const newer = new SceneDiskCache(dir, undefined, 'version-b');
  assert.equal(await newer.read(scene.hash), null, 'a newer engine does not read it');
  // the same file name holding another key's scene (or anything else) is not taken
  const [file] = await sceneFiles(dir);
  await writeFile(join(dir, file!), encodeScene(scene, 'another key'));
  assert.equal(await older.read(scene.hash), null);
  await writeFile(join(dir, file!), 'not a scene at all');
  assert.equal(await older.read(scene.hash), null);
  assert.deepEqual(await sceneFiles(dir), [], 'a file that is not a scene of its key is removed');
  // no known engine version (its source not found): nothing is kept
  const unknown = new SceneDiskCache(dir, undefined, null);
  await unknown.write(scene);
  assert.deepEqual(await sceneFiles(dir), []);
  await rm(dir, { recursive: true, force: true });
});

test('the cache stays within its bound: the least recently used scenes go first', async () => {
  const dir = await tempDir();
  const names = ['street-old-town.jpg', 'night-launchpad.jpg', 'product-coffee.png'];
  const scenes = await Promise.all(names.map((n) => fixtureScene(n)));
  const sizes = scenes.map((s) => encodeScene(s, `${s.hash} v`).length);
  // room for two of the three
  const cache = new SceneDiskCache(dir, sizes[0]! + sizes[1]! + sizes[2]! - Math.min(...sizes) / 2, 'v');
  await cache.write(scenes[0]!);
  await new Promise((r) => setTimeout(r, 20)); // distinct modification times
  await cache.write(scenes[1]!);
  await new Promise((r) => setTimeout(r, 20));
  assert.ok(await cache.read(scenes[0]!.hash), 'read: the first is now the most recently used');
  await new Promise((r) => setTimeout(r, 20));
  await cache.write(scenes[2]!);
  assert.equal((await sceneFiles(dir)).length, 2);
  assert.ok(await cache.read(scenes[0]!.hash), 'the one read recently stays');
  assert.equal(await cache.read(scenes[1]!.hash), null, 'the least recently used went');
  assert.ok(await cache.read(scenes[2]!.hash));
  await rm(dir, { recursive: true, force: true });
});

test('a cache folder that cannot be written is no cache, not an error', async () => {
  const dir = await tempDir();
  const blocked = join(dir, 'a-file');
  await writeFile(blocked, 'in the way');
  const scene = await fixtureScene('street-old-town.jpg');
  const cache = new SceneDiskCache(join(blocked, 'cache'), undefined, 'v');
  await cache.write(scene);
  assert.equal(await cache.read(scene.hash), null);
  await rm(dir, { recursive: true, force: true });
});

test('a scene file gives back exactly what was written: kinds of typed arrays, shared arrays, NaN, fields set to undefined', async () => {
  const scene = await fixtureScene('street-old-town.jpg');
  const matte = new Float32Array([0, 0.5, 1]);
  const withOdd = {
    ...scene,
    horizon: Number.NaN,
    pose: undefined,
    layers: {
      bands: [{ far: 0, near: Number.POSITIVE_INFINITY, share: 1 }], cuts: [], matte, matteSource: 'depth' as const,
      subjects: [], subjectDepth: null, backgroundDepth: null, nearness: matte,
    },
    extra: { ids: new Int32Array([-1, 7]), bytes: Buffer.from([1, 2, 3]) },
  } as unknown as Scene;
  const back = decodeScene(encodeScene(withOdd, 'k'), 'k') as unknown as Record<string, any>;
  assert.ok(back);
  const { image, ...rest } = withOdd as unknown as Record<string, any>;
  assert.deepStrictEqual({ ...back, image: undefined }, { ...rest, image: undefined, extra: { ids: new Int32Array([-1, 7]), bytes: new Uint8Array([1, 2, 3]) } });
  assert.deepEqual(back.image, { width: image.width, height: image.height }, 'the pixels are not stored');
  assert.ok(Object.hasOwn(back, 'pose') && back.pose === undefined);
  assert.ok(Number.isNaN(back.horizon));
  assert.equal(back.layers.matte, back.layers.nearness, 'one array shared by two fields stays one');
  assert.equal(decodeScene(encodeScene(withOdd, 'k'), 'other'), null);
});

test('the engine code version changes with the engine source; MOVIOLA_CACHE_DIR names the folder, "off" none', async () => {
  const root = await tempDir();
  assert.equal(computeVersion(root), null, 'no source: no version (nothing cached)');
  await mkdir(join(root, 'src', 'engine', 'analyze'), { recursive: true });
  await writeFile(join(root, 'src', 'engine', 'analyze', 'a.ts'), 'export const a = 1;\n');
  const v1 = computeVersion(root);
  await writeFile(join(root, 'src', 'engine', 'analyze', 'a.ts'), 'export const a = 2;\n');
  const v2 = computeVersion(root);
  await writeFile(join(root, 'package-lock.json'), '{}');
  const v3 = computeVersion(root);
  assert.ok(v1 && v2 && v3 && new Set([v1, v2, v3]).size === 3, 'a changed file or lock file is another version');
  assert.match(engineCodeVersion() ?? '', /^[0-9a-f]{64}$/, 'this checkout has one');
  assert.equal(sceneCacheDir({ MOVIOLA_CACHE_DIR: 'off' }, '/data/cache'), null);
  assert.equal(sceneCacheDir({}, '/data/cache'), '/data/cache');
  assert.equal(sceneCacheDir({ MOVIOLA_CACHE_DIR: '/tmp/x' }, '/data/cache'), '/tmp/x');
  assert.equal(sceneCacheDir({}), null);
  assert.equal(configFromEnv({ MOVIOLA_DATA_DIR: '/srv/moviola' }).sceneCacheDir, '/srv/moviola/cache', "the service's default: its data folder's cache/");
  assert.equal(configFromEnv({ MOVIOLA_DATA_DIR: '/srv/moviola', MOVIOLA_CACHE_DIR: 'off' }).sceneCacheDir, null);
  await rm(root, { recursive: true, force: true });
});

test("the service's submit-time analysis (its analysis thread) keeps the scene in the service's cache folder; another service closed meanwhile in the same process cuts it not short", async () => {
  const dir = await tempDir();
  const service = await startTestService({ MOVIOLA_CACHE_DIR: dir });
  const other = await startTestService();
  try {
    const image = (await readFile(fixture('product-motorcycle.png'))).toString('base64');
    const submitted = api(service.url, service.key, 'POST', MODEL_PATH, { prompt: 'slow push-in', image });
    // the other service lets go of the analysis thread while the submit's analysis runs on it (seconds)
    await new Promise((r) => setTimeout(r, 300));
    await other.close();
    const r = await submitted;
    assert.equal(r.status, 200, r.body.message);
    assert.equal((await sceneFiles(dir)).length, 1, 'the analysis was kept');
  } finally {
    await other.close();
    await service.close();
    await stopAnalysisThread();
    await rm(dir, { recursive: true, force: true });
  }
});
