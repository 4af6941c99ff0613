/**
 * Every action row on photos nobody tuned (issue #13's evaluation, as a bench that prints and
 * asserts nothing — `npm run bench -- acting`): for each photo, the performer the analysis finds
 * (a person with a face, a person's body, an animal) is named in Kling-style prompts, one per row
 * that applies to it ("the man nods", "the monkey blinks slowly"), each rendered ~2 s at 480 px
 * wide with the camera locked, and the same shot with no action (same seed: the same idle life).
 * Each row is one of:
 * - performed: its region (face, head, jaw, arm, eyes, ears or tail) moves clearly beyond the idle
 *   clip, its local motion is not below idle life's while it lasts, and the background away from
 *   every performer stays still — the measures of the action tests (test/helpers/action-regions.ts);
 *   the ratio shown is its local motion over idle life's;
 * - noted: not performed, and the plan's note says why;
 * - FAIL: neither, or performed with motion not above idle, or the background moved.
 * A photo with no living subject gets one row: idle life must move nothing at all.
 *
 * BENCH_ACTING_DIR runs the photos of a folder (photos nobody tuned, outside the repository)
 * instead of the fixtures; BENCH_ACTING_PHOTOS and BENCH_ACTING_ROWS (comma-separated parts of
 * file names / row ids) run only some; BENCH_ACTING_WHO names performers ("messi=the player,chicky=the chick";
 * else the words below, else "the person" / "the animal"); BENCH_ACTING_SHEETS=<folder> writes each
 * case's region, idle above acting, at five moments of the action (PNG, to look at).
 */
import { mkdirSync } from 'node:fs';
import sharp from 'sharp';
import { direct, type Scene, type ShotPlan } from '../src/engine/index.js';
import { ACTIONS, type ActionEntry, type SubjectKind } from '../src/engine/direct/characters/actions.js';
import { closePicturePool } from '../src/engine/picture/index.js';
import { ASK } from '../test/helpers/action-asks.js';
import { actionMotion, animalEyeRegions, armRegion, backgroundPeak, earRegions, performerRegions, tailRegion, type PerformerRegions } from '../test/helpers/action-regions.js';
import { analyzed } from '../test/helpers/analyzed.js';
import { backgroundMask } from '../test/helpers/background-motion.js';
import { makeInput } from '../test/helpers/direct-input.js';
import { i420ToRgb } from '../test/helpers/frame-metrics.js';
import { blockPeak, changeSeries, lockCamera, regionChange, type Region } from '../test/helpers/local-motion.js';
import { renderAll } from '../test/helpers/render-frames.js';
import { benchPhotos, chosen, photoBytes } from './photos.js';
import type { Row } from './table.js';

const WIDTH = 480;
const DURATION = 2.5;
const SEED = 7;
/** the thresholds of the action tests: a face or head row's largest tile change against the idle clip (actions.test.ts), an arm's or an eye's (arms.test.ts, animal-blink.test.ts), an ear's or a tail's region mean (animal-ears/tail.test.ts), the background's largest tile change */
const EXTRA = { tile: 4, arm: 6, eye: 6, mean: 2, background: 1.5 };

/** How a user names the performer of a photo we know (file-name part → words); others by what the analysis found. */
const WHO: Record<string, string> = {
  astronaut: 'the woman', 'grace-hopper': 'the woman', 'flower-hat': 'the woman', football: 'the player', messi: 'the player',
  cameraman: 'the man', basketball: 'the man', cat: 'the cat', kitten: 'the kitten', dog: 'the dog', squirrel: 'the squirrel',
  cheetah: 'the cheetah', raccoon: 'the raccoon', macaw: 'the parrot', mandrill: 'the monkey', baboon: 'the monkey', chicky: 'the dog',
};

function who(name: string): string | undefined {
  const named = process.env.BENCH_ACTING_WHO?.split(',').map((p) => p.split('=')).find(([part]) => part && name.includes(part.trim()));
  return named?.[1]?.trim() ?? Object.entries(WHO).find(([part]) => name.includes(part))?.[1];
}

interface Clip { plan: ShotPlan; frames: Uint8Array[] }

