/**
 * Character animation for the picture stage: rigs built once per render (`buildRigs`: faces and
 * living subjects), then per frame their warps in the displacement grid (`displaceCharacters`) and
 * the open-mouth fill on the warped frame (`fillMouthsI420` / `fillMouthsRgba`). Empty
 * `shot.characters` and `shot.subjects` turn it off.
 */
export { buildRigs, type LineVoice } from './build-rigs.js';
export { charactersMove, charactersMoveFinely, displaceCharacters, finePartsBox } from './displace.js';
export { fillMouthsI420, fillMouthsRgba } from './fill-frame.js';
export { mouthRows, mouthsOpen } from './mouth-fill.js';
export { boxRows, faceRows } from './face-rows.js';
export { actingBox, actingParts, completeMatte, type ActingParts } from './acting-parts.js';
export type { CharacterRig } from './types.js';
