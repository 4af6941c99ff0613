/**
 * The plan tells the truth: for each prompt, every action asked of someone or something and every
 * sound asked for is either in the plan (an action with its subject and time, a bed or an event)
 * or in the notes with its reason. Table-driven; each row names what must be performed and what
 * must be noted. Sounds that the sound table may or may not have (the sound rows grow) must be
 * accounted for either way: planned, or named in a note.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { direct } from '../../../../src/engine/direct/index.js';
import { readActions } from '../../../../src/engine/direct/characters/read-actions.js';
import { actionOf, posed } from '../../../../src/engine/direct/characters/index.js';
import { POSE_VERBS, SOUND_VERBS } from '../../../../src/engine/direct/characters/verb-words.js';
import { findMentions, withoutQuotes } from '../../../../src/engine/direct/lexicon.js';
import { PICTURE_VOCABULARY } from '../../../../src/engine/direct/picture/vocabulary.js';
import { AMBIENCE_WORDS, EFFECT_WORDS, MUSIC_WORDS } from '../../../../src/engine/direct/audio/vocabulary.js';
import { Value } from '@sinclair/typebox/value';
import { PlanSchema } from '../../../../src/engine/plan.js';
import type { Face, Scene } from '../../../../src/engine/scene.js';
import { makeInput } from '../../../helpers/direct-input.js';
import { makeScene } from '../../../helpers/synthetic-scene.js';

const face = (gender: Face['gender'], x: number): Face => ({
  box: { x, y: 0.2, w: 0.2, h: 0.3 }, score: 0.9, age: 35, gender,
  landmarks: Array.from({ length: 68 }, (_, i) => [x + (i % 10) * 0.02, 0.2 + Math.floor(i / 10) * 0.04] as [number, number]),
});
const SCENES: Record<'man' | 'woman' | 'couple' | 'none' | 'street' | 'product', Scene> = {
  man: makeScene({ faces: [face('male', 0.4)], tags: ['portrait'] }),
  woman: makeScene({ faces: [face('female', 0.4)], tags: ['portrait'] }),
  couple: makeScene({ faces: [face('male', 0.1), face('female', 0.6)], tags: ['portrait'] }),
  none: makeScene({}),
  // a wide view with no animal detected: its salient region is a building
  street: makeScene({ tags: ['outdoor', 'sky', 'street'] }),
  // a studio shot of a thing: no face, no body, no one segmented
  product: makeScene({ tags: ['indoor', 'product'] }),
};

interface Row {
  prompt: string;
  scene: keyof typeof SCENES;
  /** actions performed: "face:<id>" on a face character, "subject:<id>" on a subject */
  perform?: string[];
  /** words each of which some note must quote */
  note?: string[];
  /** sounds asked for: a planned bed/event of this id, or a note quoting `words` */
  sound?: Array<{ id: string; words: string }>;
  /** bed or event ids that must not be planned (the other sense of a word) */
  notPlanned?: string[];
  /** notes that must not appear (substring) */
  noNote?: string[];
  /** bed or event ids that must be planned (the sound table has them) */
  hear?: string[];
  /** actions no one may perform ("face:cry" for "battle cries") */
  notPerform?: string[];
}

