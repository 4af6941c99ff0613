/** `kwaivgi/kling-v2.6-std/image-to-video`: the same engine at 720p. */
import { buildModel, KLING_PRICES } from './build-model.js';

export const klingStd = buildModel({
  id: 'kwaivgi/kling-v2.6-std/image-to-video',
  name: 'Kling v2.6 Standard image-to-video (Moviola)',
  description: 'A still image and a prompt to a 5 or 10 s 720p MP4 with sound.',
  resolution: '720p',
  prices: KLING_PRICES,
});
