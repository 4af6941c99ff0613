/**
 * A seam where an outpainted margin meets the picture: the step between the margin's row next to
 * the picture's edge and the edge row itself (mean |difference| per pixel along the edge), against
 * the steps between the picture's own neighbouring rows just inside it. A margin that continues
 * the picture steps as its rows do (a ratio near 1); one whose first row has another tone, or
 * other detail (copies that do not line up with the edge), shows as a line along the edge — a
 * ratio well above 1 — that the eye catches at once, though no other measure counts it.
 *
 * @example edgeSeam(grey, cw, ch, { side: 'top', at: my, from: mx, to: mx + width }).ratio // ≤ EDGE_SEAM_LIMIT
 */

/** the most the step across the edge may be, in the picture's own steps between rows */
export const EDGE_SEAM_LIMIT = 1.6;
/** the picture's rows (inside the edge) whose steps make the reference */
const INSIDE_ROWS = 6;
/** grey levels: the least reference step (a flat picture's rows barely step at all) */
const FLOOR = 0.5;

export interface EdgeLine {
  /** which side of the picture the margin lies on */
  side: 'top' | 'bottom' | 'left' | 'right';
  /** the picture's edge row (top, bottom) or column (left, right), in the image's coordinates */
  at: number;
  /** the span along the edge that is measured: [from, to) */
  from: number;
  to: number;
}

export interface EdgeSeam {
  /** mean |step| per pixel across the edge (grey levels) */
  across: number;
  /** the median of the same between the picture's own rows just inside the edge */
  inside: number;
  /** across / inside */
  ratio: number;
}

/** The seam figure of a grey image (W×H) along one edge of the picture in it. */
export function edgeSeam(grey: Float32Array, W: number, H: number, line: EdgeLine): EdgeSeam {
  const vertical = line.side === 'left' || line.side === 'right';
  // inward: from the margin into the picture
  const inward = line.side === 'top' || line.side === 'left' ? 1 : -1;
  const at = (row: number, k: number) => (vertical ? grey[k * W + row]! : grey[row * W + k]!);
  const limit = vertical ? W : H;
  /** mean |g(row) − g(row − inward)| along the span */
  const step = (row: number): number => {
    let sum = 0;
    for (let k = line.from; k < line.to; k++) sum += Math.abs(at(row, k) - at(row - inward, k));
    return sum / Math.max(1, line.to - line.from);
  };
  const steps: number[] = [];
  for (let j = 1; j <= INSIDE_ROWS; j++) {
    const row = line.at + j * inward;
    if (row >= 0 && row < limit) steps.push(step(row));
  }
  steps.sort((a, b) => a - b);
  const inside = steps.length ? steps[steps.length >> 1]! : 0;
  const across = step(line.at);
  return { across, inside, ratio: across / Math.max(FLOOR, inside) };
}
