/**
 * eSpeak NG (Emscripten build from @echogarden/espeak-ng-emscripten): text in 100+ languages →
 * mono samples at 22 050 Hz. One engine instance per process, loaded on the first line it speaks
 * (not at warm-up: about 100 MB a process that speaks only English would keep).
 *
 * @example
 *   const { samples, sampleRate } = await espeakSpeak('你好', 'cmn+f3', 1, 55);
 */
interface EspeakWorker {
  set_voice(name: string): number;
  set_rate(wpm: number): void;
  set_pitch(pitch: number): void;
  get_samplerate(): number;
  synthesize(text: string, callback: (samples: ArrayLike<number> | null) => number): void;
}

let enginePromise: Promise<EspeakWorker> | null = null;

export function loadEspeak(): Promise<EspeakWorker> {
  if (!enginePromise) {
    enginePromise = (async () => {
      const init = (await import('@echogarden/espeak-ng-emscripten')).default as (options: object) => Promise<{ eSpeakNGWorker: new () => EspeakWorker }>;
      const module = await init({ print: () => {}, printErr: () => {} });
      return new module.eSpeakNGWorker();
    })();
    enginePromise.catch(() => { enginePromise = null; });
  }
  return enginePromise;
}

/** Whether the engine has been asked for in this process (warm-up does not ask). */
export function espeakLoaded(): boolean {
  return enginePromise !== null;
}

/** rate: multiplier of eSpeak's 175 words a minute; pitch: eSpeak's 0–100 (50 default). */
export async function espeakSpeak(text: string, voice: string, rate: number, pitch: number): Promise<{ samples: Float32Array; sampleRate: number }> {
  const engine = await loadEspeak();
  if (engine.set_voice(voice) !== 0) throw new Error(`espeak: no voice ${voice}`);
  engine.set_rate(Math.round(Math.max(80, Math.min(450, 175 * rate))));
  engine.set_pitch(Math.round(Math.max(0, Math.min(100, pitch))));
  const chunks: Float32Array[] = [];
  let total = 0;
  engine.synthesize(text, (samples) => {
    if (samples && samples.length) {
      const chunk = new Float32Array(samples.length);
      for (let i = 0; i < samples.length; i++) chunk[i] = samples[i]! / 32768;
      chunks.push(chunk);
      total += chunk.length;
    }
    return 0;
  });
  const out = new Float32Array(total);
  let offset = 0;
  for (const c of chunks) { out.set(c, offset); offset += c.length; }
  return { samples: out, sampleRate: engine.get_samplerate() };
}
