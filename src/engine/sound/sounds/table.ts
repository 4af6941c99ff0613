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
import { carPassBy } from './car-pass-by.js';
import { catMeow } from './cat-meow.js';
import { cheering } from './cheering.js';
import { cowMoo } from './cow-moo.js';
import { crowdRoar } from './crowd-roar.js';
import { dogBark } from './dog-bark.js';
import { doorbell } from './doorbell.js';
import { gasp } from './gasp.js';
import { helicopter } from './helicopter.js';
import { jet } from './jet.js';
import { laughter } from './laughter.js';
import { motorbikePassBy } from './motorbike-pass-by.js';
import { owlHoot } from './owl-hoot.js';
import { refereeWhistle } from './referee-whistle.js';
import { rocket } from './rocket.js';
import { sigh } from './sigh.js';
import { breathing } from './breathing.js';
import { coughing } from './coughing.js';
import { fireworks } from './fireworks.js';
import { foghorn } from './foghorn.js';
import { growl } from './growl.js';
import { horn } from './horn.js';
import { insectBuzz } from './insect-buzz.js';
import { kettleWhistle } from './kettle-whistle.js';
import { phoneRing } from './phone-ring.js';
import { purr } from './purr.js';
import { seagull } from './seagull.js';
import { siren } from './siren.js';
import { sizzle } from './sizzle.js';
import { wolf } from './wolf.js';
import { babyCry } from './baby-cry.js';
import { horse } from './horse.js';
import { lion } from './lion.js';
import { rooster } from './rooster.js';
import { sob } from './sob.js';
import { whine } from './whine.js';
import { bassHit } from './bass-hit.js';
import { glassBreak } from './glass-break.js';
import { gunshot } from './gunshot.js';
import { hiss } from './hiss.js';
import { hooves } from './hooves.js';
import { hum } from './hum.js';
import { radioStatic } from './radio-static.js';
import { rustle } from './rustle.js';
import { scream } from './scream.js';
import { sheep } from './sheep.js';
import { sneeze } from './sneeze.js';
import { train } from './train.js';
import { whaleSong } from './whale-song.js';
import { crow } from './crow.js';
import { pigeonCoo } from './pigeon-coo.js';
import { handClap } from './hand-clap.js';
import { whistling } from './whistling.js';
import { parrot } from './parrot.js';
import { frogs } from './frogs.js';
import { duck } from './duck.js';
import { tireScreech } from './tire-screech.js';
import { snore } from './snore.js';
import { elephant } from './elephant.js';
import { pig } from './pig.js';
import { chicken } from './chicken.js';
import { monkey } from './monkey.js';
import { squirrelChatter } from './squirrel-chatter.js';
import { hawkScreech } from './hawk-screech.js';
import { creak } from './creak.js';
import { potsClatter } from './pots-clatter.js';
import { fingerSnap } from './finger-snap.js';
import { chainsaw } from './chainsaw.js';
import { dolphin } from './dolphin.js';
import { donkey } from './donkey.js';
import { booing } from './booing.js';
import { alarm } from './alarm.js';
import { vacuumCleaner } from './vacuum-cleaner.js';
import { drill } from './drill.js';
import { jackhammer } from './jackhammer.js';
import { lawnMower } from './lawn-mower.js';
import { leafBlower } from './leaf-blower.js';
import { powerSaw } from './power-saw.js';
import { hammering } from './hammering.js';
import { swordClash } from './sword-clash.js';
import { axeChop } from './axe-chop.js';
import type { SoundDef } from './types.js';
import type { SoundId } from '../../plan.js';

/** One row per sound id: `satisfies` makes the compiler check every id has its row (the tests check each row carries its own id). */
const TABLE = {
  // ambience
  rain, thunderstorm, wind, ocean_waves: oceanWaves, stream, waterfall, forest_birds: forestBirds, night_insects: nightInsects,
  city_traffic: cityTraffic, crowd_murmur: crowdMurmur, crowd_roar: crowdRoar, fire, room_tone: roomTone, office_hum: officeHum,
  electric_buzz: electricBuzz, underwater, space_drone: spaceDrone, seagull, sizzle, rustle,
  radio_static: radioStatic, hum, frogs,
  // effects
  whoosh, footsteps, door, knock, thunder, explosion, heartbeat, clock_tick: clockTick, chime, applause, cheering,
  camera_shutter: cameraShutter, engine, splash, glass_clink: glassClink, typing, sparkle, referee_whistle: refereeWhistle,
  car_pass_by: carPassBy, motorbike_pass_by: motorbikePassBy, helicopter, rocket, jet, doorbell, dog_bark: dogBark,
  cat_meow: catMeow, cow_moo: cowMoo, owl_hoot: owlHoot, laughter, sigh, gasp, siren, purr, breathing, horn,
  phone_ring: phoneRing, kettle_whistle: kettleWhistle, insect_buzz: insectBuzz, wolf, coughing, growl, foghorn, fireworks,
  sob, baby_cry: babyCry, whine, lion, rooster, horse, hiss, glass_break: glassBreak, gunshot, sheep, hooves, scream, sneeze,
  bass_hit: bassHit, train, whale_song: whaleSong, crow, duck, tire_screech: tireScreech, snore, elephant, pig, chicken, monkey,
  chainsaw, dolphin, donkey, booing, alarm, vacuum_cleaner: vacuumCleaner, drill, jackhammer, lawn_mower: lawnMower,
  leaf_blower: leafBlower, power_saw: powerSaw, hammering, sword_clash: swordClash, axe_chop: axeChop,
  pigeon_coo: pigeonCoo, parrot, hand_clap: handClap, whistling, squirrel_chatter: squirrelChatter, hawk_screech: hawkScreech, creak, pots_clatter: potsClatter, finger_snap: fingerSnap,
  // music
  music_pad: musicPad, music_pluck: musicPluck, music_piano: musicPiano, music_drums: musicDrums, music_bass: musicBass,
} satisfies Record<SoundId, SoundDef>;

export const SOUND_LIST: readonly SoundDef[] = Object.values(TABLE);
/** The rows by the key they sit under (a test checks each key is its row's id). */
export const SOUND_ROWS: Readonly<Record<SoundId, SoundDef>> = TABLE;

export const SOUNDS: ReadonlyMap<string, SoundDef> = new Map(SOUND_LIST.map((s) => [s.id, s]));

/** The sound table as plain JSON (for the API and the plan's readers). */
export function listSounds() {
  return SOUND_LIST.map(({ id, family, kind, length, description }) => ({ id, family, kind, length, description }));
}
