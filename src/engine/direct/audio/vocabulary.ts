/**
 * The sound director's vocabulary: what people write for each sound, music mood and style, and
 * what a negative prompt may remove. One entry per thing; the ids are the sound table's
 * (src/engine/sound/sounds/table.ts).
 */
import type { SoundId } from '../../plan.js';
import type { GenreId } from '../../sound/music/genres.js';
import type { LexiconEntry } from '../lexicon.js';

/** Ambience beds named in a prompt. */
export const AMBIENCE_WORDS: ReadonlyArray<LexiconEntry<SoundId>> = [
  { id: 'rain', phrases: ['rain', 'raining', 'rainfall', 'drizzle', 'downpour', 'rainy'] },
  { id: 'thunderstorm', phrases: ['thunderstorm', 'storm', 'stormy'] },
  { id: 'wind', phrases: ['wind', 'windy', 'breeze', 'gust', 'howling wind', 'wind howl', 'wind whistle', 'whistling wind'] },
  { id: 'ocean_waves', phrases: ['waves', 'ocean', 'sea', 'surf', 'beach', 'shore', 'seaside'] },
  { id: 'stream', phrases: ['stream', 'brook', 'creek', 'river', 'babbling water'] },
  { id: 'waterfall', phrases: ['waterfall', 'cascade'] },
  { id: 'forest_birds', phrases: ['birds', 'birdsong', 'bird song', 'chirping', 'songbirds', 'forest ambience', 'forest sounds', 'nature sounds', 'sounds of nature', 'nature ambience', 'meadow ambience', 'countryside ambience', 'birds singing', 'tweeting', 'bird chirps', 'birds chirp', 'jungle sounds', 'jungle ambience', 'sounds of the jungle', 'rainforest ambience', 'rainforest sounds', 'birds chatter', 'chattering birds', 'chatter of birds'] },
  { id: 'night_insects', phrases: ['crickets', 'insects', 'cicadas', 'night ambience', 'night sounds', 'katydids'] },
  { id: 'city_traffic', phrases: ['traffic', 'city ambience', 'city sounds', 'city', 'street noise', 'busy street', 'city street', 'new york street', 'downtown', 'yellow cabs', 'taxis', 'rush hour', 'cars passing', 'urban', 'cars hum', 'traffic hum', 'hum of traffic', 'hum of the city', 'cars stream', 'stream of cars', 'stream of traffic', 'cars rush', 'cars drive', 'cars speed', 'cars pass', 'cars go by', 'cars move', 'vehicles pass', 'traffic flow'] },
  { id: 'crowd_roar', phrases: ['crowd roar', 'roaring crowd', 'crowd roaring', 'stadium crowd', 'stadium', 'roar of the crowd', 'crowd goes wild'] },
  { id: 'crowd_murmur', phrases: ['crowd', 'murmur', 'chatter', 'café', 'cafe', 'coffee shop', 'restaurant', 'people talking', 'people chatting', 'people chat', 'market'] },
  { id: 'fire', phrases: ['fire', 'crackling', 'campfire', 'fireplace', 'bonfire', 'flames'] },
  { id: 'room_tone', phrases: ['room tone', 'quiet room'] },
  { id: 'office_hum', phrases: ['office', 'air conditioning', 'office hum', 'hvac'] },
  { id: 'electric_buzz', phrases: ['neon buzz', 'electrical hum', 'electric hum', 'buzzing neon', 'buzzing lights', 'lights buzz', 'buzzing sign', 'sign buzz', 'fluorescent hum', 'buzzing fluorescent', 'electric buzzing', 'electrical buzzing', 'transformer hum'] },
  { id: 'underwater', phrases: ['underwater', 'under water', 'submerged'] },
  { id: 'seagull', phrases: ['seagulls', 'seagull', 'gulls', 'seagulls calling', 'seagull calls', 'seagulls call', 'gulls calling', 'gulls call', 'seagulls cry', 'gulls cry', 'seagulls squawk', 'gulls squawk', 'cry of seagulls', 'cries of seagulls', 'cry of gulls', 'seagull cries'] },
  { id: 'sizzle', phrases: ['sizzle', 'sizzles', 'sizzling', 'pan sizzle', 'pot sizzle', 'pans sizzle', 'pots sizzle', 'wok sizzle', 'skillet sizzle', 'grill sizzle', 'bacon sizzle', 'steak sizzle', 'oil sizzle', 'butter sizzle'] },
  { id: 'rustle', phrases: ['rustle', 'rustles', 'rustling'] },
  { id: 'radio_static', phrases: ['radio static', 'static noise', 'static crackle', 'crackling radio', 'radio crackles', 'white noise', 'radio chatter', 'walkie talkie'] },
  { id: 'hum', phrases: ['hum of the computer', 'computer hum', 'fridge hum', 'hum of the fridge', 'hum of machinery', 'machine hum', 'hum of the machines', 'humming machines', 'server hum'] },
  // (a frog named is heard croaking, as a dog named is heard barking)
  { id: 'frogs', phrases: ['frogs', 'frog', 'croak', 'frogs croaking', 'croaking frogs', 'frogs croak', 'frog croaks', 'croak of frogs', 'chorus of frogs', 'frog chorus', 'ribbit', 'toad', 'toads', 'bullfrog', 'bullfrogs', 'tree frogs', 'peepers'] },
  { id: 'space_drone', phrases: ['space ambience', 'space drone', 'spaceship hum', 'hum of space', 'sci fi ambience'] },
];

/**
 * Road vehicles with no sound of their own: moving, each is heard passing by, or by its engine
 * when it slows, pulls up or drives off ("the bus pulls up", "a taxi speeds away").
 */
const ROAD_VEHICLES = ['car', 'truck', 'bus', 'van', 'taxi', 'cab', 'jeep', 'lorry', 'tractor', 'suv', 'limo', 'limousine', 'pickup'];
// (verbs in their bare form, which the lexicon inflects: "drive past" is "drives past" and "driving
// past"; "pass" only inflected: "a bus pass" is a ticket)
const PASSING = ['passes', 'passing', 'passed', 'drive by', 'drive past', 'go by', 'speed by', 'speed past', 'zoom by', 'zoom past', 'race by', 'race past', 'rush by', 'rush past', 'whizz by', 'whizz past', 'whiz by', 'whiz past', 'roll by', 'roll past',
  // (seen from where the camera stands, a car racing down the road passes it)
  'speed down', 'speed along', 'speed across', 'speed through', 'race down', 'race along', 'race across', 'race through', 'zoom down', 'zoom along', 'zoom through'];
