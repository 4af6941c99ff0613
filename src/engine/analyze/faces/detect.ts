/**
 * Faces in a picture: boxes, 68 landmarks, age and gender, from face-api's TinyFaceDetector +
 * landmark + age/gender nets on TensorFlow.js (WASM, one thread). The models see a copy whose long
 * side is ≤ 640 px; everything returned is normalised to the picture (0…1, origin top-left), the
 * faces sorted left to right. Deterministic: the same pixels give the same faces.
 *
 * @example
 *   const faces = await detectFaces(scene.image);
 *   faces[0].landmarks[30] // nose tip, [x, y] normalised
 */
import type { Box, Face, RgbImage } from '../../scene.js';
import { downsampleRgb } from '../resample.js';
import { faceModels } from './models.js';
import { tfRuntime } from './tf-runtime.js';
import { humanFace } from './human-face.js';
import { lidRooms } from './lid-room.js';

/** long side of the copy the detector sees */
export const FACE_LONG_SIDE = 640;
/** TinyFaceDetector's square input (multiple of 32): 416 finds faces down to ~1/16 of the width */
const INPUT_SIZE = 416;
/** below this the detector's guesses include hands, suits and fur */
const MIN_SCORE = 0.5;
/** gender is only reported when the net is this sure; otherwise null */
const MIN_GENDER_PROBABILITY = 0.6;

// one inference at a time: tfjs runs on one thread anyway, and this keeps timings honest
let queue: Promise<unknown> = Promise.resolve();

export function detectFaces(image: RgbImage): Promise<Face[]> {
  const run = queue.then(() => detect(image));
  queue = run.catch(() => undefined);
  return run;
}

/**
 * Faces inside `area` of the picture (normalised), the crop enlarged for the detector: a face
 * under ~1/16 of the picture's width (a person seen whole, across a room) is too small for it in
 * the whole picture's copy, not in a crop round where the body pose puts the head
 * (../subjects/pose-head.ts). Returned normalised to the whole picture, as detectFaces does.
 */
export function detectFacesIn(image: RgbImage, area: Box): Promise<Face[]> {
  const x0 = Math.max(0, Math.floor(area.x * image.width)), y0 = Math.max(0, Math.floor(area.y * image.height));
  const x1 = Math.min(image.width, Math.ceil((area.x + area.w) * image.width)), y1 = Math.min(image.height, Math.ceil((area.y + area.h) * image.height));
  if (x1 - x0 < 16 || y1 - y0 < 16) return Promise.resolve([]);
  const data = new Uint8Array((x1 - x0) * (y1 - y0) * 3);
  for (let y = y0; y < y1; y++) data.set(image.data.subarray((y * image.width + x0) * 3, (y * image.width + x1) * 3), (y - y0) * (x1 - x0) * 3);
  const crop = { width: x1 - x0, height: y1 - y0, data };
  const run = queue.then(() => detect(crop));
  queue = run.catch(() => undefined);
  // back to the picture: each face's box and landmarks from the crop's frame (the human check was
  // read on the crop's own pixels, the same ones), its lid room read again in the picture's
  const u = (x: number) => round((x0 + x * crop.width) / image.width, 5), v = (y: number) => round((y0 + y * crop.height) / image.height, 5);
  return run.then((faces) => faces.map(({ lidRoom: _, ...f }) => withLidRoom({
    ...f,
    box: { x: u(f.box.x), y: v(f.box.y), w: round((f.box.w * crop.width) / image.width, 5), h: round((f.box.h * crop.height) / image.height, 5) },
    landmarks: f.landmarks.map(([x, y]): [number, number] => [u(x), v(y)]),
  }, image)));
}

/**
 * Loads the runtime and the models and runs them once on a blank picture, so the first real
 * request does not pay for compiling kernels (call at boot).
 */
export async function warmUpFaces(): Promise<void> {
  const [tf, faceapi] = await Promise.all([tfRuntime(), faceModels()]);
  // a blank picture finds no face, so the landmark and age nets get a dry run of their own
  await detectFaces({ width: 64, height: 64, data: new Uint8Array(64 * 64 * 3) });
  const crop = tf.zeros([112, 112, 3], 'int32');
  try {
    const net = crop as unknown as Parameters<typeof faceapi.nets.faceLandmark68Net.detectLandmarks>[0];
    await faceapi.nets.faceLandmark68Net.detectLandmarks(net);
    await faceapi.nets.ageGenderNet.predictAgeAndGender(net);
  } finally {
    crop.dispose();
  }
}

async function detect(image: RgbImage): Promise<Face[]> {
  const [tf, faceapi] = await Promise.all([tfRuntime(), faceModels()]);
  const scale = Math.min(1, FACE_LONG_SIDE / Math.max(image.width, image.height));
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  const pixels = scale < 1 ? downsampleRgb(image.data, image.width, image.height, width, height) : image.data;
  const input = tf.tensor3d(pixels, [height, width, 3], 'int32');
  try {
    const options = new faceapi.TinyFaceDetectorOptions({ inputSize: INPUT_SIZE, scoreThreshold: MIN_SCORE });
    type NetInput = Parameters<typeof faceapi.detectAllFaces>[0]; // face-api bundles its own tfjs types
    const found = await faceapi.detectAllFaces(input as unknown as NetInput, options).withFaceLandmarks().withAgeAndGender();
    const faces = found.map((f): Face => ({
      box: clampBox({
        x: f.detection.box.x / width,
        y: f.detection.box.y / height,
        w: f.detection.box.width / width,
        h: f.detection.box.height / height,
      }),
      score: round(f.detection.score, 4),
      landmarks: f.landmarks.positions.map((p): [number, number] => [round(clamp01(p.x / width), 5), round(clamp01(p.y / height), 5)]),
      age: Number.isFinite(f.age) ? Math.round(f.age) : null,
      gender: f.genderProbability >= MIN_GENDER_PROBABILITY ? (f.gender === 'female' ? 'female' : 'male') : null,
    }));
    // the detector knows only people: what it finds on an animal's fur is not a face (human-face.ts)
    return faces.filter((f) => humanFace(f, image).human).map((f) => withLidRoom(f, image)).sort((a, b) => a.box.x + a.box.w / 2 - (b.box.x + b.box.w / 2));
  } finally {
    input.dispose();
  }
}

function withLidRoom(face: Face, image: RgbImage): Face {
  const lidRoom = lidRooms(face.landmarks, image);
  return lidRoom ? { ...face, lidRoom } : face;
}

function clampBox(b: Box): Box {
  const x = clamp01(b.x);
  const y = clamp01(b.y);
  return { x: round(x, 5), y: round(y, 5), w: round(clamp01(b.x + b.w) - x, 5), h: round(clamp01(b.y + b.h) - y, 5) };
}

function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}

function round(v: number, digits: number): number {
  const k = 10 ** digits;
  return Math.round(v * k) / k;
}
