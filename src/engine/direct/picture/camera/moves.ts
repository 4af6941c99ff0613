/**
 * The camera vocabulary: one row per move (DESIGN.md §1: adding a move is one table row).
 *
 * Moves are named from the camera's point of view, as on a film set: in a pan left the camera
 * turns left, so the picture's content slides right; in a tilt up the content slides down. Units
 * are those of CameraKeySchema in plan.ts (offsets are fractions of the frame).
 *
 * Each row has:
 * - `phrases`: what people write for it (lexicon.ts matches inflections: "pushes in", "panning left");
 * - `axes`: the directions it drives, for spotting contradictions — two moves that drive the
 *   same axis with opposite signs contradict (pan left + pan right; push in + pull out); `motion`
 *   is "the camera moves at all" (static drives it negatively), `shake` is handheld shake;
 * - `build`: its path at magnitude 1 (a normal move over 5 s), scaled by the context's magnitude.
 *
 * @example
 *   CAMERA_MOVE_TABLE.find((m) => m.move === 'pan_left')!.build(ctx).track.keys.at(-1)!.pose.pan; // −0.1
 */
import type { CameraMove } from '../../../plan.js';
import type { MoveContext } from './move-context.js';
import type { Track } from './track.js';

export type Axis = 'motion' | 'shake' | 'pan' | 'tilt' | 'truck' | 'pedestal' | 'dolly' | 'zoom' | 'focus' | 'roll';

export interface MovePart {
  track: Track;
  /** handheld shake (fraction of frame width, Hz) */
  shake?: { amplitude: number; frequency: number };
  /** shutter blur 0…1 */
  motionBlur?: number;
}

export interface CameraMoveEntry {
  move: CameraMove;
  phrases: readonly string[];
  axes: Partial<Record<Axis, 1 | -1>>;
  build(ctx: MoveContext): MovePart;
}

/** A move from the identity pose at u = 0 to `end` at u = 1, eased in and out. */
const glide = (end: Track['keys'][number]['pose']): Track => ({
  keys: [{ u: 0, pose: {}, ease: 'ease_in_out' }, { u: 1, pose: end, ease: 'ease_in_out' }],
});

/** `verb direction` phrases in the usual spellings: "pan left", "pan to the left", "pan leftward". */
function directional(verbs: readonly string[], dir: 'left' | 'right' | 'up' | 'down'): string[] {
  const forms = [dir, `to the ${dir}`, `${dir}ward`, `${dir}wards`];
  return verbs.flatMap((v) => forms.map((f) => `${v} ${f}`));
}

/**
 * The nearness an orbit turns about: the subject's. On a flat picture (subject and background at
 * one depth) that would leave nothing moving, so the pivot goes a little behind the subject and
 * the whole picture drifts the way the camera travels, as an arc about a distant point does.
 */
function orbitPivot(ctx: MoveContext): number {
  const flat = Math.abs(ctx.subjectNear - ctx.backgroundNear) < 0.15;
  return Math.max(0.05, flat ? ctx.subjectNear - 0.2 : ctx.subjectNear);
}

/** A roll of `degrees` with the zoom that keeps a turned 2.5:1 frame inside the picture. */
function rolled(degrees: number) {
  const r = (Math.abs(degrees) * Math.PI) / 180;
  return { roll: degrees, zoom: Math.cos(r) + 2.5 * Math.sin(r) };
}

/** Total on-subject scale of a push-in of magnitude m: ~1.2 at m = 1. */
const pushScale = (m: number) => 1 + 0.2 * m;

/**
 * Splits a push-in's scale between the dolly (parallax: near things grow faster) and the lens,
 * and aims it at the subject: pan/tilt keep the subject's centre where it is while the frame grows.
 * The subject ends at `scale`; the dolly alone brings the foreground to scale^0.4, so the
 * foreground grows a little more than the subject (depth) without ballooning.
 */
function pushTo(ctx: MoveContext, scale: number) {
  const fore = Math.max(0.3, ctx.foregroundNear, ctx.subjectNear);
  // content at nearness n scales by 1/(1 − dolly·n)
  const dolly = Math.max(-0.3, Math.min(0.3, (1 - Math.pow(scale, -0.4)) / fore));
  const zoom = scale * (1 - dolly * ctx.subjectNear);
  const cx = ctx.subject.x + ctx.subject.w / 2, cy = ctx.subject.y + ctx.subject.h / 2;
  // the renderer shifts by pan/tilt before scaling: a point at offset c lands at scale·(c − pan),
  // which stays at c when pan = c·(1 − 1/scale)
  const keep = 1 - 1 / scale;
  return { dolly, zoom, pan: (cx - 0.5) * keep, tilt: -(cy - 0.5) * keep };
}