/**
 * A road vehicle's verbs under power, by the course its engine takes (the engine sound's `course`
 * param): running down as it slows or arrives, revving up and away as it leaves, else idling and
 * revving. ("stop" is left out: "the bus stop" is a place.)
 */
export const ENGINE_COURSES = {
  slowing: ['slow', 'slow down', 'pull up', 'pull in', 'drive up', 'drive in', 'come to a stop', 'come to a halt', 'approach', 'arrive'],
  leaving: ['pull away', 'pull out', 'accelerate', 'speed up', 'speed away', 'speed off', 'drive off', 'drive away'],
  running: ['drive down', 'drive along', 'drive through', 'idle', 'rev', 'start up'],
} as const;
export type EngineCourse = keyof typeof ENGINE_COURSES;
const UNDER_POWER = Object.values(ENGINE_COURSES).flat();
const roadVehicles = (verbs: readonly string[]) => ROAD_VEHICLES.flatMap((v) => verbs.map((verb) => `${v} ${verb}`));

/** The course of the engine a mention's phrase names ("bus pull away" → leaving), if it names one. */
export function engineCourse(phrase: string): EngineCourse | undefined {
  const verb = phrase.slice(phrase.indexOf(' ') + 1);
  return (Object.keys(ENGINE_COURSES) as EngineCourse[]).find((c) => (ENGINE_COURSES[c] as readonly string[]).includes(verb) && ROAD_VEHICLES.includes(phrase.slice(0, phrase.indexOf(' '))));
}