async function render(scene: Scene, prompt: string, W: number, H: number): Promise<Clip> {
  // (with sound: an animal's call is its voice, which the sound half plays where no rig performs it)
  const plan = lockCamera(direct(makeInput({ prompt, width: W, height: H, duration: DURATION, seed: SEED }), scene));
  return { plan, frames: await renderAll(plan, scene) };
}

/** The rows a performer can be asked for, as the tests ask them (with the performer's pronoun: "the man shakes his head"). */
function rowsFor(kind: SubjectKind, noun: string): Array<{ row: ActionEntry; ask: string }> {
  const his = /\b(man|boy|player|father|king)\b/.test(noun), her = /\b(woman|girl|mother|queen)\b/.test(noun);
  const pronoun = (ask: string) => (his ? ask.replace(/\bher\b/, 'his') : her ? ask.replace(/\bhis\b/, 'her') : ask);
  return ACTIONS.filter((row) => row.subjects.includes(kind) && ASK[row.id]?.[kind] && chosen('BENCH_ACTING_ROWS', row.id)).map((row) => ({ row, ask: pronoun(ASK[row.id]![kind]!) }));
}

interface Measured { region: Region; extra: number; ratio: number; above: boolean; background: number; figures: string }

/** A performed row's measures, by the rig that performs it. */
function measure(row: ActionEntry, kind: SubjectKind, acting: Clip, idle: Clip, scene: Scene, regions: PerformerRegions, W: number, H: number, from: number, to: number): Measured | string {
  // the background: away from every performer's region and clear of the subject's matte
  const keep = backgroundMask(scene.layers?.matte ?? null, scene.maps.width, scene.maps.height, W, H);
  const rig = row.rig[kind];
  const subject = acting.plan.shots[0]!.subjects?.[0];
  const peakIn = (frames: Uint8Array[], r: Region) => Math.max(...changeSeries(frames, W, H, r).slice(from, to));
  // the action's region beyond the idle clip: the largest tile (or, for an ear or a tail, the region's mean)
  const beyond = (rs: Region[], mean: boolean) => Math.max(...rs.flatMap((r) => acting.frames.map((f, i) => (mean ? regionChange : blockPeak)(idle.frames[i]!, f, W, r))));
  const local = (rs: Region[], limit: number, mean = false): Measured | string => {
    if (!rs.length) return `performed, but no ${rig} region to measure`;
    const extra = beyond(rs, mean), motion = Math.max(...rs.map((r) => peakIn(acting.frames, r))), still = Math.max(...rs.map((r) => peakIn(idle.frames, r)));
    // (an arm's gesture reaches beyond the person's box: the background is judged away from its reach too)
    const reach = rs.map((r) => ({ x: r.x - r.w, y: r.y - r.h, w: 3 * r.w, h: 3 * r.h }));
    const background = backgroundPeak(acting.frames, W, H, [...regions.others, ...reach], keep);
    return { region: rs[0]!, extra, ratio: motion / Math.max(still, 1e-3), above: extra > limit, background, figures: `beyond idle ${extra.toFixed(1)} (> ${limit})` };
  };
  if (rig === 'arm') { const r = armRegion(scene, W, H); return local(r ? [r] : [], EXTRA.arm); }
  if (rig === 'eyes') return local(subject ? animalEyeRegions(subject, W, H) : [], EXTRA.eye);
  if (rig === 'ears') return local(subject ? earRegions(subject, W, H) : [], EXTRA.mean, true);
  if (rig === 'tail') { const r = subject && tailRegion(subject, W, H); return local(r ? [r] : [], EXTRA.mean, true); }
  const m = actionMotion(row.id, acting.frames, idle.frames, W, H, regions, from, to);
  const background = backgroundPeak(acting.frames, W, H, regions.others, keep);
  return { region: regions.where, extra: m.extra, ratio: m.motion / Math.max(m.idle, 1e-3), above: m.extra > EXTRA.tile && m.motion >= m.idle, background, figures: `beyond idle ${m.extra.toFixed(1)} (> ${EXTRA.tile}), local ${m.motion.toFixed(2)} vs idle ${m.idle.toFixed(2)}` };
}