const ROWS: Row[] = [
  // the issue's own prompts
  { prompt: 'the squirrel turns its head and nibbles the nut', scene: 'none', perform: ['subject:turn_head', 'subject:chew'] },
  { prompt: 'the mandrill blinks and turns its head', scene: 'none', perform: ['subject:turn_head'], note: ['the mandrill blinks'] },
  { prompt: 'the cat meows and slowly blinks', scene: 'none', note: ['the cat blinks'], sound: [{ id: 'cat_meow', words: 'the cat meows' }] },
  { prompt: 'the player kicks the ball', scene: 'man', note: ['the player kicks the ball'] },
  { prompt: 'he laughs and shakes his head', scene: 'man', perform: ['face:laugh', 'face:shake_head'], sound: [{ id: 'laughter', words: 'he laughs' }] },
  { prompt: 'The man waves at the camera', scene: 'man', note: ['the man waves at the camera'], notPlanned: ['ocean_waves'] },
  { prompt: 'waves crash on the rocks at sunset', scene: 'none', noNote: ['waves crash'] },
  { prompt: 'a car driving past on a wet street', scene: 'none', note: ['a car driving past'], sound: [{ id: 'car_pass_by', words: 'a car driving past' }] },
  { prompt: 'a hawk swooping over the field', scene: 'none', note: ['a hawk swooping'] },
  { prompt: 'the goalkeeper diving to save the ball', scene: 'man', note: ['the goalkeeper diving'] },
  { prompt: 'the bus stops at the corner while a helicopter flies overhead', scene: 'none', note: ['the bus stops', 'a helicopter flies overhead'], sound: [{ id: 'helicopter', words: 'helicopter' }] },
  { prompt: 'she takes a sip of coffee and smiles', scene: 'woman', perform: ['face:smile'], note: ['she takes a sip of coffee'] },
  { prompt: 'a doorbell rings and a dog starts barking', scene: 'none', sound: [{ id: 'doorbell', words: 'a doorbell rings' }, { id: 'dog_bark', words: 'a dog' }] },
  // people: each face row
  { prompt: 'the man nods slowly', scene: 'man', perform: ['face:nod'] },
  { prompt: 'she turns her head to the left, then looks up', scene: 'woman', perform: ['face:turn_left', 'face:look_up'] },
  { prompt: 'he turns his head right and looks down', scene: 'man', perform: ['face:turn_right', 'face:look_down'] },
  { prompt: 'the woman tilts her head and raises her eyebrows', scene: 'woman', perform: ['face:tilt_head', 'face:raise_eyebrows'] },
  { prompt: 'he frowns, then winks', scene: 'man', perform: ['face:frown', 'face:wink'] },
  { prompt: 'the woman breathes deeply and sways gently', scene: 'woman', perform: ['face:breathe', 'face:sway'], notPlanned: [] },
  { prompt: 'the man leans in toward the camera and grins', scene: 'man', perform: ['face:lean_in', 'face:smile'] },
  { prompt: 'she shrugs and points at the sign', scene: 'woman', note: ['she shrugs', 'she points at the sign'] },
  { prompt: 'the man raises his hand', scene: 'man', note: ['the man raises his hand'] },
  { prompt: 'the man smiles while the woman laughs', scene: 'couple', perform: ['face:smile', 'face:laugh'] },
  { prompt: 'a portrait of a woman, she is talking to camera', scene: 'woman', perform: ['face:talk'] },
  { prompt: 'she looks around nervously and blinks', scene: 'woman', perform: ['face:look_around', 'face:blink'] },
  { prompt: 'a woman dancing in the rain', scene: 'woman', note: ['a woman dancing in the rain'] },
  { prompt: 'the chef chops onions and tastes the sauce', scene: 'man', note: ['the chef chops onions', 'the chef tastes the sauce'] },
  { prompt: 'the boy jumps into the pool with a splash', scene: 'none', note: ['the boy jumps into the pool'] },
  { prompt: 'she smiles at us', scene: 'none', note: ['she smiles'] },
  // animals
  { prompt: 'the dog sniffs the air and looks around', scene: 'none', perform: ['subject:sniff', 'subject:look_around'] },
  { prompt: 'a cat yawns and then looks up', scene: 'none', perform: ['subject:yawn', 'subject:look_up'] },
  { prompt: 'the rabbit munches on a carrot', scene: 'none', perform: ['subject:chew'] },
  { prompt: 'the horse breathes and tilts its head', scene: 'none', perform: ['subject:breathe', 'subject:tilt_head'] },
  { prompt: 'the dog wags its tail and twitches its ears', scene: 'none', note: ['the dog wags its tail', 'the dog twitches its ears'] },
  // (its roar is the lion's own, its jaw opening with it: the name said before its verb does not stand in for it)
  { prompt: 'a lion turns its head to the right and roars', scene: 'none', perform: ['subject:turn_right', 'subject:call'], hear: ['lion'], noNote: ['roars'] },
  { prompt: 'the bird flies away', scene: 'none', note: ['the bird flies away'] },
  { prompt: 'a cat walks across the room', scene: 'none', note: ['a cat walks across the room'] },
  // objects, vehicles and things the camera and effects already handle
  { prompt: 'the car explodes in a fireball', scene: 'none', note: ['the car explodes'], sound: [{ id: 'explosion', words: 'explodes' }] },
  { prompt: 'the train arrives at the station', scene: 'none', note: ['the train arrives at the station'], sound: [{ id: 'train', words: 'the train arrives' }] },
  { prompt: 'a red sports car parked on a street at night', scene: 'none', noNote: ['parked'] },
  { prompt: 'a glass falls off the table and shatters', scene: 'none', note: ['a glass falls off the table'] },
  { prompt: 'slow push in on the tower as clouds drift by', scene: 'none', noNote: ["'clouds drift", 'push'] },
  { prompt: 'heavy rain, thunder, the sound of a siren in the distance', scene: 'none', sound: [{ id: 'rain', words: 'rain' }, { id: 'thunder', words: 'thunder' }, { id: 'siren', words: 'siren' }] },
  { prompt: 'we hear footsteps and a door slams', scene: 'none', sound: [{ id: 'footsteps', words: 'footsteps' }, { id: 'door', words: 'door' }] },
  { prompt: 'a man stands in the rain holding an umbrella', scene: 'man', noNote: ['stands', 'holding'] },
  { prompt: 'she says "I will wave goodbye and run away"', scene: 'woman', noNote: ['wave', 'run'] },
  { prompt: 'the man does not smile', scene: 'man', noNote: ['smile'] },
  // sequence words order the events; what no longer fits is noted, not dropped silently
  { prompt: 'the dog barks, then the man says "hello"', scene: 'man', sound: [{ id: 'dog_bark', words: 'the dog barks' }] },
  { prompt: 'he nods, then smiles', scene: 'man', perform: ['face:nod', 'face:smile'] },
  { prompt: 'she smiles after she nods', scene: 'woman', perform: ['face:smile', 'face:nod'] },
  { prompt: 'Before he walks away, he nods.', scene: 'man', perform: ['face:nod'], note: ['he walks away'] },
  { prompt: 'the woman says "Hello there, how are you?", then she nods, then smiles, then laughs, then frowns', scene: 'woman', perform: ['face:nod', 'face:smile'], note: ['she laughs', 'she frowns'] },
  // a sound is read in its sentence: the verb's own sound is the one asked for, one note per sound
  { prompt: 'the girl whispers "come closer" and the wind howls', scene: 'woman', sound: [{ id: 'wind', words: 'the wind howls' }], noNote: ['howl'] },
  { prompt: 'a dog growls outside the door', scene: 'none', sound: [{ id: 'growl', words: "'a dog growls" }], notPlanned: ['door'] },
  { prompt: 'the old man coughs and then sneezes', scene: 'man', sound: [{ id: 'coughing', words: 'man coughs' }, { id: 'sneeze', words: "sneezes': there is no sneeze sound" }] },
  { prompt: 'a man sips his tea while a kettle whistles in the background', scene: 'man', note: ['a man sips his tea'], sound: [{ id: 'kettle_whistle', words: 'kettle whistles' }] },
  { prompt: 'a kettle on the stove starts to whistle as she reads', scene: 'woman', note: ['she reads'], hear: ['kettle_whistle'], noNote: ['kettle'] },
  { prompt: 'the phone on his desk rings and he frowns', scene: 'man', perform: ['face:frown'], hear: ['phone_ring'], noNote: ['phone'] },
  // a word with another sense in its phrase: a boxer who ducks is no duck, a chop that echoes no one's action
  { prompt: 'the boxer ducks under a punch and the crowd roars', scene: 'man', note: ['the boxer ducks under a punch'], hear: ['crowd_roar'], noNote: ['animal'], notPlanned: ['duck'] },
  { prompt: 'he splits logs with an axe, each chop echoes through the valley', scene: 'man', note: ['he splits logs'], hear: ['axe_chop'], noNote: ['each chop'] },
  // a subject's sound verb after another of its verbs: the reader joins them, the sound is played
  { prompt: 'a parrot on a perch tilts its head and squawks', scene: 'none', hear: ['parrot'], noNote: ['squawk'] },
  { prompt: 'the dog runs to the gate, sniffs the air and barks', scene: 'none', hear: ['dog_bark'], note: ['the dog runs to the gate'] },
  { prompt: 'the crowd waits in silence, then a whistle blows', scene: 'none', sound: [{ id: 'referee_whistle', words: 'whistle' }], noNote: ["'whistle'"] },
  // a sound made by the body is seen as well as heard: the gesture is noted when it is not animated
  { prompt: 'she claps her hands twice', scene: 'woman', note: ['she claps her hands twice'], sound: [{ id: 'hand_clap', words: 'claps' }], notPlanned: ['applause'] },
  { prompt: 'the farmer whistles as he walks to the barn', scene: 'man', hear: ['whistling'], noNote: ['whistles'] },
  // one person is not an audience: the boss's claps are one pair of hands
  { prompt: 'the boss claps', scene: 'man', note: ['the boss claps'], hear: ['hand_clap'], notPlanned: ['applause'], noNote: ["'claps' is not supported"] },
  // a name that ends as a verb does is still a name; a gesture after a name is no sea
  { prompt: 'Charles nods, then Thomas laughs', scene: 'couple', perform: ['face:nod', 'face:laugh'] },
  { prompt: 'James nods and claps twice', scene: 'man', perform: ['face:nod'], note: ['james claps twice'], hear: ['hand_clap'], notPlanned: ['applause'] },
  { prompt: 'Mary waves at the camera', scene: 'woman', note: ['mary waves at the camera'], noNote: ["the mary's"], notPlanned: ['ocean_waves'] },
  { prompt: 'the surf rolls in as James waves goodbye', scene: 'man', note: ['james waves goodbye'], noNote: ["the james's"] },
  // a horse's gallop is heard as hooves (and noted: no body animation), not as a neigh; thundering hooves are no thunder
  { prompt: 'a horse gallops past, hooves thundering', scene: 'none', hear: ['hooves'], note: ['a horse gallops past'], notPlanned: ['thunder', 'horse'] },
  { prompt: 'the squirrel on the branch chatters angrily', scene: 'none', hear: ['squirrel_chatter'], notPlanned: ['crowd_murmur'], noNote: ['chatters'] },
  // a sound named as its maker's noun is the maker's verb ("the dog's bark" barks); a thing a maker has is no sound
  { prompt: "the dog's bark echoes down the hall", scene: 'none', hear: ['dog_bark'], noNote: ['no sound in the sound table'] },
  { prompt: "a squirrel's chatter from the branch", scene: 'none', hear: ['squirrel_chatter'], notPlanned: ['crowd_murmur'], noNote: ['chatter'] },
  { prompt: 'the crash of waves against the pier, the hoot of an owl', scene: 'none', hear: ['ocean_waves', 'owl_hoot'], noNote: ['crash'] },
  { prompt: "a slow pan across the tree's bark, birdsong", scene: 'none', hear: ['forest_birds'], notPlanned: ['dog_bark'], noNote: ['bark'] },
  // the thunder of hooves is hooves; waves at the beach with no one before them are the sea
  { prompt: 'the thunder of hooves across the plain', scene: 'none', hear: ['hooves'], notPlanned: ['thunder', 'thunderstorm'], noNote: ['thunder'] },
  { prompt: 'waves at the beach, seagulls overhead', scene: 'none', hear: ['ocean_waves', 'seagull'], noNote: ['waves at the beach'] },
  // a bird of prey's cry is its screech, asked by its verb or heard by its name
  { prompt: 'the eagle spreads its wings and screeches', scene: 'none', hear: ['hawk_screech'], note: ['the eagle spreads its wings'], noNote: ['no sound in the sound table'] },
  { prompt: 'a hawk swoops down over the field', scene: 'none', hear: ['hawk_screech'], note: ['a hawk swoops down'] },
  // a person who cries sobs, one who cries out screams; how a sound carries is no one's action
  { prompt: 'he cries softly, then cries out in pain', scene: 'man', perform: ['face:cry'], hear: ['sob', 'scream'], noNote: ['no sound in the sound table'] },
  { prompt: "the girl's cry echoes through the hall", scene: 'woman', perform: ['face:cry'], hear: ['sob'], noNote: ['echoes', 'no sound in the sound table'] },
  { prompt: 'the dog barks, echoing across the valley', scene: 'none', hear: ['dog_bark'], noNote: ['echoing', 'no body animation'] },
  // wood creaks, pots clang; a boat rocking on the water is no passing engine, a motorboat's is heard
  { prompt: 'the old boat creaks as it rocks on the water', scene: 'none', hear: ['creak'], note: ['it rocks on the water'], noNote: ['no sound in the sound table'] },
  { prompt: 'a busy kitchen, pots clang and a chef shouts orders', scene: 'man', hear: ['pots_clatter'], noNote: ['pots clang'] },
  // a waterfall that thunders is the waterfall's roar; light that streams in is no stream; a beam that sweeps is noted
  { prompt: 'a waterfall thunders into the pool below', scene: 'none', hear: ['waterfall'], notPlanned: ['thunder'] },
  { prompt: 'sunlight streams through the window as she reads', scene: 'woman', notPlanned: ['stream'], note: ['she reads'] },
  { prompt: 'a lighthouse beam sweeps across the dark sea', scene: 'none', note: ['a lighthouse beam sweeps across the dark sea'] },
  { prompt: 'he clears his throat and proposes a toast', scene: 'man', hear: ['coughing'], note: ['he clears his throat', 'he proposes a toast'] },
  // a verb of beginning before its object is the verb: the speech begins (it was read as an auxiliary and lost)
  { prompt: 'the man begins his speech', scene: 'man', perform: ['face:talk'], note: ['the man begins his speech'] },
  { prompt: 'the watch ticks as light glints off its face', scene: 'none', hear: ['clock_tick'], noNote: ['no sound in the sound table'] },
  { prompt: 'Sound: pots and pans clattering, sizzling', scene: 'none', hear: ['pots_clatter', 'sizzle'], noNote: ['no sound in the sound table'] },
  { prompt: 'a motorboat speeds across the lake', scene: 'none', hear: ['engine'], note: ['a motorboat speeds across the lake'] },
  { prompt: 'Maria sings softly by the window', scene: 'none', noNote: ['no sound in the sound table'] },
  { prompt: 'she bursts into laughter', scene: 'woman', perform: ['face:laugh'], hear: ['laughter'], noNote: ['no body animation'] },
  // to knock a vase over is no knock on a door; what shatters is heard breaking
  // ("it" that shatters is the vase, not the cat)
  { prompt: 'the cat knocks over a vase, it shatters on the floor', scene: 'none', hear: ['glass_break'], notPlanned: ['knock'], note: ['the cat knocks over a vase', 'it shatters on the floor'], noNote: ['no sound in the sound table', "it shatters on the floor': only the head"] },
  { prompt: 'the dog drops the ball, it rolls away and the dog barks', scene: 'none', hear: ['dog_bark'], note: ['it rolls away'], noNote: ["it rolls away': only the head"] },
  { prompt: 'a horse shakes its mane as wasps buzz around it', scene: 'none', perform: ['subject:shake_head'], hear: ['insect_buzz'], noNote: ['no sound in the sound table'] },
  // "they" making an animal's sound are the animals named before ("feeding pigeons … as they coo")
  { prompt: 'an old man feeds the pigeons, he chuckles softly as they coo', scene: 'man', perform: ['face:laugh'], hear: ['laughter', 'pigeon_coo'], noNote: ['they coo'] },
  // a name before a pet's voice or its tail is a pet's, not the face's
  { prompt: 'Max wags his tail and barks', scene: 'man', hear: ['dog_bark'], note: ['max wags his tail'], noNote: ['no body animation'] },
  { prompt: 'the kids clap and cheer', scene: 'none', hear: ['applause', 'cheering'], noNote: ['no sound in the sound table'] },
  { prompt: 'she types on her laptop', scene: 'woman', note: ['she types on her laptop'], hear: ['typing'] },
  // an owned body part stands for its owner: "its tail swishes" is the fox's tail, not a whoosh
  { prompt: 'the fox sniffs the ground and its tail swishes', scene: 'none', perform: ['subject:sniff'], note: ['its tail swishes'], notPlanned: ['whoosh'] },
  { prompt: 'the woman looks up and her eyes close', scene: 'woman', perform: ['face:look_up', 'face:blink'] },
  // a sound verb whose maker the reader does not know is still a sound asked for
  { prompt: 'a chef flips a pancake, oil sizzles in the pan', scene: 'man', note: ['a chef flips a pancake'], sound: [{ id: 'sizzle', words: 'oil sizzles' }] },
  { prompt: 'the kitten purrs and everyone cheers', scene: 'none', sound: [{ id: 'purr', words: 'the kitten purrs' }, { id: 'cheering', words: 'everyone cheers' }], notPlanned: ['glass_clink'] },
  // a living subject's verb is theirs, not the camera's: noted, and the camera does not shake
  { prompt: 'the dog shakes off the water', scene: 'none', note: ['the dog shakes off the water'] },
  { prompt: 'close up, she bites her lip and looks away', scene: 'woman', perform: ['face:turn_head'], note: ['she bites her lip'] },
  // the subject is the one before a prepositional phrase; a plural subject takes a bare verb
  { prompt: 'a woman in a red dress spins around and laughs', scene: 'woman', perform: ['face:laugh'], note: ['a woman in a red dress spins around'], noNote: ['dress laughs'] },
  { prompt: 'orbit around the statue as pigeons take flight and coo', scene: 'none', note: ['pigeons take flight'], hear: ['pigeon_coo'] },
  // a shouted line is the dialogue's: the shout is heard
  { prompt: 'the man shouts "goal!" and pumps his fist', scene: 'man', note: ['the man pumps his fist'], noNote: ['the man shouts'] },
  // a living subject's own sound does not stand in for another: a hiss is not a meow
  { prompt: 'the cat hisses at the dog', scene: 'none', sound: [{ id: 'hiss', words: 'the cat hisses' }] },
  // body parts that act, plural parts with bare verbs, and possessives
  { prompt: 'the kitten purrs while its whiskers twitch', scene: 'none', note: ['its whiskers twitch'] },
  { prompt: "the cat's ears flatten", scene: 'none', note: ["the cat's ears flatten"] },
  // a subject the table lacks is read with its own word, not dropped
  { prompt: 'the tabby licks its lips and its tail flicks', scene: 'none', note: ['the tabby licks its lips', 'its tail flicks'] },
  // sound words in their inflections and senses
  { prompt: 'fans clap rhythmically in the stands', scene: 'none', hear: ['applause'] },
  { prompt: 'a bird chirps outside the window', scene: 'none', hear: ['forest_birds'] },
  { prompt: 'the wind picks up and the shutters bang', scene: 'none', notPlanned: ['camera_shutter'], note: ['shutters bang'] },
  { prompt: 'a seagull cries over the harbour', scene: 'none', sound: [{ id: 'seagull', words: "'a seagull cries" }], noNote: ['no body animation'] },
  { prompt: 'the cyclist rings his bell', scene: 'none', hear: ['chime'], noNote: ['rings his bell'] },
  // the picture's flags ("flicker") perform nothing: flickering lamps are an effect or a note
  { prompt: 'at dusk the street lamps flicker', scene: 'none', note: ['lamps flicker'] },
  { prompt: 'he raises both arms in celebration', scene: 'man', note: ['he raises both arms'], noNote: ['no body animation', 'of the he'] },
  // more phrasings of the table's actions
  { prompt: 'the woman raises an eyebrow, smirks, then turns to the left', scene: 'woman', perform: ['face:raise_eyebrows', 'face:smile', 'face:turn_left'] },
  // a plural noun opening a clause is its own subject, not the previous one's verb
  { prompt: 'she whispers "who is there?" as footsteps approach', scene: 'woman', sound: [{ id: 'footsteps', words: 'footsteps' }], noNote: ['she footsteps'] },
  { prompt: 'the cat closes its eyes and falls asleep', scene: 'none', note: ['the cat falls asleep'] },
  // something the table lacks, acting on a body
  { prompt: 'a tear rolls down her cheek', scene: 'woman', note: ['a tear rolls down her cheek'] },
  // a sung line is spoken: said so
  // a line sung is sung (the voice holds its vowels on a tune): nothing to note
  { prompt: 'she sings "happy birthday to you"', scene: 'woman', noNote: ['sings'] },
  // a sound named as a noun
  { prompt: 'she bites into an apple with a loud crunch', scene: 'woman', note: ['she bites into an apple', 'crunch'] },
  { prompt: 'she squints as a plane passes overhead', scene: 'woman', hear: ['jet'], note: ['a plane passes overhead'] },
  // people the table did not know, and scenery that acts without an effect to perform it
  { prompt: 'a windy beach, kitesurfers gliding over the waves', scene: 'none', note: ['kitesurfers gliding'] },
  { prompt: 'tourists stroll down the cobbled street', scene: 'none', note: ['tourists stroll'] },
  { prompt: 'morning fog lifts while a baker opens his shop', scene: 'none', note: ['a baker opens his shop'], noNote: ['fog lifts'] },
  { prompt: 'night falls and the bridge lights turn on one by one', scene: 'none', note: ['lights turn on'] },
  { prompt: 'the sun sets over the bay, the water glistening', scene: 'none', noNote: ['water glistening'] },
  { prompt: 'leaves rustle in the breeze as thunder cracks far away', scene: 'none', noNote: ['thunder cracks', "leaves rustle in the breeze': no effect"] },
  // a drone that films is the camera: no jet, no vehicle note
  { prompt: 'aerial drone shot flying over the bridge, cars crossing', scene: 'none', notPlanned: ['jet'], noNote: ['drone shot flying'], note: ['cars crossing'] },
  // a pose verb with "down" is a change of pose
  { prompt: 'the dog lies down and rests its head on its paws', scene: 'none', note: ['the dog lies down'] },
  // a line shouted by someone the table now knows is the dialogue's
  { prompt: 'the commentator shouts "What a goal!"', scene: 'man', noNote: ['commentator shouts'] },
  // the bell between the subject and its verb is what rings
  { prompt: 'a bicycle bell rings on the street behind', scene: 'none', hear: ['chime'], noNote: ['bell rings'] },
  // a fly's buzz is not the electric hum of a sign; a sign's is
  { prompt: "the cat's eyes follow a fly buzzing around", scene: 'none', notPlanned: ['electric_buzz'], sound: [{ id: 'insect_buzz', words: "'fly buzzing" }] },
  { prompt: 'the neon sign buzzes in the rain', scene: 'none', hear: ['electric_buzz'] },
  { prompt: 'fog rolls under the bridge as a foghorn sounds', scene: 'none', sound: [{ id: 'foghorn', words: "'foghorn" }] },
  // what the picture cannot do is said: retiming, fireworks
  { prompt: 'slow motion, pigeons take off from the square', scene: 'none', note: ['slow motion', 'pigeons take off'] },
  { prompt: 'fireworks burst above the rooftops as people cheer', scene: 'none', note: ['fireworks'], sound: [{ id: 'fireworks', words: "'fireworks" }] },
  { prompt: 'hyperlapse through the old town, clouds racing overhead', scene: 'none', note: ['hyperlapse'] },
  // a verb with its object after a comma continues the subject; a noun before a verb opens a clause
  { prompt: 'close-up: she blinks twice, bites her lip nervously, then looks away', scene: 'woman', perform: ['face:blink'], note: ['she bites her lip'] },
  { prompt: 'the dog yawns, stretches its front legs and then shakes its whole body', scene: 'none', perform: ['subject:yawn'], note: ['the dog stretches its front legs', 'the dog shakes'] },
  { prompt: 'the street lamps slowly turn on as dusk falls', scene: 'none', note: ['lamps slowly turn on', 'dusk falls'], noNote: ['lamps dusk'] },
  // a noun of the table that is the verb before its object ("bats", "grooms")
  { prompt: 'the cat bats at a dangling toy with its paw', scene: 'none', note: ['the cat bats at'] },
  { prompt: 'slow orbit around the cat while it grooms itself', scene: 'none', note: ['it grooms itself'], noNote: ['face, breathing'] },
  // an owned part before its owner is named
  { prompt: 'its whiskers twitch as the cat watches the birds', scene: 'none', note: ['its whiskers twitch'] },
  // an open mouth is not a yawn; raised eyes look up
  { prompt: 'she opens her mouth in surprise and gasps', scene: 'woman', note: ['she opens her mouth'], sound: [{ id: 'gasp', words: 'gasps' }] },
  { prompt: 'the woman slowly raises her eyes to the camera', scene: 'woman', perform: ['face:look_up'] },
  { prompt: 'a tear falls as she whispers "goodbye"', scene: 'woman', note: ['a tear falls'] },
  // sounds: a horn sounded, a whine, the hum of cars, a bell rung by a rider; a sailing ship is silent
  { prompt: 'a container ship sails under the bridge and sounds its horn', scene: 'none', sound: [{ id: 'horn', words: "'ship sounds its horn" }], noNote: ["sails under the bridge': no sound"] },
  { prompt: 'the dog looks up, ears perked, and whines softly', scene: 'none', perform: ['subject:look_up'], sound: [{ id: 'whine', words: 'whines' }], noNote: ['whines softly\': only'] },
  { prompt: 'waves lap against the rocks while cars hum across the bridge', scene: 'none', hear: ['city_traffic'] },
  { prompt: 'a woman on a bicycle rides past ringing her bell', scene: 'none', hear: ['chime'], noNote: ['ringing\': no sound'] },
  // a handheld walk is the camera's; glowing windows are a state the still shows
  { prompt: 'handheld walk down the street at dusk, shop windows glowing', scene: 'none', noNote: ["'walk'", 'windows glowing'] },
  // a noun of the table as a plural's verb ("cars stream", "tears stream") is no brook; howling wind is wind
  { prompt: 'cars stream across the bridge, wind howling', scene: 'none', hear: ['city_traffic', 'wind'], notPlanned: ['stream'], note: ['cars stream across the bridge'], noNote: ['wolf'] },
  { prompt: 'tears stream down her face', scene: 'woman', notPlanned: ['stream'], note: ['tears stream down her face'] },
  // eyes that widen are surprise, not a pull-out; pupils that widen are noted
  { prompt: 'her eyes widen in shock and she gasps', scene: 'woman', perform: ['face:raise_eyebrows'], noNote: ['widen'] },
  { prompt: "slow zoom in on the cat's eyes as its pupils widen", scene: 'none', note: ['its pupils widen'], noNote: ['contradicts'] },
  // "sound of …" after a comma is a sound, not the kite's action; "blows the whistle" finds the whistle
  { prompt: 'the kite dances in the wind, sound of flapping fabric', scene: 'none', note: ['the kite dances', 'sound of flapping fabric'], noNote: ['kite sound of'] },
  { prompt: 'the referee blows the whistle and the player stops', scene: 'man', hear: ['referee_whistle'], noNote: ["'whistle': no sound"] },
  // an animal asked for another sound is not heard by its own call instead
  { prompt: 'the kitten hisses at something off-screen', scene: 'none', notPlanned: ['cat_meow'], sound: [{ id: 'hiss', words: 'hisses' }] },
  { prompt: 'the dog growls at the mailman', scene: 'none', notPlanned: ['dog_bark'], sound: [{ id: 'growl', words: 'growls' }] },
  // animals a wide view does not show: their actions are noted, their calls heard or noted
  { prompt: 'church bells ring at noon, pigeons take off', scene: 'street', note: ["pigeons take off': no animal was found"], hear: ['chime'] },
  { prompt: 'sunset over the bay, seagulls calling', scene: 'street', sound: [{ id: 'seagull', words: "seagulls calling': there is no seagull sound" }] },
  // a gesture's phrase after "and" is the person's, not the sea; bells toll, crowds chant, birds sing
  { prompt: 'the woman nods slowly, then smiles and waves goodbye', scene: 'woman', perform: ['face:nod', 'face:smile'], note: ['the woman waves goodbye'], notPlanned: ['ocean_waves'] },
  { prompt: 'the camera rises above the rooftops as the church bell tolls', scene: 'street', hear: ['chime'], noNote: ['bell tolls'] },
  { prompt: 'the crowd chants his name as he raises both arms', scene: 'man', hear: ['cheering'], noNote: ['crowd chants'] },
  { prompt: 'the squirrel nibbles an acorn while birds sing', scene: 'none', perform: ['subject:chew'], hear: ['forest_birds'], noNote: ['birds sing'] },
  { prompt: 'the cat watches a butterfly and its tail twitches', scene: 'none', note: ["its tail twitches': the cat's tail"] },
  // long prompts: music that plays is the music's; breathing described; a ticking clock is heard;
  // a bare part after a comma and a verb before "toward" are the dog's; raindrops are the rain's
  { prompt: 'She slowly turns her head toward the camera and smiles. Soft piano music plays, birds chirping in the background.', scene: 'woman', perform: ['face:turn_head', 'face:smile'], noNote: ['piano music plays'] },
  { prompt: 'Static camera. The cat is sleeping peacefully, its chest rising and falling with each breath. Quiet room, a clock ticking.', scene: 'none', perform: ['subject:breathe'], hear: ['clock_tick'], noNote: ['chest rising', 'falling with each breath', 'clock ticking'] },
  { prompt: 'Handheld camera, the dog jumps off the porch and runs toward the camera, tail wagging, barking excitedly.', scene: 'none', note: ['the dog runs toward the camera', 'tail wagging'], hear: ['dog_bark'] },
  { prompt: 'The cat watches the rain outside. Raindrops run down the glass.', scene: 'none', noNote: ["'run'", 'raindrops run'] },
  // the camera's language: a crash zoom asks for no crash; an FPV drone and a pan are the camera;
  // "it" after the camera is the animal it follows; a canted frame is noted; a glare is a frown
  { prompt: 'crash zoom on her eyes', scene: 'woman', noNote: ['crash'] },
  { prompt: 'FPV drone dives down the street between the houses', scene: 'street', noNote: ['drone dives'] },
  { prompt: 'slow pan left across the facades, then tilt up to the church tower', scene: 'street', noNote: ['pan left across'] },
  { prompt: 'the camera follows the dog as it walks along the porch', scene: 'none', note: ['it walks along the porch'] },
  { prompt: 'Dutch angle, she glares at the camera', scene: 'woman', perform: ['face:frown'], note: ['dutch angle'] },
  // products and space: no one there to pour or ride; retiming is noted even inside a reading; a comet is noted
  { prompt: 'someone pours milk into the coffee, cafe ambience', scene: 'product', note: ["someone pours milk into the coffee': no person was found"] },
  { prompt: 'a rider jumps on the motorcycle and speeds away', scene: 'product', note: ["a rider jumps on the motorcycle': no person was found"] },
  { prompt: 'slow orbit around the cup, coffee beans fall in slow motion', scene: 'product', note: ['coffee beans fall', "slow motion' is not supported"] },
  { prompt: 'a comet streaks across the frame, epic choir', scene: 'none', note: ['a comet streaks across the frame'] },
  { prompt: 'confetti falls over the street as hail pelts the rooftops', scene: 'street', note: ['confetti falls', 'hail pelts'] },
  // an eighth batch of unseen prompts: a light verb carries the action, "ring" a noun, a fist pump
  { prompt: 'the cameraman looks through the viewfinder and adjusts the focus ring, then gives a nod', scene: 'man', perform: ['face:nod'], note: ['the cameraman adjusts the focus ring'], noNote: ["'focus ring'"] },
  { prompt: 'she flashes a quick smile and gives a little wave', scene: 'woman', perform: ['face:smile'], note: ["she gives a little wave': her hands are not in the frame"], notPlanned: ['ocean_waves'] },
  { prompt: 'she lets out a big yawn, then cracks a smile', scene: 'woman', perform: ['face:yawn', 'face:smile'] },
  { prompt: 'the footballer pumps his fist as the crowd roars', scene: 'man', note: ["the footballer pumps his fist': the footballer's hands are not in the frame"], sound: [{ id: 'crowd_roar', words: 'crowd roars' }] },
  { prompt: 'the astronaut salutes', scene: 'man', note: ["the astronaut salutes': only the head, face, breathing and the gestures shrug, wave, raise hand and point are animated"] },
  { prompt: 'a hand reaches in and picks up the cup, steam swirls', scene: 'product', note: ["a hand reaches in': no person was found", "a hand picks up the cup': no person was found"] },
  { prompt: 'she slowly lifts her chin and glances away', scene: 'woman', perform: ['face:look_up', 'face:turn_head'] },
  { prompt: 'the dog barks twice, then looks back at the camera', scene: 'none', perform: ['subject:turn_head'], sound: [{ id: 'dog_bark', words: 'the dog barks' }] },
  { prompt: 'soft breathing sounds inside the helmet, nature sounds outside', scene: 'man', hear: ['forest_birds', 'breathing'] },
  { prompt: 'the man operating the camera turns his head to the left and smiles', scene: 'man', perform: ['face:turn_left', 'face:smile'] },
  { prompt: 'she mouths "thank you" and nods', scene: 'woman', perform: ['face:talk', 'face:nod'] },
  { prompt: 'she looks left, then right', scene: 'woman', perform: ['face:turn_left', 'face:turn_right'] },
  { prompt: 'the cat is sleeping, its belly rising and falling, a clock ticks', scene: 'none', perform: ['subject:breathe'], noNote: ['falling', 'belly rising'], sound: [{ id: 'clock_tick', words: 'a clock ticks' }] },
  { prompt: 'latte art forms in the cup, milk pouring sound, crowd noise', scene: 'product', note: ['milk pouring sound'], noNote: ["'crowd noise'"] },
  { prompt: 'the rocket lifts off, the ground shakes, deafening roar', scene: 'none', noNote: ['deafening roar'] },
  // structured prompts: a presenting preamble, labels, brackets, timed sections
  { prompt: 'The video shows a woman in a hat who slowly turns her head to the right and smiles. The camera is static.', scene: 'woman', perform: ['face:turn_right', 'face:smile'], noNote: ['turns her head'] },
  { prompt: 'Shot 1: close-up, the woman nods. Sound: gentle wind.', scene: 'woman', perform: ['face:nod'], noNote: ['woman sound'], hear: ['wind'] },
  { prompt: '[Camera: slow push in] [Action: woman blinks, then laughs] [Audio: soft guitar, birds]', scene: 'woman', perform: ['face:blink', 'face:laugh'], noNote: ['audio'] },
  { prompt: 'the footballer raises his right hand to wave at the crowd', scene: 'man', note: ["the footballer raises his right hand to wave': the footballer's hands are not in the frame"], noNote: ['no body animation'] },
  { prompt: 'Grace Hopper, in her naval uniform, turns slightly toward the camera and says: "Go ahead."', scene: 'woman', perform: ['face:turn_head'] },
  { prompt: 'a typewriter clicks, a mouse squeaks off-screen and the cat turns toward the sound', scene: 'none', perform: ['subject:turn_head'], hear: ['typing'] },
  { prompt: 'a tram bell rings, footsteps on cobblestones, cups clinking', scene: 'street', noNote: ['tram footsteps', "cups clinking': objects"] },
  { prompt: 'a frog croaks by the pond', scene: 'none', hear: ['frogs'], noNote: ['no body animation', 'a frog croaks'] },
  { prompt: 'the nebula glows and pulses with light, sparks fly, tire screech', scene: 'none', notPlanned: ['heartbeat'], hear: ['tire_screech'] },
  { prompt: 'a double rainbow forms over the sea, searchlights sweep across the sky', scene: 'street', note: ['a double rainbow forms', 'searchlights sweep across the sky'] },
  { prompt: 'the officer turns her head from left to right, scanning the room', scene: 'woman', perform: ['face:turn_head', 'face:look_around'] },
  { prompt: 'the player catches his breath and smiles', scene: 'man', perform: ['face:breathe', 'face:smile'] },
  { prompt: "the butterfly's antennae twitch", scene: 'none', note: ["the butterfly's antennae twitch"] },
  { prompt: 'she looks directly into the camera, then slowly turns her face toward the sun', scene: 'woman', perform: ['face:turn_head'], noNote: ['looks directly'] },
  { prompt: 'Grace Hopper chuckles and adjusts her glasses', scene: 'woman', perform: ['face:laugh'], note: ['grace hopper adjusts her glasses'] },
  { prompt: 'she looks up from her papers and gives the camera a knowing smile', scene: 'woman', perform: ['face:look_up', 'face:smile'] },
  { prompt: 'a slow orbit around the cup, soft morning light, birds outside; the sea, distant waves', scene: 'product', noNote: ['light birds', "distant's"] },
  // ninth wave: a describing phrase before the verb, "both", a possessive, heard things, figurative thunder
  { prompt: 'An owl perched on a branch at night slowly blinks its big yellow eyes and rotates its head.', scene: 'none', perform: ['subject:turn_head'], note: ['an owl perched on a branch at night slowly blinks'] },
  { prompt: 'A couple dancing slowly in the kitchen, he spins her around, they both laugh.', scene: 'couple', perform: ['face:laugh'], note: ['he spins her around'], noNote: ['both laugh'] },
  { prompt: 'A horse gallops across the open plains, thundering hooves, dust rising.', scene: 'none', note: ['a horse gallops'], hear: ['hooves'], notPlanned: ['thunder', 'horse'] },
  { prompt: "Close-up of an old fisherman's weathered face, he squints at the horizon. Sound of seagulls and distant waves.", scene: 'man', perform: ['face:frown'], noNote: ['weathered face', 'seagulls distant', "'he sound of"], hear: ['ocean_waves'] },
  { prompt: 'A chef tosses vegetables in a wok, steam rises, the sound of sizzling and clattering pans.', scene: 'man', sound: [{ id: 'sizzle', words: 'sizzling' }], noNote: ['steam clattering'] },
  { prompt: 'The businessman checks his watch nervously and sighs. Ticking clock sound.', scene: 'man', perform: ['face:look_down'], hear: ['clock_tick', 'sigh'], noNote: ['clock sound'] },
  { prompt: 'She looks down shyly, then glances back up at the camera with a small smile.', scene: 'woman', perform: ['face:look_down', 'face:look_up'] },
  { prompt: 'The woman takes off her sunglasses, looks straight into the lens and says "You\'re late."', scene: 'woman', note: ['the woman takes off her sunglasses'], noNote: ['looks straight into the lens'] },
  { prompt: 'The man in the leather jacket lights a cigarette, exhales smoke slowly and stares into the distance.', scene: 'man', perform: ['face:breathe'], note: ['the man in the leather jacket lights a cigarette'], noNote: ['smoke stares'] },
  { prompt: 'A little girl giggles and spins around. Children laughing in the background.', scene: 'woman', perform: ['face:laugh'], note: ['children laughing in the background'], hear: ['laughter'] },
  { prompt: 'The bride lifts her veil, her eyes sparkle, she whispers "I do."', scene: 'woman', note: ['the bride lifts her veil'], notPlanned: ['sparkle'] },
  { prompt: 'The DJ raises both hands in the air as the crowd goes wild.', scene: 'man', note: ['the dj raises both hands'] },
  { prompt: 'A cat sleeping on a windowsill wakes up, stretches, and licks its paw.', scene: 'none', note: ['a cat sleeping on a windowsill wakes up', 'a cat stretches', 'a cat licks its paw'] },
  { prompt: 'She turns around slowly to face the camera, her dress flowing, then bows gracefully.', scene: 'woman', note: ['she bows gracefully'], noNote: ['her dress bows'] },
  { prompt: 'A parrot bobs its head to the music and squawks.', scene: 'none', perform: ['subject:nod'] },
  { prompt: 'A firefighter wipes sweat from his forehead, smoke billowing behind him, sirens wail.', scene: 'man', sound: [{ id: 'siren', words: 'sirens wail' }], noNote: ['firefighter sirens', 'smoke sirens'] },
  // simple English, both, the camera's own verb
  { prompt: 'the girl smile and wave hand to camera', scene: 'woman', perform: ['face:smile'], note: ['the girl wave hand to camera'] },
  { prompt: 'man turn head to left and say "hello my friend"', scene: 'man', perform: ['face:turn_left'] },
  { prompt: 'she nod and look up', scene: 'woman', perform: ['face:nod', 'face:look_up'] },
  { prompt: 'rain outside the window, she sits by the glass and watches the drops', scene: 'woman', noNote: ['watches the drops'] },
  { prompt: 'The camera trucks left along the street, light rain', scene: 'street', noNote: ['trucks left'] },
  { prompt: 'a lone swan glides across the water, loons call in the distance', scene: 'none', note: ['swan glides across the water', 'loons call in the distance'] },
  { prompt: 'the mother hugs her son and kisses his forehead, both smiling', scene: 'couple', perform: ['face:smile'], note: ['the mother hugs her son'] },
  { prompt: 'rack focus from the flowers to her face, she opens her eyes', scene: 'woman', perform: ['face:blink'] },
  { prompt: 'A cold can of soda, fizzing sound, ice cubes clinking', scene: 'product', note: ['fizzing sound'], noNote: ['cubes'] },
  { prompt: 'The elephant sprays water with its trunk and trumpets', scene: 'none', hear: ['elephant'], note: ['the elephant sprays water'], noNote: ['trumpets'] },
  { prompt: 'A cat stares at the camera, its tail swishing slowly, then it hisses', scene: 'none', notPlanned: ['whoosh'], note: ['its tail swishing'] },
  { prompt: "Close-up of a dog's face, its nose twitching, ears perked up, panting", scene: 'none', perform: ['subject:breathe'], noNote: ['no person'] },
  { prompt: 'The queen raises her hand and waves regally to the crowd, trumpets play a fanfare', scene: 'woman', note: ['the queen waves regally to the crowd'], notPlanned: ['ocean_waves'] },
  { prompt: 'She slowly turns her head towards the camera, raindrops on her face, and gives a faint smile.', scene: 'woman', perform: ['face:turn_head', 'face:smile'], noNote: ['raindrops'] },
  { prompt: 'A cat lying on the windowsill opens one eye lazily and yawns', scene: 'none', perform: ['subject:yawn'], note: ['a cat lying on the windowsill opens one eye'] },
  { prompt: 'Vlog style: a girl holds the camera selfie-style, talks excitedly "Hey guys, welcome back!" and waves.', scene: 'woman', perform: ['face:talk'], note: ['girl waves'], notPlanned: ['ocean_waves'] },
  { prompt: 'luxury watch on black velvet, slow rotation, ticking, deep cinematic bass hit at the end', scene: 'product', hear: ['clock_tick'], sound: [{ id: 'bass_hit', words: 'bass hit' }] },
  { prompt: 'underwater coral reef, bubbles, muffled ocean sounds, whale song in the distance', scene: 'none', sound: [{ id: 'whale_song', words: 'whale song' }] },
  // a sound named with its source is the sound's ("whale song echoes": no whale acts); a longer name
  // the tables know is the one asked ("alarm clock"); an animal's chatter is no café
  { prompt: 'whale song echoes underwater', scene: 'none', hear: ['whale_song'], noNote: ['no body animation'] },
  { prompt: 'the alarm clock rings on the nightstand', scene: 'none', hear: ['alarm'], noNote: ['clock rings'] },
  { prompt: 'a monkey chatters in the tree', scene: 'none', hear: ['monkey'], notPlanned: ['crowd_murmur'] },
  { prompt: 'a man typing on a keyboard in a dark room, the hum of the computer', scene: 'man', sound: [{ id: 'hum', words: 'hum of the computer' }] },
  { prompt: 'busy New York street, yellow cabs honking, people chatting', scene: 'street', hear: ['city_traffic', 'crowd_murmur'], sound: [{ id: 'horn', words: 'honking' }] },
  // an everyday verb after a describing phrase; a participle describing a sound is no one's verb
  { prompt: 'A chef in a busy kitchen tosses vegetables in a flaming wok, sizzling sounds, camera slowly pushes in', scene: 'man', note: ['a chef in a busy kitchen tosses vegetables'], sound: [{ id: 'sizzle', words: "'sizzling sounds'" }], noNote: ['chef sizzling'] },
  // a participle or a past tense of an action's phrase is that action; "radio static" is a sound, not a locked-off camera
  { prompt: 'Astronaut floats weightlessly, slowly turning his head to look at Earth, radio static', scene: 'man', perform: ['face:turn_head'], sound: [{ id: 'radio_static', words: 'radio static' }] },
  { prompt: 'she turned her head and smiled', scene: 'woman', perform: ['face:turn_head', 'face:smile'] },
  // tears in her eyes are a thing on her face; night crickets are heard
  { prompt: 'The bride lifts her veil, tears in her eyes, church bells ringing', scene: 'woman', note: ['the bride lifts her veil'], noNote: ['tears in her eyes'], hear: ['chime'] },
  { prompt: 'Close-up of a frog, its throat puffing as it croaks, night crickets', scene: 'none', hear: ['night_insects'], noNote: ['night crickets'] },
  // an animal's other sound later in the sentence: its own call does not stand in
  { prompt: 'A dog tilts its head curiously and whines', scene: 'none', perform: ['subject:tilt_head'], notPlanned: ['dog_bark'], sound: [{ id: 'whine', words: 'whines' }] },
  { prompt: 'the cat stretches and yawns, soft purring', scene: 'none', perform: ['subject:yawn'], notPlanned: ['cat_meow'], sound: [{ id: 'purr', words: 'purring' }] },
  { prompt: 'The singer closes her eyes and sings "la la la" softly', scene: 'woman', perform: ['face:blink'], noNote: ['sings'] },
  // a speech verb with no line: the lips move and the note says nothing is heard
  { prompt: 'The grandfather tells a story by the fireplace, fire crackling', scene: 'man', perform: ['face:talk'], note: ['the grandfather tells a story by the fireplace'], hear: ['fire'] },
  { prompt: 'she whispers to him and smiles', scene: 'woman', perform: ['face:talk', 'face:smile'], note: ['she whispers to him'] },
  // a shot "of" someone is about them
  { prompt: 'Macro shot of a bee landing on a sunflower, buzzing', scene: 'none', note: ['a bee landing on a sunflower'], sound: [{ id: 'insect_buzz', words: 'buzzing' }] },
  // narrowed eyes frown, fluttering lashes blink, a cackle is a laugh; a dragon breathing fire does not breathe
  { prompt: 'The detective narrows his eyes, her eyelashes flutter', scene: 'couple', perform: ['face:frown', 'face:blink'] },
  { prompt: 'The witch stirs the bubbling cauldron and cackles, thunder rumbles', scene: 'woman', perform: ['face:laugh'], hear: ['laughter', 'thunder'], note: ['the witch stirs the bubbling cauldron'] },
  { prompt: 'The dragon breathes fire and roars', scene: 'none', note: ['the dragon breathes fire'] },
  // a rapper raps with no line quoted: the lips move, noted; a subject the table lacks with an adverb before its verb
  { prompt: 'a young man in a hoodie raps into the microphone, bobbing his head to the beat, hip hop music', scene: 'man', perform: ['face:talk', 'face:nod'], note: ['man in a hoodie raps into the microphone'] },
  { prompt: 'A chameleon slowly rolls its eyes and changes color', scene: 'none', note: ['a chameleon slowly rolls its eyes'] },
  // "radio chatter" is a radio, not a café
  { prompt: 'The astronaut waves at the camera, radio chatter', scene: 'man', notPlanned: ['crowd_murmur'], sound: [{ id: 'radio_static', words: 'radio chatter' }] },
  // eyes that crinkle smile and make no sound; a jungle is heard; a note quotes the noun a phrase ends on
  { prompt: 'The old man chuckles, his eyes crinkling, he says "Back in my day..."', scene: 'man', perform: ['face:laugh', 'face:smile'], noNote: ['crinkling'] },
  { prompt: 'A tiger walks slowly toward the camera, growling, jungle sounds', scene: 'none', hear: ['forest_birds'], sound: [{ id: 'growl', words: 'growling' }], noNote: ['jungle sounds'] },
  { prompt: 'He smiles warmly, nods, and gives a thumbs up to the camera', scene: 'man', perform: ['face:smile', 'face:nod'], note: ['he gives a thumbs up to the camera'] },
  // crying is a face of its own (the tears are not drawn, the sob is not heard); a cry for help, a battle cry are no tears
  { prompt: 'she starts crying, tears rolling down her cheeks, soft piano', scene: 'woman', perform: ['face:cry'], note: ['tears rolling down her cheeks'], sound: [{ id: 'sob', words: 'she starts crying' }] },
  { prompt: 'The old man weeps quietly by the window, rain outside', scene: 'man', perform: ['face:cry'], hear: ['rain'] },
  { prompt: 'her eyes fill with tears as she looks away', scene: 'woman', perform: ['face:cry', 'face:turn_head'] },
  { prompt: 'he cries out for help', scene: 'man', notPerform: ['face:cry'], note: ['he cries out for help'] },
  { prompt: 'The knight raises his shield as arrows fly past, battle cries', scene: 'man', notPerform: ['face:cry'], note: ['the knight raises his shield', 'battle cries'] },
  // another person than the one the face is, named beside her, is not in the picture
  { prompt: 'the woman reads a book while a man laughs', scene: 'woman', notPerform: ['face:laugh'], note: ['a man laughs'], hear: ['laughter'] },
  { prompt: 'the mother smiles while a baby cries', scene: 'woman', perform: ['face:smile'], notPerform: ['face:cry'], sound: [{ id: 'baby_cry', words: 'a baby cries' }] },
  // the wind moves no thing it blows; heavy breathing is a sound asked for; a bugle is played by the nearest genre
  { prompt: 'wind blows through her hair as she gazes at the horizon', scene: 'woman', hear: ['wind'], note: ['wind blows through her hair'] },
  { prompt: 'his coat flaps in the wind, he squints', scene: 'man', perform: ['face:frown'], note: ['his coat flaps in the wind'] },
  { prompt: 'the astronaut floats in the capsule, heavy breathing', scene: 'woman', sound: [{ id: 'breathing', words: 'heavy breathing' }] },
  // someone living named with no verb is no verb of the one before; a possessive's cry is a sound asked for; a glance at something turns the head
  { prompt: 'the panda munches on bamboo, birds in the background', scene: 'none', perform: ['subject:chew'], hear: ['forest_birds'], noNote: ['panda birds'] },
  { prompt: 'the old fisherman lights his pipe, seagulls overhead', scene: 'man', note: ['fisherman lights his pipe'], noNote: ['seagulls overhead'], sound: [{ id: 'seagull', words: 'seagulls' }] },
  { prompt: "the chameleon's eyes swivel independently", scene: 'none', note: ["the chameleon's eyes swivel independently"] },
  { prompt: 'an eagle soars over the canyon, its cry echoing', scene: 'none', note: ['an eagle soars over the canyon'], sound: [{ id: 'eagle_cry', words: 'its cry' }] },
  { prompt: 'the woman nervously bites her nails and glances at the door, clock ticking', scene: 'woman', perform: ['face:turn_head'], note: ['the woman nervously bites her nails'], hear: ['clock_tick'] },
  { prompt: 'the soldier salutes, a bugle plays in the distance', scene: 'man', note: ['the soldier salutes'], sound: [{ id: 'bugle', words: '"bugle" music' }] },
  // "it" is never a person: after someone's clause it is the thing named last
  { prompt: 'he picks up the phone, it rings', scene: 'man', note: ['he picks up the phone'], hear: ['phone_ring'], noNote: ['it rings'] },
  { prompt: 'she drops the glass and it shatters', scene: 'woman', hear: ['glass_break'], noNote: ['no sound in the sound table'] },
  // a road vehicle that moves is heard: passing by, or by its engine; "the bus stop" is a place
  { prompt: 'the car slows down and honks', scene: 'none', note: ['the car slows down'], hear: ['engine', 'horn'], noNote: ['no sound in the sound table'] },
  { prompt: 'a truck drives past as the bus pulls away', scene: 'none', note: ['a truck drives past'], hear: ['car_pass_by', 'engine'], noNote: ['no sound in the sound table'] },
  { prompt: 'she waits at the bus stop in the rain', scene: 'woman', hear: ['rain'], notPlanned: ['engine', 'car_pass_by'] },
  // a gaze at something is a look where it is: up at the sky, down at a watch, out of the window
  { prompt: 'the man looks at his watch and sighs', scene: 'man', perform: ['face:look_down'], hear: ['sigh'] },
  { prompt: 'she gazes at the night sky, then looks out the window', scene: 'woman', perform: ['face:look_up', 'face:turn_head'], noNote: ['window'] },
  // an animal's call opens its jaw with its voice; a sound people make is no animal's voice
  { prompt: 'the lion roars at the camera', scene: 'none', perform: ['subject:call'], hear: ['lion'] },
  { prompt: 'the cat sits still as a dog barks in the distance', scene: 'none', notPerform: ['subject:call'], hear: ['dog_bark'] },
  { prompt: 'a dog sits in a crowded café and barks at the crowd', scene: 'none', perform: ['subject:call'], hear: ['crowd_murmur', 'dog_bark'] },
  { prompt: 'the squirrel nibbles the nut, then chatters', scene: 'none', perform: ['subject:chew'], hear: ['squirrel_chatter'], noNote: ['chatters'], notPlanned: ['crowd_murmur'] },
  { prompt: 'birds chatter in the trees at dawn', scene: 'none', hear: ['forest_birds'], notPlanned: ['crowd_murmur'], noNote: ['chatter'] },
  { prompt: 'the parrot tilts its head and laughs', scene: 'none', perform: ['subject:tilt_head'], note: ['the parrot laughs'], notPlanned: ['laughter'] },
];
const kindOf = (p: string) => p.split(':') as ['face' | 'subject', string];

