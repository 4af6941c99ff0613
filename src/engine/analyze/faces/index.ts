/**
 * Faces in analyze: detection with landmarks, age and gender (detect.ts), the people mask built
 * from them (person-mask.ts), and the shared TensorFlow.js runtime (tf-runtime.ts).
 *
 * @example
 *   await warmUpFaces();                                  // at boot
 *   const faces = await detectFaces(scene.image);
 *   const people = personMask(faces, raster.width, raster.height);
 */
export { detectFaces, detectFacesIn, warmUpFaces, FACE_LONG_SIDE } from './detect.js';
export { personMask } from './person-mask.js';
export { tfRuntime, type Tf } from './tf-runtime.js';
