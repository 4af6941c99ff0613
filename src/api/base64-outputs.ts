/**
 * `enable_base64_output`: a completed prediction's outputs as base64 of the files' bytes instead of
 * URLs (in sync responses and results, as WaveSpeed does).
 *
 * @example
 *   const wire = await withBase64Outputs(presentPrediction(p, storage, base), p, storage);
 *   Buffer.from(wire.outputs[0], 'base64') // → the MP4
 */
import type { BlobStorage } from '../storage/types.js';
import type { Prediction } from '../tasks/types.js';
import type { WirePrediction } from './present-prediction.js';

export async function withBase64Outputs(wire: WirePrediction, prediction: Prediction, storage: BlobStorage): Promise<WirePrediction> {
  if (prediction.input.enable_base64_output !== true || prediction.status !== 'completed') return wire;
  const outputs = await Promise.all(prediction.outputKeys.map(async (key) => (await storage.get(key)).toString('base64')));
  return { ...wire, outputs };
}
