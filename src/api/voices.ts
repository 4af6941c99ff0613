/**
 * The voice library as the API shows it (GET /api/v3/voices) and the `voice_list` check, both from
 * the sound engine's one list of voices.
 *
 * @example
 *   validateVoices([{ voice_id: 'en-female-1' }]);  // fine
 *   validateVoices([{ voice_id: 'robot-9' }]);      // 400 'voice_list: unknown voice id "robot-9" (see GET /api/v3/voices)'
 */
import { listVoices as engineVoices } from '../engine/sound/index.js';
import { inputError } from '../engine/errors.js';

export function listVoices() {
  return engineVoices();
}

const known = new Set(engineVoices().map((v) => v.id));

export function validateVoices(list: Array<{ voice_id: string }>): void {
  for (const { voice_id: voice } of list) if (!known.has(voice)) throw inputError('VOICE_UNKNOWN', { voice });
}
