/**
 * Verbs with a meaning of their own for the director's reader, one row each:
 * - POSE_VERBS: states the still picture already shows ("stands", "holds a cup", "looks at the
 *   camera"), honoured by the picture as it is, and speech verbs ("says"), which the dialogue
 *   performs: neither is noted;
 * - SOUND_VERBS: verbs whose action is a sound ("barks", "rings", "honks"); the sound they ask for
 *   must be in the soundtrack or in the notes;
 * - AUXILIARIES: words between a subject and its verb ("is", "slowly", "starts to").
 */
import type { LexiconEntry } from '../lexicon.js';

export const POSE_VERBS: readonly LexiconEntry[] = [
  {
    id: 'pose',
    phrases: [
      'stand', 'sit', 'lie', 'lies', 'lying', 'rest', 'wear', 'wearing', 'hold', 'holding', 'pose', 'posing', 'wait', 'stay', 'remain',
      'look at', 'looks at the camera', 'looks into the camera', 'looks into', 'looking into', 'looks straight', 'looking straight', 'looking at', 'gaze at', 'gazes into', 'stare at', 'stares into',
      'watch', 'face', 'faces', 'perch', 'perched', 'seated', 'dressed', 'smiling at', 'has', 'have', 'is', 'are', 'be', 'seems',
      'appears', 'keep', 'keeps', 'shown', 'framed', 'lit', 'standing', 'sitting', 'wears', 'holds', 'sits', 'stands', 'rests',
      'waits', 'stays', 'remains', 'watches', 'covered', 'surrounded', 'against', 'in front of', 'sleeping', 'sleeps', 'asleep',
      'relax', 'relaxes', 'relaxing', 'hangs', 'hanging', 'floats in', 'curled up', 'lays', 'parked', 'lit by', 'bathed in',
      'stare', 'gaze', 'glow', 'shine', 'gleam', 'reflect', 'shimmer in',
    ],
  },
  // how a sound carries ("the dog barks, echoing across the valley", "the bell rings out"): the
  // soundtrack's space honours it (direct/audio/reverb.ts), no one acts it
  {
    id: 'sound_carries',
    phrases: [
      'echo', 'echoes', 'echoing', 'echoed', 'reverberate', 'reverberates', 'reverberating', 'resonate', 'resonates', 'resonating',
      'rings out', 'ringing out', 'fades away', 'fading away', 'fades into the distance', 'dies away', 'dies down', 'carries across',
      'carrying across', 'carries over', 'fills the air', 'filling the air', 'fills the room', 'filling the room', 'fills the hall',
      'filling the hall', 'fills the street', 'filling the street', 'fills the night', 'filling the night',
    ],
  },
  // spoken lines: the dialogue plan voices them and the face's lips follow
  { id: 'speech', phrases: ['say', 'says', 'said', 'replies', 'reply', 'whisper', 'whispers', 'asks', 'tells', 'announces', 'exclaims', 'murmurs', 'narrates', 'answers', 'adds', 'calls out', 'raps', 'rapping', 'tells', 'telling', 'explains', 'lectures', 'recites', 'preaches',
    'gives a speech', 'delivers a speech', 'makes a speech', 'begins his speech', 'begins her speech', 'starts his speech', 'starts her speech', 'gives a toast', 'makes a toast', 'proposes a toast'] },
];

/**
 * The id is the sound asked for, in words the sound tables may know. `shows`: the verb also asks
 * for something to be seen ("the car explodes"), which the picture must perform or note too.
 */
