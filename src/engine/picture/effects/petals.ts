/** petals: pale blossom petals drifting down, lighter and slower than leaves. params: wind (−1 … 1). */
import { fallingShapes } from './shared/falling-shapes.js';

export const petals = fallingShapes({
  type: 'petals',
  palette: [[250, 202, 214], [244, 178, 198], [255, 236, 242], [238, 160, 186]],
  size: [3.5, 7], speed: [0.04, 0.09], base: 120, aspect: 0.62,
});
