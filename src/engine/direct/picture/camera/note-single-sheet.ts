/**
 * A move made for parallax (truck, orbit, crane, dolly zoom) renders the subject and what lies
 * behind it as two layers only when analysis separated a subject (a matte) that leaves enough
 * background to synthesise behind it (picture/setup/layers.ts); otherwise the picture moves as one
 * sheet, which is gentler and never torn. When that is known from the Scene, the plan says so.
 * (A push-in or pull-out is what was asked either way: no note.)
 *
 * @example noteSingleSheet(camera, scene, notes) // notes: ['camera: truck right moves the picture as one sheet: …']
 */
import type { Camera } from '../../../plan.js';
import type { Scene } from '../../../scene.js';
import { coversTooMuch, holeShare } from '../../../picture/setup/subject-coverage.js';
import { PARALLAX_MOVES } from '../../../analyze/layers/parallax-layer.js';

export function noteSingleSheet(camera: Camera, scene: Scene, notes: string[]): void {
  const parallax = camera.moves.some((m) => PARALLAX_MOVES.has(m)) && camera.keys.some((k) => k.truck || k.pedestal || k.dolly);
  if (!parallax || !scene.layers) return;
  const moves = camera.moves.map((m) => m.replace(/_/g, ' ')).join(' + ');
  const matte = scene.layers.matte;
  if (!matte) {
    // why, as analysis found it: a salient subject kept for its actions only, or the reason none was
    const why = scene.layers.salient
      ? 'the subject was found by its colours and nearness alone, whose edge may miss part of it (it moves on its own only where it acts)'
      : `no subject could be separated from the background${scene.layers.matteNote ? ` (${scene.layers.matteNote})` : ''}`;
    notes.push(`camera: ${moves} moves the picture as one sheet: ${why}, so nothing behind it is revealed`);
    return;
  }
  // the renderer's rule (picture/setup/subject-coverage.ts), read on the analysis raster
  const share = holeShare(matte, scene.maps.width, scene.maps.height);
  if (coversTooMuch(share, 1)) {
    notes.push(`camera: ${moves} moves the picture as one sheet: the subject fills ${Math.round(100 * share)} % of the frame, too much to invent what lies behind it`);
  }
}