export const SOUND_VERBS: readonly (LexiconEntry & { shows?: true })[] = [
  { id: 'barking', phrases: ['bark', 'woof', 'yap', 'yelp'] },
  { id: 'meowing', phrases: ['meow', 'miaow', 'mews'] },
  { id: 'roaring', phrases: ['roar'] },
  { id: 'growling', phrases: ['growl', 'snarl'] },
  { id: 'howling', phrases: ['howl'] },
  { id: 'hissing', phrases: ['hiss'] },
  { id: 'chirping', phrases: ['chirp', 'tweet', 'twitter', 'sing'] },
  { id: 'squawking', phrases: ['squawk', 'caw', 'screech', 'hoot', 'quack', 'cluck', 'crow', 'crows', 'coo', 'cooing', 'call', 'chatter'] },
  { id: 'neighing', phrases: ['neigh', 'whinny', 'moo', 'baa', 'bleat', 'oink', 'squeak', 'croak', 'ribbit', 'bray', 'trumpet'] },
  { id: 'laughter', phrases: ['laugh', 'chuckle', 'giggle', 'cackle'] },
  { id: 'cheering', phrases: ['cheer', 'chant'] },
  { id: 'booing', phrases: ['boo', 'jeer'] },
  { id: 'applause', phrases: ['applaud', 'clap'], shows: true },
  { id: 'screaming', phrases: ['scream', 'shriek', 'yell', 'shout', 'cry', 'sob'] },
  { id: 'whistle', phrases: ['whistle'] },
  { id: 'cough', phrases: ['cough', 'sneeze', 'snore', 'gasp'] },
  { id: 'ringing', phrases: ['ring', 'rings', 'chime', 'ding', 'toll', 'peal', 'clang'] },
  { id: 'horn', phrases: ['honk', 'beep', 'toot', 'sounds its horn', 'sounds the horn', 'sound the horn', 'blows its horn', 'blows the horn', 'sounds a horn'] },
  { id: 'whining', phrases: ['whine', 'whimper'] },
  { id: 'siren', phrases: ['wail', 'blare', 'siren'] },
  { id: 'engine', phrases: ['rev', 'revs', 'revving', 'roars past', 'rumble'] },
  { id: 'knock', phrases: ['knock', 'tap', 'taps', 'tapping'], shows: true },
  { id: 'door', phrases: ['slam'], shows: true },
  { id: 'creak', phrases: ['creak'] },
  { id: 'splash', phrases: ['splash'], shows: true },
  { id: 'crash', phrases: ['crash', 'smash', 'shatter'], shows: true },
  { id: 'explosion', phrases: ['explode', 'blow up', 'blows up'], shows: true },
  { id: 'crackle', phrases: ['crackle', 'pop', 'sizzle'] },
  { id: 'buzzing', phrases: ['buzz', 'hum', 'whir', 'whirr'] },
  { id: 'rustling', phrases: ['rustle', 'crunch', 'crinkle'] },
  { id: 'clatter', phrases: ['clatter', 'clack', 'clank', 'rattle', 'thud', 'thump', 'bang', 'squeal', 'click', 'clink'] },
  { id: 'purring', phrases: ['purr'] },
  { id: 'ticking', phrases: ['tick', 'ticks', 'ticking'] },
];

/**
 * Everyday actions no rig performs, known as verbs so that the reader finds them after a
 * describing phrase ("a chef in a busy kitchen tosses vegetables") and notes them. Words as often
 * nouns in a prompt ("plants", "lights", "drops", "rolls", "paints", "cuts") are left out.
 */
export const ACTIVITY_VERBS: readonly LexiconEntry[] = [
  {
    id: 'activity',
    phrases: [
      'toss', 'stir', 'chop', 'pour', 'flip', 'knead', 'slice', 'cook', 'fry', 'bake', 'whisk', 'sprinkle', 'taste', 'sip', 'bite', 'lick',
      'wipe', 'rub', 'brush', 'comb', 'pat', 'hug', 'kiss', 'cuddle', 'dig', 'sweep', 'wash', 'scrub', 'fold', 'sew', 'knit', 'juggle',
      'spin', 'twirl', 'skip', 'hop', 'crawl', 'bounce', 'swing', 'dive', 'surf', 'skate', 'ride', 'drive', 'sail', 'paddle', 'chase',
      'grab', 'pick', 'salute', 'dribble', 'strum', 'build', 'wrap', 'unwrap', 'scratch', 'kneel', 'jog', 'sprint', 'leap', 'pounce',
      'tumble', 'remove', 'adjust', 'dance', 'jump', 'climb', 'swim', 'run', 'walk', 'kick', 'carry', 'push', 'pull', 'drink', 'write',
      'gallop', 'trot', 'canter',
      'read', 'paint', 'draw', 'play', 'clean', 'type', 'feed', 'serve', 'hammer', 'stretch', 'fix', 'pack', 'unpack', 'tie', 'button',
      'zip', 'shovel', 'rake', 'mop', 'vacuum', 'iron', 'stroke', 'caress', 'embrace', 'shoot', 'aim', 'swat', 'wiggle', 'stomp',
      // (a duck is a noun too: read as a verb where a phrase gives it that sense, OTHER_SENSE_WORDS' "ducks under")
      'duck', 'dodge',
    ],
  },
];

