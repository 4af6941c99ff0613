/**
 * Coherent groups of feature correspondences: items that sit near each other in the frame and
 * carry nearly the same offset (what a pasted, cloned or mirrored region looks like, as opposed to
 * scattered chance matches). The offset tolerance grows with the distance between two items
 * (`stretch` px per px) so a zoomed copy still counts as one group.
 *
 * @example largestGroup(items, 640).size // → 0 when there are no items
 */
export interface Correspondence {
  /** where the item is in the later frame */
  x: number;
  y: number;
  /** the offset this item votes for (px) */
  vx: number;
  vy: number;
}

export interface Group {
  size: number;
  members: Correspondence[];
}

export function largestGroup(items: Correspondence[], width: number, stretch = 0.15): Group {
  const reach = 0.2 * width;
  let best: Group = { size: 0, members: [] };
  for (const a of items) {
    const members = items.filter((b) => {
      const d = Math.hypot(a.x - b.x, a.y - b.y);
      return d < reach && Math.hypot(a.vx - b.vx, a.vy - b.vy) < 3 + stretch * d;
    });
    // distinct places only: several items on the same pixel are one piece of evidence
    const places = new Set(members.map((m) => `${Math.round(m.x / 3)},${Math.round(m.y / 3)}`)).size;
    if (places > best.size) best = { size: places, members };
  }
  return best;
}
