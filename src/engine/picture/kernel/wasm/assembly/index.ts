// AssemblyScript entry: the picture kernels the render workers call (see ../load.ts).
export { latticeInit, buildLattice, rowSpans, latticeIsAffine, gridPeaks } from './lattice';
export { warpRgba, warpRgbaDof, accumulate, resolveAccumulated } from './warp-rgba';
export { warpYuv } from './warp-yuv';
export { warpYuvFront, warpYuvUnder, openCells } from './warp-yuv-layers';
export { warpYuvReveal } from './warp-yuv-reveal';
export { gradeI420 } from './yuv-grade';
export { composite } from './composite';
export { toI420 } from './to-i420';
export { canvasPlanes, alphaPlane } from './canvas-planes';
export { over } from './over';
