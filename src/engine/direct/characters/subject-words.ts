/**
 * Who or what can be the subject of a verb in a prompt, one row per kind, and what the director
 * says when that kind is asked to do something no action row performs. `camera` verbs belong to
 * the camera moves. A `nature` verb is an effect's when an effect phrase holds its noun or verb
 * ("fog pouring in", "the waves crash": the effect performs it or notes its own gap); any other
 * ("the bridge lights turn on") is noted with the row's reason.
 *
 * @example
 *   SUBJECT_WORDS.find((k) => k.id === 'vehicle')!.reason // → 'moving objects are not animated'
 */
import { findMentions, type LexiconEntry, type Mention } from '../lexicon.js';
import { OTHER_SENSE_WORDS } from '../audio/vocabulary.js';
import { ACTIONS } from './actions.js';

/** The arm gestures of the action table, for a person's note ("shrug, wave, raise hand and point"). */
const GESTURES = ((names: string[]) => `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`)(
  ACTIONS.filter((a) => a.rig.person === 'arm').map((a) => a.id.replace(/_/g, ' ')),
);

export type SubjectWordKind = 'person' | 'animal' | 'vehicle' | 'object' | 'nature' | 'camera' | 'pronoun';

export interface SubjectWordEntry extends LexiconEntry<SubjectWordKind> {
  /** the note's reason for a verb of this kind that no action row performs (null: not noted here) */
  reason: string | null;
}

