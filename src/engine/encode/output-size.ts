/**
 * The output frame size: the input's aspect ratio at about the resolution's pixel area, both sides
 * even (H.264 yuv420p needs even sides). DESIGN.md §4.
 *
 * @example
 *   outputSize(751, 563, '1080p') // → { width: 1664, height: 1246 }
 */
export type Resolution = '720p' | '1080p';

export const RESOLUTION_AREA: Record<Resolution, number> = {
  '720p': 1280 * 720,
  '1080p': 1920 * 1080,
};

export function outputSize(inputWidth: number, inputHeight: number, area: number | Resolution): { width: number; height: number } {
  const pixels = typeof area === 'number' ? area : RESOLUTION_AREA[area];
  const aspect = inputWidth / inputHeight;
  const even = (v: number) => Math.max(16, 2 * Math.round(v / 2));
  const width = even(Math.sqrt(pixels * aspect));
  const height = even(width / aspect);
  return { width, height };
}
