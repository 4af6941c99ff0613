/**
 * The engine's warm-up clip (warm-up.ts): a made-up Scene — a small drawn picture of a person, a
 * head with a face's 68 landmarks, shoulders and arms with a body pose, a segmentation-style
 * matte, before a grainy far wall — built in code without analysis, and its plan: she laughs,
 * nods, raises her hand and speaks. Directing it and rendering its soundtrack runs the director's
 * reading of characters and actions and the soundtrack's speech, and so compiles them before the
 * first real clip does. Nothing of it is ever shown. A complete Scene (pixels, maps, a matte), so
 * the director reads it as it reads an analysed one; tiny, since only the code matters.
 *
 * @example const { scene, plan } = warmUpClip(); // 96×72, one face, a pose, a person matte; 2 s
 */
import type { BodyKeypoint, Face, Scene } from './scene.js';
import type { ShotPlan } from './plan.js';
import { direct } from './direct/index.js';
import { createRandom } from './util/random.js';

const W = 96, H = 72;
/** what the person does: a face's action, a head's, an arm's, a line (the mouth follows its voice); long enough for all three */
const PROMPT = 'she laughs, nods, raises her hand and says "Hi."', SECONDS = 2;

/** A face's 68 landmarks (dlib's layout), normalised to the face's box: a frontal face. */
const FACE_LAYOUT: ReadonlyArray<readonly [number, number]> = [
  [0.115, 0.225], [0.118, 0.339], [0.131, 0.449], [0.146, 0.544], [0.175, 0.651], [0.225, 0.739], [0.289, 0.805], [0.375, 0.88],
  [0.503, 0.924], [0.635, 0.892], [0.718, 0.834], [0.783, 0.779], [0.84, 0.697], [0.882, 0.594], [0.904, 0.494], [0.924, 0.393],
  [0.936, 0.28], [0.203, 0.137], [0.252, 0.108], [0.317, 0.102], [0.377, 0.113], [0.43, 0.138], [0.641, 0.153], [0.696, 0.136],
  [0.754, 0.13], [0.821, 0.143], [0.866, 0.178], [0.528, 0.256], [0.525, 0.333], [0.521, 0.407], [0.518, 0.472], [0.443, 0.492],
  [0.475, 0.51], [0.517, 0.519], [0.559, 0.508], [0.593, 0.5], [0.278, 0.223], [0.316, 0.208], [0.369, 0.211], [0.414, 0.241],
  [0.372, 0.256], [0.316, 0.247], [0.641, 0.256], [0.691, 0.23], [0.746, 0.234], [0.78, 0.258], [0.741, 0.277], [0.686, 0.269],
  [0.335, 0.594], [0.396, 0.58], [0.477, 0.574], [0.517, 0.583], [0.556, 0.574], [0.641, 0.589], [0.708, 0.607], [0.633, 0.676],
  [0.575, 0.707], [0.513, 0.716], [0.459, 0.706], [0.4, 0.673], [0.345, 0.598], [0.457, 0.603], [0.517, 0.607], [0.573, 0.609],
  [0.693, 0.606], [0.573, 0.659], [0.517, 0.665], [0.463, 0.659],
];

/** The body, normalised: MoveNet's 17 keypoints of a person standing with arms down. */
const POSE: ReadonlyArray<readonly [string, number, number]> = [
  ['nose', 0.5, 0.3], ['left_eye', 0.53, 0.26], ['right_eye', 0.47, 0.26], ['left_ear', 0.57, 0.28], ['right_ear', 0.43, 0.28],
  ['left_shoulder', 0.62, 0.55], ['right_shoulder', 0.38, 0.55], ['left_elbow', 0.68, 0.75], ['right_elbow', 0.32, 0.75],
  ['left_wrist', 0.66, 0.93], ['right_wrist', 0.34, 0.93], ['left_hip', 0.58, 0.99], ['right_hip', 0.42, 0.99],
  ['left_knee', 0.58, 0.99], ['right_knee', 0.42, 0.99], ['left_ankle', 0.58, 0.99], ['right_ankle', 0.42, 0.99],
];

const FACE_BOX = { x: 0.42, y: 0.17, w: 0.16, h: 0.24 };