export const SUBJECT_WORDS: readonly SubjectWordEntry[] = [
  {
    id: 'person',
    phrases: [
      'man', 'men', 'woman', 'women', 'girl', 'boy', 'person', 'people', 'child', 'children', 'kid', 'kids', 'baby', 'toddler', 'lady',
      'guy', 'gentleman', 'player', 'goalkeeper', 'footballer', 'athlete', 'runner', 'dancer', 'chef', 'cook', 'astronaut', 'soldier',
      'worker', 'student', 'teacher', 'doctor', 'nurse', 'singer', 'musician', 'guitarist', 'pianist', 'model', 'actor', 'actress',
      'grandmother', 'grandfather', 'grandma', 'grandpa', 'mother', 'father', 'mom', 'dad', 'son', 'daughter', 'couple', 'friend',
      'friends', 'teenager', 'businessman', 'businesswoman', 'police officer', 'officer', 'farmer', 'fisherman', 'skater', 'surfer',
      'cyclist', 'driver', 'pilot', 'waiter', 'waitress', 'barista', 'customer', 'bride', 'groom', 'king', 'queen', 'princess',
      'prince', 'knight', 'warrior', 'wizard', 'witch', 'robot', 'someone', 'somebody', 'everyone', 'he', 'she', 'they', 'subject',
      'character', 'portrait', 'face', 'host', 'presenter', 'reporter', 'speaker', 'narrator', 'streamer', 'influencer', 'boxer',
      'fighter', 'climber', 'hiker', 'swimmer', 'diver', 'anchor', 'scientist', 'artist', 'painter', 'photographer', 'crowd', 'fans',
      'audience', 'spectators', 'kitesurfer', 'windsurfer', 'skier', 'snowboarder', 'skateboarder', 'jogger', 'biker', 'rider',
      'sailor', 'firefighter', 'tourist', 'traveler', 'traveller', 'backpacker', 'pedestrian', 'passerby', 'passersby', 'baker',
      'butcher', 'vendor', 'shopkeeper', 'shopper', 'commentator', 'announcer', 'referee', 'coach', 'defender', 'striker',
      'teammate', 'drummer', 'violinist', 'cellist', 'busker', 'performer', 'magician', 'juggler', 'clown', 'monk', 'priest', 'nun',
      'gardener', 'mechanic', 'lifeguard', 'shepherd', 'hunter', 'cowboy', 'pirate', 'samurai', 'ninja', 'detective', 'stranger',
      'villager', 'protester', 'gymnast', 'ballerina', 'wrestler', 'family', 'cameraman', 'camerawoman', 'camera operator',
      'filmmaker', 'videographer', 'director', 'journalist', 'vlogger', 'engineer', 'programmer', 'professor', 'admiral',
      'captain', 'commander', 'bartender', 'librarian', 'grandson', 'granddaughter', 'dj', 'rapper', 'bodybuilder',
      'boss', 'manager', 'employee', 'colleague', 'coworker', 'neighbor', 'neighbour', 'husband', 'wife', 'boyfriend', 'girlfriend',
      'brother', 'sister', 'uncle', 'aunt', 'cousin', 'nephew', 'niece', 'parent', 'parents', 'grandparent', 'infant', 'newborn',
      'guard', 'security guard', 'lawyer', 'judge', 'politician', 'president', 'mayor', 'clerk', 'cashier', 'receptionist',
      'secretary', 'assistant', 'surgeon', 'dentist', 'patient', 'pharmacist', 'vet', 'veterinarian', 'hero', 'heroine', 'villain',
      'leader', 'chief', 'ceo', 'designer', 'architect', 'carpenter', 'plumber', 'electrician', 'builder', 'janitor', 'maid', 'butler',
      'nanny', 'tailor', 'barber', 'hairdresser', 'florist', 'potter', 'sculptor', 'writer', 'author', 'poet', 'blogger', 'youtuber',
      'gamer', 'spy', 'agent', 'sheriff', 'cop', 'thief', 'robber', 'prisoner', 'pastor', 'preacher', 'teen', 'schoolgirl', 'schoolboy',
      'guest', 'visitor', 'passenger', 'commuter', 'explorer', 'adventurer', 'archer', 'gladiator', 'viking', 'elf', 'fairy', 'vampire',
      'zombie', 'superhero', 'old man', 'old woman', 'elderly man', 'elderly woman',
    ],
    reason: `only the head, face, breathing and the gestures ${GESTURES} are animated (no body animation)`,
  },
  {
    id: 'animal',
    phrases: [
      'cat', 'kitten', 'kitty', 'dog', 'puppy', 'pup', 'squirrel', 'mandrill', 'monkey', 'ape', 'gorilla', 'baboon', 'chimpanzee', 'bird',
      'hawk', 'eagle', 'falcon', 'owl', 'parrot', 'pigeon', 'crow', 'raven', 'sparrow', 'robin', 'seagull', 'gull', 'duck', 'swan',
      'goose', 'chicken', 'hen', 'rooster', 'horse', 'pony', 'donkey', 'cow', 'bull', 'calf', 'sheep', 'lamb', 'goat', 'pig', 'lion',
      'lioness', 'tiger', 'leopard', 'cheetah', 'panther', 'jaguar', 'bear', 'panda', 'fox', 'wolf', 'deer', 'stag', 'elk', 'moose',
      'rabbit', 'bunny', 'hare', 'mouse', 'rat', 'hamster', 'guinea pig', 'hedgehog', 'raccoon', 'otter', 'beaver', 'koala',
      'kangaroo', 'elephant', 'giraffe', 'zebra', 'rhino', 'hippo', 'camel', 'llama', 'alpaca', 'frog', 'toad', 'lizard', 'snake',
      'turtle', 'tortoise', 'crocodile', 'alligator', 'fish', 'goldfish', 'shark', 'dolphin', 'whale', 'seal', 'penguin', 'butterfly',
      'bee', 'insect', 'spider', 'animal', 'pet', 'creature', 'dragon', 'lemur', 'meerkat', 'sloth', 'bat', 'flamingo', 'peacock',
      'hummingbird', 'chipmunk', 'ferret', 'cub', 'tabby', 'calico', 'feline', 'canine', 'hound', 'pooch', 'retriever', 'labrador',
      'poodle', 'terrier', 'bulldog', 'husky', 'corgi', 'beagle', 'dachshund', 'spaniel', 'chihuahua', 'pug', 'collie', 'stallion',
      'mare', 'foal', 'fawn', 'doe', 'chick', 'duckling', 'kitty cat', 'gecko', 'iguana', 'heron', 'stork', 'loon', 'pelican', 'woodpecker',
      'chameleon', 'snail', 'crab', 'lobster', 'octopus', 'jellyfish', 'badger', 'skunk', 'porcupine', 'armadillo', 'reindeer', 'bison',
      'yak', 'mule', 'puffin', 'toucan', 'finch', 'canary', 'budgie', 'parakeet', 'cockatoo', 'macaw', 'sea lion', 'walrus', 'orca', 'koi',
      'trout', 'ladybug', 'ladybird', 'beetle', 'caterpillar',
    ],
    reason: 'only the head, jaw and breathing of an animal are animated (no body animation)',
  },
  {
    id: 'vehicle',
    phrases: [
      'car', 'cars', 'bus', 'truck', 'lorry', 'van', 'taxi', 'cab', 'train', 'tram', 'subway', 'plane', 'airplane', 'aeroplane', 'jet',
      'helicopter', 'motorcycle', 'motorbike', 'scooter', 'bike', 'bicycle', 'boat', 'ship', 'yacht', 'sailboat', 'ferry', 'canoe',
      'fishing boat', 'sailing boat', 'rowing boat', 'rowboat', 'motorboat', 'speedboat', 'jet ski', 'gondola',
      'kayak', 'rocket', 'spaceship', 'spacecraft', 'shuttle', 'drone', 'balloon', 'hot air balloon', 'tractor', 'ambulance',
      'fire truck', 'police car', 'vehicle', 'skateboard', 'sled', 'carriage', 'wagon', 'submarine', 'ufo',
    ],
    reason: 'moving objects are not animated',
  },
  {
    id: 'object',
    phrases: [
      'ball', 'football', 'ice cube', 'ice cubes', 'cube', 'cubes', 'cup', 'mug', 'coffee', 'tea', 'glass', 'bottle', 'door', 'window', 'phone', 'smartphone', 'book', 'page',
      'pages', 'paper', 'letter', 'flag', 'kite', 'umbrella', 'hat', 'scarf', 'dress', 'curtain', 'curtains', 'candle', 'lamp',
      'clock', 'bell', 'doorbell', 'toy', 'box', 'gift', 'car door', 'wheel', 'wheels', 'fan', 'windmill', 'sign', 'product', 'watch',
      'bag', 'chair', 'table', 'guitar', 'piano', 'sword', 'shield', 'hair', 'statue', 'building', 'tower', 'bridge', 'house',
      'machine', 'engine', 'computer', 'screen', 'laptop', 'camera flash', 'nut', 'food', 'bowl', 'plate', 'pot', 'kettle',
      'perfume', 'shoe', 'shoes', 'sneaker', 'sneakers', 'bottle cap', 'cork', 'balloons', 'tear', 'teardrop',
      'coat', 'jacket', 'cape', 'cloak', 'skirt', 'shirt', 'clothes', 'veil', 'robe', 'ribbon', 'ribbons', 'sail', 'sails', 'banner', 'banners',
      'vase', 'jar', 'mirror', 'wine glass', 'teacup', 'dish', 'dishes',
    ],
    reason: 'objects are not animated',
  },
  {
    id: 'nature',
    phrases: [
      'waves', 'wave', 'water', 'sea', 'ocean', 'river', 'stream', 'waterfall', 'rain', 'snow', 'snowflakes', 'clouds', 'cloud', 'sky',
      'wind', 'breeze', 'leaves', 'leaf', 'trees', 'tree', 'branches', 'grass', 'flowers', 'flower', 'petals', 'fire', 'flames', 'smoke',
      'fog', 'mist', 'steam', 'sun', 'sunlight', 'light', 'lights', 'moon', 'stars', 'lightning', 'thunder', 'storm', 'dust', 'sand',
      'shadows', 'shadow', 'tide', 'surf', 'embers', 'sparks', 'bubbles', 'neon', 'lava', 'aurora', 'northern lights', 'reflections',
      'dusk', 'dawn', 'night', 'darkness', 'sunrise', 'sunset', 'daylight', 'horizon', 'raindrops', 'droplets', 'comet', 'meteor', 'meteors', 'shooting star', 'asteroid', 'confetti', 'hail', 'hailstones', 'pollen', 'glitter',
      'rainbow', 'double rainbow', 'searchlight', 'searchlights', 'spotlight', 'spotlights', 'headlights', 'sparkles', 'fireflies',
      'beam', 'beams', 'light beam', 'beam of light', 'lighthouse beam', 'laser', 'lasers', 'laser beams', 'sunbeams', 'sunbeam', 'rays', 'light rays',
    ],
    // what an effect of the picture performs is its own (or its note); anything else is noted
    reason: 'no effect of the picture performs it',
  },
  {
    id: 'camera',
    // a drone that films is the camera ("drone shot flying over the bridge"), not a vehicle
    phrases: ['camera', 'shot', 'view', 'lens', 'focus', 'frame', 'scene', 'video', 'clip', 'zoom', 'we', 'drone shot', 'drone view', 'drone footage', 'drone camera', 'fpv drone', 'fpv shot', 'fpv', 'aerial shot', 'aerial view', 'aerial footage'],
    reason: null,
  },
  { id: 'pronoun', phrases: ['it'], reason: null },
];

/**
 * The subject words of a text, less an animal's inside a phrase that gives its word another sense
 * (a boxer who "ducks under" a punch is no duck: OTHER_SENSE_WORDS). A thing keeps its word: "her
 * gown's train trails" is no locomotive, but it is still something the prompt asks to move.
 */
export function subjectMentions(text: string): Mention<SubjectWordKind>[] {
  const otherSense = findMentions(text, OTHER_SENSE_WORDS);
  return findMentions(text, SUBJECT_WORDS).filter((m) => m.id !== 'animal' || !otherSense.some((o) => m.index >= o.index && m.index < o.index + o.length));
}
