/**
 * The flow-guided transition to the end image: the dense flow F from the picture at the
 * transition's start (A) to the end picture (B) is found once, at a small working size; frame s
 * (0 … 1) then warps A forward by s·F and B back by (1−s)·F, so both meet in the middle. They are
 * blended only where the flow aligns them; where it does not (content one picture lacks), each
 * pixel switches from A to B over a short span of s at its own moment (a smooth, seeded field), so
 * no frame holds two misaligned pictures on top of each other. s = 0 is A, s = 1 is B exactly.
 *
 * @example
 *   const t = flowTransition(startFrame, endFrame, 640, 360, seed);
 *   const mid = t.frame(0.5);
 */
import { createRandom } from '../../util/random.js';
import { denseFlow, sample } from './flow.js';

/** the span of s over which a pixel with no correspondence switches from A to B */
const SWITCH_SPAN = 0.03;
const WORK_WIDTH = 160;

export interface FlowTransition {
  frame(s: number): Uint8Array;
}

function lumaAt(frame: Uint8Array, width: number, height: number, k: number, w: number, h: number): Float32Array {
  // box average of k×k full-size pixels per working pixel
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    let s = 0, n = 0;
    for (let v = 0; v < k; v++) for (let u = 0; u < k; u++) {
      const fx = Math.min(width - 1, x * k + u), fy = Math.min(height - 1, y * k + v);
      s += frame[fy * width + fx]!, n++;
    }
    out[y * w + x] = s / n;
  }
  return out;
}

function switchField(w: number, h: number, seed: number): Float32Array {
  // a 5×4 grid of seeded moments in [0.3, 0.7 − span], interpolated smoothly
  const rnd = createRandom(seed), gw = 5, gh = 4;
  const grid = Array.from({ length: gw * gh }, () => rnd.range(0.3, 0.7 - SWITCH_SPAN));
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) out[y * w + x] = sample(grid, gw, gh, (x / Math.max(1, w - 1)) * (gw - 1), (y / Math.max(1, h - 1)) * (gh - 1));
  return out;
}

const smoothstep = (t: number) => (t <= 0 ? 0 : t >= 1 ? 1 : t * t * (3 - 2 * t));

export function flowTransition(a: Uint8Array, b: Uint8Array, width: number, height: number, seed: number): FlowTransition {
  const k = Math.max(1, Math.round(width / WORK_WIDTH));
  const w = Math.ceil(width / k), h = Math.ceil(height / k);
  const flow = denseFlow(lumaAt(a, width, height, k, w, h), lumaAt(b, width, height, k, w, h), w, h);
  const moment = switchField(w, h, seed);
  const cw = width >> 1, ch = height >> 1, planeU = width * height, planeV = planeU + cw * ch;
  // per output pixel (luma, then chroma at half size): flow in full-size pixels, alignment, moment
  const field = (x: number, y: number) => {
    const wx = (x + 0.5) / k - 0.5, wy = (y + 0.5) / k - 0.5;
    return [sample(flow.fx, w, h, wx, wy) * k, sample(flow.fy, w, h, wx, wy) * k, sample(flow.aligned, w, h, wx, wy), sample(moment, w, h, wx, wy)] as const;
  };
  const lumaField = new Float32Array(width * height * 4);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) lumaField.set(field(x, y), (y * width + x) * 4);
  const chromaField = new Float32Array(cw * ch * 4);
  for (let y = 0; y < ch; y++) for (let x = 0; x < cw; x++) {
    const [fx, fy, al, mo] = field(2 * x + 0.5, 2 * y + 0.5);
    chromaField.set([fx / 2, fy / 2, al, mo], (y * cw + x) * 4);
  }
  const aY = a.subarray(0, planeU), bY = b.subarray(0, planeU);
  const aU = a.subarray(planeU, planeV), bU = b.subarray(planeU, planeV), aV = a.subarray(planeV), bV = b.subarray(planeV);

  return {
    frame(s: number): Uint8Array {
      const out = new Uint8Array(a.length);
      const plane = (pa: Uint8Array, pb: Uint8Array, f: Float32Array, pw: number, ph: number, offset: number) => {
        for (let y = 0; y < ph; y++) for (let x = 0; x < pw; x++) {
          const i = (y * pw + x) * 4;
          const fx = f[i]!, fy = f[i + 1]!, aligned = f[i + 2]!, moment = f[i + 3]!;
          const va = sample(pa, pw, ph, x - s * fx, y - s * fy);
          const vb = sample(pb, pw, ph, x + (1 - s) * fx, y + (1 - s) * fy);
          const hard = smoothstep((s - moment) / SWITCH_SPAN);
          const weight = aligned * s + (1 - aligned) * hard;
          out[offset + y * pw + x] = Math.round(va + (vb - va) * weight);
        }
      };
      plane(aY, bY, lumaField, width, height, 0);
      plane(aU, bU, chromaField, cw, ch, planeU);
      plane(aV, bV, chromaField, cw, ch, planeV);
      return out;
    },
  };
}
