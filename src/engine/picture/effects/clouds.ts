/**
 * clouds: the sky drifts sideways, slowly, and billows a little; the warp is confined to the sky
 * mask pulled in from its edges by as far as the sky will travel (shared/inset-mask.ts), so a
 * drifting sky only ever samples sky: a tower, a dome or a rocket in front of it is never dragged
 * into it or doubled, and the horizon and everything below stay put; a straight edge inside the
 * sky mask (a grey building taken for sky) is held still with its surroundings (setup/held-edges.ts).
 * params: direction (+1 right, −1 left; default +1), speed (fraction of the width per second, default
 * 0.012), cover (0…1, default 0: a storm's cloud cover — the sky greys and darkens under billowing
 * dark cloud, and the light over the rest of the scene dims a little, as under an overcast sky:
 * storm-cover.ts).
 */
import type { Effect } from '../../plan.js';
import type { EffectRenderer, SampleReach } from './types.js';
import { createNoise } from './shared/noise.js';
import { insetMask } from './shared/inset-mask.js';
import { stormCover } from './storm-cover.js';

/** The sky's drift speed (px a second) in a picture `width` px wide. */
function driftSpeed(effect: Effect, width: number): number {
  return (typeof effect.params.speed === 'number' ? effect.params.speed : 0.012) * width * (0.5 + effect.intensity);
}

/** The billow's amplitude (px) across the drift at full intensity; half of it up and down. */
const BILLOW = 0.004;

/** The farthest (px) a sky sample travels in a clip `seconds` long: the drift by the effect's end, plus the billow. */
function travel(effect: Effect, width: number, seconds: number): number {
  return driftSpeed(effect, width) * Math.max(0, Math.min(effect.end, seconds)) + BILLOW * width * effect.intensity + 1;
}

/** The drift samples one way only (upwind: a sky drifting right samples from its left); the billow, a little, every way. */
function travelBox(effect: Effect, width: number, seconds: number): SampleReach {
  const far = travel(effect, width, seconds), near = BILLOW * width * effect.intensity + 1, across = 0.5 * BILLOW * width * effect.intensity + 1;
  const right = direction(effect) > 0;
  return { left: right ? far : near, right: right ? near : far, up: across, down: across };
}

/** +1: the sky drifts right; −1: left. */
function direction(effect: Effect): number {
  return typeof effect.params.direction === 'number' && effect.params.direction < 0 ? -1 : 1;
}

export const clouds: EffectRenderer = {
  type: 'clouds',
  naturalRegion: 'sky',
  displaces: true,
  reach: travel,
  reachBox: travelBox,
  create(env, effect, rng, region) {
    const noise = createNoise(rng.int(2 ** 31));
    const dir = direction(effect);
    const speed = driftSpeed(effect, env.setup.width);
    const gw = env.gridWidth, gh = env.gridHeight;
    const mask = insetMask(env.gridMask(region ?? 'sky'), gw, gh, travel(effect, env.setup.width, env.setup.frames.length / env.setup.fps) / env.gridCell);
    // the billow is three noise cycles across the frame: evaluated every COARSE cells and
    // interpolated, it is the same to the eye at a sixty-fourth of the noise calls
    const COARSE = 8;
    const cw = Math.ceil((gw - 1) / COARSE) + 1, ch = Math.ceil((gh - 1) / COARSE) + 1;
    const coarseX = new Float32Array(cw * ch), coarseY = new Float32Array(cw * ch);
    const scale = 3 / gw;
    // the sky's cells and where each sits on the coarse grid, found once
    const sky: number[] = [];
    for (let k = 0; k < mask.length; k++) if (mask[k]! > 0) sky.push(k);
    const cells = Int32Array.from(sky), corner = new Int32Array(cells.length);
    const fxs = new Float32Array(cells.length), fys = new Float32Array(cells.length);
    cells.forEach((k, s) => {
      const u = (k % gw) / COARSE, v = Math.floor(k / gw) / COARSE;
      const a = Math.min(cw - 2, Math.floor(u)), b = Math.min(ch - 2, Math.floor(v));
      corner[s] = b * cw + a; fxs[s] = u - a; fys[s] = v - b;
    });
    const cover = typeof effect.params.cover === 'number' ? Math.min(1, Math.max(0, effect.params.cover)) : 0;
    // drawn whether or not there is a storm, so the drift's randomness is the same either way
    const coverSeed = rng.int(2 ** 31);
    return {
      // only a storm lights the frame: plain drifting clouds stay a displacement (and the fast path)
      ...(cover > 0 ? stormCover(env, effect, coverSeed, region, dir, cover) : {}),
      displace(field, f, amount) {
        // distance travelled so far: the integral of the eased-in speed, approximated by amount × t
        const shift = -dir * speed * f.t * Math.min(1, amount / Math.max(effect.intensity, 1e-3));
        const billow = BILLOW * env.setup.width * amount;
        for (let b = 0; b < ch; b++) for (let a = 0; a < cw; a++) {
          const i = a * COARSE, j = b * COARSE;
          coarseX[b * cw + a] = noise.noise3(i * scale, j * scale, f.t * 0.2);
          coarseY[b * cw + a] = noise.noise3(i * scale + 9, j * scale, f.t * 0.2);
        }
        for (let s = 0; s < cells.length; s++) {
          const k = cells[s]!, c = corner[s]!, fx = fxs[s]!, fy = fys[s]!, m = mask[k]!;
          const nx = (coarseX[c]! * (1 - fx) + coarseX[c + 1]! * fx) * (1 - fy) + (coarseX[c + cw]! * (1 - fx) + coarseX[c + cw + 1]! * fx) * fy;
          const ny = (coarseY[c]! * (1 - fx) + coarseY[c + 1]! * fx) * (1 - fy) + (coarseY[c + cw]! * (1 - fx) + coarseY[c + cw + 1]! * fx) * fy;
          field.dx[k]! += m * (shift + billow * nx);
          field.dy[k]! += m * billow * 0.5 * ny;
        }
      },
    };
  },
};
