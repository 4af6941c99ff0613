/**
 * The outpainted margin joined to the picture's own edge. Each margin pixel is a copy of a picture
 * pixel (./outpaint.ts); the copy next to the edge continues its source's neighbour, not the edge
 * pixel it touches, so where the two differ — in tone, or in detail (a soft, out-of-focus edge
 * against the copy's pieces) — the boundary row shows as a line, a step the picture has nowhere
 * between its own rows. Here, per side, the step across the boundary is made the step the copy
 * has at its source (the source's inward neighbour to the source), and what that takes is faded
 * out into the margin: its slow part (along the edge, a few blocks wide) over a few blocks, its
 * grain over a couple of pixels — so the margin meets the picture as its own rows meet, and
 * inside, the copies stay as they are (seamless cloning's boundary condition, Pérez et al. 2003,
 * applied at the one boundary that is seen from the first frame of a reveal).
 *
 * @example joinEdge(canvas, width, height, mx, my, from, f) // canvas: RGBA, in place
 */
import { boxBlur } from '../../analyze/filters.js';
import { NO_INSETS, type BorderInsets } from './border-line.js';

/** how far (in blocks of the synthesis raster) the slow part of the correction fades into the margin */
const SLOW_FADE = 3;
/** how far (px) the grain part of the correction fades */
const GRAIN_FADE = 2;

/**
 * `canvas` (RGBA, (width + 2mx) × (height + 2my), the picture in its middle) with its margin filled
 * through `from` (canvas index of each margin pixel's source, −1: none); `block`: the synthesis
 * raster's scale (px of the canvas a small pixel covers). Corners go with the top and bottom sides.
 * `painted` (canvas-sized, 1 = painted): only those margin pixels are corrected (the rest is never read).
 * `inset`: a side's scanned border line (border-line.ts) is stepped over: the margin meets the row inside it.
 */
export function joinEdge(canvas: Uint8Array, width: number, height: number, mx: number, my: number, from: Int32Array, block: number, painted?: Uint8Array, inset: BorderInsets = NO_INSETS): void {
  const cw = width + 2 * mx;
  const slow = Math.max(2, SLOW_FADE * block), r = Math.max(1, block);
  // a side: the margin pixel beside the edge pixel k (k along the edge), the edge pixel, and the step inwards
  const side = (n: number, outer: (k: number) => number, edge: (k: number) => number, inward: number, paint: (fix: (k: number, d: number, c: number) => number) => void) => {
    const fixes = [0, 1, 2].map((c) => {
      const v = new Float32Array(n);
      for (let k = 0; k < n; k++) {
        const p = outer(k), e = edge(k), s = from[p]!, t = s + inward;
        // the copy's own step at its source (none when its inward neighbour is not the picture's)
        const step = s >= 0 && isPicture(t, cw, width, height, mx, my) ? canvas[t * 4 + c]! - canvas[s * 4 + c]! : 0;
        v[k] = canvas[e * 4 + c]! - step - canvas[p * 4 + c]!;
      }
      return { all: v, low: boxBlur(v, n, 1, r) };
    });
    paint((k, d, c) => {
      const { all, low } = fixes[c]!, l = low[Math.min(n - 1, Math.max(0, k))]!;
      const grain = k >= 0 && k < n ? all[k]! - l : 0;
      return l * Math.max(0, 1 - (d - 1) / slow) + grain * Math.max(0, 1 - (d - 1) / GRAIN_FADE);
    });
  };
  const apply = (p: number, fix: (c: number) => number) => {
    for (let c = 0; c < 3; c++) canvas[p * 4 + c] = clamp(canvas[p * 4 + c]! + fix(c));
  };
  const reach = (d: number) => d <= slow;
  if (my > 0) {
    for (const top of [true, false]) {
      const edgeY = top ? my + inset.top : my + height - 1 - inset.bottom, outY = top ? my - 1 : my + height;
      side(width, (k) => outY * cw + mx + k, (k) => edgeY * cw + mx + k, top ? cw : -cw, (fix) => {
        for (let d = 1; d <= my && reach(d); d++) {
          const y = top ? my - d : my + height - 1 + d;
          for (let x = 0; x < cw; x++) {
            const k = x - mx, across = k < 0 ? -k : k >= width ? k - width + 1 : 0, dist = Math.hypot(d, across);
            if (reach(dist) && (!painted || painted[y * cw + x])) apply(y * cw + x, (c) => fix(k, dist, c));
          }
        }
      });
    }
  }
  if (mx > 0) {
    for (const left of [true, false]) {
      const edgeX = left ? mx + inset.left : mx + width - 1 - inset.right, outX = left ? mx - 1 : mx + width;
      side(height, (k) => (my + k) * cw + outX, (k) => (my + k) * cw + edgeX, left ? 1 : -1, (fix) => {
        for (let d = 1; d <= mx && reach(d); d++) {
          const x = left ? mx - d : mx + width - 1 + d;
          for (let k = 0; k < height; k++) if (!painted || painted[(my + k) * cw + x]) apply((my + k) * cw + x, (c) => fix(k, d, c));
        }
      });
    }
  }
}

/** Whether canvas index i lies on the picture (not the margin). */
function isPicture(i: number, cw: number, width: number, height: number, mx: number, my: number): boolean {
  const x = i % cw, y = (i / cw) | 0;
  return i >= 0 && x >= mx && x < mx + width && y >= my && y < my + height;
}

const clamp = (v: number) => (v <= 0 ? 0 : v >= 255 ? 255 : Math.round(v));
