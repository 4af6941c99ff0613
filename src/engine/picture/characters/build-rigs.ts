/**
 * The rigs of a render, built once on the main thread: one per face character (features from its
 * landmarks) and one per living subject of the plan (features from its region: subject-features.ts),
 * then every per-frame track — seeded idle life (breathing, a slow wander of the head, an
 * animal's ear flicks where its ears were found: idle-ears.ts; scaled by the plan's `idle`),
 * blinks for faces, the requested actions in their time windows (the action table's rows:
 * src/engine/direct/characters/actions.ts), and mouth openness from the rendered voice of each
 * line a face speaks (or a seeded syllable envelope when there is none). Frame 0 is at rest in
 * every track, so it stays the untouched input.
 *
 * @example
 *   const rigs = buildRigs(plan, scene, { width: 320, height: 320, marginX: 0, marginY: 0, canvasWidth: 320, canvasHeight: 320 }, soundtrack.voices);
 */
import { frameCount, type ShotPlan } from '../../plan.js';
import type { Scene } from '../../scene.js';
import { createRandom, deriveSeed } from '../../util/random.js';
import { blinkAt, blinkTimes } from './blinks.js';
import { earFlickAt, earFlickTimes } from './idle-ears.js';
import { faceFeatures } from './features.js';
import { smoothstep } from './shape.js';
import { addPseudoEnvelope, addVoiceEnvelope } from './speech-envelope.js';
import { armFeatures, type ArmFeatures } from './arm.js';
import { ARM_ACTIONS } from './acting-parts.js';
import { fitMap } from '../setup/fit.js';
import { subjectFeatures } from './subject-features.js';
import { bodyWeight } from './body-weight.js';
import { animalParts } from '../../analyze/animals/index.js';
import type { CharacterRig, CharacterTracks, FaceFeatures } from './types.js';

/** A dialogue line's rendered (dry) voice: mono samples placed at `start` (samples) in the clip. */
export interface LineVoice {
  line: number;
  start: number;
  samples: Float32Array;
}

export interface RigCanvas {
  width: number; height: number; marginX: number; marginY: number; canvasWidth: number; canvasHeight: number;
}

const SAMPLE_RATE = 48000;
/**
 * A wave: the forearm turned up about the elbow (radians) and swung side to side about there, so
 * many times a second — big enough to read as a wave at a glance, within what the arm's capsule
 * warp (arm.ts) turns without tearing at the elbow.
 */
const WAVE_RAISE = 0.3, WAVE_SWING = 0.45, WAVE_RATE = 2;

function tracks(n: number): CharacterTracks {
  const z = () => new Float32Array(n);
  return { lidL: z(), lidR: z(), mouth: z(), smile: z(), brows: z(), headX: z(), headY: z(), headRot: z(), turn: z(), lean: z(), breath: z(), forearm: z(), upperArm: z(), shrug: z(), ears: z(), tail: z() };
}

/** 0 → 1 → 0 over an action's window, with ramps of `ramp` seconds. */
function window(t: number, start: number, end: number, ramp: number): number {
  const r = Math.min(ramp, (end - start) / 2);
  return smoothstep(start, start + r, t) * (1 - smoothstep(end - r, end, t));
}

/** One performer: the plan's character (a face) or subject, and its features. */
interface Performer {
  kind: 'face' | 'subject';
  index: number;
  features: FaceFeatures;
  idle: number | undefined;
  blink: boolean;
  actions: ReadonlyArray<{ type: string; start: number; end: number }>;
}