/** Timed effects named in a prompt. */
export const EFFECT_WORDS: ReadonlyArray<LexiconEntry<SoundId>> = [
  { id: 'whoosh', phrases: ['whoosh', 'swoosh', 'swish', 'woosh'] },
  { id: 'footsteps', phrases: ['footsteps', 'footstep', 'steps', 'walking', 'walks'] },
  // a door named is not a sound ("she stands at the door"); a door that does something is
  { id: 'door', phrases: ['door slam', 'slams the door', 'slam', 'door slams', 'door closes', 'door opens', 'door shuts', 'closes the door', 'opens the door', 'shuts the door'] },
  // wood or a hinge under strain (a door that creaks creaks, it does not slam)
  { id: 'creak', phrases: ['creak', 'creaks', 'creaking', 'creaky', 'creaked', 'door creaks', 'creaking door', 'door creaking', 'creaking floorboards', 'floorboards creak', 'creaking floor', 'creaking hinges', 'hinges creak', 'creaking timbers', 'timbers creak', 'timbers groan', 'groaning timbers', 'rocking chair creaks', 'creaking rocking chair', 'ship creaks', 'creaking ship', 'boat creaks', 'creaking boat', 'hull creaks', 'mast creaks', 'rope creaks', 'creaking rope', 'branches creak', 'creaking branches', 'stairs creak', 'creaking stairs'] },
  { id: 'pots_clatter', phrases: ['pots and pans', 'pots clang', 'pans clang', 'pots clatter', 'pans clatter', 'pots clank', 'pans clank', 'pots rattle', 'pans rattle', 'pots bang', 'pans bang', 'clattering pots', 'clattering pans', 'clanging pots', 'clanging pans', 'clanking pots', 'clanking pans', 'banging pots', 'banging pans', 'rattling pots', 'rattling pans', 'clatter of pots', 'clatter of pans', 'clang of pots', 'clang of pans', 'clatter of dishes', 'dishes clatter', 'clattering dishes', 'clattering plates', 'plates clatter', 'clatter of plates', 'clattering cutlery', 'cutlery clatters', 'clinking cutlery', 'kitchen clatter', 'clatter of the kitchen', 'pots clanging', 'pans clanging', 'pots clattering', 'pans clattering', 'pots banging', 'pans banging', 'pans sizzle and clatter'] },
  { id: 'knock', phrases: ['knock', 'knocking'] },
  { id: 'thunder', phrases: ['thunder', 'thunderclap', 'rumble of thunder'] },
  { id: 'explosion', phrases: ['explosion', 'explodes', 'blast', 'boom', 'kaboom'] },
  { id: 'heartbeat', phrases: ['heartbeat', 'heart beat', 'heart beating', 'heart pounding', 'heart pounds', 'pounding heart'] },
  { id: 'clock_tick', phrases: ['clock ticking', 'ticking', 'tick tock', 'clock', 'clock ticks', 'watch ticks', 'watch ticking', 'ticking watch', 'pocket watch ticks', 'stopwatch ticks', 'timer ticks', 'metronome'] },
  // a clock that strikes the hour rings its bell ("a clock strikes midnight")
  { id: 'chime', phrases: ['bell', 'chime', 'ding', 'wind chime', 'clock strikes', 'clock chimes', 'clock striking', 'clock chiming', 'strikes midnight', 'strikes noon', 'strikes twelve', 'grandfather clock chimes'] },
  // an audience's clapping (and clapping heard with no one named); one person's claps are hand_clap
  { id: 'applause', phrases: ['applause', 'applaud', 'clap', 'ovation', 'audience claps', 'crowd claps', 'people clap', 'everyone claps', 'fans clap', 'spectators clap', 'guests clap', 'clapping crowd', 'clapping audience', 'round of applause'] },
  { id: 'finger_snap', phrases: ['snaps his fingers', 'snaps her fingers', 'snaps their fingers', 'snap his fingers', 'snap her fingers', 'snapping his fingers', 'snapping her fingers', 'snapping fingers', 'finger snap', 'finger snaps', 'finger snapping', 'snap of fingers', 'snap of his fingers', 'snap of her fingers', 'clicks his fingers', 'clicks her fingers', 'snaps fingers'] },
  { id: 'hand_clap', phrases: ['claps his hands', 'claps her hands', 'claps their hands', 'clap of hands', 'hand clap', 'handclap', 'slow clap', 'person claps'] },
  { id: 'whistling', phrases: ['whistles a tune', 'whistling a tune', 'whistles a melody', 'whistling a melody', 'whistles a song', 'whistles softly', 'whistles to himself', 'whistles to herself', 'whistling to himself', 'whistling to herself', 'whistled tune', 'whistling man', 'whistling boy', 'person whistles'] },
  // a bare "shutter" is as often a window's: "shutters bang" is not a camera
  { id: 'camera_shutter', phrases: ['camera shutter', 'shutter click', 'shutter sound', 'camera click', 'snapshot'] },
  { id: 'engine', phrases: ['engine', 'revving', 'motor', 'roar of the engine', 'engine purrs', 'engine purring', 'engine growls', 'engine growling', 'motor purrs', 'motor hums', ...roadVehicles(UNDER_POWER),
    // a boat under power is heard by its outboard's drone
    'motorboat', 'speedboat', 'jet ski', 'outboard motor', 'outboard engine'] },
  { id: 'splash', phrases: ['splash', 'splashing'] },
  { id: 'glass_clink', phrases: ['clink', 'glasses clinking', 'clinking glasses', 'raise a toast', 'raise their glasses', 'toast with'] },
  // ("person types": any person's verb is read as anyone's too, direct/audio/events.ts)
  { id: 'typing', phrases: ['typing', 'keyboard', 'keystrokes', 'typewriter', 'typewriter clicks', 'typewriter clacking', 'person types', 'types on', 'types away'] },
  // (the bare verbs are sights: "her eyes sparkle", "stars twinkle")
  { id: 'sparkle', phrases: ['sparkle sound', 'sparkle sounds', 'magical sparkle', 'magic sparkle', 'sparkle effect', 'magical chime', 'magic chime', 'twinkle sound', 'twinkling sound', 'magical twinkle', 'magic sound', 'magical sound', 'fairy dust sound', 'magic'] },
  { id: 'referee_whistle', phrases: ['referee whistle', "referee's whistle", 'whistle blows', 'blows the whistle', 'blows a whistle', 'a whistle', 'final whistle', 'sports whistle'] },
  { id: 'car_pass_by', phrases: ['passing car', ...roadVehicles(PASSING)] },
  { id: 'motorbike_pass_by', phrases: ['motorbike', 'motorcycle', 'scooter', 'dirt bike'] },
  { id: 'helicopter', phrases: ['helicopter', 'chopper', 'rotor blades'] },
  { id: 'rocket', phrases: ['rocket', 'rocket launch', 'liftoff', 'lift off', 'blast off', 'rocket launches'] },
  { id: 'jet', phrases: ['jet engine', 'jet plane', 'jet flies', 'jet roars', 'fighter jet', 'airplane', 'plane passes', 'plane flies', 'aeroplane', 'plane flies over', 'aircraft', 'plane flying over', 'jet flying over'] },
  { id: 'doorbell', phrases: ['doorbell', 'door bell', 'rings the bell', 'ding dong'] },
  { id: 'dog_bark', phrases: ['dog barks', 'dog barking', 'barking', 'barks', 'woof', 'dog'] },
  { id: 'cat_meow', phrases: ['meow', 'meows', 'meowing', 'cat', 'kitten', 'miaow'] },
  { id: 'cow_moo', phrases: ['moo', 'moos', 'mooing', 'cow', 'cattle'] },
  { id: 'owl_hoot', phrases: ['owl', 'hoot', 'hooting', 'hoots'] },
  { id: 'cheering', phrases: ['cheer', 'cheering', 'cheers and applause', 'crowd cheers', 'fans cheer', 'whooping', 'celebrating crowd', 'chant', 'chanting', 'crowd chants', 'fans chant'] },
  { id: 'laughter', phrases: ['laughter', 'laughing', 'laughs', 'laugh', 'giggles', 'giggling', 'chuckles', 'cackle', 'cackles', 'cackling'] },
  { id: 'sigh', phrases: ['sigh', 'sighs', 'sighing'] },
  { id: 'gasp', phrases: ['gasp', 'gasps', 'gasping'] },
  { id: 'siren', phrases: ['car alarm', 'siren', 'sirens', 'police siren', 'ambulance siren', 'sirens wail', 'wailing sirens'] },
  { id: 'horn', phrases: ['car horn', 'honking', 'honk', 'sounds its horn', 'sounds the horn', 'blows its horn', 'blows the horn', 'horn blast'] },
  { id: 'phone_ring', phrases: ['phone rings', 'phone ringing', 'ringtone', 'telephone', 'ringing phone'] },
  { id: 'breathing', phrases: ['heavy breathing', 'labored breathing', 'laboured breathing', 'ragged breathing', 'heavy breaths', 'breathing sounds', 'sound of breathing', 'sound of her breathing', 'sound of his breathing', 'panting', 'pants heavily'] },
  { id: 'coughing', phrases: ['cough', 'coughs', 'coughing', 'clears his throat', 'clears her throat', 'clears their throat', 'clearing his throat', 'clearing her throat', 'clear his throat', 'clear her throat', 'throat clearing'] },
  { id: 'purr', phrases: ['purr', 'purrs', 'purring'] },
  { id: 'growl', phrases: ['growl', 'growling', 'snarl', 'snarling'] },
  // (a howl of the wind is the wind's: its ambience row names it, and a longer name wins)
  { id: 'wolf', phrases: ['wolf', 'wolves', 'howling wolf', 'howling wolves', 'wolf howls', 'wolves howl', 'howl of a wolf', 'wolf howling', 'howl', 'howls', 'howling'] },
  { id: 'insect_buzz', phrases: ['bees buzz', 'bee buzzes', 'flies buzz', 'fly buzzes', 'fly buzzing', 'buzzing fly', 'flies buzzing', 'buzzing flies', 'bee buzzing', 'bees buzzing', 'buzzing bee', 'buzzing bees', 'mosquito', 'buzz of bees', 'buzzing insects', 'insects buzzing', 'insects buzz', 'wasp buzzes', 'wasps buzz', 'buzzing wasp', 'hornet buzzes', 'hornets buzz', 'dragonfly buzzes', 'dragonflies buzz', 'bumblebee', 'bumblebees', 'beetle buzzes'] },
  { id: 'kettle_whistle', phrases: ['kettle whistles', 'whistling kettle', 'kettle whistling', 'kettle boils', 'kettle sings', 'kettle singing', 'singing kettle', 'kettle screams', 'kettle shrieks'] },
  { id: 'fireworks', phrases: ['fireworks', 'firework'] },
  { id: 'sob', phrases: ['sob', 'sobs', 'sobbing', 'weep', 'weeps', 'weeping', 'crying', 'bursts into tears', 'burst into tears', 'breaks down in tears', 'cries softly', 'cries quietly', 'starts to cry', 'begins to cry', 'person cries', 'people cry'] },
  { id: 'baby_cry', phrases: ['baby crying', 'baby cries', 'crying baby', 'baby wails', 'infant crying', 'newborn crying', 'baby is crying', 'baby starts crying', 'baby starts to cry'] },
  { id: 'whine', phrases: ['whine', 'whines', 'whining', 'whimper', 'whimpers', 'whimpering'] },
  { id: 'lion', phrases: ['lion roar', 'lion roars', 'lions roar', 'roar of a lion', 'lion', 'tiger', 'tiger roars', 'roaring lion', 'roaring tiger'] },
  { id: 'rooster', phrases: ['rooster', 'rooster crows', 'crowing', 'cock a doodle doo'] },
  { id: 'horse', phrases: ['horse', 'horses', 'neigh', 'neighs', 'neighing', 'whinny', 'whinnies', 'whinnying', 'horse neighs'] },
  { id: 'hiss', phrases: ['hiss', 'hisses', 'hissing'] },
  // (what shatters is glass or china, whatever its name: "the vase falls and shatters", "it shatters")
  { id: 'glass_break', phrases: ['glass breaks', 'glass shatters', 'shattering', 'smash', 'shatters', 'shatter', 'shattered', 'smashes to pieces', 'breaks into pieces', 'window breaks', 'vase breaks', 'plate breaks', 'mirror breaks', 'cup breaks', 'mug breaks', 'bottle breaks'] },
  { id: 'gunshot', phrases: ['gunshot', 'gunshots', 'gunfire', 'gun shot'] },
  { id: 'sheep', phrases: ['sheep', 'bleating', 'goat'] },
  { id: 'hooves', phrases: ['hooves', 'hoofbeats', 'thundering hooves', 'hooves thundering', 'hooves thunder', 'pounding hooves', 'hooves pounding', 'galloping', 'gallops', 'gallop', 'horse gallops', 'horses gallop', 'trots', 'trotting', 'horse trots', 'clip clop', 'clip clopping'] },
  { id: 'scream', phrases: ['scream', 'screams', 'screaming', 'shriek', 'cries out in pain', 'cry out in pain', 'cries out in terror', 'cry of pain', 'cries out in fear'] },
  { id: 'sneeze', phrases: ['sneeze', 'sneezes', 'sneezing'] },
  { id: 'bass_hit', phrases: ['bass hit', 'cinematic hit', 'impact hit', 'impact sound', 'bass drop', 'braam', 'deep boom', 'sub boom', 'trailer hit'] },
  { id: 'foghorn', phrases: ['foghorn', 'fog horn', 'ship horn', "ship's horn", 'ship horns'] },
  { id: 'train', phrases: ['train', 'passing train', 'train passes', 'steam train', 'freight train', 'passenger train', 'bullet train', 'high speed train', 'subway train', 'old train', 'vintage train', 'toy train', 'train horn', 'train whistle', 'locomotive', 'subway', 'metro train', 'tram', 'streetcar', 'railway', 'clickety clack', 'train rumbles', 'rumble of the train'] },
  { id: 'whale_song', phrases: ['whale song', 'whale songs', 'whale call', 'whale calls', 'whales singing', 'whale sings', 'whale sounds', 'humpback', 'whale', 'whales'] },
  // (a bare "pigeon" or "parrot" is a sight, a bare "coo" as often a baby's: the bird with its call asks for it)
  { id: 'pigeon_coo', phrases: ['pigeon coo', 'dove coo', 'cooing pigeon', 'cooing dove', 'coo of pigeon', 'coo of dove', 'cooing of pigeon', 'cooing of dove', 'coo of the pigeon', 'coo of the dove', 'mourning dove', 'turtle dove'] },
  { id: 'parrot', phrases: ['parrot squawk', 'squawking parrot', 'macaw squawk', 'squawking macaw', 'cockatoo squawk', 'cockatoo screech', 'parrot screech', 'screeching parrot', 'squawk of a parrot', 'squawk of the parrot', 'parrot call', 'parakeet squawk', 'parakeet chatter', 'lorikeet screech'] },
  { id: 'hawk_screech', phrases: ['hawk', 'hawks', 'eagle', 'eagles', 'falcon', 'falcons', 'buzzard', 'kestrel', 'osprey', 'bird of prey', 'raptor', 'hawk screeches', 'hawk screech', 'hawk cries', 'hawk cry', 'hawk calls', 'eagle screeches', 'eagle screech', 'eagle cries', 'eagle cry', 'eagle calls', 'screeching hawk', 'screeching eagle', 'falcon screeches', 'falcon cries', 'falcon calls', 'hawks screech', 'eagles screech', 'hawks cry', 'eagles cry', 'cry of a hawk', 'cry of an eagle', 'screech of a hawk', 'screech of an eagle'] },
  { id: 'crow', phrases: ['crow caws', 'crows caw', 'crow squawk', 'raven squawk', 'cawing', 'caw', 'caws', 'raven', 'ravens', 'raven croaks', 'ravens croak', 'crow', 'rook', 'rooks'] },
  { id: 'duck', phrases: ['duck', 'ducks', 'duckling', 'ducklings', 'quack', 'quacks', 'quacking', 'ducks quack', 'goose', 'geese', 'geese honking', 'honking geese', 'geese honk', 'goose honks'] },
  { id: 'tire_screech', phrases: ['tires screech', 'tyres screech', 'screeching tires', 'screeching tyres', 'screech of tires', 'screech of tyres', 'tire screech', 'tyre screech', 'tires squeal', 'tyres squeal', 'squealing tires', 'squealing tyres', 'brakes screech', 'screeching brakes', 'brakes squeal', 'squealing brakes', 'skid', 'skids', 'skidding', 'car drifts', 'drifting car'] },
  { id: 'snore', phrases: ['snore', 'snores', 'snoring'] },
  // ("trumpets" alone is the instrument's: "trumpets play a fanfare")
  { id: 'elephant', phrases: ['elephant', 'elephants', 'elephant trumpets', 'elephants trumpet', 'trumpeting elephant', 'elephant calf'] },
  { id: 'pig', phrases: ['pig', 'pigs', 'piglet', 'piglets', 'oink', 'oinks', 'oinking', 'pig grunts', 'pigs grunt', 'hog', 'hogs', 'boar'] },
  { id: 'chicken', phrases: ['chicken', 'chickens', 'hen', 'hens', 'cluck', 'clucks', 'clucking', 'chickens cluck', 'hens cluck'] },
  { id: 'squirrel_chatter', phrases: ['squirrel chatters', 'squirrels chatter', 'squirrel chattering', 'chattering squirrel', 'chattering squirrels', 'squirrel chatter', 'chatter of a squirrel', 'chatter of the squirrel', 'squirrel scolds', 'squirrel squeaks', 'squirrel chirps', 'chipmunk chatters', 'chipmunks chatter', 'chipmunk chatter', 'chipmunk chirps', 'chipmunk squeaks'] },
  { id: 'monkey', phrases: ['monkey', 'monkeys', 'chimpanzee', 'chimpanzees', 'chimp', 'chimps', 'macaque', 'macaques', 'monkey chatters', 'monkeys chatter', 'chattering monkey', 'chattering monkeys', 'monkey screeches', 'monkeys screech', 'monkey calls', 'howler monkey', 'howler monkeys'] },
  { id: 'chainsaw', phrases: ['chainsaw', 'chain saw', 'chainsaws'] },
  { id: 'dolphin', phrases: ['dolphin', 'dolphins', 'dolphin clicks', 'dolphins click', 'dolphin whistles', 'dolphins whistle', 'dolphin chatter', 'porpoise'] },
  { id: 'donkey', phrases: ['donkey', 'donkeys', 'bray', 'brays', 'braying', 'hee haw', 'mule', 'mules', 'donkey brays'] },
  { id: 'booing', phrases: ['boo', 'boos', 'booing', 'crowd boos', 'fans boo', 'audience boos', 'jeer', 'jeers', 'jeering'] },
  { id: 'alarm', phrases: ['alarm', 'alarm clock', 'alarm rings', 'alarm goes off', 'alarm going off', 'alarm beeps', 'beeping alarm', 'alarm sounds', 'alarm blares', 'blaring alarm', 'fire alarm', 'smoke alarm', 'alarm bell', 'alarm buzzes'] },
  // (a bare "vacuum" is as often space's, "hoover" a dam's)
  { id: 'vacuum_cleaner', phrases: ['vacuum cleaner', 'vacuum cleaners', 'vacuuming', 'hoovering', 'hoovers the', 'robot vacuum', 'vacuums the', 'vacuumed the', 'vacuum the', 'vacuums a', 'vacuums her', 'vacuums his', 'vacuum hums', 'vacuum roars', 'vacuum whines'] },
  // (a bare "drill" is as often a soldier's or a fire's, a bare "hammer" one lying on a table)
  { id: 'drill', phrases: ['power drill', 'electric drill', 'cordless drill', 'hand drill', 'drilling', 'drill whirs', 'drill whines', 'drill buzzes', 'drill bites', 'dentist drill', "dentist's drill", 'screwdriver whirs', 'drills a hole', 'drills into'] },
  { id: 'jackhammer', phrases: ['jackhammer', 'jackhammers', 'jack hammer', 'pneumatic drill', 'pneumatic hammer', 'road works', 'roadworks', 'breaking concrete', 'breaks the concrete'] },
  { id: 'lawn_mower', phrases: ['lawn mower', 'lawnmower', 'lawn mowers', 'mower', 'mowing', 'mows the lawn', 'mowing the lawn', 'mows the grass', 'ride on mower'] },
  { id: 'leaf_blower', phrases: ['leaf blower', 'leaf blowers', 'leafblower', 'blowing leaves', 'blows the leaves'] },
  { id: 'power_saw', phrases: ['circular saw', 'angle grinder', 'table saw', 'power saw', 'buzz saw', 'buzzsaw', 'electric saw', 'miter saw', 'mitre saw', 'metal grinder', 'grinding metal', 'grinds metal', 'saw screams', 'saw whines'] },
  { id: 'hammering', phrases: ['hammering', 'hammer blows', 'hammer strikes', 'hammers a nail', 'hammers nails', 'hammers the nail', 'hammers in the nail', 'hammers the metal', 'hammers the wood', 'hammers away', 'pounding nails', 'pounds nails', 'nailing', 'hammers on the anvil', 'hammer on the anvil', 'anvil', 'blacksmith hammers'] },
  { id: 'axe_chop', phrases: ['chops wood', 'chopping wood', 'chops the wood', 'chops firewood', 'chopping firewood', 'splits wood', 'splitting wood', 'splits logs', 'splitting logs', 'axe chops', 'chop of the axe', 'chop echoes', 'chops echo', 'axe strikes', 'swings the axe', 'swings an axe', 'woodcutter', 'lumberjack chops'] },
  { id: 'sword_clash', phrases: ['swords clash', 'clash of swords', 'clashing swords', 'sword clash', 'sword clang', 'swords clang', 'blades clash', 'clashing blades', 'steel clashing', 'clash of steel', 'clang of steel', 'sword fight', 'swordfight', 'sword fighting', 'sword fights', 'swords cross', 'cross swords', 'duel with swords', 'sword duel', 'fencing match', 'fencers'] },
];

