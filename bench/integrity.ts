/**
 * The picture's integrity under strong moves (issue #11's acceptance table, as an evaluation that
 * prints and asserts nothing — `npm run bench -- integrity`): for every fixture photograph (and
 * the character fixtures) × the strong camera moves a Kling user asks for (and "static shot,
 * clouds drift"), directed from the prompt on the real
 * analysis and rendered at ~640 px wide, the clip shows nothing cloned, nothing mirrored, and its
 * straight lines stay straight (≤ 0.75 px of bow at 640 px) — measured on the last frame against
 * frame 0 by test/helpers/picture-integrity.ts — and keeps what already works: frame 0 is the
 * input (≥ 35 dB), the move goes the way asked, smoothly, with no black or smeared edges. The
 * share of the last frame's blocks found nowhere near their place in frame 0 (torn layers' fragments,
 * test/helpers/integrity/fragments.ts) is shown beside them, as a figure.
 * A zoom's direction is read with the pan a re-aimed zoom adds; a static camera by its background
 * (an animated subject's sway is not camera motion); a border against the photo's own border.
 *
 * Frames are rendered without encoding (the integrity of the picture stage is what is checked);
 * 1.5 s clips keep the table cheap. Each row names the checks a case fails, with its figures.
 * The measures themselves are tested (test/helpers/picture-integrity.test.ts, frame-metrics.test.ts,
 * background-motion.test.ts).
 *
 * BENCH_INTEGRITY_PHOTOS and BENCH_INTEGRITY_MOVES (comma-separated parts of file names / prompts)
 * run only some cases, e.g. BENCH_INTEGRITY_PHOTOS=motorcycle,street BENCH_INTEGRITY_MOVES="pull out".
 * BENCH_INTEGRITY_DIR runs the photos of a folder instead of the fixtures (photos nobody tuned,
 * kept outside the repository).
 */
import sharp from 'sharp';
import { analyzeImage, direct, type Scene } from '../src/engine/index.js';
import { closePicturePool } from '../src/engine/picture/index.js';
import { benchPhotos, chosen, photoBytes } from './photos.js';
import { backgroundMask, backgroundShift } from '../test/helpers/background-motion.js';
import { borderDefects, describeBorderDefect, estimateZoomPan, i420ToRgb, luma, ownBorder, phaseCorrelation, psnr, yuv420Reference } from '../test/helpers/frame-metrics.js';
import { makeInput } from '../test/helpers/direct-input.js';
import type { Row } from './table.js';
import { renderAll } from '../test/helpers/render-frames.js';
import { bowLimit, cloned, grayFromI420, integrityProbe, mirrored, type IntegrityProbe } from '../test/helpers/picture-integrity.js';
import { fragments } from '../test/helpers/integrity/fragments.js';

const WIDTH = 640;
const DURATION = 1.5;
/** the most a crane's content may grow before the move reads as a zoom (the picture's overscan budget, 1.2, and some slack) */
const CRANE_SCALE = 1.25;
/** how far (px at WIDTH) round the camera's overall travel a block of the last frame is looked for in frame 0 (parallax) */
const FRAGMENT_REACH = 12;

type Direction = 'down' | 'up' | 'left' | 'right' | 'smaller' | 'larger' | 'moves' | 'still';

/** One row per strong move: the prompt a user types and what a viewer must see the content do. */
const MOVES: Array<{ prompt: string; direction: Direction; continuous: boolean }> = [
  { prompt: 'slow crane up', direction: 'down', continuous: true }, // the camera rises: content slides down
  { prompt: 'dramatic crane up', direction: 'down', continuous: true }, // past the overscan budget: it looks beyond the top edge
  { prompt: 'crane down', direction: 'up', continuous: true },
  { prompt: 'orbit left around the subject', direction: 'moves', continuous: true },
  { prompt: 'orbit right around the subject', direction: 'moves', continuous: true },
  { prompt: 'truck right', direction: 'left', continuous: true },
  { prompt: 'dolly zoom', direction: 'moves', continuous: true },
  { prompt: 'slow pull out', direction: 'smaller', continuous: true },
  { prompt: 'handheld camera', direction: 'moves', continuous: false },
  { prompt: 'whip pan to the right', direction: 'left', continuous: false },
  { prompt: 'drone shot flying forward', direction: 'larger', continuous: true },
  { prompt: 'static shot, clouds drift', direction: 'still', continuous: false },
];

