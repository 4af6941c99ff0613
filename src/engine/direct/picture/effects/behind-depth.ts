/**
 * Where an effect sits in depth when the prompt places it "outside the window", "behind the
 * glass", "in the background": the `behind` nearness its renderer hides it behind (picture
 * effects/shared/behind.ts). Between the background's nearness and the subject's, a third of the
 * way from the background, so the far view shows the effect while the room, the window frame and
 * the subject stay clear. Null when the clause does not place it (the effect is then in front).
 *
 * @example behindDepth(scene, 'rain outside the window') // → e.g. 0.31
 */
import type { Scene } from '../../../scene.js';
import { backgroundNearness, subjectNearness } from '../scene-measures.js';

/** The places a clause can put an effect behind the scene's near layers. */
const PLACES = /\b(outside|out of|beyond|behind|through) (the |a |my |our )?(window|windows|windowpane|window pane|glass|pane|panes|windshield|windscreen)\b|\b(in|into) the (background|distance)\b|\boutside\b|\bfar away\b/;

export function placedBehind(clause: string): boolean {
  return PLACES.test(clause);
}

export function behindDepth(scene: Scene, clause: string): number | null {
  if (!placedBehind(clause)) return null;
  const far = backgroundNearness(scene, 0.1), near = Math.max(far + 0.1, subjectNearness(scene));
  const v = far + 0.35 * (near - far);
  return Math.round(Math.min(0.6, Math.max(0.1, v)) * 1000) / 1000;
}
