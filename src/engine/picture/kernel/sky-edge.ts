/**
 * Light effects meet the sky's edge pixel by pixel. The light field is coarse (a lattice cell is
 * several pixels), so a sky edge — a tower, a roof, a bird — falls inside its cells, and the sky
 * mask itself stops a little short of it: an effect that lights the sky apart from the rest (a
 * storm's cover, a lightning flash, anything confined to the sky) would leave a band of unlit sky
 * round what stands there, or light it as sky. So the light stage is run twice where the sky has
 * an edge: once with the sky shrunk by a cell (`inner`: only what is surely sky; that field is
 * composited as usual), once with it grown by REACH cells (`outer`: everything that may be sky).
 * Along the edge, each pixel then takes the second result as far as its own colour (before any
 * light) is a sky's. One rule for every light effect, whatever order they compose in.
 *
 * @example
 *   const edge = skyEdge(field); edge.spread(skyLattice); // → edge.inner, edge.outer, edge.hasEdge
 *   edge.blend(frame8, before, outerField, W, H);          // after the inner field's composite
 */
import type { LightField } from '../effects/types.js';

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

export interface SkyEdge {
  /** the sky shrunk by one cell, and grown by REACH cells (lattice-sized) */
  inner: Float32Array;
  outer: Float32Array;
  /** whether the last spread found an edge (somewhere inner and outer differ) */
  hasEdge: boolean;
  /** this frame's sky on the lattice → inner, outer and hasEdge */
  spread(sky: Float32Array): void;
  /**
   * Along the edge: each pixel of `frame` (RGBA, the inner field already composited) moves toward
   * its `before` pixel lit by `outerField`, as far as that pixel's colour is a sky's.
   */
  blend(frame: Uint8Array, before: Uint8Array, outerField: LightField, W: number, H: number): void;
}

export function skyEdge(field: Pick<LightField, 'cell' | 'width' | 'height'>): SkyEdge {
  const lw = field.width, lh = field.height, cell = field.cell, ln = lw * lh;
  const inner = new Float32Array(ln), outer = new Float32Array(ln), line = new Float32Array(ln);
  /** `out` = the min or max of `m` over a (2r+1)² square of lattice points (separable). */
  const spreadBy = (m: Float32Array, out: Float32Array, pick: (a: number, b: number) => number, r: number) => {
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
  const edge: SkyEdge = {
    inner,
    outer,
    hasEdge: false,
    spread(sky) {
      spreadBy(sky, inner, Math.min, 1);
      spreadBy(sky, outer, Math.max, REACH);
      edge.hasEdge = false;
      for (let k = 0; k < ln && !edge.hasEdge; k++) edge.hasEdge = outer[k]! - inner[k]! > 0.01;
    },
    blend(frame, before, o, W, H) {
      const gap = (q: number) => outer[q]! - inner[q]!;
      const mul = [o.mulR, o.mulG, o.mulB], add = [o.addR, o.addG, o.addB];
      // lattice point i sits at output x = (i + ½)·cell − ½ (as the composite samples the field)
      for (let j = 0; j + 1 < lh; j++) for (let i = 0; i + 1 < lw; i++) {
        const k = j * lw + i;
        if (gap(k) <= 0.01 && gap(k + 1) <= 0.01 && gap(k + lw) <= 0.01 && gap(k + lw + 1) <= 0.01) continue;
        const x0 = Math.max(0, Math.ceil((i + 0.5) * cell - 0.5)), x1 = Math.min(W, Math.ceil((i + 1.5) * cell - 0.5));
        const y0 = Math.max(0, Math.ceil((j + 0.5) * cell - 0.5)), y1 = Math.min(H, Math.ceil((j + 1.5) * cell - 0.5));
        for (let y = y0; y < y1; y++) {
          const v = (y + 0.5) / cell - 0.5 - j;
          for (let x = x0; x < x1; x++) {
            const u = (x + 0.5) / cell - 0.5 - i;
            const w00 = (1 - u) * (1 - v), w10 = u * (1 - v), w01 = (1 - u) * v, w11 = u * v;
            if (gap(k) * w00 + gap(k + 1) * w10 + gap(k + lw) * w01 + gap(k + lw + 1) * w11 <= 0.01) continue;
            const p = (y * W + x) * 4;
            const t = skyColoured(before[p]!, before[p + 1]!, before[p + 2]!);
            if (t <= 0) continue;
            for (let c = 0; c < 3; c++) {
              const m = mul[c]!, a = add[c]!;
              const lit = before[p + c]! * (m[k]! * w00 + m[k + 1]! * w10 + m[k + lw]! * w01 + m[k + lw + 1]! * w11) + (a[k]! * w00 + a[k + 1]! * w10 + a[k + lw]! * w01 + a[k + lw + 1]! * w11);
              const v8 = frame[p + c]! + (lit - frame[p + c]!) * t;
              frame[p + c] = v8 < 0 ? 0 : v8 > 255 ? 255 : Math.round(v8);
            }
          }
        }
      }
    },
  };
  return edge;
}