interface Prepared { scene: Scene; width: number; height: number; input: Uint8Array }

/** What a case's checks read besides its frames: the photo's own border grain and where its subject is not. */
interface Reference { ownBorder: ReturnType<typeof ownBorder>; background: Uint8Array }

/**
 * Every shared fixture, and the character fixtures (test/fixtures/images): the football photo's
 * ball and logo by the bottom edge, the squirrel's branch cut by it — what a pull-out must not copy.
 */
const photos = () => benchPhotos('BENCH_INTEGRITY_DIR', 'BENCH_INTEGRITY_PHOTOS');

async function prepare(path: string): Promise<Prepared> {
  // (a character fixture below the input minimum is enlarged twice)
  const bytes = await photoBytes(path);
  const scene = await analyzeImage(bytes);
  const width = WIDTH, height = 2 * Math.round((WIDTH * scene.image.height) / scene.image.width / 2);
  const input = new Uint8Array(await sharp(bytes).resize(width, height, { fit: 'fill' }).removeAlpha().raw().toBuffer());
  return { scene, width, height, input };
}

/** Summed frame-to-frame translation (content moved by dx, dy px). */
function travel(frames: Float64Array[], w: number, h: number): { dx: number; dy: number } {
  const t = { dx: 0, dy: 0 };
  for (let i = 1; i < frames.length; i++) { const s = phaseCorrelation(frames[i - 1]!, frames[i]!, w, h); t.dx += s.dx; t.dy += s.dy; }
  return t;
}

function meanAbsDiff(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i += 3) s += Math.abs(a[i]! - b[i]!);
  return s / Math.ceil(a.length / 3);
}

/** Each check returns what is wrong (nothing when it passes), so one case reports every failure. */
type Check = string | undefined;

function direction(frames: Float64Array[], w: number, h: number, direction: Direction, ref: Reference): Check {
  const first = frames[0]!, last = frames[frames.length - 1]!;
  if (direction === 'smaller' || direction === 'larger') {
    // with the pan a re-aimed zoom adds (a pull-out aimed away from an edge it cannot continue)
    const { scale: s, dx, dy } = estimateZoomPan(first, last, w, h);
    return (direction === 'smaller' ? s < 0.97 : s > 1.02) ? undefined : `content scale ${s.toFixed(3)}, panned (${dx.toFixed(1)}, ${dy.toFixed(1)}) px (expected ${direction})`;
  }
  if (direction === 'moves') {
    const d = meanAbsDiff(first, last);
    return d > 2 ? undefined : `the last frame differs from the first by ${d.toFixed(2)} grey levels (expected a visible move)`;
  }
  if (direction === 'still') {
    // the camera is judged by the background: an animated subject moves inside its own outline
    const t = backgroundShift(first, last, w, h, ref.background) ?? travel(frames, w, h);
    return Math.hypot(t.dx, t.dy) < 1.5 ? undefined : `a static camera, but the background moved (${t.dx.toFixed(1)}, ${t.dy.toFixed(1)}) px`;
  }
  const t = travel(frames, w, h);
  const along = direction === 'left' ? -t.dx : direction === 'right' ? t.dx : direction === 'down' ? t.dy : -t.dy;
  if (!(along > 1.5)) return `content moved (${t.dx.toFixed(1)}, ${t.dy.toFixed(1)}) px (expected ${direction})`;
  // a crane that hides the picture's edges by blowing it up reads as a zoom, not as the camera rising or sinking
  if (direction === 'up' || direction === 'down') {
    const { scale } = estimateZoomPan(first, last, w, h, 0.8, 2);
    if (scale > CRANE_SCALE) return `content scale ${scale.toFixed(3)} (a crane, read as a zoom)`;
  }
  return undefined;
}

/** No single-frame jump (a step far larger than both neighbours) and, mid-move, no repeated frame. */
function smoothness(frames: Float64Array[], continuous: boolean): Check {
  const d = frames.slice(1).map((f, i) => meanAbsDiff(frames[i]!, f));
  for (let i = 1; i < d.length - 1; i++) {
    if (d[i]! > 2.5 * Math.max(d[i - 1]!, d[i + 1]!) + 0.5) return `frame ${i + 1} jumps (step ${d[i]!.toFixed(2)} vs ${d[i - 1]!.toFixed(2)}, ${d[i + 1]!.toFixed(2)})`;
  }
  if (continuous) for (let i = Math.floor(d.length / 3); i < (2 * d.length) / 3; i++) if (!(d[i]! > 0.02)) return `frame ${i + 1} repeats its predecessor`;
  return undefined;
}

