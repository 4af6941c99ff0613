/**
 * A straight edge the subject's cut splits moves as one across the layers. A depth matte is a
 * threshold on a smooth estimate: it may take part of one planar surface (a plinth, a wall, a
 * kerb) into the subject and leave the rest in the background, each part then warped by its own
 * layer's nearness — so the one straight edge breaks where the cut crosses it (Debian's
 * taj_orig.png: the plinth's top edge stepped 6 px under a crane). Along every long straight edge
 * (its detected pieces joined: ./join-collinear.ts) the matte's edge crosses or leaves
 * (straight-matte.ts' crossesEdge, an edge along the matte's outline counted as the subject's: a
 * plinth's top where the cut took the plinth below it), both layers take the same nearness: the
 * nearness of what the picture shows there (each pixel its own layer's, by the matte), kept affine
 * along the edge (straighten.ts), over the band straightening keeps affine. The surface's parts
 * then move as one plane and its edge stays one straight line. Only a depth matte's cut is read so
 * (layers.ts' sharedNearness): a person's or a face's matte follows the figure's outline, and a
 * line running into it passes behind or before them — an occlusion, whose parallax stays. An edge
 * the picture shows only in pieces, hidden between them (a ledge behind a row of trees, with the
 * cut behind the trees: taj_orig.png's plinth stepped 20 px under a crane down), is shared along
 * its pieces alone (join-collinear.ts' joinBehind): what hides it keeps its own nearness.
 *
 * @example shareAcrossCut(back, front, matte, 1920, 1080, joinCollinear(segments, picture, 1920, 1080)) // back and front changed in place
 */
import { forEachInBand } from './segment-band.js';
import { crossesEdge } from './straight-matte.js';
import { bandWeight, straightBand, straightenNearness, type PixelSegment } from './straighten.js';

/**
 * the least length (share of the width) of an edge shared across the cut: a surface's long edge; a
 * short one the cut crosses is mostly a thin structure (a stalk, a wire), which the matte takes
 * whole (straight-matte.ts) and whose own nearness must stay its layer's (Dune.jpg's stalks bent
 * 1.3–1.7 px when shared)
 */
const LONG = 0.25;

/**
 * back, front: each layer's nearness (W×H, 0…255), changed in place; matte: the subject's (W×H,
 * 0…255, the cut the renderer composites by); edges: the picture's straight edges, their pieces
 * joined (joinCollinear). Returns the edges shared (none: nothing changed).
 */
export function shareAcrossCut(back: Uint8Array, front: Uint8Array, matte: Uint8Array, W: number, H: number, edges: readonly PixelSegment[], behind: ReadonlyArray<{ edge: PixelSegment; pieces: readonly PixelSegment[] }> = []): PixelSegment[] {
  const crosses = (s: PixelSegment) => crossesEdge(matte, W, H, s, true) !== undefined;
  const crossed = edges.filter((s) => length(s) >= LONG * W && crosses(s));
  // an edge hidden in places the cut crosses (a ledge behind a row of trees, the cut behind them):
  // shared along the pieces the picture shows, the hiding things keep their own nearness
  const hidden = behind.filter((g) => g.pieces.length > 1 && g.pieces.reduce((sum, p) => sum + length(p), 0) >= LONG * W
    && !edges.some((s) => sameSegment(s, g.edge)) && crosses(g.edge));
  if (!crossed.length && !hidden.length) return [];
  // what the picture shows: each pixel at its own layer's nearness
  const seen = new Uint8Array(W * H);
  for (let i = 0; i < W * H; i++) seen[i] = (matte[i]! * front[i]! + (255 - matte[i]!) * back[i]! + 127) / 255;
  const shared = straightenNearness(seen, W, H, [...crossed, ...hidden.map((g) => g.edge)]);
  const { core, feather } = straightBand(W);
  const share = (s: PixelSegment) => {
    const l = length(s);
    forEachInBand(s, core + feather, feather, feather, W, H, (i, along, across) => {
      const k = bandWeight(along, across, l, core, feather);
      if (k <= 0) return;
      back[i] = Math.round(back[i]! + k * (shared[i]! - back[i]!));
      front[i] = Math.round(front[i]! + k * (shared[i]! - front[i]!));
    });
  };
  for (const s of crossed) share(s);
  for (const g of hidden) for (const p of g.pieces) share(p);
  return [...crossed, ...hidden.map((g) => g.edge)];
}

const length = (s: PixelSegment) => Math.hypot(s.x1 - s.x0, s.y1 - s.y0);
const sameSegment = (a: PixelSegment, b: PixelSegment) => Math.max(Math.abs(a.x0 - b.x0), Math.abs(a.y0 - b.y0), Math.abs(a.x1 - b.x1), Math.abs(a.y1 - b.y1)) < 0.5;