export function buildRigs(plan: ShotPlan, scene: Scene, canvas: RigCanvas, voices: readonly LineVoice[] = []): CharacterRig[] {
  const n = frameCount(plan), fps = plan.fps;
  const rigs: CharacterRig[] = [];
  const performers: Performer[] = [];
  for (const c of plan.shots.flatMap((s) => s.characters)) {
    const face = scene.faces[c.face];
    const features = face && faceFeatures(face, scene.image.width, scene.image.height, canvas.width, canvas.height, canvas.marginX, canvas.marginY, canvas.canvasWidth, canvas.canvasHeight);
    if (features) performers.push({ kind: 'face', index: c.face, features, idle: c.idle, blink: c.blink, actions: c.actions });
  }
  plan.shots.flatMap((s) => s.subjects ?? []).forEach((sub, k) => {
    const features = subjectFeatures(sub.box, scene.image.width, scene.image.height, canvas.width, canvas.height, canvas.marginX, canvas.marginY, canvas.canvasWidth, canvas.canvasHeight, sub.eyes, sub.ears, sub.tail, sub.head);
    // what moves: an animal's own body where its region took in the surroundings (the fur
    // connected to its eyes: analyze/animals/body.ts), else the subject matte where analysis found
    // one — the body moves, not the background around it
    const fur = sub.kind === 'animal' && sub.eyes?.length ? animalParts(scene, sub.name).body : null;
    const matte = fur ? { data: fur.mask, size: fur } : scene.layers?.matte ? { data: scene.layers.matte, size: scene.maps } : null;
    if (features?.body && matte) features.bodyWeight = bodyWeight(matte.data, matte.size, scene.image, canvas, features.body) ?? undefined;
    if (features) performers.push({ kind: 'subject', index: k, features, idle: sub.idle, blink: false, actions: sub.actions });
  });
  const armMap = (x: number, y: number): [number, number] => {
    const [u, v] = fitMap(scene.image.width, scene.image.height, canvas.width, canvas.height)(x, y);
    return [canvas.marginX + u * canvas.width - 0.5, canvas.marginY + v * canvas.height - 0.5];
  };
  for (const p of performers) {
    const { features } = p;
    // the arm rig joins the performer that gestures (one person's pose: the first such performer)
    if (p.actions.some((a) => ARM_ACTIONS.has(a.type)) && !performers.some((q) => q.features.arm)) {
      const arm = armFeatures(scene.pose, armMap);
      if (arm) features.arm = arm;
    }
    const label = p.kind === 'face' ? `${p.index}` : `subject:${p.index}`;
    const tr = tracks(n);
    const rng = createRandom(deriveSeed(plan.seed, `head:${label}`));
    // idle head: breathing and a slow wander of tilt and position, eased in from rest
    const breath = rng.range(3.4, 4.8), bp = rng.range(0, 2 * Math.PI);
    const f1 = rng.range(0.08, 0.16), f2 = rng.range(0.17, 0.3), p1 = rng.range(0, 2 * Math.PI), p2 = rng.range(0, 2 * Math.PI), p3 = rng.range(0, 2 * Math.PI);
    const tilt = (rng.range(0.5, 0.9) * Math.PI) / 180;
    // idle life follows the plan (cfg_scale); 0.7 is the director's middle
    const life = (p.idle ?? 0.7) / 0.7;
    const side = rng.next() < 0.5 ? -1 : 1;
    // a subject's body breathes a little faster and visibly; a face's breathing is in its head motion
    const bodyBreath = p.kind === 'subject' ? rng.range(2.2, 3.4) : 0;
    for (let i = 0; i < n; i++) {
      const t = i / fps, ease = life * smoothstep(0, 1, t);
      tr.headY[i] = ease * features.fh * (0.004 * Math.sin((2 * Math.PI * t) / breath + bp) + 0.003 * Math.sin(2 * Math.PI * f2 * t + p3));
      tr.headX[i] = ease * features.fw * 0.004 * Math.sin(2 * Math.PI * f1 * t + p2);
      tr.headRot[i] = ease * tilt * (0.65 * Math.sin(2 * Math.PI * f1 * t + p1) + 0.35 * Math.sin(2 * Math.PI * f2 * t + p2));
      if (bodyBreath) tr.breath[i] = ease * 0.008 * (0.5 - 0.5 * Math.cos((2 * Math.PI * t) / bodyBreath));
    }
    // an animal whose ears were found flicks them now and then (not while an ear action plays)
    if (p.kind === 'subject' && features.ears?.length && life > 0) {
      const flicks = earFlickTimes(createRandom(deriveSeed(plan.seed, `ears:${label}`)), plan.duration);
      const ears = p.actions.filter((a) => a.type === 'ears');
      for (let i = 0; i < n; i++) {
        const t = i / fps;
        if (!ears.some((a) => t > a.start - 0.4 && t < a.end + 0.4)) tr.ears[i] = life * earFlickAt(flicks, t);
      }
    }
    if (p.blink) {
      const times = blinkTimes(createRandom(deriveSeed(plan.seed, `blink:${p.index}`)), plan.duration);
      for (let i = 0; i < n; i++) { const b = blinkAt(times, i / fps); tr.lidL[i] = b; tr.lidR[i] = b; }
    }
    const actionRng = createRandom(deriveSeed(plan.seed, `actions:${label}`));
    for (const a of p.actions) {
      if (a.type === 'talk') { addPseudoEnvelope(tr.mouth, a.start, a.end, fps, actionRng, 0.8); continue; }
      if (a.type === 'laugh') addPseudoEnvelope(tr.mouth, a.start + 0.15, a.end - 0.2, fps, actionRng, 0.75);
      for (let i = 0; i < n; i++) {
        const t = i / fps;
        const w = window(t, a.start, a.end, a.type === 'wink' || a.type === 'blink' ? 0.12 : 0.35);
        if (!w) continue;
        const u = (t - a.start) / Math.max(1e-3, a.end - a.start);
        switch (a.type) {
          case 'smile': tr.smile[i] = Math.max(tr.smile[i]!, w); break;
          case 'laugh':
            tr.smile[i] = Math.max(tr.smile[i]!, w);
            tr.lidL[i] = Math.max(tr.lidL[i]!, 0.3 * w); tr.lidR[i] = Math.max(tr.lidR[i]!, 0.3 * w);
            tr.headY[i]! += w * 0.012 * features.fh * Math.abs(Math.sin(2 * Math.PI * 2.5 * (t - a.start)));
            break;
          case 'raise_eyebrows': tr.brows[i] = Math.max(tr.brows[i]!, w); break;
          case 'wink': tr.lidL[i] = Math.max(tr.lidL[i]!, w); break;
          case 'nod': tr.headY[i]! += w * 0.035 * features.fh * (0.5 - 0.5 * Math.cos(2 * Math.PI * 2 * u)); break;
          case 'turn_left': tr.turn[i]! -= 0.06 * w; break;
          case 'turn_right': tr.turn[i]! += 0.06 * w; break;
          case 'look_up': tr.headY[i]! -= 0.025 * features.fh * w; tr.brows[i] = Math.max(tr.brows[i]!, 0.35 * w); break;
          case 'look_down': tr.headY[i]! += 0.025 * features.fh * w; tr.lidL[i] = Math.max(tr.lidL[i]!, 0.35 * w); tr.lidR[i] = Math.max(tr.lidR[i]!, 0.35 * w); break;
          case 'shake_head': tr.turn[i]! += 0.05 * w * Math.sin(2 * Math.PI * 2.5 * u); break;
          case 'turn_head': tr.turn[i]! += side * 0.06 * w; break;
          case 'look_around': tr.turn[i]! += 0.06 * w * Math.sin(2 * Math.PI * u); tr.headY[i]! -= 0.008 * features.fh * w; break;
          case 'tilt_head': tr.headRot[i]! += side * ((7 * Math.PI) / 180) * w; break;
          case 'frown': tr.brows[i] = Math.min(tr.brows[i]!, -0.8 * w); tr.smile[i] = Math.min(tr.smile[i]!, -0.6 * w); break;
          case 'cry': {
            // a sob about every 0.7 s: a sharp catch of breath lifts the head and parts the lips
            const sob = Math.max(0, Math.sin(2 * Math.PI * 1.4 * (t - a.start))) ** 2;
            tr.smile[i] = Math.min(tr.smile[i]!, -0.85 * w); tr.brows[i] = Math.min(tr.brows[i]!, -0.5 * w);
            tr.lidL[i] = Math.max(tr.lidL[i]!, 0.45 * w); tr.lidR[i] = Math.max(tr.lidR[i]!, 0.45 * w);
            tr.mouth[i] = Math.max(tr.mouth[i]!, w * (0.12 + 0.25 * sob));
            tr.headY[i]! -= w * 0.03 * features.fh * sob;
            break;
          }
          case 'blink': tr.lidL[i] = Math.max(tr.lidL[i]!, w); tr.lidR[i] = Math.max(tr.lidR[i]!, w); break;
          case 'yawn': tr.mouth[i] = Math.max(tr.mouth[i]!, w); tr.lidL[i] = Math.max(tr.lidL[i]!, 0.5 * w); tr.lidR[i] = Math.max(tr.lidR[i]!, 0.5 * w); tr.headY[i]! -= 0.01 * features.fh * w; break;
          case 'breathe':
            tr.headY[i]! += w * 0.012 * features.fh * Math.sin((2 * Math.PI * (t - a.start)) / 3.2);
            if (p.kind === 'subject') tr.breath[i]! += w * 0.02 * (0.5 - 0.5 * Math.cos((2 * Math.PI * (t - a.start)) / 2.4));
            break;
          // an animal's call: the jaw opens wide as the voice starts and eases as it fades, the head
          // lifting a little with it
          case 'call': tr.mouth[i] = Math.max(tr.mouth[i]!, w * (0.85 - 0.25 * u)); tr.headY[i]! -= 0.012 * features.fh * w; break;
          case 'chew': tr.mouth[i] = Math.max(tr.mouth[i]!, w * 0.55 * (0.5 - 0.5 * Math.cos(2 * Math.PI * 2.6 * (t - a.start)))); break;
          case 'sniff': tr.headY[i]! -= w * 0.01 * features.fh * (0.5 - 0.5 * Math.cos(2 * Math.PI * 5 * (t - a.start))); tr.lean[i] = Math.max(tr.lean[i]!, 0.025 * w); break;
          case 'sway': tr.headX[i]! += w * 0.03 * features.fw * Math.sin(2 * Math.PI * 0.35 * (t - a.start)); tr.headRot[i]! += w * 0.035 * Math.sin(2 * Math.PI * 0.35 * (t - a.start)); break;
          case 'lean_in': tr.lean[i] = Math.max(tr.lean[i]!, 0.08 * w); break;
          case 'wave': if (features.arm) { tr.forearm[i]! += w * (features.arm.raise * WAVE_RAISE + WAVE_SWING * Math.sin(2 * Math.PI * WAVE_RATE * (t - a.start))); } break;
          case 'raise_hand': if (features.arm) { tr.forearm[i]! += w * features.arm.raise * 0.45; } break;
          case 'point': if (features.arm) { tr.forearm[i]! += w * 0.5 * straighten(features.arm); tr.upperArm[i]! += w * features.arm.raiseUpper * 0.15; } break;
          // twitches: quick turns back and forth, about three a second
          case 'ears': tr.ears[i]! += w * 0.2 * Math.sin(2 * Math.PI * 3 * (t - a.start)); break;
          // a wag or a swish: the tail swings to and fro, about twice a second
          case 'tail': tr.tail[i]! += w * 0.25 * Math.sin(2 * Math.PI * 2 * (t - a.start)); break;
          case 'shrug': if (features.arm) tr.shrug[i] = Math.max(tr.shrug[i]!, w * 0.15 * Math.hypot(features.arm.shoulder[0] - features.arm.otherShoulder[0], features.arm.shoulder[1] - features.arm.otherShoulder[1])); break;
        }
      }
    }
    // the lines this face speaks
    const character = p.kind === 'face' ? plan.shots.flatMap((s) => s.characters).find((c) => c.face === p.index) : undefined;
    const spoken = new Set(character?.speaks ?? []);
    if (p.kind === 'face') plan.audio.dialogue.forEach((line, k) => { if (line.face === p.index) spoken.add(k); });
    for (const k of spoken) {
      const line = plan.audio.dialogue[k];
      if (!line) continue;
      const voice = voices.find((v) => v.line === k);
      const mouthRng = createRandom(deriveSeed(plan.seed, `mouth:${k}`));
      if (voice) addVoiceEnvelope(tr.mouth, voice.samples, voice.start, SAMPLE_RATE, fps, mouthRng);
      else addPseudoEnvelope(tr.mouth, line.start, line.start + 0.8 * (line.end - line.start), fps, mouthRng);
    }
    for (const track of Object.values(tr) as Float32Array[]) track[0] = 0;
    for (const track of [tr.mouth, tr.lidL, tr.lidR]) for (let i = 0; i < n; i++) track[i] = Math.min(1, Math.max(0, track[i]!));
    // a frown lowers the brows and the mouth corners: these two go both ways
    for (const track of [tr.smile, tr.brows]) for (let i = 0; i < n; i++) track[i] = Math.min(1, Math.max(-1, track[i]!));
    rigs.push({ kind: p.kind, face: p.index, features, tracks: tr });
  }
  return rigs;
}


/** The forearm turn that lines it up with the upper arm (pointing straight), at most ~35°. */
function straighten(arm: ArmFeatures): number {
  const up = Math.atan2(arm.elbow[1] - arm.shoulder[1], arm.elbow[0] - arm.shoulder[0]);
  const fore = Math.atan2(arm.wrist[1] - arm.elbow[1], arm.wrist[0] - arm.elbow[0]);
  let d = up - fore;
  while (d > Math.PI) d -= 2 * Math.PI;
  while (d < -Math.PI) d += 2 * Math.PI;
  return Math.max(-0.6, Math.min(0.6, d));
}
