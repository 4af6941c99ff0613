/**
 * The sound table: every procedural sound the renderer knows, by id. The director plans only
 * these ids; adding a sound is one file in this folder and one row here.
 *
 * @example
 *   SOUNDS.get('rain')!.render(48000, { rng, sampleRate: 48000, intensity: 0.5, params: {} })
 */
import { applause } from './applause.js';
import { cameraShutter } from './camera-shutter.js';
import { chime } from './chime.js';
import { cityTraffic } from './city-traffic.js';
import { clockTick } from './clock-tick.js';
import { crowdMurmur } from './crowd-murmur.js';
import { door } from './door.js';
import { electricBuzz } from './electric-buzz.js';
import { engine } from './engine.js';
import { explosion } from './explosion.js';
import { fire } from './fire.js';
import { footsteps } from './footsteps.js';
import { forestBirds } from './forest-birds.js';
import { glassClink } from './glass-clink.js';
import { heartbeat } from './heartbeat.js';
import { knock } from './knock.js';
import { musicBass, musicDrums, musicPad, musicPiano, musicPluck } from './music-layers.js';
import { nightInsects } from './night-insects.js';
import { oceanWaves } from './ocean-waves.js';
import { officeHum } from './office-hum.js';
import { rain } from './rain.js';
import { roomTone } from './room-tone.js';
import { spaceDrone } from './space-drone.js';
import { sparkle } from './sparkle.js';
import { splash } from './splash.js';
import { stream } from './stream.js';
import { thunder } from './thunder.js';
import { thunderstorm } from './thunderstorm.js';
import { typing } from './typing.js';
import { underwater } from './underwater.js';
import { waterfall } from './waterfall.js';
import { whoosh } from './whoosh.js';
import { wind } from './wind.js';
import type { SoundDef } from './types.js';

export const SOUND_LIST: readonly SoundDef[] = [
  // ambience
  rain, thunderstorm, wind, oceanWaves, stream, waterfall, forestBirds, nightInsects, cityTraffic,
  crowdMurmur, fire, roomTone, officeHum, electricBuzz, underwater, spaceDrone,
  // effects
  whoosh, footsteps, door, knock, thunder, explosion, heartbeat, clockTick, chime, applause,
  cameraShutter, engine, splash, glassClink, typing, sparkle,
  // music
  musicPad, musicPluck, musicPiano, musicDrums, musicBass,
];

export const SOUNDS: ReadonlyMap<string, SoundDef> = new Map(SOUND_LIST.map((s) => [s.id, s]));

/** The sound table as plain JSON (for the API and the plan's readers). */
export function listSounds() {
  return SOUND_LIST.map(({ id, family, kind, length, description }) => ({ id, family, kind, length, description }));
}
