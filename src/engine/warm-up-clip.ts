/**
 * One short clip of a built-in portrait (assets/warm-up), rendered once at boot and thrown away:
 * the first request would otherwise run every stage's JavaScript — analysis, the soundtrack on the
 * helper thread, the layered setup, the face rigs in the render workers — and WebAssembly on its
 * first, unoptimised pass (measured: ~10 % more CPU than the same clip again in the same process).
 * The prompt asks for what the engine most often does: a move with parallax (the layered scene),
 * a face that acts and speaks, a sound bed and music.
 *
 * @example await warmUpClip(); // ~1–2 s once per process
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PICTURE = new URL('../../assets/warm-up/portrait.jpg', import.meta.url);
const PROMPT = 'slow push-in with parallax, she laughs, nods and says "Hello there.", birdsong, soft piano music';

export async function warmUpClip(): Promise<void> {
  // imported here: the engine's entry point re-exports the warm-up
  const { generate } = await import('./index.js');
  const dir = await mkdtemp(join(tmpdir(), 'moviola-warm-up-'));
  try {
    await generate({ image: await readFile(PICTURE), prompt: PROMPT, seed: 1, area: 480 * 480, clipSeconds: 2 }, { output: join(dir, 'warm-up.mp4') });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
