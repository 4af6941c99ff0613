/**
 * The picture half of the director: camera path, scene effects and grade for one shot.
 *
 * Reads the prompt with quoted speech blanked out (spoken words never trigger vocabulary), the
 * negative prompt, cfg_scale and the Scene; writes plain-sentence notes for what it left out.
 * Deterministic: randomness only from the request's seed (deriveSeed labels 'camera', 'camera-side',
 * 'wind', 'effect:<type>').
 *
 * @example
 *   const notes: string[] = [];
 *   const shot = directPicture({ prompt: 'slow push-in, light rain', cfgScale: 0.5, duration: 5, seed: 1, … }, scene, notes);
 *   shot.camera.moves;          // ['push_in']
 *   shot.effects[0]!.type;      // 'rain'
 */
import type { Shot } from '../../plan.js';
import type { Scene } from '../../scene.js';
import { createRandom, deriveSeed } from '../../util/random.js';
import type { DirectInput } from '../input.js';
import { findMentions, withoutQuotes } from '../lexicon.js';
import { buildCamera, type PlannedMove } from './camera/build-camera.js';
import { chooseMoves } from './camera/choose-moves.js';
import { limitReveal } from './camera/limit-reveal.js';
import { noteSingleSheet } from './camera/note-single-sheet.js';
import { controlMoves } from './camera/camera-control.js';
import { defaultCamera } from './default-camera.js';
import { buildEffects } from './effects/build-effects.js';
import type { AskedAt } from '../order-steps.js';
import { chooseEffects } from './effects/choose-effects.js';
import { impliedEffects } from './effects/implied-effects.js';
import { excludeMention } from './exclude-mention.js';
import { emptyExclusions } from './exclusions.js';
import { buildGrade } from './grade.js';
import { readNegativePrompt } from './negative-prompt.js';
import { noteUnsupportedActions } from './note-unsupported-actions.js';
import { withParallaxLayer } from '../../analyze/layers/parallax-layer.js';
import { backgroundNearness, depthPercentile, subjectNearness } from './scene-measures.js';
import { PICTURE_VOCABULARY, splitId } from './vocabulary.js';

export function directPicture(input: DirectInput, scene: Scene, notes: string[], askedAt?: AskedAt): Shot {
  const text = withoutQuotes(input.prompt);
  const cfg = Math.min(1, Math.max(0, input.cfgScale));
  const mentions = findMentions(text, PICTURE_VOCABULARY);

  // what to leave out: negative_prompt, then the prompt's own "no rain", "no camera movement"
  const exclusions = emptyExclusions();
  readNegativePrompt(input.negativePrompt, exclusions, notes);
  for (const m of mentions) if (m.negated) excludeMention(m.id, exclusions, 'the prompt');

  // camera
  const sideRng = createRandom(deriveSeed(input.seed, 'camera-side'));
  const asked = chooseMoves(text, mentions.filter((m) => ['move', 'generic'].includes(splitId(m.id).kind)), exclusions, sideRng, notes);
  let planned: PlannedMove[] = asked.map((r) => ({ move: r.move, speed: r.speed, factor: r.factor, index: r.index, asked: true }));
  if (exclusions.forceStatic && !planned.some((p) => p.move === 'static')) {
    planned = [{ move: 'static', speed: 'normal', factor: 0, index: -1, asked: true }, ...planned.filter((p) => p.move === 'rack_focus')];
  }
  // camera_control replaces the prompt's camera words
  if (input.cameraControl) {
    if (planned.length > 0) notes.push(`camera: camera_control replaces the prompt's camera words (${asked.map((r) => `'${r.phrase}'`).join(', ')})`);
    planned = controlMoves(input.cameraControl);
  }
  // no move asked: the picture chooses (a rack focus or handheld alone keeps its own, steady path)
  if (planned.length === 0) {
    const d = defaultCamera(scene, cfg, sideRng, exclusions);
    planned.push({ move: d.move, speed: d.speed, factor: d.factor, index: -1, asked: false });
  }
  const subjectNear = subjectNearness(scene);
  const built = buildCamera(planned, {
    duration: input.duration, cfgScale: cfg, scene, subjectNear, backgroundNear: backgroundNearness(scene), foregroundNear: depthPercentile(scene, 0.9), text,
    noShake: exclusions.noShake, noBlur: exclusions.noBlur, rng: createRandom(deriveSeed(input.seed, 'camera')),
  });
  // a move that would reveal beyond the picture more than synthesis can invent is limited (a note)
  // (by the layers it renders with: an in-focus matte is one only for a move made for parallax)
  const layered = withParallaxLayer(scene, built.moves);
  const camera = limitReveal(built, layered, { width: input.width, height: input.height }, notes);
  noteSingleSheet(camera, layered, notes);

  // effects
  const effects = buildEffects(chooseEffects(text, mentions), impliedEffects(scene, cfg), {
    scene, duration: input.duration, cfgScale: cfg, seed: input.seed, text, exclusions, askedAt,
  }, notes);

  noteUnsupportedActions(text, mentions, notes);

  return {
    start: 0,
    end: input.duration,
    camera,
    effects,
    grade: buildGrade(text, scene, cfg, exclusions, input.duration),
    characters: [],
  };
}