const PAN = 0.1;       // fraction of frame width over a normal 5 s pan
const TILT = 0.08;     // fraction of frame height
const TRUCK = 0.07;    // content at nearness 1 slides this far (2.5D from one picture: modest parallax tears less)
const ORBIT = 0.07;
const PEDESTAL = 0.1;
const ROLL = 4;         // degrees over a normal 5 s roll
const WHIP = 0.22;

export const CAMERA_MOVE_TABLE: readonly CameraMoveEntry[] = [
  {
    move: 'static',
    phrases: ['static', 'static shot', 'static camera', 'locked off', 'locked off shot', 'still camera', 'tripod', 'tripod shot', 'fixed camera', 'camera stays still', 'camera remains still', 'stationary camera', 'no camera movement', 'no camera motion',
      'camera does not move', "camera doesn't move", 'camera not moving', 'still shot', 'fixed shot', 'locked camera', 'camera holds still', 'motionless camera'],
    axes: { motion: -1, shake: -1 },
    build: () => ({ track: { keys: [] } }),
  },
  {
    move: 'push_in',
    phrases: ['push in', 'push forward', 'dolly in', 'dollies in', 'dolly forward', 'dollies forward', 'zoom in', 'slow zoom', 'move closer', 'camera move closer', 'move in', 'camera move forward', 'moves toward', 'move towards', 'close in', 'creep in', 'crash zoom', 'snap zoom'],
    axes: { motion: 1, dolly: 1, zoom: 1 },
    build: (ctx) => {
      const p = pushTo(ctx, pushScale(ctx.magnitude));
      return { track: glide({ dolly: p.dolly, zoom: p.zoom, pan: p.pan, tilt: p.tilt }) };
    },
  },
  {
    move: 'pull_out',
    // "widen" only with the shot it widens: "her eyes widen" is not a pull-out
    phrases: ['pull out', 'pull back', 'dolly out', 'dollies out', 'dolly back', 'dollies back', 'zoom out', 'slow zoom out', 'gentle zoom out', 'quick zoom out', 'reveal', 'reveal shot', 'move away', 'camera move back', 'back away', 'widen the shot', 'widen the frame', 'widen out', 'shot widen', 'frame widen', 'view widen'],
    axes: { motion: 1, dolly: -1, zoom: -1 },
    build: (ctx) => {
      const p = pushTo(ctx, 1 / (1 + 0.18 * ctx.magnitude));
      return { track: glide({ dolly: p.dolly, zoom: p.zoom, pan: p.pan, tilt: p.tilt }) };
    },
  },
  {
    move: 'pan_left',
    phrases: directional(['pan', 'camera pan', 'camera turn', 'camera swing'], 'left'),
    axes: { motion: 1, pan: -1 },
    build: (ctx) => ({ track: glide({ pan: -PAN * ctx.magnitude }) }),
  },
  {
    move: 'pan_right',
    phrases: directional(['pan', 'camera pan', 'camera turn', 'camera swing'], 'right'),
    axes: { motion: 1, pan: 1 },
    build: (ctx) => ({ track: glide({ pan: PAN * ctx.magnitude }) }),
  },
  {
    move: 'tilt_up',
    phrases: [...directional(['tilt', 'camera tilt'], 'up'), 'camera look up'],
    axes: { motion: 1, tilt: 1 },
    build: (ctx) => ({ track: glide({ tilt: TILT * ctx.magnitude }) }),
  },
  {
    move: 'tilt_down',
    phrases: [...directional(['tilt', 'camera tilt'], 'down'), 'camera look down'],
    axes: { motion: 1, tilt: -1 },
    build: (ctx) => ({ track: glide({ tilt: -TILT * ctx.magnitude }) }),
  },
  {
    move: 'truck_left',
    phrases: directional(['truck', 'track', 'tracking', 'tracking shot', 'slide', 'camera slide', 'camera move', 'dolly', 'crab', 'lateral move', 'camera drift', 'drift'], 'left'),
    axes: { motion: 1, truck: -1 },
    build: (ctx) => ({ track: glide({ truck: -TRUCK * ctx.magnitude }) }),
  },
  {
    move: 'truck_right',
    phrases: directional(['truck', 'track', 'tracking', 'tracking shot', 'slide', 'camera slide', 'camera move', 'dolly', 'crab', 'lateral move', 'camera drift', 'drift'], 'right'),
    axes: { motion: 1, truck: 1 },
    build: (ctx) => ({ track: glide({ truck: TRUCK * ctx.magnitude }) }),
  },
  {
    // the camera travels left around the subject, turning right to keep it: content at the
    // subject's nearness stays put, nearer things slide right, farther things slide left
    move: 'orbit_left',
    phrases: [...directional(['orbit', 'arc', 'orbit around', 'circle', 'circle around', 'camera orbit', 'camera arc'], 'left'), 'orbit counterclockwise', 'orbit anticlockwise'],
    axes: { motion: 1, truck: -1 },
    build: (ctx) => {
      const truck = -ORBIT * ctx.magnitude;
      return { track: glide({ truck, pan: -truck * orbitPivot(ctx) }) };
    },
  },
  {
    move: 'orbit_right',
    phrases: [...directional(['orbit', 'arc', 'orbit around', 'circle', 'circle around', 'camera orbit', 'camera arc'], 'right'), 'orbit clockwise'],
    axes: { motion: 1, truck: 1 },
    build: (ctx) => {
      const truck = ORBIT * ctx.magnitude;
      return { track: glide({ truck, pan: -truck * orbitPivot(ctx) }) };
    },
  },
  {
    // the camera rises (content slides down, the near more than the far)
    move: 'crane_up',
    phrases: [...directional(['crane', 'pedestal', 'boom', 'jib', 'camera move', 'camera rise'], 'up'), 'camera rise', 'rise up', 'rising shot', 'crane shot', 'camera ascend'],
    axes: { motion: 1, pedestal: 1 },
    build: (ctx) => {
      const pedestal = PEDESTAL * ctx.magnitude;
      return { track: glide({ pedestal }) };
    },
  },
  {
    move: 'crane_down',
    phrases: [...directional(['crane', 'pedestal', 'boom', 'jib', 'camera move', 'camera descend'], 'down'), 'camera descend', 'descend down', 'descending shot', 'camera lower'],
    axes: { motion: 1, pedestal: -1 },
    build: (ctx) => {
      const pedestal = -PEDESTAL * ctx.magnitude;
      return { track: glide({ pedestal }) };
    },
  },
  {
    // the renderer makes the noise from the seed; the plan gives its size and pace — the hand's, as
    // large in a short clip as in a long one (scaled with the clip like a push-in, a 1.5 s clip's
    // shake was 1.2 px at 640 px: a smooth desk photo barely changed, stuff.jpg)
    move: 'handheld',
    phrases: ['handheld', 'hand held', 'handheld camera', 'shaky cam', 'shaky camera', 'shakycam', 'camera shake', 'shaking camera', 'documentary', 'documentary style', 'found footage', 'run and gun', 'verite', 'handheld walk', 'walking camera'],
    axes: { motion: 1, shake: 1 },
    build: (ctx) => ({
      track: { keys: [] },
      shake: { amplitude: 0.004 * Math.min(2.5, ctx.strength), frequency: 0.9 + 0.4 * Math.min(2, ctx.strength) },
    }),
  },
  {
    // flying forward over the scene, tipping slightly down
    move: 'drone',
    phrases: ['drone', 'drone shot', 'aerial', 'aerial shot', 'aerial view', 'fly over', 'flyover', 'fly through', "bird's eye", 'birds eye', 'birdseye', 'bird eye view', 'fpv'],
    axes: { motion: 1, dolly: 1 },
    build: (ctx) => ({ track: glide({ dolly: Math.min(0.35, 0.14 * ctx.magnitude), pedestal: 0.02 * ctx.magnitude, tilt: -0.03 * ctx.magnitude }) }),
  },
  {
    // dolly in while the lens zooms out so the subject keeps its size: the background stretches away
    move: 'dolly_zoom',
    phrases: ['dolly zoom', 'vertigo', 'vertigo effect', 'vertigo shot', 'zolly', 'contra zoom', 'trombone shot', 'hitchcock zoom'],
    axes: { motion: 1, dolly: 1, zoom: -1 },
    build: (ctx) => {
      const n = Math.max(0.3, ctx.subjectNear);
      const dolly = Math.min(0.4, (0.18 * ctx.magnitude) / n);
      return { track: glide({ dolly, zoom: 1 - dolly * ctx.subjectNear }) };
    },
  },
  {
    // the focal plane moves from the subject to the background ("to the foreground" reverses it);
    // depth of field opens in the first 15 % so frame 0 stays sharp
    move: 'rack_focus',
    phrases: ['rack focus', 'focus pull', 'pull focus', 'focus shift', 'shift focus', 'shifting focus', 'focus rack', 'change focus', 'refocus'],
    axes: { focus: 1 },
    build: (ctx) => {
      const reverse = /(to|on|onto) the (foreground|front|subject)|from the (background|back)/.test(ctx.clause);
      const near = ctx.subjectNear, far = ctx.backgroundNear;
      // a picture with no depth to rack between (a flat star field, a document): pull focus in
      // from soft to sharp on the subject instead, the nearest thing a lens can do there
      const flat = Math.abs(near - far) < 0.15;
      const soft = near > 0.5 ? Math.max(0, near - 0.6) : Math.min(1, near + 0.6);
      const [from, to] = flat ? [soft, near] : reverse ? [far, near] : [near, far];
      const aperture = Math.min(4, 2.5 * Math.sqrt(ctx.magnitude));
      return {
        track: {
          keys: [
            { u: 0, pose: { focus: from, aperture: 0 }, ease: 'ease_in_out' },
            { u: 0.15, pose: { focus: from, aperture }, ease: 'linear' },
            { u: 0.4, pose: { focus: from, aperture }, ease: 'ease_in_out' },
            { u: 0.7, pose: { focus: to, aperture }, ease: 'linear' },
            { u: 1, pose: { focus: to, aperture }, ease: 'linear' },
          ],
        },
      };
    },
  },
  ...(['left', 'right'] as const).map((side): CameraMoveEntry => ({
    // a fast turn in the middle of the clip with shutter blur, held still before and after
    move: side === 'left' ? 'whip_pan_left' : 'whip_pan_right',
    phrases: [...directional(['whip pan', 'swish pan', 'whip', 'flick pan', 'camera whip'], side)],
    axes: { motion: 1, pan: side === 'left' ? -1 : 1 },
    build: (ctx) => {
      const amount = (side === 'left' ? -1 : 1) * Math.min(0.3, WHIP * Math.sqrt(ctx.magnitude));
      const half = Math.min(0.2, 0.35 / 2) / ctx.duration;
      return {
        track: {
          keys: [
            { u: 0, pose: { pan: 0 }, ease: 'linear' },
            { u: 0.5 - half, pose: { pan: 0 }, ease: 'ease_in_out' },
            { u: 0.5 + half, pose: { pan: amount }, ease: 'linear' },
            { u: 1, pose: { pan: amount }, ease: 'linear' },
          ],
        },
        motionBlur: 0.8,
      };
    },
  })),
  {
    // the camera turns about its lens axis (content turns the other way); the lens zooms in just
    // enough that the turned frame never shows a corner beyond the picture
    move: 'roll_clockwise',
    phrases: ['roll clockwise', 'camera roll clockwise', 'camera rolls clockwise', 'dutch roll clockwise', 'camera rotate clockwise', 'rotates clockwise', 'rotating clockwise', 'spins clockwise'],
    axes: { motion: 1, roll: 1 },
    build: (ctx) => ({ track: glide(rolled(ROLL * ctx.magnitude)) }),
  },
  {
    move: 'roll_counterclockwise',
    phrases: ['roll counterclockwise', 'roll anticlockwise', 'camera roll counterclockwise', 'camera rolls counterclockwise', 'dutch roll counterclockwise', 'camera rotate counterclockwise', 'camera rotate anticlockwise', 'rotates counterclockwise', 'rotates anticlockwise', 'rotating counterclockwise', 'rotating anticlockwise', 'spins counterclockwise'],
    axes: { motion: 1, roll: -1 },
    build: (ctx) => ({ track: glide(rolled(-ROLL * ctx.magnitude)) }),
  },
];

