/**
 * A scanned photo's border line: the outermost rows along a side, unlike everything inside
 * (a scanner's dark or bright edge: the mandrill's last row is black). It belongs to the picture
 * (frame 0 shows it) but not to what lies beyond the frame, so the outpainted margin neither copies
 * it nor continues it from the edge (./outpaint.ts): the margin continues the rows inside it.
 *
 * @example const inset = borderLines(rgba, 512, 512) // { top: 0, bottom: 1, left: 0, right: 0 }
 */

/** How many px of each side are a border line (0: none). */
export interface BorderInsets { top: number; bottom: number; left: number; right: number }

export const NO_INSETS: BorderInsets = Object.freeze({ top: 0, bottom: 0, left: 0, right: 0 });

/**
 * the widest border line looked for (px): a scanned one-pixel line is spread over a few rows once
 * the picture is enlarged to the output size (the 512 px mandrill at 1080p: three, and ringing)
 */
const MAX_LINE = 6;
/** how many steps between rows inside it are read as the picture's own */
const INSIDE_STEPS = 8;
/** a step of the line is this many times the picture's own steps between rows, at least, … */
const LINE_RATIO = 4;
/** … and its largest at least this many grey levels (mean over the side) */
const LINE_STEP = 20;

/** The border lines of an RGBA picture's four sides. */
export function borderLines(rgba: Uint8Array, width: number, height: number): BorderInsets {
  const luma = (x: number, y: number) => { const o = (y * width + x) * 4; return 0.299 * rgba[o]! + 0.587 * rgba[o + 1]! + 0.114 * rgba[o + 2]!; };
  // each side as rows numbered inwards from its edge: row k's pixel j
  return {
    top: lineWidth(width, height, (k, j) => luma(j, k)),
    bottom: lineWidth(width, height, (k, j) => luma(j, height - 1 - k)),
    left: lineWidth(height, width, (k, j) => luma(k, j)),
    right: lineWidth(height, width, (k, j) => luma(width - 1 - k, j)),
  };
}

/**
 * The width of the line along one side: the rows out to the last step (mean |difference| between
 * neighbouring rows over the side) within MAX_LINE that dwarfs the picture's own steps further in.
 */
function lineWidth(along: number, across: number, at: (k: number, j: number) => number): number {
  if (across < 4 * (MAX_LINE + INSIDE_STEPS)) return 0;
  const steps = Array.from({ length: MAX_LINE + INSIDE_STEPS }, (_, k) => {
    let sum = 0;
    for (let j = 0; j < along; j++) sum += Math.abs(at(k, j) - at(k + 1, j));
    return sum / along;
  });
  const inside = steps.slice(MAX_LINE).sort((a, b) => a - b);
  const own = inside[inside.length >> 1]!;
  let width = 0;
  for (let k = 0; k < MAX_LINE; k++) if (steps[k]! > LINE_RATIO * own) width = k + 1;
  return width && Math.max(...steps.slice(0, width)) >= LINE_STEP ? width : 0;
}