/** The region grown by half, idle frames above acting ones at five moments of the action, enlarged (PNG). */
async function sheet(file: string, acting: Clip, idle: Clip, region: Region, W: number, H: number, from: number, to: number): Promise<void> {
  const x0 = Math.max(0, Math.floor(region.x - region.w / 4)), y0 = Math.max(0, Math.floor(region.y - region.h / 4));
  const w = Math.min(W - x0, Math.ceil(1.5 * region.w)), h = Math.min(H - y0, Math.ceil(1.5 * region.h));
  if (w < 2 || h < 2) return;
  const moments = [0, 0.25, 0.5, 0.75, 1].map((t) => Math.min(acting.frames.length - 1, Math.round(from + t * (to - 1 - from))));
  const out = Buffer.alloc(5 * w * 2 * h * 3);
  [idle, acting].forEach((clip, row) => moments.forEach((f, col) => {
    const rgb = i420ToRgb(clip.frames[f]!, W, H);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) for (let c = 0; c < 3; c++) out[((row * h + y) * 5 * w + col * w + x) * 3 + c] = rgb[((y0 + y) * W + x0 + x) * 3 + c]!;
  }));
  // (enlarged so that a small face fills about 240 px a row)
  const zoom = Math.max(2, Math.round(240 / h));
  await sharp(out, { raw: { width: 5 * w, height: 2 * h, channels: 3 } }).resize(5 * w * zoom, 2 * h * zoom, { kernel: 'nearest' }).png().toFile(file);
}

/** A row the plan does not perform: the note that says why, or its voice heard alone (a call), or a FAIL. */
function asked(row: ActionEntry, ask: string, plan: ShotPlan): string {
  const shot = plan.shots[0]!;
  if ([...shot.characters.flatMap((c) => c.actions), ...(shot.subjects ?? []).flatMap((s) => s.actions)].some((a) => a.type === row.id)) return 'FAIL: performed on a performer the idle prompt does not find';
  const note = plan.notes.find((n) => n.includes(ask.split(' ')[0]!.replace(/s$/, '')));
  const heard = row.voice && plan.audio.events.length > 0;
  return note ? `noted: ${note}` : heard ? 'heard (its sound alone)' : `FAIL: neither performed nor noted (${plan.notes.join(' | ') || 'no notes'})`;
}

