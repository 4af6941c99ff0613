/**
 * The sky's edge on the coarse light field, for effects that light the sky differently from what
 * stands in front of it (a storm's cover, a lightning flash). The light field is coarse (a lattice
 * cell is several pixels), so a sky edge — a tower, a roof, a bird — falls inside its cells, and the
 * sky mask itself stops a little short of it. An effect lights each lattice point by `inner` (the
 * sky shrunk by a cell: only what is surely sky); along the edge (from a cell inside the mask to
 * REACH cells beyond it) `eachEdgePixel` visits every pixel, whose own sky weight is
 * lo + (hi − lo) × how much its colour is a sky's, and the effect tops it up to that. So the edge
 * keeps no band of unlit sky around what stands in front of it, and what stands there is not lit
 * as sky.
 *
 * @example
 *   const edge = skyEdge(env); edge.update(f.low.mask('sky'));            // in light()
 *   edge.eachEdgePixel(f, (o, lo, hi, at) => { … f.frame8[o] … });        // in overlay()
 */
import type { EffectEnv, FrameEnv } from '../types.js';

/**
 * How far (lattice cells) beyond the sky mask a sky-coloured pixel still counts as sky: the mask
 * stops a few analysis pixels short of what stands in front of the sky (its edges read as texture),
 * about two cells at any output size (a cell is 1/240 of the width, an analysis pixel 1/512).
 */
const REACH = 5;

/** 0…1: how much a pixel's colour is a sky's (blue, or a bright cool grey) — colour alone, for the sky's edge. */
export function skyColoured(r: number, g: number, b: number): number {
  const max = Math.max(r, g, b), min = Math.min(r, g, b);
  const sat = max > 0 ? (max - min) / max : 0, luma = 0.299 * r + 0.587 * g + 0.114 * b;
  if (b < r - 8 || luma < 12) return 0;
  // blue: clearly more blue than red, not a dark blue-black
  const blue = Math.min(1, Math.max(0, (b - r) / 30)) * Math.min(1, Math.max(0, (sat - 0.08) / 0.1)) * Math.min(1, luma / 40);
  // overcast or hazy: bright, nearly grey, not warm
  const grey = luma > 115 && sat < 0.22 ? Math.min(1, (0.22 - sat) / 0.1) * Math.min(1, (luma - 115) / 40) : 0;
  return Math.max(blue, grey);
}

/** `at(arr)`: a lattice array bilinearly sampled at this pixel, as the light field's composite samples it. */
export type EdgePixelVisitor = (o: number, lo: number, hi: number, at: (arr: Float32Array) => number) => void;

export interface SkyEdge {
  /** the sky shrunk by one cell, and grown by REACH cells (lattice-sized) */
  inner: Float32Array;
  outer: Float32Array;
  /** this frame's sky (lattice-sized) → inner and outer; true when there is an edge to visit */
  update(sky: Float32Array): boolean;
  /** every output pixel along the edge, with its byte offset in frame8 */
  eachEdgePixel(f: FrameEnv, visit: EdgePixelVisitor): void;
}

export function skyEdge(env: Pick<EffectEnv, 'fieldWidth' | 'fieldHeight' | 'fieldCell'>): SkyEdge {
  const lw = env.fieldWidth, lh = env.fieldHeight, cell = env.fieldCell, ln = lw * lh;
  const inner = new Float32Array(ln), outer = new Float32Array(ln), line = new Float32Array(ln);
  let edge = false;
  /** `out` = the min or max of `m` over a (2r+1)² square of lattice points (separable). */
  const spread = (m: Float32Array, out: Float32Array, pick: (a: number, b: number) => number, r: number) => {
    for (let j = 0; j < lh; j++) for (let i = 0; i < lw; i++) {
      let v = m[j * lw + i]!;
      for (let a = Math.max(0, i - r); a <= Math.min(lw - 1, i + r); a++) v = pick(v, m[j * lw + a]!);
      line[j * lw + i] = v;
    }
    for (let j = 0; j < lh; j++) for (let i = 0; i < lw; i++) {
      let v = line[j * lw + i]!;
      for (let b = Math.max(0, j - r); b <= Math.min(lh - 1, j + r); b++) v = pick(v, line[b * lw + i]!);
      out[j * lw + i] = v;
    }
  };
  return {
    inner,
    outer,
    update(sky) {
      spread(sky, inner, Math.min, 1);
      spread(sky, outer, Math.max, REACH);
      edge = false;
      for (let k = 0; k < ln && !edge; k++) edge = outer[k]! - inner[k]! > 0.01;
      return edge;
    },
    eachEdgePixel(f, visit) {
      if (!edge) return;
      const W = f.width, H = f.height;
      const gap = (q: number) => outer[q]! - inner[q]!;
      // lattice point i sits at output x = (i + ½)·cell − ½ (as the light field's composite)
      for (let j = 0; j + 1 < lh; j++) for (let i = 0; i + 1 < lw; i++) {
        const k = j * lw + i;
        if (gap(k) <= 0.01 && gap(k + 1) <= 0.01 && gap(k + lw) <= 0.01 && gap(k + lw + 1) <= 0.01) continue;
        const x0 = Math.max(0, Math.ceil((i + 0.5) * cell - 0.5)), x1 = Math.min(W, Math.ceil((i + 1.5) * cell - 0.5));
        const y0 = Math.max(0, Math.ceil((j + 0.5) * cell - 0.5)), y1 = Math.min(H, Math.ceil((j + 1.5) * cell - 0.5));
        for (let y = y0; y < y1; y++) {
          const v = (y + 0.5) / cell - 0.5 - j;
          for (let x = x0; x < x1; x++) {
            const u = (x + 0.5) / cell - 0.5 - i;
            const at = (arr: Float32Array) => (arr[k]! * (1 - u) + arr[k + 1]! * u) * (1 - v) + (arr[k + lw]! * (1 - u) + arr[k + lw + 1]! * u) * v;
            const lo = at(inner), hi = at(outer);
            if (hi - lo <= 0.01) continue;
            visit((y * W + x) * 4, lo, hi, at);
          }
        }
      }
    },
  };
}
