/**
 * The sound stages (issue 3): warm-up of the speech engines, then for 5 s and 10 s clips the time
 * of each stage of renderSound (beds, events, music, speech, mix = ducking + reverb + mastering)
 * and in all, for a beds-only plan, a full mix (beds + events + music + one spoken line), a
 * Mandarin line, SoundFont music alone for four genres, and music + ambience + speech (the
 * issue-14 budget: a 10 s soundtrack in ≤ 0.8 s warm). "CPU ms" is the process's CPU time for the render (wall time on a busy machine
 * includes waiting for a core); "× real time" is the clip's length ÷ the wall time (higher is better).
 *
 *   npm run bench -- sound
 */
import { directAudio } from '../src/engine/direct/audio/index.js';
import { renderSound, warmUpSound } from '../src/engine/sound/index.js';
import { PLAN_VERSION, type ShotPlan, type Shot } from '../src/engine/plan.js';
import type { Scene } from '../src/engine/scene.js';
import type { Row } from './table.js';

const scene = {
  tags: ['outdoor', 'day', 'sky', 'foliage'], faces: [], horizon: 0.4, subject: { x: 0.33, y: 0.33, w: 0.33, h: 0.33 },
  maps: { width: 2, height: 2, sky: new Float32Array([1, 1, 0, 0]), water: new Float32Array(4), foliage: new Float32Array([0, 0, 1, 1]), lights: new Float32Array(4), people: new Float32Array(4), depth: new Float32Array(4), saliency: new Float32Array(4) },
} as unknown as Scene;

const key = { t: 0, zoom: 1, pan: 0, tilt: 0, roll: 0, truck: 0, pedestal: 0, dolly: 0, focus: 0.5, aperture: 0 };

function planFor(prompt: string, duration: number): ShotPlan {
  const shot: Shot = {
    start: 0, end: duration,
    camera: { moves: ['static'], speed: 'normal', easing: 'linear', keys: [key], shake: { amplitude: 0, frequency: 0 }, motion_blur: 0 },
    effects: [{ type: 'lightning', intensity: 0.8, start: 0, end: duration, fade_in: 0, region: 'sky', events: [1.5], params: {} }],
    grade: { exposure: 0, contrast: 1, saturation: 1, warmth: 0, vignette: 0, fade_in: 0 },
    characters: [],
  };
  const input = { prompt, negativePrompt: '', cfgScale: 0.5, duration, seed: 1, width: 1920, height: 1080, sound: true, voices: [] };
  const notes: string[] = [];
  const audio = directAudio(input, scene, shot, notes);
  return { version: PLAN_VERSION, seed: 1, duration, fps: 24, width: 1920, height: 1080, prompt, negative_prompt: '', cfg_scale: 0.5, scene: { tags: [], faces: 0 }, shots: [shot], audio, notes };
}

const CASES: Array<[string, string]> = [
  ['beds only', 'light rain, wind'],
  ['full mix', 'rain and wind, a door slams, calm piano music, she says "Welcome home, the rain is coming."'],
  ['Mandarin line', '她说“你好，欢迎回家。” soft city ambience'],
  // sound v2 (issue 14): the SoundFont music, per genre family, and the full soundtrack of the budget
  ['music: jazz trio', 'soft jazz'],
  ['music: orchestral', 'epic orchestral score'],
  ['music: electronic', 'upbeat synthwave music'],
  ['music: ambient pads', 'calm ambient pad music'],
  ['music + ambience + speech', 'birds in the forest and a light breeze, gentle acoustic guitar music, he says "The weather is beautiful today, let us walk to the river."'],
];

export async function benchSound(): Promise<Row[]> {
  const rows: Row[] = [];
  const t = performance.now();
  await warmUpSound();
  rows.push({ case: 'warmUpSound (flite WASM, SoundFont parse + decode; espeak loads on its first line)', clip: '', 'total ms': Math.round(performance.now() - t) });
  for (const duration of [5, 10]) {
    for (const [name, prompt] of CASES) {
      const plan = planFor(prompt, duration);
      await renderSound(plan, scene); // first run: JIT warm-up
      const best = { total: Infinity, cpu: Infinity } as Record<string, number>;
      for (let i = 0; i < 3; i++) {
        const cpu = process.cpuUsage();
        const { timings } = await renderSound(plan, scene);
        const used = process.cpuUsage(cpu);
        if (timings && timings.total < best.total!) Object.assign(best, timings);
        best.cpu = Math.min(best.cpu!, Math.round((used.user + used.system) / 1000));
      }
      rows.push({
        case: name, clip: `${duration}s`,
        'beds ms': best.beds!, 'events ms': best.events!, 'music ms': best.music!, 'speech ms': best.speech!, 'mix ms': best.mix!,
        'total ms': best.total!, 'CPU ms': best.cpu!, '× real time': ((duration * 1000) / best.total!).toFixed(1),
      });
    }
  }
  return rows;
}