/** Sound verb rows only people make ("claps", "cheers", "coughs"): after a name, the name is someone's. */
export const PEOPLE_SOUND_ROWS: ReadonlySet<string> = new Set(['applause', 'cheering', 'booing', 'screaming', 'whistle', 'cough']);

/** Sound verb rows only an animal makes ("barks", "meows", "purrs", "neighs"): after a name, the name is a pet's. */
export const ANIMAL_VOICE_ROWS: ReadonlySet<string> = new Set(['barking', 'meowing', 'purring', 'neighing']);

/** The sound verbs that ask for a sound only ("barks"), not also for something to be seen ("explodes"). */
export const HEARD_VERBS = SOUND_VERBS.filter((v) => !v.shows);

/** Words that introduce a sound asked for by its source: "the sound of a helicopter", "we hear a dog". */
export const SOUND_INTRODUCERS: readonly LexiconEntry[] = [
  { id: 'sound_of', phrases: ['sound of', 'sounds of', 'noise of', 'noises of', 'hear', 'hears', 'hearing', 'sound effect of', 'sfx of'] },
];

/** Sources that are sounds whenever they are named ("a doorbell", "sirens in the distance"). */
export const SOUND_SOURCES: readonly LexiconEntry[] = [
  {
    id: 'source',
    phrases: [
      'doorbell', 'siren', 'sirens', 'alarm', 'car horn', 'horn', 'church bells', 'bells', 'whistle', 'gunshot', 'gunshots', 'fireworks',
      'ringtone', 'phone ringing', 'laughter', 'cheering', 'applause', 'helicopter', 'bark', 'barking', 'meowing', 'purring',
      'birdsong', 'chirping', 'footsteps', 'heartbeat', 'ticking', 'knocking', 'thunder', 'explosion', 'engine', 'whoosh',
      'crunch', 'thud', 'bang',
    ],
  },
];

/**
 * Parts of a body that, owned ("its tail swishes", "her eyes close"), stand for their owner as the
 * subject of a clause: the verb phrase keeps the part ("tail swishes"), which the action rows read.
 */
export const BODY_PARTS = new Set([
  'head', 'face', 'eyes', 'eye', 'eyelids', 'brows', 'eyebrows', 'mouth', 'lips', 'jaw', 'nose', 'ears', 'ear', 'tail', 'whiskers',
  'hair', 'fur', 'mane', 'hand', 'hands', 'arm', 'arms', 'fingers', 'shoulders', 'chest', 'legs', 'leg', 'feet', 'foot', 'paw', 'paws',
  'hoof', 'hooves', 'wings', 'wing', 'feathers', 'body', 'cheek', 'cheeks', 'forehead', 'neck', 'lip', 'chin', 'nose',
  'pupils', 'pupil', 'tongue', 'teeth', 'nostrils', 'snout', 'muzzle', 'belly', 'eyelashes', 'lashes', 'antennae', 'antenna',
]);

export const AUXILIARIES = new Set([
  'is', 'are', 'was', 'were', 'be', 'being', 'been', 'then', 'also', 'suddenly', 'slowly', 'gently', 'quickly', 'softly', 'briefly',
  'playfully', 'happily', 'just', 'still', 'now', 'finally', 'repeatedly', 'starts', 'start', 'begins', 'begin', 'to', 'keeps',
  'continues', 'tries', 'does', 'will', 'can', 'who', 'that', 'which', 'lazily', 'calmly', 'curiously', 'nervously', 'proudly',
  'silently', 'loudly', 'always', 'occasionally', 'barely', 'subtly', 'warmly', 'shyly', 'confidently',
]);