/**
 * Phrases where a sound's or an animal's word has its other sense: a gown's train, a boxer who ducks a punch, a
 * coffee grinder. A sound's mention inside one of them is not planned (./missing-sounds.ts), and
 * an animal's word inside one is no subject (characters/subject-words.ts `subjectMentions`).
 */
export const OTHER_SENSE_WORDS: readonly LexiconEntry[] = [
  { id: 'garment_train', phrases: ["gown's train", "dress's train", 'train of her gown', 'train of her dress', 'train of the gown', 'train of the dress', 'train of her robe', 'bridal train', 'wedding train', 'her long train', 'long lace train', 'train of the veil', "veil's train"] },
  { id: 'ducking', phrases: ['ducks under', 'ducks below', 'ducks behind', 'ducks down', 'ducks out of', 'ducks into', 'ducks his head', 'ducks her head', 'ducks the punch', 'ducks a punch', 'ducks and weaves', 'ducks and dodges', 'ducks away', 'ducks for cover', 'ducks low'] },
  { id: 'grinder', phrases: ['coffee grinder', 'pepper grinder', 'spice grinder', 'meat grinder'] },
  // (light that streams in is no stream of water)
  { id: 'light_streams', phrases: ['sunlight streams', 'sunlight streaming', 'sunlight streamed', 'light streams', 'light streaming', 'light streamed', 'moonlight streams', 'moonlight streaming', 'sun streams', 'sun streaming', 'rays stream', 'rays streaming', 'sunrays stream', 'beams stream'] },
  // (to knock something over is no knock on a door)
  { id: 'knock_over', phrases: ['knocks over', 'knocked over', 'knocks it over', 'knocks it off', 'knocks off', 'knocked off', 'knocks down', 'knocked down', 'knocks out', 'knocked out'] },
  { id: 'ticket', phrases: ['bus pass', 'travel pass', 'train pass', 'boarding pass', 'season pass', 'backstage pass', 'car pass'] },
];

