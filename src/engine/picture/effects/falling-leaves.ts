/** falling_leaves: autumn leaves tumbling down, swaying in the wind. params: wind (−1 … 1). */
import { fallingShapes } from './shared/falling-shapes.js';

export const fallingLeaves = fallingShapes({
  type: 'falling_leaves',
  palette: [[186, 84, 28], [204, 136, 40], [150, 58, 24], [120, 108, 38], [170, 40, 20]],
  size: [5, 11], speed: [0.07, 0.15], base: 80, aspect: 0.5,
});
