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
 * line running into it passes behind or before them — an occlusion, whose parallax stays.
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
export function shareAcrossCut(back: Uint8Array, front: Uint8Array, matte: Uint8Array, W: number, H: number, edges: readonly PixelSegment[]): PixelSegment[] {
  const crossed = edges.filter((s) => Math.hypot(s.x1 - s.x0, s.y1 - s.y0) >= LONG * W && crossesEdge(matte, W, H, s, true) !== undefined);
  if (!crossed.length) return crossed;
  // what the picture shows: each pixel at its own layer's nearness
  const seen = new Uint8Array(W * H);
  for (let i = 0; i < W * H; i++) seen[i] = (matte[i]! * front[i]! + (255 - matte[i]!) * back[i]! + 127) / 255;
  const shared = straightenNearness(seen, W, H, crossed);
  const { core, feather } = straightBand(W);
  for (const s of crossed) {
    const length = Math.hypot(s.x1 - s.x0, s.y1 - s.y0);
    forEachInBand(s, core + feather, feather, feather, W, H, (i, along, across) => {
      const k = bandWeight(along, across, length, core, feather);
      if (k <= 0) return;
      back[i] = Math.round(back[i]! + k * (shared[i]! - back[i]!));
      front[i] = Math.round(front[i]! + k * (shared[i]! - front[i]!));
    });
  }
  return crossed;
}