/** distance (px) from p to the segment a–b */
function toSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax, dy = by - ay, t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

export function warmUpClip(): { scene: Scene; plan: ShotPlan } {
  const scene = warmUpScene();
  const plan = direct({ prompt: PROMPT, negativePrompt: '', cfgScale: 0.5, duration: SECONDS, seed: 1, width: W, height: H, sound: true, voices: [] }, scene);
  return { scene, plan };
}

function warmUpScene(): Scene {
  const n = W * H, random = createRandom(1);
  const data = new Uint8Array(n * 3), person = new Float32Array(n), depth = new Float32Array(n);
  const at = (name: string) => { const k = POSE.find((p) => p[0] === name)!; return [k[1] * W, k[2] * H] as const; };
  const limbs = [['left_shoulder', 'left_elbow'], ['left_elbow', 'left_wrist'], ['right_shoulder', 'right_elbow'], ['right_elbow', 'right_wrist']].map(([a, b]) => [...at(a!), ...at(b!)] as const);
  const hx = (FACE_BOX.x + FACE_BOX.w / 2) * W, hy = (FACE_BOX.y + FACE_BOX.h / 2) * H, rx = FACE_BOX.w * W * 0.62, ry = FACE_BOX.h * H * 0.62;
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const i = y * W + x, grain = 24 * random.next();
    const head = ((x - hx) / rx) ** 2 + ((y - hy) / ry) ** 2 <= 1;
    const torso = y >= 0.52 * H && Math.abs(x - W / 2) <= 0.13 * W + (y - 0.52 * H) * 0.1;
    const neck = y >= hy && y < 0.55 * H && Math.abs(x - hx) < 0.04 * W;
    const arm = limbs.some(([ax, ay, bx, by]) => toSegment(x, y, ax, ay, bx, by) < 0.035 * W);
    const inside = head || torso || neck || arm;
    // skin for the head, neck and forearms' ends, a blue shirt; a warm wall with vertical boards behind
    const rgb = head || neck ? [200, 150, 120] : arm && y > 0.85 * H ? [195, 145, 115] : inside ? [50, 80, 150] : [150 + 30 * Math.sin(x / 9), 120, 90];
    for (let k = 0; k < 3; k++) data[i * 3 + k] = Math.min(255, Math.round(rgb[k]! + grain));
    person[i] = inside ? 1 : 0;
    depth[i] = inside ? 0.9 : 0.2 + 0.1 * (y / H);
  }
  const face: Face = { box: FACE_BOX, score: 0.97, landmarks: FACE_LAYOUT.map(([u, v]) => [FACE_BOX.x + u * FACE_BOX.w, FACE_BOX.y + v * FACE_BOX.h]), age: 30, gender: 'female', lidRoom: { above: [0.012, 0.012], below: [0.012, 0.012] } };
  const keypoints: BodyKeypoint[] = POSE.map(([name, x, y]) => ({ name, x, y, score: 0.8 }));
  const subject = { x: 0.2, y: 0.1, w: 0.6, h: 0.9 };
  const zeros = () => new Float32Array(n);
  const saliency = person.map((v) => 0.1 + 0.9 * v);
  return {
    hash: 'warm-up', format: 'png', image: { width: W, height: H, data },
    stats: { meanLuma: 0.5, medianLuma: 0.5, contrast: 0.2, meanRgb: [140, 115, 100], saturation: 0.35, warmth: 0.3, sharpness: 0.1, highlights: 0.01, shadows: 0.01 },
    maps: { width: W, height: H, depth, sky: zeros(), water: zeros(), foliage: zeros(), lights: zeros(), saliency, people: person },
    horizon: null, subject, lights: [], faces: [face], pose: { keypoints }, animals: [],
    tags: ['indoor', 'portrait', 'face', 'warm'],
    layers: {
      bands: [{ far: 0.5, near: 1, share: 0.3 }, { far: 0, near: 0.5, share: 0.7 }], cuts: [{ at: 0.5, score: 1 }],
      matte: person, matteSource: 'segmentation', subjects: [subject], subjectDepth: 0.9, backgroundDepth: 0.25,
    },
  };
}