test('honesty: ≥ 40 prompts, every asked action and sound is performed or noted, none dropped', () => {
  assert.ok(ROWS.length >= 40);
  const failures: string[] = [];
  for (const row of ROWS) {
    const plan = direct(makeInput({ prompt: row.prompt }), SCENES[row.scene]);
    const shot = plan.shots[0]!;
    const faceActions = shot.characters.flatMap((c) => c.actions.map((a) => a.type));
    const subjectActions = (shot.subjects ?? []).flatMap((s) => s.actions.map((a) => a.type));
    const notes = plan.notes.join(' | ');
    const planned = new Set([...plan.audio.beds.map((b) => b.type), ...plan.audio.events.map((e) => e.type)]);
    const say = (m: string) => failures.push(`${row.prompt}: ${m} (faces ${faceActions}; subjects ${subjectActions}; sounds ${[...planned]}; notes: ${notes})`);
    for (const p of row.perform ?? []) {
      const [where, id] = kindOf(p);
      if (!(where === 'face' ? faceActions : subjectActions).includes(id)) say(`${p} not performed`);
    }
    for (const p of row.notPerform ?? []) {
      const [where, id] = kindOf(p);
      if ((where === 'face' ? faceActions : subjectActions).includes(id)) say(`${p} performed`);
    }
    for (const words of row.note ?? []) if (!plan.notes.some((n) => n.includes(`'${words}`))) say(`no note quoting '${words}'`);
    for (const s of row.sound ?? []) if (!planned.has(s.id) && !plan.notes.some((n) => n.includes(s.words))) say(`sound ${s.id} neither planned nor noted`);
    for (const id of row.notPlanned ?? []) if (planned.has(id)) say(`${id} planned from the other sense of a word`);
    for (const w of row.noNote ?? []) if (plan.notes.some((n) => n.includes(w))) say(`a note about '${w}'`);
    for (const id of row.hear ?? []) if (!planned.has(id)) say(`${id} not planned`);
    // nothing the reader found is dropped: each reading is performed, noted, or a state / speech / effect
    const pictureWords = findMentions(withoutQuotes(row.prompt), PICTURE_VOCABULARY);
    for (const r of readActions(row.prompt)) {
      // (a reading with no subject word continues nothing the table knows)
      if (r.negated || r.kind === 'camera' || (r.kind === 'unknown' && (r.subject === '' || r.subject === 'it'))) continue;
      const verb = r.verb.split(' ')[0]!;
      const row = actionOf(r.verb);
      const performed = row !== null && [...faceActions, ...subjectActions].includes(row.id);
      const noted = plan.notes.some((n) => n.includes(verb));
      // (a state the still shows, as the director reads it: "looks directly into the camera" too)
      const shownOrSpoken = posed(r.verb) || findMentions(r.verb, [...POSE_VERBS, ...SOUND_VERBS]).some((m) => m.index === 0);
      // scenery ("the fog rolls in", "thunder cracks") is an effect the plan performs or a sound it plays
      const at = (i: number) => pictureWords.some((m) => m.index <= i && m.index + m.length > i && (shot.effects.some((e) => `effect:${e.type}` === m.id) || plan.notes.some((n) => n.startsWith(`effect: '${m.phrase}'`))));
      const scenery = r.kind === 'nature' && (at(r.index) || at(r.subjectIndex) || findMentions(r.subject, [...AMBIENCE_WORDS, ...EFFECT_WORDS]).some((m) => planned.has(m.id)));
      // an instrument or the music that plays is the plan's music
      const music = r.kind === 'object' && !!plan.audio.music && findMentions(r.subject, MUSIC_WORDS).length > 0;
      const accounted = performed || noted || shownOrSpoken || scenery || music;
      if (!accounted) say(`'${r.subject} ${r.verb}' silently dropped`);
    }
  }
  // (one line per failure: a deep-equal diff of many long lines takes minutes to compute)
  if (failures.length) assert.fail(`${failures.length} failures:\n${failures.join('\n')}`);
});

