/**
 * The sound half of the director: what the plan says we will hear, for prompts and pictures.
 * (What the plan sounds like is tested in test/engine/sound/.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readActions } from '../../../../src/engine/direct/characters/read-actions.js';
import { directAudio } from '../../../../src/engine/direct/audio/index.js';
import { direct } from '../../../../src/engine/direct/index.js';
import { THUNDER_DELAY } from '../../../../src/engine/direct/audio/events.js';
import { isInputError } from '../../../../src/engine/errors.js';
import type { DirectInput } from '../../../../src/engine/direct/input.js';
import type { Scene } from '../../../../src/engine/scene.js';
import type { Shot } from '../../../../src/engine/plan.js';
import { VOICE_BY_ID, listVoices } from '../../../../src/engine/sound/speech/voices.js';
import { SOUNDS } from '../../../../src/engine/sound/sounds/table.js';
import { VOCALISES } from '../../../../src/engine/direct/audio/vocalise.js';
import { makeInput } from '../../../helpers/direct-input.js';
import { makeScene } from '../../../helpers/synthetic-scene.js';
import { pictureEffect, picturePlan, IDENTITY_KEY } from '../../../helpers/picture-plan.js';

const meadow = () => makeScene({ sky: true, foliage: true, tags: ['outdoor', 'day', 'landscape'] });
const stillShot = (duration = 5): Shot => picturePlan({ duration }).shots[0]!;

function plan(prompt: string, options: Partial<DirectInput> & { scene?: Scene; shot?: Shot } = {}) {
  const { scene = meadow(), shot = stillShot(options.duration ?? 5), ...input } = options;
  const notes: string[] = [];
  // (with the subjects and verbs the action reader finds, as the director passes them)
  const audio = directAudio(makeInput({ prompt, ...input }), scene, shot, notes, undefined, readActions(prompt));
  return { audio, notes, shot };
}

const types = (items: Array<{ type: string }>) => items.map((i) => i.type);

test('ambience the prompt names becomes beds; every planned sound exists in the sound table', () => {
  const { audio } = plan('soft city ambience with waves and crickets');
  assert.deepEqual(types(audio.beds).sort(), ['city_traffic', 'night_insects', 'ocean_waves']);
  for (const b of audio.beds) assert.ok(SOUNDS.has(b.type), b.type);
  assert.ok(audio.enabled);
  // ambience alone keeps the scene's level: its loudest bed's (the sea, −18 LUFS) — issue 14
  assert.equal(audio.loudness_lufs, SOUNDS.get('ocean_waves')!.loudness);
  assert.equal(audio.true_peak_db, -1);
  assert.equal(plan('waves, she says "Hello."').audio.loudness_lufs, -14, 'speech leads at −14');
  assert.equal(plan('waves, soft piano music').audio.loudness_lufs, -14, 'music leads at −14');
  const room = plan('a quiet room, a clock ticking', { scene: makeScene({ tags: ['indoor'] }) }).audio;
  assert.ok(room.loudness_lufs <= -22, `a quiet room at ${room.loudness_lufs} LUFS`);
});

test('music: genre and instrument words pick the genre; an unknown genre gets the nearest and a note', () => {
  const cases: Array<[string, string]> = [['soft jazz', 'jazz'], ['epic orchestral score', 'orchestral'], ['a lo-fi beat', 'lofi'], ['gentle acoustic guitar', 'acoustic_guitar'], ['a music box lullaby', 'music_box'], ['upbeat music', 'pop'], ['creepy music', 'tension'], ['a choir', 'choir'],
    // an instrument played asks for music by itself; string music is strings, not the romantic mood's piano; festive is upbeat
    ['a street musician plays the accordion', 'folk'], ['romantic string music', 'strings'], ['festive music plays', 'pop'], ['a harp plays softly', 'strings'], ['a DJ spins records at a club', 'electronic'], ['the sound of a harp', 'strings'], ['notes of a violin drift through the hall', 'strings']];
  for (const [prompt, genre] of cases) assert.equal(plan(prompt).audio.music?.style, genre, prompt);
  const { audio, notes } = plan('hip hop music');
  assert.equal(audio.music?.style, 'lofi');
  assert.ok(notes.some((n) => n.includes('"hip hop" music is not a genre we play')), notes.join(' | '));
  assert.equal(plan('soft jazz, no music').audio.music, null);
  // music asked across a verb of beginning: "the band starts to play" is "the band plays"
  assert.ok(plan('the drummer counts in and the band starts to play').audio.music);
  assert.equal(plan('she wears a wedding band and smiles').audio.music, null);
});

test('music from a device in the scene: a radio or record player that plays brings music heard through it; its static or its voices are no music', () => {
  const cases: Array<[string, string | null, string | null]> = [
    ['she hums along to the radio', 'radio', 'pop'], ['a radio plays softly in the kitchen', 'radio', 'pop'], ['an old radio plays jazz', 'radio', 'jazz'],
    ['listening to music on the car radio', 'radio', 'pop'], ['a gramophone plays in the corner', 'record', 'jazz'], ['a jukebox in a 1950s diner, upbeat music', 'record', 'pop'],
    ['soft piano music', null, 'piano'], ['radio static, a dark bunker', null, null], ['the sneaker spins on a turntable, studio lighting', null, null], ['a woman on a vinyl sofa', null, null], ['she turns off the radio', null, null], ['no radio, soft piano', null, 'piano'],
  ];
  for (const [prompt, source, style] of cases) {
    const music = plan(prompt).audio.music;
    assert.equal(music?.style ?? null, style, prompt);
    assert.equal(music?.source ?? null, source, prompt);
  }
  // a radio that speaks is a voice through it, and no music
  const host = plan("a radio host says 'good morning, city'").audio;
  assert.equal(host.music, null);
  assert.equal(host.dialogue[0]?.style, 'radio');
  // an instrument something stands on or by is no music ("a metronome ticks on the piano"), unless played there
  assert.equal(plan('a metronome ticks on the piano').audio.music, null);
  assert.equal(plan('a cat sleeps on top of the piano').audio.music, null);
  assert.equal(plan('she plays a waltz on the piano').audio.music?.style, 'piano');
  assert.equal(plan('a melody on the piano').audio.music?.style, 'piano');
  assert.equal(plan('the gentle sound of piano').audio.music?.style, 'piano');
});

test('new sounds are planned from their words; footsteps take their surface; a sound the table lacks is named in the notes', () => {
  const cases: Array<[string, string]> = [['the referee blows the whistle', 'referee_whistle'], ['a car passes by', 'car_pass_by'], ['a motorbike roars past', 'motorbike_pass_by'], ['a helicopter overhead', 'helicopter'], ['the doorbell rings', 'doorbell'], ['a dog barks', 'dog_bark'], ['the cat meows', 'cat_meow'], ['people laughing', 'laughter'], ['she sighs', 'sigh'], ['the crowd cheers', 'cheering'],
    ['sirens wail in the distance', 'siren'], ['the kitten purrs', 'purr'], ['a car horn honks', 'horn'], ['the phone rings', 'phone_ring'],
    ['the kettle whistles', 'kettle_whistle'], ['a wolf howls at the moon', 'wolf'], ['he coughs', 'coughing'], ['the dog growls', 'growl'],
    ['a foghorn sounds across the bay', 'foghorn'], ['fireworks over the city', 'fireworks'], ['heavy breathing', 'breathing'], ['a bee buzzing past', 'insect_buzz'],
    ['a gunshot echoes', 'gunshot'], ['the glass shatters', 'glass_break'], ['she screams', 'scream'], ['he sneezes', 'sneeze'], ['the snake hisses', 'hiss'],
    ['a sheep bleating', 'sheep'], ['hooves galloping', 'hooves'], ['epic bass drop', 'bass_hit'], ['she sobs', 'sob'], ['a rooster crows', 'rooster'],
    ['a train rumbles past', 'train'], ['whale song in the deep', 'whale_song'], ['a crow caws on the fence', 'crow'], ['ducks quack on the lake', 'duck'],
    ['tires screech as the car turns', 'tire_screech'], ['the old man snores in his chair', 'snore'], ['an elephant trumpets', 'elephant'],
    ['a pig oinks in the mud', 'pig'], ['hens clucking in the yard', 'chicken'], ['a monkey chatters in the tree', 'monkey'], ['a chainsaw roars', 'chainsaw'],
    ['a dolphin clicks', 'dolphin'], ['a donkey brays', 'donkey'], ['the crowd boos', 'booing'], ['the alarm clock rings', 'alarm'], ['bees buzz around the flowers', 'insect_buzz'],
    ['a vacuum cleaner hums in the next room', 'vacuum_cleaner'], ['she vacuums the carpet', 'vacuum_cleaner'], ['a power drill whines', 'drill'],
    ['a jackhammer pounds the street', 'jackhammer'], ['a lawn mower in the garden', 'lawn_mower'], ['he mows the lawn', 'lawn_mower'],
    ['a leaf blower roars', 'leaf_blower'], ['sparks fly from the angle grinder', 'power_saw'], ['the carpenter hammers a nail', 'hammering'],
    ['the blacksmith hammers on the anvil', 'hammering'], ['swords clash in the courtyard', 'sword_clash'], ['two knights in a sword fight', 'sword_clash'],
    ['a man chops wood with an axe in the snowy forest', 'axe_chop'],
    // the source and its verb parted by a place, an adverb or a verb of beginning
    ['pigeons cooing on the square', 'pigeon_coo'], ['a dove coos', 'pigeon_coo'], ['two macaws squawk in the jungle', 'parrot'],
    ['the phone on the desk starts to ring', 'phone_ring'], ['a kettle on the stove begins to whistle', 'kettle_whistle'], ['the dog next to the gate suddenly barks', 'dog_bark'],
    // a person's own sounds, whoever the prompt names; a group's clapping is applause
    ['the farmer whistles as he walks to the barn', 'whistling'], ['she claps her hands', 'hand_clap'], ['he snaps his fingers', 'finger_snap'], ['the kids clap and cheer', 'applause'],
    ['she types on her laptop', 'typing'], ['a truck drives past', 'car_pass_by'], ['the bus pulls away from the stop', 'engine']];
  for (const [prompt, id] of cases) assert.ok(types(plan(prompt).audio.events).includes(id), `${prompt} → ${types(plan(prompt).audio.events)}`);
  // (one person's claps counted in one event; an audience's applause is not one person's)
  assert.deepEqual(plan('he claps his hands twice').audio.events.map((e) => [e.type, e.params.count]), [['hand_clap', 2]]);
  assert.deepEqual(types(plan('the audience claps').audio.events), ['applause']);
  assert.deepEqual(types(plan('the referee whistles').audio.events), ['referee_whistle']);
  assert.deepEqual(plan('the farmer claps three times').audio.events.map((e) => [e.type, e.params.count]), [['hand_clap', 3]]);
  assert.deepEqual(types(plan('she claps').audio.events), ['hand_clap']);
  // (a vehicle's engine follows what it does; "a bus pass" is a ticket)
  assert.deepEqual(plan('the bus pulls away from the stop').audio.events.map((e) => [e.type, e.params.course]), [['engine', 'leaving']]);
  assert.deepEqual(plan('the car slows down').audio.events.map((e) => [e.type, e.params.course]), [['engine', 'slowing']]);
  assert.deepEqual(types(plan('she shows her bus pass to the driver').audio.events), []);
  assert.ok(types(plan('a stadium crowd roaring').audio.beds).includes('crowd_roar'));
  assert.ok(types(plan('seagulls calling over the harbour').audio.beds).includes('seagull'));
  assert.ok(types(plan('bacon sizzling in a pan').audio.beds).includes('sizzle'));
  assert.ok(types(plan('leaves rustling').audio.beds).includes('rustle'));
  assert.ok(types(plan('radio static').audio.beds).includes('radio_static'));
  assert.ok(types(plan('the hum of the fridge').audio.beds).includes('hum'));
  assert.ok(types(plan('frogs croaking by the pond at night').audio.beds).includes('frogs'));
  // a crowd's word inside an animal's call is the animal's: a monkey's chatter is no café
  assert.ok(!types(plan('a monkey chatters in the tree').audio.beds).includes('crowd_murmur'));
  // forms that are other words: an alarmed look rings no alarm, an athlete training hears no train
  assert.ok(!types(plan('she looks alarmed').audio.events).includes('alarm'));
  assert.ok(!types(plan('an athlete training at dawn').audio.events).includes('train'));
  // the other senses: an engine that purrs is an engine, the wind that howls no wolf
  assert.deepEqual(types(plan('the engine purrs softly').audio.events), ['engine']);
  assert.ok(!types(plan('the wind howls').audio.events).includes('wolf'));
  const steps = plan('footsteps on gravel').audio.events.find((e) => e.type === 'footsteps');
  assert.equal(steps?.params.surface, 'gravel');
  // a sound that goes on, named twice ("walks … footsteps echoing"), is one sound, not two on top of each other
  assert.equal(plan('a woman walks away down a long corridor, footsteps echoing').audio.events.filter((e) => e.type === 'footsteps').length, 1);
  // a tool's name in another sense is no tool: the vacuum of space, the Hoover Dam, a hammer lying
  // on the bench, a coffee grinder, a fire drill
  for (const prompt of ['an astronaut floats in the vacuum of space', 'the Hoover Dam at sunset', 'a hammer lies on the workbench', 'a coffee grinder on the counter', 'children line up for a fire drill']) {
    assert.deepEqual(types(plan(prompt).audio.events).filter((t) => ['vacuum_cleaner', 'drill', 'hammering', 'power_saw'].includes(t)), [], prompt);
  }
  // a sound's word inside a phrase that names no sound: a gown's train, a boxer ducking
  assert.deepEqual(types(plan("her gown's train trails behind her").audio.events), []);
  assert.ok(!types(plan('the boxer ducks under a punch').audio.events).includes('duck'));
  assert.ok(types(plan('a man vacuums the living room').audio.events).includes('vacuum_cleaner'));
  // the whole director's honesty check of the soundtrack names it (direct/characters/unheard-sounds.ts)
  // (with the name the tables know, though the reader's subject is its last word)
  const { notes } = direct(makeInput({ prompt: 'a cash register rings at the counter' }), meadow());
  assert.ok(notes.some((n) => n.includes("'cash register rings'") && n.includes('no cash register sound yet, so it is not heard')), notes.join(' | '));
});

test('with no ambience named, the picture implies it', () => {
  assert.deepEqual(types(plan('slow push in').audio.beds).sort(), ['forest_birds', 'wind']);
  const night = makeScene({ sky: true, foliage: true, tags: ['outdoor', 'night'] });
  assert.ok(types(plan('slow push in', { scene: night }).audio.beds).includes('night_insects'));
  const sea = makeScene({ sky: true, water: true, tags: ['outdoor', 'day'] });
  assert.ok(types(plan('slow push in', { scene: sea }).audio.beds).includes('ocean_waves'));
  const street = makeScene({ sky: true, tags: ['outdoor', 'street'] });
  assert.ok(types(plan('slow push in', { scene: street }).audio.beds).includes('city_traffic'));
  const room = makeScene({ tags: ['indoor'] });
  const indoor = plan('slow push in', { scene: room }).audio;
  assert.deepEqual(types(indoor.beds), ['room_tone']);
  assert.equal(indoor.reverb, 'room');
  assert.equal(plan('echoes in a huge cathedral').audio.reverb, 'hall');
  assert.equal(plan('inside a dark cave').audio.reverb, 'cave');
});

test('the picture\'s effects are heard: rain → rain bed, fire → crackle, each lightning flash → thunder a moment later', () => {
  const shot = picturePlan({ duration: 5, effects: [pictureEffect('rain', { intensity: 0.7 }), pictureEffect('fire_glow'), pictureEffect('lightning', { events: [1.2, 3] })] }).shots[0]!;
  const { audio } = plan('a stormy night', { shot });
  assert.ok(types(audio.beds).includes('rain'));
  assert.ok(types(audio.beds).includes('fire'));
  const thunder = audio.events.filter((e) => e.type === 'thunder');
  assert.equal(thunder.length, 2);
  for (const [i, flash] of [1.2, 3].entries()) {
    const delay = thunder[i]!.t - flash;
    assert.ok(delay >= THUNDER_DELAY.min - 1e-9 && delay <= THUNDER_DELAY.max + 1e-9, `thunder ${delay.toFixed(2)} s after the flash`);
    assert.equal(thunder[i]!.params.flash, flash);
  }
});

test('a whip pan gets a whoosh during the whip; named effects are timed and panned', () => {
  const shot = picturePlan({ duration: 5, moves: ['whip_pan_left'], keys: [
    { t: 0, ...IDENTITY_KEY }, { t: 2, ...IDENTITY_KEY }, { t: 2.4, ...IDENTITY_KEY, pan: -0.8 }, { t: 5, ...IDENTITY_KEY, pan: -0.8 },
  ] }).shots[0]!;
  const { audio } = plan('whip pan left', { shot });
  const whoosh = audio.events.find((e) => e.type === 'whoosh');
  assert.ok(whoosh, 'a whoosh');
  assert.ok(whoosh.t >= 1.6 && whoosh.t <= 2.4, `whoosh at ${whoosh.t}`);
  assert.ok(whoosh.pan < 0, 'heard on the side the camera whips to');

  const door = plan('a door slams at 3 seconds, footsteps').audio.events;
  assert.equal(door.find((e) => e.type === 'door')?.t, 3);
  const steps = door.find((e) => e.type === 'footsteps');
  assert.ok(steps && typeof steps.params.length === 'number' && steps.params.length > 2, 'footsteps go on for a while');

  const { audio: cuts, notes } = plan('subtle whooshes on cuts');
  const whooshes = cuts.events.filter((e) => e.type === 'whoosh');
  assert.ok(whooshes.length >= 1);
  assert.ok(whooshes.every((w) => w.gain_db <= -12), 'subtle means quiet');
  assert.ok(notes.some((n) => /cuts/.test(n)), 'the note says a single shot has no cuts');
});

test('music only when asked, with mood, style and tempo', () => {
  assert.equal(plan('a calm lake at dawn').audio.music, null);
  const epic = plan('epic score as the hero rises').audio.music;
  assert.equal(epic?.mood, 'epic');
  assert.equal(epic?.style, 'orchestral');
  const lofi = plan('a cozy room, lo-fi beat at 85 bpm').audio.music;
  assert.equal(lofi?.style, 'lofi');
  assert.equal(lofi?.bpm, 85);
  assert.equal(plan('sad piano music').audio.music?.mood, 'sad');
  assert.equal(plan('sad piano music').audio.music?.style, 'piano');
  assert.equal(plan('tense suspenseful soundtrack').audio.music?.mood, 'tense');
  assert.equal(plan('upbeat happy music').audio.music?.mood, 'upbeat');
  assert.equal(plan('romantic music').audio.music?.mood, 'romantic');
});

test('quoted lines become dialogue with a speaker and a voice that fits the description', () => {
  const cases: Array<[string, string, Partial<{ voice: string; style: string; face: number | null }>]> = [
    ['she says "Welcome home."', 'Welcome home.', { voice: 'en-female-1' }],
    ['an old man says in a deep voice "Stay here."', 'Stay here.', { voice: 'en-old-male-1' }],
    ['a little girl whispers "Look at the stars."', 'Look at the stars.', { style: 'whisper' }],
    ['narrator: "It began with the rain."', 'It began with the rain.', { voice: 'en-male-1', face: null }],
    ['the captain shouts over the radio "Move now!"', 'Move now!', { style: 'radio' }],
    ['她说“你好，欢迎回家。”', '你好，欢迎回家。', { voice: 'zh-female-1' }],
  ];
  for (const [prompt, text, expected] of cases) {
    const { audio } = plan(prompt);
    assert.equal(audio.dialogue.length, 1, prompt);
    const line = audio.dialogue[0]!;
    assert.equal(line.text, text);
    for (const [k, v] of Object.entries(expected)) assert.equal(line[k as keyof typeof line], v, `${prompt}: ${k}`);
    assert.ok(VOICE_BY_ID.has(line.voice));
    assert.ok(line.start >= 0 && line.end > line.start && line.end <= 5, `${line.start}–${line.end}`);
  }
  const child = plan('a little girl whispers "Look at the stars."').audio.dialogue[0]!;
  assert.equal(VOICE_BY_ID.get(child.voice)!.age, 'child');
  // a face in the picture speaks the line; its character is told so
  const face = { box: { x: 0.6, y: 0.2, w: 0.2, h: 0.3 }, score: 0.9, landmarks: [], age: 30, gender: 'female' as const };
  const scene = makeScene({ faces: [face], tags: ['portrait', 'face', 'indoor'] });
  const shot = { ...stillShot(), characters: [{ face: 0, blink: true, speaks: [], actions: [] }] };
  const withFace = plan('she says "Hello there."', { scene, shot });
  assert.equal(withFace.audio.dialogue[0]!.face, 0);
  assert.deepEqual(withFace.shot.characters[0]!.speaks, [0]);
  // two lines follow each other
  const two = plan('he says "Run." and she replies "Where to?"').audio.dialogue;
  assert.equal(two.length, 2);
  assert.ok(two[1]!.start >= two[0]!.start + 0.3);
  assert.notEqual(VOICE_BY_ID.get(two[0]!.voice)!.gender, VOICE_BY_ID.get(two[1]!.voice)!.gender);
});

test('voice_list picks the voice; an unknown id is an input error naming the field', () => {
  const { audio } = plan('<<<voice_1>>> says "Good morning."', { voices: ['en-male-2'] });
  assert.equal(audio.dialogue[0]!.voice, 'en-male-2');
  assert.throws(() => plan('she says "Hi."', { voices: ['no-such-voice'] }), (e: unknown) => isInputError(e) && e.field === 'voice_list' && /no-such-voice/.test(e.message));
  const voices = listVoices();
  assert.ok(voices.length >= 20);
  assert.ok(voices.some((v) => v.language === 'zh'));
  assert.deepEqual(JSON.parse(JSON.stringify(voices)), voices, 'plain JSON');
});

test('a line too long for the clip is sped up a little, or cut at a word boundary, and the notes say so', () => {
  const long = 'This is a very long sentence that keeps going about the rain and the city and the night and the people who walk through it.';
  const { audio, notes } = plan(`narrator: "${long}"`);
  const line = audio.dialogue[0]!;
  assert.ok(line.rate > 1 && line.rate <= 1.25, `rate ${line.rate}`);
  assert.ok(long.startsWith(line.text) && line.text.length < long.length, 'cut at a word boundary');
  assert.ok(long.charAt(line.text.length) === ' ' || /[,.]/.test(long.charAt(line.text.length)), 'the cut is between words');
  assert.ok(line.end <= 5);
  assert.ok(notes.some((n) => /too long/.test(n) && /cut/.test(n)), notes.join('; '));
  const slightly = plan('narrator: "The rain came down on the old town all through the long night."', { duration: 4 });
  if (slightly.audio.dialogue[0]!.rate > 1) assert.ok(slightly.notes.some((n) => /faster|too long/.test(n)));
});

test('unspeakable text is skipped with a note, never a crash; no quotes means no speech', () => {
  const emoji = plan('a child shouts "😀🎉🔥"');
  assert.equal(emoji.audio.dialogue.length, 0);
  assert.ok(emoji.notes.some((n) => /skipped/.test(n)));
  const ethiopic = plan('he says "ሰላም ለዓለም"');
  assert.equal(ethiopic.audio.dialogue.length, 0, 'a script no voice reads is skipped');
  assert.ok(ethiopic.notes.some((n) => /skipped/.test(n)));
  const mixed = plan('she says "Hello 👋 friend"');
  assert.equal(mixed.audio.dialogue[0]!.text, 'Hello friend');
  assert.equal(plan('slow push in on a quiet street at dusk').audio.dialogue.length, 0);
  assert.equal(plan('a neon sign reading \'OPEN\' flickers').audio.dialogue.length, 0);
});

test('negative_prompt removes what it names; "no …" in the prompt does too', () => {
  const full = 'rain and wind, calm music, she says "Hello."';
  const base = plan(full).audio;
  assert.ok(base.music && base.dialogue.length === 1 && types(base.beds).includes('wind'));
  const removed = plan(full, { negativePrompt: 'music, talking, wind' });
  assert.equal(removed.audio.music, null);
  assert.equal(removed.audio.dialogue.length, 0);
  assert.ok(!types(removed.audio.beds).includes('wind'));
  assert.ok(types(removed.audio.beds).includes('rain'));
  assert.ok(removed.notes.some((n) => /not spoken/.test(n)));
  assert.equal(plan('calm lake, no music').audio.music, null);
  assert.equal(plan(full, { negativePrompt: 'voice' }).audio.dialogue.length, 0);
  assert.equal(plan(full, { negativePrompt: 'no talking' }).audio.dialogue.length, 0);
});

test('sound off: no audio, and a note when the prompt asked for sound', () => {
  const off = plan('rain, she says "Hello."', { sound: false });
  assert.equal(off.audio.enabled, false);
  assert.equal(off.audio.dialogue.length + off.audio.beds.length + off.audio.events.length, 0);
  assert.ok(off.notes.some((n) => /asks for sound/.test(n) && /sound is off/.test(n)));
});

test('the plan is deterministic: same inputs, same plan', () => {
  const shot = picturePlan({ duration: 5, effects: [pictureEffect('lightning', { events: [1, 2.5] })] }).shots[0]!;
  const a = plan('storm, epic music, he says "Hold on."', { shot: structuredClone(shot), seed: 9 }).audio;
  const b = plan('storm, epic music, he says "Hold on."', { shot: structuredClone(shot), seed: 9 }).audio;
  assert.deepEqual(a, b);
});

test('a line a little long for the clip is spoken faster, and the note says by how much in whole percent (never "1.00×")', () => {
  const scene = makeScene({ faces: [{ box: { x: 0.4, y: 0.2, w: 0.2, h: 0.3 }, score: 0.9, age: 40, gender: 'female', landmarks: [] }], tags: ['portrait'] });
  const plan = direct(makeInput({ prompt: 'she says: "It\'s easier to ask forgiveness than it is to get permission, you know."' }), scene);
  const note = plan.notes.find((n) => /a little long/.test(n));
  assert.ok(note, plan.notes.join(' | '));
  assert.match(note, /spoken [1-9]\d* % faster$/);
  assert.ok(plan.audio.dialogue[0]!.rate > 1);
});

test('music named by a genre we only approximate is played and said; a genre before its instrument decides; singing bowls are ambient music, not a missing sound', () => {
  const scene = makeScene({ tags: ['outdoor'] });
  const plan = (prompt: string) => direct(makeInput({ prompt }), scene);
  const cases: Array<[string, string, RegExp | null]> = [
    ['dubstep drop', 'electronic', /"dubstep" music is not a genre we play/],
    ['a mariachi band plays', 'world', /"mariachi" music is not a genre we play/],
    ['heavy metal guitar riff', 'electronic', /"heavy metal" music is not a genre we play/],
    ['dramatic horror soundtrack', 'tension', null],
    ['calm meditation music with singing bowls', 'ambient', null],
  ];
  for (const [prompt, style, note] of cases) {
    const p = plan(prompt);
    assert.equal(p.audio.music?.style, style, `${prompt}: ${JSON.stringify(p.audio.music)}`);
    if (note) assert.ok(p.notes.some((n) => note.test(n)), `${prompt}: ${p.notes.join(' | ')}`);
    else assert.deepEqual(p.notes, [], prompt);
  }
});

test('a line mouthed is not heard: no dialogue, a note, and the face still talks', () => {
  for (const prompt of ['she mouths "thank you" and nods', 'he silently says "goodbye"', 'the singer lip-syncs "la la la"']) {
    const { audio, notes } = plan(prompt);
    assert.equal(audio.dialogue.length, 0, prompt);
    assert.ok(notes.some((n) => /is mouthed: the face talks and no voice is heard/.test(n)), `${prompt}: ${notes.join(' | ')}`);
  }
  assert.equal(plan('she says "thank you" and smiles').audio.dialogue.length, 1);
});

test('"launch pad" is no ambient pad: the orchestral score named plays; an eerie ambient drone is music', () => {
  assert.equal(plan('steam pours from the launch pad, searchlights, dramatic orchestral score').audio.music?.style, 'orchestral');
  assert.ok(plan('heavy fog rolls in, eerie ambient drone').audio.music, 'a drone asked for is heard');
});

test('a word that as often names something else asks for music only where it means music', () => {
  // rocks, a metal roof, a player scoring, a country road, bubbles popping, an opera house, a swing,
  // rain drumming, horns, a champagne flute, lily pads, soldiers marching: no music
  for (const prompt of ['waves crash against the rocks at sunset', 'rain drums on the metal roof', 'a quiet country road at dawn', 'the player scores a goal',
    'soap bubbles pop in the sunlight', 'the Sydney Opera House at dusk', 'classical architecture, slow pan right', 'a child on a swing in the park',
    'a disco ball spinning', 'rain beats against the window', 'a bull with long horns', 'a brass door knocker', 'a champagne flute on the table',
    'frogs on lily pads', 'soldiers march through the square', 'village folk at the market', 'a rock climber on the cliff']) {
    assert.equal(plan(prompt).audio.music, null, prompt);
  }
  // the same words where they mean music: after a playing verb, before a music noun, after a genre's kind or a mood
  const cases: Array<[string, string]> = [['upbeat rock music', 'pop'], ['heavy metal guitar riff', 'electronic'], ['a country song plays on the radio', 'folk'],
    ['the band plays rock', 'pop'], ['a dramatic score swells', 'orchestral'], ['tribal drums', 'world'], ['classical music in the background', 'orchestral'],
    ['some blues', 'jazz'], ['gentle strings', 'strings'], ['folk music by the campfire', 'folk'], ['he plays the flute', 'folk'], ['tender strings', 'strings']];
  for (const [prompt, style] of cases) assert.equal(plan(prompt).audio.music?.style, style, prompt);
});

test('a line sung is planned sung, to the music\'s tempo: its slot holds a note a syllable; a long one goes to double time or is cut, and says so', () => {
  const sung = direct(makeInput({ prompt: 'she sings "happy birthday to you"' }), meadow());
  const line = sung.audio.dialogue[0]!;
  assert.equal(line.style, 'sung');
  assert.ok(!sung.notes.some((n) => /sing|sung/.test(n)), sung.notes.join(' | '));
  // six syllables and the held last note at 96 bpm's eighth notes (0.3125 s) need ≥ 2.1 s; spoken, ~1.3 s
  assert.ok(line.end - line.start >= 2.1, `${line.start}–${line.end}`);
  assert.equal(plan('he says "happy birthday to you"').audio.dialogue[0]!.style, 'neutral');
  // birds singing are no singer, nor a fridge humming before she speaks; a verb of song right
  // before or after the quote is, in English or Chinese
  assert.equal(plan('birds singing, he says "good morning"').audio.dialogue[0]!.style, 'neutral');
  assert.equal(plan('the fridge hums, she says "hello there"').audio.dialogue[0]!.style, 'neutral');
  for (const prompt of ['"goodnight my love," she sang softly', 'he hums "la di da"', 'she is singing "we will meet again"', 'she sings to him: "stay with me"', '她唱着"月亮代表我的心"']) {
    assert.deepEqual(plan(prompt).audio.dialogue.map((d) => d.style), ['sung'], prompt);
  }
  // a long line to slow piano music (72 bpm: 0.42 s a syllable) goes to double time and fits
  const slow = plan('soft piano music, she sings "the stars are out tonight, and I am coming home"');
  assert.equal(slow.audio.dialogue[0]!.rate, 2);
  assert.equal(slow.audio.dialogue[0]!.text, 'the stars are out tonight, and I am coming home');
  // to pop music (118 bpm: 0.25 s a syllable) double time would blur the words: cut, with a note
  const long = plan('upbeat pop music, she sings "happy birthday to you, happy birthday dear friend, happy birthday to you"');
  assert.equal(long.audio.dialogue[0]!.rate, 1);
  assert.ok(long.notes.some((n) => n.includes('too long to sing in 5 s at 118 bpm: sung up to')), long.notes.join(' | '));
});

test('a song asked for with no words is sung on "la" or hummed, by a person only', () => {
  const hum = direct(makeInput({ prompt: 'an old fisherman mends his net on the dock, he hums a tune' }), meadow());
  assert.deepEqual(hum.audio.dialogue.map((d) => [d.text, d.style]), [[VOCALISES.hum, 'sung']]);
  assert.ok(!hum.notes.some((n) => n.includes('hums')), hum.notes.join(' | '));
  const lullaby = direct(makeInput({ prompt: 'a mother rocks her baby to sleep, singing a lullaby softly' }), meadow());
  assert.deepEqual(lullaby.audio.dialogue.map((d) => [d.text, d.style, d.rate]), [[VOCALISES.sing, 'sung', 1]]);
  assert.ok(!lullaby.notes.some((n) => n.includes('singing')), lullaby.notes.join(' | '));
  // a fridge or the city that hums is a sound, birds that sing are birdsong; a quoted song is its words
  // (a person elsewhere in the sentence does not make it theirs)
  for (const prompt of ['the old fridge hums in the kitchen', 'the city hums at night', 'birds singing in the garden',
    'a woman on a rooftop at sunset, wind in her hair, the city hums below', 'bees hum in the garden as she smiles',
    'the church choir sings a hymn', 'the kettle sings on the stove']) assert.deepEqual(plan(prompt).audio.dialogue, [], prompt);
  // a name opening the clause is someone's ("Maria sings softly"), as a person's word is
  for (const [prompt, text] of [['Maria sings softly by the window', VOCALISES.sing], ['rain on the roof, and Kenji hums a tune', VOCALISES.hum]] as const) {
    assert.deepEqual(plan(prompt).audio.dialogue.map((d) => d.text), [text], prompt);
  }
  assert.deepEqual(plan('she sings "happy birthday to you"').audio.dialogue.map((d) => d.text), ['happy birthday to you']);
});