/**
 * Phrases that name a move without a side or direction. In a prompt they resolve to `pick` (or,
 * when it has two sides, one side chosen from the seed); in a negative prompt they remove the
 * whole `family` ("zoom" removes push-ins, pull-outs and dolly zooms).
 */
/**
 * A move's word (a move or a generic move's id) used for a sound or a thing, not the camera, told
 * by the words around it: "an eerie ambient drone", "radio static crackles", "static electricity",
 * "clattering pans", "pots and pans".
 */
const HEARD_WORDS: Partial<Record<CameraMove | string, { before: RegExp; after?: RegExp }>> = {
  drone: { before: /\b(?:ambient|eerie|low|deep|dark|bass|synth|cosmic|ominous|soft|droning|sonic|humming|musical|electronic|distant|faint|steady|constant)\s+$/i },
  static: {
    before: /\b(?:radio|tv|television|walkie[- ]talkie|speaker|white|crackling|hissing|buzzing|electric)(?:'s)?\s+$/i,
    after: /^\s+(?:radio|noise|crackl|hiss|buzz|electricity|shock|charge|interference|sound|on the (?:radio|line|tv))/i,
  },
  // "on a marble pedestal", "a construction crane": a thing the subject stands on or a machine
  crane: { before: /\b(?:on|atop|onto|upon|off|from|construction|tower|building|harbou?r|port|dock|paper|origami|white|grey|gray|red crowned|whooping)\s+(?:(?:a|an|the|its|her|his|their)\s+)?(?:\w+\s+)?$/i },
  // "swims in circles", "runs in a circle": a subject's path, not the camera's
  // (with its object between: "chases its tail in circles")
  orbit: { before: /\b(?:swims?|swimming|runs?|running|flies|flying|walks?|walking|goes|going|spins?|spinning|chases?|chasing|dances?|dancing|drives?|driving|rides?|riding|paces?|pacing|skates?|skating|turns?|turning|waddles?|waddling|trots?|trotting)\s+(?:(?:its|his|her|their|the|a)\s+\w+\s+)?(?:around\s+)?in\s+(?:a\s+)?(?:\w+\s+)?$/i },
  pan: {
    before: /\b(?:pots and|pots &|frying|sauce|saute|sauté|cooking|baking|roasting|clattering|clanging|banging|kitchen|hot|cast[- ]iron|copper|steel|metal|sizzling|greasy|dirty|empty|her|his|their)\s+$/i,
    after: /^\s+(?:and pots|clatter|clang|bang|sizzl|on the (?:stove|fire|hob|burner)|of (?:oil|water|food|eggs|vegetables|noodles))/i,
  },
};

/** The move's word at `index` (of `length`) names a sound or a thing here, not the camera. */
export function heardNotCamera(move: CameraMove | string, text: string, index: number, length: number): boolean {
  const words = HEARD_WORDS[move];
  return !!words && (words.before.test(text.slice(Math.max(0, index - 24), index)) || !!words.after?.test(text.slice(index + length, index + length + 24)));
}

export interface GenericMoveEntry {
  id: string;
  phrases: readonly string[];
  pick: readonly CameraMove[];
  family: readonly CameraMove[];
}

export const GENERIC_MOVE_TABLE: readonly GenericMoveEntry[] = [
  { id: 'zoom', phrases: ['zoom', 'zooming'], pick: ['push_in'], family: ['push_in', 'pull_out', 'dolly_zoom'] },
  { id: 'dolly', phrases: ['dolly', 'dolly shot'], pick: ['push_in'], family: ['push_in', 'pull_out', 'dolly_zoom', 'truck_left', 'truck_right'] },
  { id: 'pan', phrases: ['pan', 'panning', 'panning shot', 'pan across', 'sweep', 'sweeping shot'], pick: ['pan_left', 'pan_right'], family: ['pan_left', 'pan_right', 'whip_pan_left', 'whip_pan_right'] },
  { id: 'tilt', phrases: ['tilt', 'tilting'], pick: ['tilt_up', 'tilt_down'], family: ['tilt_up', 'tilt_down'] },
  { id: 'truck', phrases: ['truck', 'tracking shot', 'trucking shot', 'tracking', 'camera follow', 'follow shot', 'following shot', 'lateral move', 'side move', 'slide', 'sliding shot', 'parallax', 'parallax shot'], pick: ['truck_left', 'truck_right'], family: ['truck_left', 'truck_right'] },
  { id: 'orbit', phrases: ['orbit', 'orbiting', 'orbit around', 'arc shot', 'arc around', 'circle around', 'circling', 'circle', '360'], pick: ['orbit_left', 'orbit_right'], family: ['orbit_left', 'orbit_right'] },
  { id: 'crane', phrases: ['crane', 'boom', 'jib', 'pedestal'], pick: ['crane_up'], family: ['crane_up', 'crane_down'] },
  { id: 'whip', phrases: ['whip pan', 'swish pan', 'whip'], pick: ['whip_pan_left', 'whip_pan_right'], family: ['whip_pan_left', 'whip_pan_right'] },
  { id: 'shake', phrases: ['shake', 'shaking', 'shaky', 'jitter', 'jittery', 'wobble', 'wobbly'], pick: ['handheld'], family: ['handheld'] },
  { id: 'motion', phrases: ['camera movement', 'camera motion', 'moving camera', 'camera move', 'motion', 'movement', 'camera moving'], pick: [], family: CAMERA_MOVE_TABLE.map((m) => m.move).filter((m) => m !== 'static' && m !== 'rack_focus') },
];
