/**
 * Whether a camera path may show what lies beyond the picture: a lens that zooms out or a camera
 * that pulls back (a pull-out, a dolly zoom). Only such paths get an outpainted margin; every
 * other move is kept inside the picture by the overscan zoom.
 *
 * @example looksBeyond([{ zoom: 1, dolly: 0 }, { zoom: 0.9, dolly: -0.05 }]) // → true
 */
export function looksBeyond(keys: ReadonlyArray<{ zoom: number; dolly: number }>): boolean {
  return keys.some((k) => k.zoom < 1 || k.dolly < 0);
}
