/**
 * An animal's tail: a long thin part of its silhouette that stands out of the body on the far side
 * from its head. The body is what an opening of the silhouette keeps (a disc a third of the body's
 * half-thickness wide rolled inside it); what the opening removes are its thin parts (a tail, a
 * leg, an ear, a whisker of fur). A part counts as the tail when it joins the body, is at least
 * four times as long as it is wide and as long as the body is half-thick, ends inside the picture
 * (a part the frame cuts off may be anything), is not a leg (one running down to where the
 * outline stands on the ground), and joins the body on the side away from the head
 * (its eyes: index.ts).
 *
 * @example
 *   animalTail(silhouette, { x, y, scale }) // → { tail: { base: { x, y }, tip: { x, y }, width }, reason: null }
 */
import { components } from '../layers/components.js';
import type { HeadAt } from './head-window.js';
import type { Silhouette } from './silhouette.js';
import { chamferDistance } from '../chamfer.js';

export interface AnimalTail {
  /** where the tail joins the body and its far end, normalised */
  base: { x: number; y: number };
  tip: { x: number; y: number };
  /** the tail's mean width, fraction of the picture's width */
  width: number;
}

/** a part whose far end is this near the outline's lowest row (a share of that row's height), and that runs down most of its length, is a leg */
const LEG_GROUND = 0.04;
const LEG_DOWN = 0.8;

export function animalTail(silhouette: Silhouette, head: HeadAt | null): { tail: AnimalTail | null; reason: string | null } {
  const { mask, width: w, height: h } = silhouette;
  if (!head) return { tail: null, reason: 'its head was not found (no eyes were found with confidence)' };
  const depth = insideDistance(mask, w, h);
  let thickest = 0;
  for (const d of depth) thickest = Math.max(thickest, d);
  const r = Math.max(1.5, thickest / 3);
  // the body: the silhouette's opening by a disc of radius r (eroded, then grown back)
  const eroded = new Uint8Array(w * h);
  for (let i = 0; i < eroded.length; i++) eroded[i] = depth[i]! > r ? 1 : 0;
  const reach = insideDistance(eroded.map((v) => 1 - v), w, h);
  const body = new Uint8Array(w * h), thin = new Uint8Array(w * h);
  let bx = 0, by = 0, bn = 0;
  for (let i = 0; i < body.length; i++) {
    body[i] = mask[i] && reach[i]! <= r + 0.5 ? 1 : 0;
    thin[i] = mask[i] && !body[i] ? 1 : 0;
    if (body[i]) { bx += i % w; by += (i / w) | 0; bn++; }
  }
  if (!bn) return { tail: null, reason: 'its outline has no body to find a tail on' };
  let bottom = 0;
  for (let i = mask.length - 1; i >= 0; i--) if (mask[i]) { bottom = (i / w) | 0; break; }
  bx /= bn; by /= bn;
  const hx = head.x * w - bx, hy = head.y * h - by;
  let best: (AnimalTail & { length: number }) | null = null;
  for (const part of components(thin, w, h)) {
    // where it joins the body: its pixels beside a body pixel
    let ax = 0, ay = 0, an = 0;
    for (const i of part) {
      const x = i % w;
      if ((x > 0 && body[i - 1]) || (x < w - 1 && body[i + 1]) || (i >= w && body[i - w]) || (i + w < w * h && body[i + w])) { ax += x; ay += (i / w) | 0; an++; }
    }
    if (!an) continue;
    ax /= an; ay /= an;
    // its far end: the pixel farthest from where it joins
    let tip = part[0]!, far = -1;
    for (const i of part) {
      const d = Math.hypot((i % w) - ax, ((i / w) | 0) - ay);
      if (d > far) { far = d; tip = i; }
    }
    const tx = tip % w, ty = (tip / w) | 0;
    if (tx === 0 || ty === 0 || tx === w - 1 || ty === h - 1) continue;
    const width = part.length / Math.max(1, far);
    if (far < 4 * width || far < thickest) continue;
    // a leg: it hangs straight down to where the outline stands on the ground (a hanging tail
    // ends above the feet)
    if (ty >= bottom - LEG_GROUND * bottom && ty - ay > LEG_DOWN * far) continue;
    // on the far side from the head: it joins the body behind the body's middle, seen from the head
    if ((ax - bx) * hx + (ay - by) * hy >= 0) continue;
    if (!best || far > best.length) best = { base: { x: (ax + 0.5) / w, y: (ay + 0.5) / h }, tip: { x: (tx + 0.5) / w, y: (ty + 0.5) / h }, width: width / w, length: far };
  }
  if (!best) return { tail: null, reason: 'no long thin part stands out of its outline away from its head' };
  const { length: _, ...tail } = best;
  return { tail, reason: null };
}

/**
 * Each pixel's distance (px, chamfer 1/√2) to the nearest pixel outside the mask. The picture's
 * edge is not outside: an animal the frame cuts goes on beyond it.
 */
function insideDistance(mask: Uint8Array, w: number, h: number): Float32Array {
  const d = new Float32Array(w * h);
  for (let i = 0; i < d.length; i++) d[i] = mask[i] ? 1e9 : 0;
  return chamferDistance(d, w, h);
}
