/**
 * The outpainted margin meets the picture with no line along the edge (issue #11: a crane up past
 * the overscan showed a horizontal seam where its revealed strip met the picture). A drawn
 * picture — soft blotches of green, blue and brown over a wavy texture a few pixels across and a
 * little grain, as a macro photo's background — is outpainted on every side; across each edge,
 * the step from the margin's first row to the picture's edge row reads as the picture's own steps
 * between rows (edge-seam measure, test/helpers/integrity/edge-seam.ts, under EDGE_SEAM_LIMIT). The old margin was matched
 * on a small raster whose edge rows took in the empty margin when shrunk, and its first rows were
 * never joined to the edge: 1.6–3.6× the picture's own steps here (1.3–6.6× on untuned photos).
 * And a scanned photo's border line is not continued into its margin.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { outpaint } from '../../../src/engine/picture/setup/outpaint.js';
import { seededNoise } from '../../helpers/seeded-noise.js';
import { EDGE_SEAM_LIMIT, edgeSeam, type EdgeLine } from '../../helpers/integrity/edge-seam.js';
import { blockEdges } from '../../helpers/integrity/block-edges.js';

const W = 1280, H = 720, MX = 64, MY = 40;

/** soft blotches (a blurred background's shapes), colour varying between them, a wavy texture a few px across (stalks, leaves) and a little grain */
function drawn(): Uint8Array {
  const rnd = seededNoise(11), out = new Uint8Array(W * H * 4);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const a = Math.sin(x / 37 + 1.1) * Math.cos(y / 29 - 0.3), b = Math.sin((x + 2 * y) / 53) * Math.cos((x - y) / 41 + 0.8);
    const grain = 4 * rnd() + 16 * Math.sin(x / 4.3 + 2 * Math.sin(y / 17)) * Math.cos(y / 5.1 + Math.sin(x / 23)), o = (y * W + x) * 4;
    out[o] = Math.round(90 + 40 * b - 20 * a + grain);
    out[o + 1] = Math.round(130 + 45 * a + grain);
    out[o + 2] = Math.round(70 + 70 * Math.max(0, b) + grain);
    out[o + 3] = 255;
  }
  return out;
}

test('the outpainted margin meets the picture on every side with no line along the edge', async () => {
  const { canvas } = await outpaint(drawn(), W, H, MX, MY, 3);
  const cw = W + 2 * MX, ch = H + 2 * MY, grey = new Float32Array(cw * ch);
  for (let i = 0; i < cw * ch; i++) grey[i] = 0.299 * canvas[i * 4]! + 0.587 * canvas[i * 4 + 1]! + 0.114 * canvas[i * 4 + 2]!;
  const lines: EdgeLine[] = [
    { side: 'top', at: MY, from: MX, to: MX + W }, { side: 'bottom', at: MY + H - 1, from: MX, to: MX + W },
    { side: 'left', at: MX, from: MY, to: MY + H }, { side: 'right', at: MX + W - 1, from: MY, to: MY + H },
  ];
  const seams = lines.map((line) => ({ side: line.side, ...edgeSeam(grey, cw, ch, line) }));
  const said = seams.map((s) => `${s.side} ${s.ratio.toFixed(2)} (${s.across.toFixed(2)} vs ${s.inside.toFixed(2)})`).join(', ');
  for (const s of seams) assert.ok(s.ratio < EDGE_SEAM_LIMIT, `a line along the ${s.side} edge: ${said}`);
});

/** the margin under a photo's edge keeps at least this share of the grain of the picture's rows above it */
const MARGIN_GRAIN_MIN = 0.7;

/**
 * Under the footballer's feet the lawn is in focus, sharp and grainy; farther up the same green is
 * soft. On the synthesis' small raster both are one colour, so the old margin continued the sharp
 * edge with soft copies (4×4 blocks of them): a smooth band under a grainy picture. The grain
 * (mean |Laplacian| of luma) of the bottom margin against the picture's bottom rows as deep:
 * 0.45 before (fine-grain.ts and the full-resolution synthesis), 0.86 after.
 */