test('an animal only heard, or named over a wide view with none detected, or a person in a product shot, gets no subject: a face keeps its rig, a facade or a cup never breathes', () => {
  const portrait = direct(makeInput({ prompt: 'a calm portrait, birds chirping in the garden' }), SCENES.woman).shots[0]!;
  assert.equal(portrait.characters.length, 1, 'the face keeps its rig');
  assert.deepEqual(portrait.subjects ?? [], []);
  // an animal named with no verb over a portrait is a sound, not a rig
  const listed = direct(makeInput({ prompt: '[Action: she blinks] [Audio: soft guitar, birds]' }), SCENES.woman).shots[0]!;
  assert.deepEqual(listed.subjects ?? [], []);
  const distance = direct(makeInput({ prompt: 'snow falls over the old town, a dog barks in the distance' }), SCENES.none);
  assert.deepEqual(distance.shots[0]!.subjects ?? [], []);
  assert.ok(distance.audio.events.some((e) => e.type === 'dog_bark'));
  const street = direct(makeInput({ prompt: 'the pigeons blink and look around' }), SCENES.street);
  assert.deepEqual(street.shots[0]!.subjects ?? [], []);
  assert.ok(street.notes.some((n) => n.includes('no animal was found')), street.notes.join(' | '));
  // no one in a product shot: the cup never breathes
  const product = direct(makeInput({ prompt: 'a barista smiles and pours the coffee' }), SCENES.product).shots[0]!;
  assert.deepEqual(product.subjects ?? [], []);
  // the same words where the picture can show the animal
  const shown = direct(makeInput({ prompt: 'the dog barks and looks around' }), SCENES.none).shots[0]!;
  assert.equal(shown.subjects?.[0]?.kind, 'animal');
  assert.ok(shown.subjects![0]!.actions.some((a) => a.type === 'look_around'));
});