/**
 * Sounds people ask for that the sound table does not have (yet): the honesty check of the
 * soundtrack (direct/characters/unheard-sounds.ts) names them in the notes instead of dropping
 * them silently. The id, spaced, is the note's name for the sound.
 */
export const MISSING_SOUND_WORDS: readonly LexiconEntry[] = [
  { id: 'zipper', phrases: ['zipper', 'unzips', 'zips up'] },
  { id: 'slurp', phrases: ['slurp', 'slurps', 'slurping', 'sipping sound', 'sound of sipping'] },
  { id: 'ball_bounce', phrases: ['ball bounces', 'bouncing ball', 'dribbling', 'dribbles the ball'] },
  { id: 'cash_register', phrases: ['cash register', 'till rings', 'ka ching', 'cha ching'] },
  // (a cry out is a shout, no sob: "he cries out for help"; one "in pain" is a scream, the sound table's)
  { id: 'shout', phrases: ['cries out', 'cry out', 'crying out', 'cried out'] },
];

/**
 * Music words that as often name something else in a description of a picture — "waves crash on the
 * rocks", "a metal roof", "the player scores", "a country road", "bubbles pop", "the Opera House",
 * "a child on a swing", "rain drums on the roof", "a champagne flute", "lily pads". Such a word asks
 * for music only in a musical context (direct/audio/music-context.ts): "rock music", "a country
 * song", "plays the drums", "a dramatic score". Genres take fewer words before them than
 * instruments: "tender strings" are music, a "peaceful country road" is not.
 */