export async function benchActing(): Promise<Row[]> {
  const rows: Row[] = [];
  const sheets = process.env.BENCH_ACTING_SHEETS;
  if (sheets) mkdirSync(sheets, { recursive: true });
  try {
    for (const { name, path } of benchPhotos('BENCH_ACTING_DIR', 'BENCH_ACTING_PHOTOS')) {
      const scene = await analyzed(await photoBytes(path));
      const W = WIDTH, H = 2 * Math.round((WIDTH * scene.image.height) / scene.image.width / 2);
      // who is there: as the user names it (an animal no detector boxed is found by its name), else
      // as a prompt that names no one sees it (a face's character, or a living subject)
      const named = who(name);
      const idlePrompt = (noun: string) => `${noun} in a portrait`;
      const seen = direct(makeInput({ prompt: named ? idlePrompt(named) : 'static shot', width: W, height: H, duration: DURATION, seed: SEED, sound: false }), scene).shots[0]!;
      const face = seen.characters[0]?.face;
      const kind: SubjectKind | undefined = face !== undefined ? 'person' : seen.subjects?.[0]?.kind;
      if (!kind && !named) {
        // idle life moves no product and no building
        const still = await render(scene, 'static shot', W, H);
        const change = Math.max(...changeSeries(still.frames, W, H, { x: 0, y: 0, w: W, h: H }));
        rows.push({ photo: name, performer: '-', row: 'idle', verdict: change === 0 ? 'still (no living subject)' : `FAIL: nothing living, yet the picture changes by ${change.toFixed(2)}` });
        process.stderr.write(`${name} | idle | ${rows.at(-1)!.verdict}\n`);
        continue;
      }
      if (!kind) {
        // named but not found: every row it is asked for must say so
        const as: SubjectKind = /\b(man|woman|person|boy|girl|player)\b/.test(named!) ? 'person' : 'animal';
        rows.push({ photo: name, performer: `${named} (not found)`, row: 'idle', verdict: 'not found' });
        for (const { row, ask } of rowsFor(as, named!)) {
          const plan = direct(makeInput({ prompt: `${named} ${ask}`, width: W, height: H, duration: DURATION, seed: SEED }), scene);
          rows.push({ photo: name, performer: `${named} (not found)`, row: row.id, prompt: `${named} ${ask}`, verdict: asked(row, ask, plan) });
        }
        continue;
      }
      const noun = named ?? (kind === 'person' ? 'the person' : 'the animal');
      const subject = seen.subjects?.[0];
      const found = face !== undefined ? `face${scene.pose ? ' + body' : ''}` : `${kind}${subject!.eyes?.length ? ', eyes' : ''}${subject!.ears?.length ? ', ears' : ''}${subject!.tail ? ', tail' : ''}${subject!.head ? ', head' : ''}`;
      const idle = await render(scene, idlePrompt(noun), W, H);
      const idleFace = idle.plan.shots[0]!.characters[0]?.face;
      if (face !== undefined && idleFace === undefined || face === undefined && !idle.plan.shots[0]!.subjects?.length) {
        rows.push({ photo: name, performer: `${noun} (${found})`, row: 'idle', verdict: `FAIL: "${noun} in a portrait" binds no performer: ${idle.plan.notes.join(' | ')}` });
        continue;
      }
      const regions = performerRegions(scene, idle.plan, W, H, idleFace);
      const idleMotion = Math.max(...changeSeries(idle.frames, W, H, regions.where));
      rows.push({ photo: name, performer: `${noun} (${found})`, row: 'idle', verdict: idleMotion > 0.05 ? `moves a little (${idleMotion.toFixed(2)})` : `FAIL: idle life moves it ${idleMotion.toFixed(3)}` });
      for (const { row, ask } of rowsFor(kind, noun)) {
        const prompt = `${noun} ${ask}`;
        const acting = await render(scene, prompt, W, H);
        const shot = acting.plan.shots[0]!;
        const action = [...shot.characters.flatMap((c) => c.actions), ...(shot.subjects ?? []).flatMap((s) => s.actions)].find((a) => a.type === row.id);
        const base = { photo: name, performer: `${noun} (${found})`, row: row.id, prompt };
        if (!action) rows.push({ ...base, verdict: asked(row, ask, acting.plan) });
        else {
          const from = Math.round(action.start * acting.plan.fps), to = Math.min(acting.frames.length, Math.round(action.end * acting.plan.fps) + 1);
          const m = measure(row, kind, acting, idle, scene, regions, W, H, from, to);
          if (typeof m === 'string') rows.push({ ...base, verdict: `FAIL: ${m}` });
          else {
            const failed = [!m.above && `motion not above idle: ${m.figures}`, m.background >= EXTRA.background && `the background moved (${m.background.toFixed(2)})`].filter(Boolean);
            rows.push({ ...base, 'over idle': m.ratio.toFixed(2), 'beyond idle': m.extra.toFixed(1), background: m.background.toFixed(2), verdict: failed.length ? `FAIL: ${failed.join('; ')}` : 'performed' });
            if (sheets) await sheet(`${sheets}/${name.replace(/\.\w+$/, '')}-${row.id}.png`, acting, idle, m.region, W, H, from, to);
          }
        }
        process.stderr.write(`${name} | ${row.id} | ${rows.at(-1)!.verdict}\n`);
      }
    }
  } finally {
    await closePicturePool();
  }
  const cases = rows.filter((r) => r.row !== 'idle' || String(r.verdict).startsWith('FAIL'));
  const count = (p: string) => rows.filter((r) => String(r.verdict).startsWith(p)).length;
  rows.push({ photo: 'all', row: `${cases.length} cases`, verdict: `${count('performed')} performed, ${count('noted')} noted, ${count('heard')} heard, ${count('FAIL')} FAIL` });
  return rows;
}
