/**
 * How the picture is brought to the output size, decided once for the picture, its maps and
 * the light positions so they stay registered:
 * - 'fill' when the aspect ratios differ only by rounding (< 1 %: the product's own sizes, which
 *   follow the input's aspect with even sides) — the whole picture, so frame 0 is the input resized;
 * - 'cover' otherwise (a plan handed in with another size) — centred crop, no distortion.
 *
 * @example pictureFit(751, 563, 1664, 1246) // → 'fill'
 */
export type PictureFit = 'fill' | 'cover';

export function pictureFit(imageWidth: number, imageHeight: number, width: number, height: number): PictureFit {
  const mismatch = Math.abs(Math.log((imageWidth / imageHeight) / (width / height)));
  return mismatch < 0.01 ? 'fill' : 'cover';
}

/** Maps normalised image coordinates to normalised output coordinates under that fit. */
export function fitMap(imageWidth: number, imageHeight: number, width: number, height: number): (x: number, y: number) => [number, number] {
  if (pictureFit(imageWidth, imageHeight, width, height) === 'fill') return (x, y) => [x, y];
  const s = Math.max(width / imageWidth, height / imageHeight);
  const ox = (imageWidth * s - width) / 2, oy = (imageHeight * s - height) / 2;
  return (x, y) => [(x * imageWidth * s - ox) / width, (y * imageHeight * s - oy) / height];
}
