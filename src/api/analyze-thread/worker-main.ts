/**
 * The analysis thread's body: analyses image bytes and answers the Scene (structured-cloned), or
 * the engine's InputError as plain data so the API can rethrow it.
 *
 * Messages in: { id, bytes, cacheDir } (cacheDir: the disk cache of scenes, or null). Messages out: { id, scene } | { id, inputError: { code, message, field } } | { id, error }.
 */
import { parentPort } from 'node:worker_threads';
import { analyzeImageCached } from '../../engine/analyze/scene-cache/index.js';
import { isInputError } from '../../engine/errors.js';
import { transferablesOf } from './transferables.js';

const port = parentPort!;

port.on('message', async (msg: { id: number; bytes: Uint8Array; cacheDir: string | null }) => {
  try {
    const scene = await analyzeImageCached(Buffer.from(msg.bytes.buffer, msg.bytes.byteOffset, msg.bytes.byteLength), msg.cacheDir);
    // moved, not copied: the API thread's event loop pays nothing for the pixels
    port.postMessage({ id: msg.id, scene }, transferablesOf(scene));
  } catch (error) {
    if (isInputError(error)) port.postMessage({ id: msg.id, inputError: { code: error.code, message: error.message, field: error.field } });
    else port.postMessage({ id: msg.id, error: (error as Error)?.stack ?? String(error) });
  }
});
