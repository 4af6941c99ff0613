/**
 * The BT.601 limited-range matrix every frame is encoded with (and ffmpeg's default for
 * rgb → yuv420p): each channel's contribution to Y, U and V per RGB code. The WebAssembly kernels
 * (wasm/assembly/to-i420.ts, canvas-planes.ts) carry their own copy, as they cannot import TypeScript.
 *
 * @example const [y, u, v] = rgbToYuv(58, 26, 28)
 */
export const YR = 65.481 / 255, YG = 128.553 / 255, YB = 24.966 / 255;
export const UR = -37.797 / 255, UG = -74.203 / 255, UB = 112 / 255;
export const VR = 112 / 255, VG = -93.786 / 255, VB = -18.214 / 255;

/** Y, U, V (unrounded) of an RGB colour. */
export function rgbToYuv(r: number, g: number, b: number): [number, number, number] {
  return [16 + YR * r + YG * g + YB * b, 128 + UR * r + UG * g + UB * b, 128 + VR * r + VG * g + VB * b];
}