test("a photo's margin keeps the grain of the edge it continues (the footballer's sharp lawn)", async (t) => {
  const { data, info } = await sharp(new URL('../../fixtures/images/football-player.jpg', import.meta.url).pathname)
    .resize({ width: W }).removeAlpha().ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const w = info.width, h = info.height, mx = 96, my = 48, cw = w + 2 * mx, ch = h + 2 * my;
  const { canvas } = await outpaint(new Uint8Array(data.buffer, data.byteOffset, data.length), w, h, mx, my, 3);
  const grey = new Float32Array(cw * ch);
  for (let i = 0; i < cw * ch; i++) grey[i] = 0.299 * canvas[i * 4]! + 0.587 * canvas[i * 4 + 1]! + 0.114 * canvas[i * 4 + 2]!;
  const grain = (y0: number, y1: number) => {
    let sum = 0, n = 0;
    for (let y = y0; y < y1; y++) for (let x = mx; x < mx + w; x++, n++) {
      const i = y * cw + x;
      sum += Math.abs(4 * grey[i]! - grey[i - 1]! - grey[i + 1]! - grey[i - cw]! - grey[i + cw]!);
    }
    return sum / n;
  };
  const below = grain(my + h + 1, ch - 1), inside = grain(h - 1, my + h - 1), ratio = below / inside;
  const zone = new Uint8Array(cw * ch).fill(1, (my + h) * cw);
  t.diagnostic(`grain below ${below.toFixed(2)}, inside ${inside.toFixed(2)}: ${ratio.toFixed(2)}; block edges in the bottom margin ${(100 * blockEdges(grey, cw, ch, zone).share).toFixed(3)} %`);
  assert.ok(ratio >= MARGIN_GRAIN_MIN, `the bottom margin is smoother than the lawn above it: grain ${ratio.toFixed(2)} of the picture's (want ≥ ${MARGIN_GRAIN_MIN})`);
});

/**
 * Pixels of `grey` (cw wide) in rows y0…y1 (columns x0…x1) that lie in dark horizontal runs of 8 px
 * or more (luma < 45): a dark border line's copies, a row tall — a dark strand of fur is no run along a row.
 */
function darkRuns(grey: Float32Array, cw: number, x0: number, x1: number, y0: number, y1: number): number {
  let count = 0;
  for (let y = y0; y < y1; y++) {
    let run = 0;
    for (let x = x0; x <= x1; x++) {
      if (x < x1 && grey[y * cw + x]! < 45) run++;
      else { if (run >= 8) count += run; run = 0; }
    }
  }
  return count;
}

/**
 * The mandrill is a scan whose last row is black (mean luma 11 under rows of 141): the picture's,
 * not the world's. Its pull-out's margin copied it about as dark dashes and the join to the edge
 * darkened the first margin rows after it: 570 px in dark runs in the bottom margin, against 0 in
 * as many of the picture's rows above the line; 0 now (border-line.ts).
 */
test('a scanned border line along the edge is not continued into the margin (the mandrill)', async (t) => {
  const { data, info } = await sharp(new URL('../../fixtures/images/mandrill.jpg', import.meta.url).pathname).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const w = info.width, h = info.height, mx = 48, my = 48, cw = w + 2 * mx, ch = h + 2 * my;
  const { canvas } = await outpaint(new Uint8Array(data.buffer, data.byteOffset, data.length), w, h, mx, my, 3);
  const grey = new Float32Array(cw * ch);
  for (let i = 0; i < cw * ch; i++) grey[i] = 0.299 * canvas[i * 4]! + 0.587 * canvas[i * 4 + 1]! + 0.114 * canvas[i * 4 + 2]!;
  const below = darkRuns(grey, cw, 0, cw, my + h, ch), above = darkRuns(grey, cw, mx, mx + w, h - 1, my + h - 1);
  t.diagnostic(`dark runs: ${below} px in the bottom margin, ${above} in the ${my} rows above the line`);
  assert.ok(darkRuns(grey, cw, mx, mx + w, my + h - 1, my + h) > 0.9 * w, 'the line is still the picture\'s last row');
  assert.ok(below <= 2 * above + 0.1 * w, `the bottom margin continues the border line: ${below} px in dark runs (the ${my} rows above it: ${above})`);
});