test('an animal named without a call is heard once; a call asked "twice" is heard twice; a hiss is no meow', () => {
  const count = (prompt: string, id: string) => direct(makeInput({ prompt }), SCENES.none).audio.events.filter((e) => e.type === id).length;
  assert.equal(count('A fluffy cat sits by the window. The cat slowly blinks, then yawns.', 'cat_meow'), 1);
  assert.equal(count('A happy dog on the porch. The dog tilts its head and then barks twice at the camera.', 'dog_bark'), 2);
  assert.equal(count('someone knocks three times on the door', 'knock'), 3);
  assert.equal(count('the cat hisses at the dog', 'cat_meow'), 0);
  // a voice asked in another sentence is the named animal's: no roar on top of its growl
  assert.equal(count('A lion yawns widely, then shakes its mane. Low growl.', 'lion'), 0);
  assert.equal(count('A lion yawns widely, then shakes its mane. Low growl.', 'growl'), 1);
  assert.equal(count('A lion rests on a rock in the savanna.', 'lion'), 1);
});

test('a person\'s or an animal\'s verb is theirs: "shakes" is not a handheld camera unless the camera shakes', () => {
  for (const prompt of ['the dog shakes off the water', 'the old man shakes his fist']) {
    assert.ok(!direct(makeInput({ prompt }), SCENES.none).shots[0]!.camera.moves.includes('handheld'), prompt);
  }
  assert.ok(direct(makeInput({ prompt: 'the camera shakes as the man runs' }), SCENES.none).shots[0]!.camera.moves.includes('handheld'));
  // cookware is no camera pan; a pan of the camera still is
  for (const prompt of ['the sound of sizzling and clattering pans', 'pots and pans hang above the stove', 'he stirs the frying pan']) {
    assert.ok(!direct(makeInput({ prompt }), SCENES.none).shots[0]!.camera.moves.some((m) => m.startsWith('pan_')), prompt);
  }
  assert.ok(direct(makeInput({ prompt: 'a slow pan across the kitchen' }), SCENES.none).shots[0]!.camera.moves.some((m) => m.startsWith('pan_')));
  // a subject's path in circles is no camera orbit; the camera's circle is
  for (const prompt of ['the fish swims in circles in the bowl', 'the dog runs in circles chasing its tail', 'a puppy chases its tail in circles on the lawn']) {
    assert.ok(!direct(makeInput({ prompt }), SCENES.none).shots[0]!.camera.moves.some((m) => m.startsWith('orbit_')), prompt);
  }
  assert.ok(direct(makeInput({ prompt: 'the camera moves in a circle around the statue' }), SCENES.none).shots[0]!.camera.moves.some((m) => m.startsWith('orbit_')));
  // ice cubes are no animal's cubs
  assert.deepEqual(direct(makeInput({ prompt: 'A cold can of soda, fizzing sound, ice cubes clinking' }), SCENES.product).shots[0]!.subjects ?? [], []);
  // an animal's call named like an instrument is no music; a fanfare is orchestral
  assert.equal(direct(makeInput({ prompt: 'the elephant trumpets' }), SCENES.none).audio.music, null);
  assert.equal(direct(makeInput({ prompt: 'trumpets play a fanfare' }), SCENES.none).audio.music?.style, 'orchestral');
  // a pedestal the product stands on is no camera move; strings named with their mood are music; a drum roll is orchestral
  const perfume = direct(makeInput({ prompt: 'The perfume bottle rotates slowly on a marble pedestal, elegant strings' }), SCENES.product);
  assert.ok(!perfume.shots[0]!.camera.moves.includes('crane_up'), `${perfume.shots[0]!.camera.moves}`);
  assert.equal(perfume.audio.music?.style, 'strings');
  assert.ok(direct(makeInput({ prompt: 'slow pedestal up past the shelves' }), SCENES.product).shots[0]!.camera.moves.includes('crane_up'));
  assert.equal(direct(makeInput({ prompt: 'The soldier salutes. Drum roll in the background.' }), SCENES.man).audio.music?.style, 'orchestral');
  // a classical instrument we play is played ("classical piano" is piano)
  assert.equal(direct(makeInput({ prompt: 'a ballerina on stage, classical piano' }), SCENES.woman).audio.music?.style, 'piano');
  // a dragon breathing fire does not breathe
  assert.ok(!(direct(makeInput({ prompt: 'The dragon breathes fire' }), SCENES.none).shots[0]!.subjects ?? []).some((s) => s.actions.some((a) => a.type === 'breathe')));
});

