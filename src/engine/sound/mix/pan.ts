/**
 * Placing a mono source in the stereo field: constant-power panning, and a Haas-style widening
 * for beds (the right channel a few milliseconds late, so diffuse sound fills the space).
 *
 * @example
 *   mixMono(busL, busR, thunder, onset, gain, -0.4); // a little left
 */
export function panGains(pan: number): [number, number] {
  const angle = ((Math.max(-1, Math.min(1, pan)) + 1) * Math.PI) / 4;
  return [Math.cos(angle), Math.sin(angle)];
}

export function mixMono(left: Float32Array, right: Float32Array, src: Float32Array, offset: number, gain: number, pan: number, widen = 0): void {
  const [gl, gr] = panGains(pan);
  const start = Math.max(0, offset);
  const end = Math.min(left.length, offset + src.length);
  for (let i = start; i < end; i++) left[i]! += src[i - offset]! * gain * gl;
  if (widen > 0) {
    for (let i = Math.max(start, offset + widen); i < Math.min(right.length, end + widen); i++) right[i]! += src[i - offset - widen]! * gain * gr;
  } else {
    for (let i = start; i < end; i++) right[i]! += src[i - offset]! * gain * gr;
  }
}