function borders(frames: Float64Array[], w: number, h: number, ref: Reference): Check {
  for (let i = 0; i < frames.length; i += 4) {
    const [defect] = borderDefects(frames[i]!, w, h, ref.ownBorder);
    if (defect) return `frame ${i} ${describeBorderDefect(defect)}`;
  }
  return undefined;
}

export async function benchIntegrity(): Promise<Row[]> {
  const rows: Row[] = [];
  try {
    for (const { name, path } of photos()) {
      const { scene, width: w, height: h, input } = await prepare(path);
      const ref: Reference = {
        ownBorder: ownBorder(luma(input, w, h), w, h),
        background: backgroundMask(scene.layers?.matte ?? null, scene.maps.width, scene.maps.height, w, h),
      };
      let probe: IntegrityProbe | undefined;
      for (const move of MOVES.filter((m) => chosen('BENCH_INTEGRITY_MOVES', m.prompt))) {
        const plan = direct(makeInput({ prompt: move.prompt, duration: DURATION, width: w, height: h, sound: false, seed: 11 }), scene);
        const frames = await renderAll(plan, scene);
        // against the input as a 4:2:0 frame can show it (chroma subsampling is the format's loss)
        const zero = psnr(i420ToRgb(frames[0]!, w, h), yuv420Reference(input, w, h));
        probe ??= integrityProbe(grayFromI420(frames[0]!, w, h));
        const m = probe.measure(grayFromI420(frames[frames.length - 1]!, w, h));
        const lumas = frames.map((f) => luma(f, w, h, true));
        // blocks of the last frame nowhere near their place in frame 0 (round the camera's overall travel): a
        // figure, no verdict — a true occlusion's reveal and a margin's outpainting count too
        const moved = travel(lumas, w, h);
        const torn = fragments(grayFromI420(frames[0]!, w, h), grayFromI420(frames[frames.length - 1]!, w, h), FRAGMENT_REACH, undefined, [moved.dx, moved.dy]);
        const checks: Record<string, Check> = {
          'frame 0': zero >= 35 ? undefined : `PSNR ${zero.toFixed(1)} dB against the input resized (as 4:2:0)`,
          cloned: !cloned(m) ? undefined : `a coherent group of ${m.clone.size} frame-0 features appears twice; ${m.marginCopy.size} places of the revealed margin copy one object`,
          mirrored: !mirrored(m) ? undefined : `feature group ${m.mirror.size} (${m.mirror.kind ?? '-'}), border seam ${m.seam.score.toFixed(3)} at ${m.seam.side}`,
          bent: m.lines.worst <= bowLimit(w) ? undefined : `bows ${m.lines.worst.toFixed(2)} px (limit ${bowLimit(w).toFixed(2)})`,
          direction: direction(lumas, w, h, move.direction, ref),
          smoothness: smoothness(lumas, move.continuous),
          edges: borders(lumas, w, h, ref),
        };
        const failed = Object.entries(checks).filter(([, v]) => v).map(([k, v]) => `${k}: ${v}`);
        rows.push({
          photo: name, prompt: move.prompt, moves: plan.shots[0]!.camera.moves.join('+'),
          limited: plan.notes.some((n) => n.startsWith('camera:') && n.includes('limited to')) ? 'yes' : '',
          'frame 0 dB': zero.toFixed(1), 'clone group': m.clone.size, 'margin copies': m.marginCopy.size, 'mirror seam': m.seam.score.toFixed(3),
          'worst bow px': m.lines.worst.toFixed(2), 'fragments %': (100 * torn.share).toFixed(2), verdict: failed.length ? failed.join('; ') : 'clean',
        });
        // each row as it comes (stderr): the whole table takes long on a busy machine
        process.stderr.write(`${name} | ${move.prompt} | ${rows.at(-1)!.verdict}\n`);
      }
    }
  } finally {
    await closePicturePool();
  }
  const clean = rows.filter((r) => r.verdict === 'clean').length;
  rows.push({ photo: 'all', prompt: `${rows.length} cases`, verdict: `${clean} clean, ${rows.length - clean} with a defect` });
  return rows;
}
