/**
 * Reads a colour knob from an effect's params ('#rrggbb'), or the default.
 *
 * @example parseColor('#ff8800', [255, 255, 255]) // → [255, 136, 0]
 */
export function parseColor(value: unknown, fallback: [number, number, number]): [number, number, number] {
  if (typeof value !== 'string') return fallback;
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(value.trim());
  return m ? [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)] : fallback;
}