export const MUSIC_WORDS_WITH_OTHER_SENSES = {
  genres: new Set(['rock', 'metal', 'country', 'pop', 'opera', 'classical', 'disco', 'trap', 'folk', 'swing', 'march', 'soul',
    'blues', 'funk', 'latin', 'house', 'industrial', 'salsa', 'rap', 'trance', 'chant', 'chanting']),
  instruments: new Set(['score', 'beat', 'flute', 'horns', 'brass', 'drums', 'percussion', 'strings', 'tune', 'pads', 'harp', 'organ', 'fiddle']),
};

/**
 * What makes the words above music: the word right after them ("rock music", "a folk song", "metal
 * band", "classical guitar"), a verb of playing or listening shortly before ("plays the drums",
 * "listening to blues"), or the word right before: a genre's kind ("hard rock", "heavy metal"), an
 * instrument's manner or any mood word ("a dramatic score", "lo-fi beat", "tender strings").
 * An instrument that is also a thing in the room is no music where something is placed on or by it
 * and nothing in its clause plays ("a cat sleeps on the piano", "a metronome ticks on the piano").
 */
export const MUSICAL_CONTEXT = {
  after: new Set(['music', 'song', 'songs', 'track', 'tracks', 'band', 'bands', 'tune', 'tunes', 'melody', 'soundtrack', 'score', 'playlist', 'riff', 'riffs', 'ballad', 'anthem', 'vibe', 'vibes', 'beat', 'beats', 'solo', 'concert', 'instrumental', 'singer', 'groove', 'rhythm', 'piece', 'plays', 'playing', 'guitar', 'piano', 'violin', 'drums', 'bass', 'fiddle', 'banjo', 'flute', 'organ', 'strings', 'horns', 'ensemble', 'orchestra', 'quartet', 'trio', 'station', 'radio', 'bgm', 'loop', 'mix', 'remix', 'cover', 'style', 'number', 'chorus', 'opera']),
  /** before an instrument, what is heard of it ("the sound of a harp", "notes of a flute") */
  heard: new Set(['sound', 'sounds', 'notes', 'strains', 'tones', 'melody', 'music']),
  playing: new Set(['play', 'plays', 'playing', 'played', 'listen', 'listens', 'listening', 'blasting', 'blaring', 'blasts', 'blares']),
  genreKinds: new Set(['some', 'hard', 'heavy', 'classic', 'soft', 'punk', 'indie', 'alternative', 'death', 'thrash', 'pop', 'dance', 'upbeat', 'funky', 'jazzy', 'bluesy', 'gothic', 'progressive', 'psychedelic', 'latin', 'electro', 'acoustic', 'live', 'fi', 'lofi', 'retro', '80s', '90s', '70s', '60s', '50s', 'gregorian', 'deep', 'tech', 'acid', 'gangsta']),
  /** instruments that are also things in a room, and the words that place something on or by one ("a metronome ticks on the piano") */
  objects: new Set(['piano', 'grand piano', 'guitar', 'violin', 'cello', 'drums', 'harp', 'organ', 'accordion', 'banjo', 'saxophone', 'trumpet', 'ukulele', 'flute', 'music box', 'tuba', 'trombone', 'french horn', 'bongos', 'congas', 'marimba', 'kalimba', 'singing bowl', 'harmonica', 'bagpipes']),
  places: new Set(['on', 'onto', 'atop', 'beside', 'near', 'under', 'underneath', 'behind', 'by', 'against', 'above', 'over', 'next', 'beneath']),
  /** sides of a thing that, before "of", place something there ("on top of the piano"; "the sound of a harp" is music) */
  placeSides: new Set(['top', 'front', 'side', 'edge', 'corner', 'lid']),
  instrumentManners: new Set(['some', 'soft', 'gentle', 'loud', 'heavy', 'epic', 'dramatic', 'cinematic', 'orchestral', 'chill', 'upbeat', 'tribal', 'jazzy', 'funky', 'live', 'instrumental', 'background', 'moody', 'groovy', 'fi', 'lofi', 'retro', 'acoustic', 'electric', 'film', 'movie', 'rousing', 'soaring', 'swelling', 'haunting', 'driving', 'pounding', 'military', 'marching', 'war', 'elegant', 'lush', 'sweeping', 'mellow', 'ethereal', 'majestic', 'lively', 'catchy', 'synth', 'hip', 'hop', 'dance', 'rock', 'pop', 'trap', 'house', 'taiko', 'string', 'french', 'pipe', 'church', 'celtic', 'irish']),
};

