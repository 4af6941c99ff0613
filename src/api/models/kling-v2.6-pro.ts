/** `kwaivgi/kling-v2.6-pro/image-to-video`: 1080p, the hosted model Moviola replaces. */
import { buildModel, KLING_PRICES } from './build-model.js';

export const klingPro = buildModel({
  id: 'kwaivgi/kling-v2.6-pro/image-to-video',
  name: 'Kling v2.6 Pro image-to-video (Moviola)',
  description: 'A still image and a prompt to a 5 or 10 s 1080p MP4 with sound: camera, scene, ambience, effects, music and speech follow the prompt.',
  resolution: '1080p',
  prices: KLING_PRICES,
});