test('the two senses of "waves": a gesture of a person, water when the waves do something', () => {
  const gesture = direct(makeInput({ prompt: 'the man waves at the camera' }), SCENES.man);
  assert.ok(!gesture.audio.beds.some((b) => b.type === 'ocean_waves'), 'a wave of the hand is not the sea');
  const sea = direct(makeInput({ prompt: 'waves crash on the shore' }), SCENES.none);
  assert.ok(sea.audio.beds.some((b) => b.type === 'ocean_waves'), 'crashing waves are the sea');
  const both = direct(makeInput({ prompt: 'the woman waves to us while waves crash behind her' }), SCENES.woman);
  assert.ok(both.audio.beds.some((b) => b.type === 'ocean_waves'));
  assert.ok(both.notes.some((n) => n.startsWith("'the woman waves to us")), both.notes.join(' | '));
});

test('living subjects get idle life scaled by cfg_scale; products and buildings get none', () => {
  const cat = (cfg: number) => direct(makeInput({ prompt: 'a cat on a sofa', cfgScale: cfg }), SCENES.none).shots[0]!.subjects ?? [];
  const acting = direct(makeInput({ prompt: 'the cat turns its head and yawns' }), SCENES.none);
  assert.ok(Value.Check(PlanSchema, acting), `the plan with a subject matches PlanSchema: ${[...Value.Errors(PlanSchema, acting)].map((e) => e.path + ' ' + e.message).join('; ')}`);
  assert.equal(cat(0.5)[0]!.kind, 'animal');
  assert.ok(cat(1)[0]!.idle > cat(0)[0]!.idle && cat(0)[0]!.idle > 0);
  for (const prompt of ['a bottle of perfume on marble', 'an old building at dusk', 'a red sports car parked on a street']) {
    assert.deepEqual(direct(makeInput({ prompt }), SCENES.none).shots[0]!.subjects ?? [], [], prompt);
  }
  const portrait = direct(makeInput({ prompt: 'a portrait', cfgScale: 0.9 }), SCENES.woman).shots[0]!.characters[0]!;
  assert.ok(portrait.idle! > direct(makeInput({ prompt: 'a portrait', cfgScale: 0.1 }), SCENES.woman).shots[0]!.characters[0]!.idle!);
});

test('actions are timed in prompt order within the clip', () => {
  const plan = direct(makeInput({ prompt: 'the squirrel turns its head, sniffs the air and then nibbles the nut', duration: 10 }), SCENES.none);
  const actions = plan.shots[0]!.subjects![0]!.actions;
  assert.deepEqual(actions.map((a) => a.type), ['turn_head', 'sniff', 'chew']);
  for (let i = 0; i < actions.length; i++) {
    assert.ok(actions[i]!.start >= 0 && actions[i]!.end <= 10 && actions[i]!.end > actions[i]!.start);
    if (i) assert.ok(actions[i]!.start >= actions[i - 1]!.end);
  }
});