/** Words that ask for music at all. */
export const MUSIC_WORDS: readonly LexiconEntry[] = [
  { id: 'music', phrases: ['music', 'soundtrack', 'score', 'song', 'strings', 'melody', 'tune', 'bgm', 'lo fi beat', 'lofi', 'lo fi', 'piano', 'orchestra', 'orchestral', 'synthwave', 'chillhop', 'beat', 'jazz', 'guitar', 'string quartet', 'violin', 'cello', 'choir', 'choral', 'music box', 'lullaby', 'synth', 'edm', 'folk', 'fiddle', 'drums', 'percussion', 'bongos', 'congas', 'marimba', 'kalimba', 'pop song', 'pads', 'hip hop', 'rock', 'metal', 'reggae', 'country', 'blues', 'disco', 'funk', 'techno', 'house music', 'trap', 'classical', 'opera', 'gospel', 'bossa nova', 'flamenco', 'salsa', 'tango', 'waltz', 'accordion', 'banjo', 'saxophone', 'harp', 'flute', 'trumpet', 'ukulele', 'harmonica', 'bagpipes', 'string music', 'string section', 'string orchestra', 'violins', 'celtic', 'bluegrass', 'dubstep', 'drum and bass', 'chiptune', 'mariachi', 'band plays', 'marching band', 'brass band', 'jazz band', 'k pop', 'kpop', 'punk', 'harp', 'singing bowl', 'guitar riff', 'samba', 'soundscape', 'ambient drone', 'eerie drone', 'dark drone', 'ominous drone', 'ambient pad', 'synth pad', 'fanfare', 'elegant strings', 'soft strings', 'lush strings', 'sweeping strings', 'swelling strings', 'gentle strings', 'dramatic strings', 'emotional strings', 'orchestral strings', 'warm strings', 'tense strings', 'romantic strings', 'melancholic strings', 'strings swell', 'strings play', 'pizzicato', 'drum roll', 'drumroll', 'drums rolling', 'war drums', 'military drums', 'bugle', 'bugle call', 'tuba', 'french horn', 'trombone', 'church organ', 'pipe organ', 'organ music',
    // a DJ at work is music playing
    'dj spins', 'dj spinning', 'dj plays', 'dj playing', 'dj mixes', 'dj mixing', 'dj set', 'dj at the decks', 'dj decks', 'dj booth', 'spins records', 'spinning records', 'spins tracks'] },
];

export const MOOD_WORDS: readonly LexiconEntry[] = [
  { id: 'calm', phrases: ['calm', 'peaceful', 'relaxing', 'gentle', 'serene', 'chill', 'soothing', 'ambient'] },
  { id: 'epic', phrases: ['epic', 'cinematic', 'heroic', 'dramatic', 'powerful', 'triumphant', 'orchestral'] },
  { id: 'upbeat', phrases: ['upbeat', 'happy', 'energetic', 'cheerful', 'fun', 'dance', 'groovy', 'uplifting', 'festive', 'celebratory', 'joyful', 'joyous', 'playful', 'party'] },
  { id: 'tense', phrases: ['tense', 'suspense', 'suspenseful', 'ominous', 'horror', 'thriller', 'creepy', 'mysterious', 'dark'] },
  { id: 'sad', phrases: ['sad', 'melancholic', 'melancholy', 'somber', 'sombre', 'sorrowful', 'nostalgic', 'emotional'] },
  { id: 'romantic', phrases: ['romantic', 'love', 'tender', 'dreamy'] },
];

/** Genres and instruments named in a prompt → the genre table's rows (src/engine/sound/music/genres.ts). */
export const GENRE_WORDS: ReadonlyArray<LexiconEntry<GenreId>> = [
  { id: 'lofi', phrases: ['lo fi', 'lofi', 'chillhop', 'lo fi beat', 'rhodes'] },
  { id: 'jazz', phrases: ['jazz', 'jazzy', 'jazz trio', 'swing', 'upright bass', 'saxophone', 'sax', 'bebop', 'trumpet'] },
  { id: 'music_box', phrases: ['music box', 'lullaby', 'celesta', 'glockenspiel'] },
  { id: 'choir', phrases: ['choir', 'choral', 'chorus of voices', 'chant', 'chanting', 'gregorian'] },
  { id: 'strings', phrases: ['strings', 'string quartet', 'violin', 'violins', 'cello', 'chamber music', 'string music', 'string section', 'string orchestra', 'string ensemble', 'harp'] },
  { id: 'orchestral', phrases: ['orchestral', 'orchestra', 'symphonic', 'epic score', 'film score', 'cinematic score', 'brass', 'horns', 'timpani', 'taiko', 'fanfare', 'trumpets play a fanfare', 'royal fanfare', 'drum roll', 'drumroll', 'drums rolling', 'war drums', 'military drums'] },
  { id: 'electronic', phrases: ['electronic', 'synth', 'synthwave', 'edm', 'techno', 'house music', 'electro', 'synthesizer', 'retrowave', 'trance', 'dj spins', 'dj spinning', 'dj plays', 'dj playing', 'dj mixes', 'dj mixing', 'dj set', 'dj at the decks', 'dj decks', 'dj booth', 'spins records', 'spinning records', 'spins tracks'] },
  { id: 'acoustic_guitar', phrases: ['acoustic guitar', 'guitar', 'fingerpicking', 'fingerpicked', 'nylon guitar', 'ukulele'] },
  { id: 'folk', phrases: ['folk', 'fiddle', 'celtic', 'bluegrass', 'banjo', 'accordion', 'country', 'flute', 'harmonica', 'bagpipes', 'tin whistle'] },
  { id: 'world', phrases: ['world music', 'world percussion', 'percussion', 'bongos', 'congas', 'djembe', 'hand drums', 'tribal', 'marimba', 'kalimba', 'african drums', 'afrobeat'] },
  { id: 'pop', phrases: ['pop', 'pop song', 'upbeat pop', 'pop music', 'indie pop', 'dance pop'] },
  { id: 'tension', phrases: ['tension music', 'eerie music', 'horror score', 'horror', 'thriller', 'suspense music', 'drone music', 'dark ambient', 'eerie drone', 'dark drone', 'ominous drone'] },
  { id: 'ambient', phrases: ['ambient music', 'ambient pad', 'synth pad', 'pads', 'new age', 'ambient', 'singing bowl', 'meditation music', 'ambient drone'] },
  { id: 'piano', phrases: ['piano', 'solo piano', 'grand piano', 'piano music'] },
];

/**
 * Genres we do not play, each with the nearest row we do: the director plays that one and says so
 * in the notes. The first phrase is the name the note uses.
 */
export const NEAREST_GENRE_WORDS: ReadonlyArray<LexiconEntry<GenreId>> = [
  { id: 'lofi', phrases: ['hip hop', 'hiphop', 'rap', 'trap', 'r&b', 'rnb', 'boom bap'] },
  { id: 'pop', phrases: ['rock', 'punk', 'indie rock', 'disco', 'funk', 'k pop', 'kpop', 'reggae', 'ska', 'motown'] },
  { id: 'electronic', phrases: ['dubstep', 'drum and bass', 'dnb', 'chiptune', 'industrial', 'metal', 'heavy metal'] },
  { id: 'jazz', phrases: ['blues', 'bossa nova', 'soul', 'big band', 'swing band'] },
  { id: 'orchestral', phrases: ['classical', 'opera', 'baroque', 'march', 'military march', 'bugle', 'bugle call', 'tuba', 'french horn', 'trombone'] },
  { id: 'choir', phrases: ['gospel', 'a cappella', 'acapella', 'church organ', 'pipe organ', 'organ music'] },
  { id: 'acoustic_guitar', phrases: ['flamenco', 'spanish guitar'] },
  { id: 'world', phrases: ['salsa', 'samba', 'latin', 'reggaeton', 'bollywood', 'arabic music', 'sitar', 'mariachi'] },
  { id: 'strings', phrases: ['tango', 'waltz'] },
];

/** Per mood: the genre (when the prompt names none), tempo and key. */
export const MOODS: Record<string, { style: GenreId; bpm: number; key: string }> = {
  calm: { style: 'ambient', bpm: 72, key: 'C major' },
  epic: { style: 'orchestral', bpm: 96, key: 'D minor' },
  upbeat: { style: 'pop', bpm: 118, key: 'G major' },
  tense: { style: 'tension', bpm: 76, key: 'C minor' },
  sad: { style: 'piano', bpm: 66, key: 'A minor' },
  romantic: { style: 'piano', bpm: 76, key: 'F major' },
};

/** What a negative prompt (or a "no …" in the prompt) can remove besides single sounds. */
export const REMOVAL_WORDS: readonly LexiconEntry[] = [
  { id: 'music', phrases: ['music', 'soundtrack', 'score', 'song', 'strings', 'melody', 'bgm', 'background music'] },
  { id: 'dialogue', phrases: ['voice', 'talking', 'speech', 'dialogue', 'dialog', 'speaking', 'narration', 'narrator', 'voiceover', 'voice over'] },
  { id: 'beds', phrases: ['ambience', 'ambient sound', 'background noise'] },
  { id: 'events', phrases: ['sound effects', 'sfx'] },
];

/** Rooms named in the prompt (the reverb). */
export const SPACE_WORDS: readonly LexiconEntry[] = [
  { id: 'cave', phrases: ['cave', 'cavern', 'tunnel', 'dungeon'] },
  // (a sound that echoes or reverberates with no space named is in a large one)
  { id: 'hall', phrases: ['hall', 'cathedral', 'church', 'concert hall', 'auditorium', 'stadium', 'temple', 'echo', 'echoes', 'echoing', 'echoed', 'reverberates', 'reverberating', 'resonates through', 'resonating through'] },
  { id: 'room', phrases: ['room', 'indoors', 'inside', 'kitchen', 'bedroom', 'living room', 'studio'] },
  { id: 'outdoor', phrases: ['outdoors', 'outside', 'open air'] },
];

/** Words that ask for a soundtrack at all (for the note when sound is off). */
export const SOUND_WORDS: readonly LexiconEntry[] = [
  { id: 'sound', phrases: ['sound', 'sounds', 'audio', 'ambience', 'noise', 'voice', 'says', 'sound effects', 'sfx'] },
];
