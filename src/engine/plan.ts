/**
 * The ShotPlan: what the director understood, as a timeline (DESIGN.md §1).
 *
 * It is the only contract between `direct` and the renderers: `picture` and `sound` read nothing
 * from the prompt, only this plan. It is plain, versioned JSON; the TypeBox schema below is also
 * its published JSON Schema (`PlanSchema`), so a user may hand a plan back to render exactly that.
 *
 * Conventions used throughout:
 * - times are seconds from the start of the clip;
 * - positions on screen are normalised: x 0 (left) … 1 (right), y 0 (top) … 1 (bottom);
 * - depth is "nearness": 0 is the far plane (sky, infinity), 1 the nearest thing in the picture;
 * - pan is -1 (hard left) … 1 (hard right) for audio.
 */
import { Type, type Static } from '@sinclair/typebox';

export const PLAN_VERSION = 1 as const;

/** Camera moves the director knows, named from the camera's point of view (as on a film set). */
export const CAMERA_MOVES = [
  'static', 'push_in', 'pull_out', 'pan_left', 'pan_right', 'tilt_up', 'tilt_down',
  'truck_left', 'truck_right', 'orbit_left', 'orbit_right', 'crane_up', 'crane_down',
  'handheld', 'drone', 'dolly_zoom', 'rack_focus', 'whip_pan_left', 'whip_pan_right',
  'roll_clockwise', 'roll_counterclockwise',
] as const;
export type CameraMove = (typeof CAMERA_MOVES)[number];

/** Scene effects the picture stage can render; each has one entry in the director's and the renderer's tables. */
export const EFFECT_TYPES = [
  'rain', 'snow', 'fog', 'smoke', 'steam', 'dust', 'embers', 'fire_glow', 'candle_flicker',
  'neon_flicker', 'lightning', 'falling_leaves', 'petals', 'light_rays', 'lens_flare', 'clouds',
  'water_shimmer', 'foliage_sway', 'stars', 'lights_out',
] as const;
export type EffectType = (typeof EFFECT_TYPES)[number];

/** Where an effect may act. `all` is the whole frame; the others are the Scene's soft region masks. */
export const REGIONS = ['all', 'sky', 'water', 'foliage', 'lights', 'ground', 'subject'] as const;
export type Region = (typeof REGIONS)[number];

export const EASINGS = ['linear', 'ease_in', 'ease_out', 'ease_in_out'] as const;
export type Easing = (typeof EASINGS)[number];

const num = (description: string, extra: object = {}) => Type.Number({ description, ...extra });
const unit = (description: string) => Type.Number({ description, minimum: 0, maximum: 1 });

/**
 * One pose of the virtual camera. The renderer interpolates between keys with the segment's easing.
 * All offsets are fractions of the output frame (width for x, height for y).
 */
export const CameraKeySchema = Type.Object({
  t: num('time (s)', { minimum: 0 }),
  zoom: num('lens zoom, uniform scale; 1 shows the whole picture', { exclusiveMinimum: 0 }),
  pan: num('camera turn; + turns right so the picture slides left (no parallax)'),
  tilt: num('camera tilt; + tilts up so the picture slides down (no parallax)'),
  roll: num('camera roll in degrees, + clockwise'),
  truck: num('camera translation sideways; + moves right; content slides left by truck × nearness (parallax)'),
  pedestal: num('camera translation vertical; + moves up; content slides down by pedestal × nearness (parallax)'),
  dolly: num('camera translation forward; + moves in; content at nearness n scales by 1/(1 − dolly·n)', { maximum: 0.8 }),
  focus: unit('nearness of the focal plane (used when aperture > 0)'),
  aperture: num('depth-of-field blur strength; 0 = everything sharp; 1 ≈ 1% of frame width of blur per unit of defocus', { minimum: 0 }),
  ease: Type.Optional(Type.Union(EASINGS.map((e) => Type.Literal(e)), { description: 'easing from this key to the next' })),
});
export type CameraKey = Static<typeof CameraKeySchema>;

export const CameraSchema = Type.Object({
  moves: Type.Array(Type.Union(CAMERA_MOVES.map((m) => Type.Literal(m))), { description: 'the moves this path was built from' }),
  speed: Type.Union([Type.Literal('subtle'), Type.Literal('slow'), Type.Literal('normal'), Type.Literal('fast'), Type.Literal('dramatic')]),
  easing: Type.Union(EASINGS.map((e) => Type.Literal(e)), { description: 'default easing between keys' }),
  keys: Type.Array(CameraKeySchema, { minItems: 1 }),
  shake: Type.Object({
    amplitude: num('handheld shake as a fraction of frame width (0 = tripod)', { minimum: 0 }),
    frequency: num('dominant shake frequency in Hz', { minimum: 0 }),
  }),
  motion_blur: unit('shutter blur along the motion, 0 = none (whip pans use it)'),
});
export type Camera = Static<typeof CameraSchema>;

export const EffectSchema = Type.Object({
  type: Type.Union(EFFECT_TYPES.map((e) => Type.Literal(e))),
  intensity: unit('0 (none) … 1 (heavy)'),
  start: num('s', { minimum: 0 }),
  end: num('s', { minimum: 0 }),
  fade_in: num('seconds to reach full intensity (effects ease in from frame 0)', { minimum: 0 }),
  region: Type.Union(REGIONS.map((r) => Type.Literal(r))),
  /** Instants of punctual events (lightning flashes). The sound director times thunder from these. */
  events: Type.Array(num('s', { minimum: 0 })),
  /** Small per-effect knobs (wind direction, colour, variant …), documented in each renderer's file. */
  params: Type.Record(Type.String(), Type.Union([Type.Number(), Type.String(), Type.Boolean()])),
});
export type Effect = Static<typeof EffectSchema>;

/** Colour grade, eased in from frame 0 (which stays the untouched input). */
export const GradeSchema = Type.Object({
  exposure: num('stops'),
  contrast: num('1 = unchanged', { minimum: 0 }),
  saturation: num('1 = unchanged', { minimum: 0 }),
  warmth: num('-1 cool … 1 warm'),
  vignette: unit('edge darkening'),
  fade_in: num('s', { minimum: 0 }),
});
export type Grade = Static<typeof GradeSchema>;

export const CharacterSchema = Type.Object({
  face: Type.Integer({ minimum: 0, description: 'index into the Scene faces' }),
  blink: Type.Boolean(),
  speaks: Type.Array(Type.Integer({ minimum: 0 }), { description: 'indices into audio.dialogue' }),
  actions: Type.Array(Type.Object({ type: Type.String(), start: num('s'), end: num('s') })),
  idle: Type.Optional(unit('idle life: breathing and small head movements (scaled by cfg_scale; absent = 0.7)')),
});
export type Character = Static<typeof CharacterSchema>;

/**
 * A living subject without a face rig (an animal, or a person whose face was not found): its
 * region is deformed in place — breathing and small idle movements (`idle`, scaled by cfg_scale;
 * 0 for products and buildings, which are never subjects) and the actions of the action table
 * (src/engine/direct/characters/actions.ts) that the subject rig performs.
 */
export const SubjectSchema = Type.Object({
  kind: Type.Union([Type.Literal('person'), Type.Literal('animal')]),
  name: Type.String({ description: 'the word the prompt used ("cat", "squirrel")' }),
  box: Type.Object({ x: unit('left'), y: unit('top'), w: unit('width'), h: unit('height') }, { description: 'the region that moves, normalised to the picture' }),
  idle: unit('idle life: breathing and small movements'),
  actions: Type.Array(Type.Object({ type: Type.String(), start: num('s'), end: num('s') })),
  eyes: Type.Optional(Type.Array(Type.Object({
    x: unit('centre'), y: unit('centre'), r: unit('radius, fraction of the picture width'),
    room: Type.Optional(unit("the animal's height straight above the eye (fraction of the picture height): the fur its lid is drawn from")),
  }), {
    description: "an animal's eyes found in the picture (analyze/animals), image-left first: its blink closes lids over them",
  })),
  ears: Type.Optional(Type.Array(Type.Object({
    tip: Type.Object({ x: unit('x'), y: unit('y') }),
    base: Type.Object({ x: unit('x'), y: unit('y') }),
    width: unit("the base's width, fraction of the picture width"),
  }), { description: "an animal's ears found standing out of its outline (analyze/animals): its ear action turns them about their bases" })),
  tail: Type.Optional(Type.Object({
    base: Type.Object({ x: unit('x'), y: unit('y') }),
    tip: Type.Object({ x: unit('x'), y: unit('y') }),
    width: unit("the tail's mean width, fraction of the picture width"),
  }, { description: "an animal's tail found standing out of its outline away from its head (analyze/animals): its tail action swings it about its base" })),
  head: Type.Optional(Type.Object({
    x: unit('centre'), y: unit('centre'), size: unit("its width, fraction of the picture width"),
    found: Type.String({ description: 'how the head was found' }),
  }, { description: "an animal's head found from its outline where no eyes were (analyze/animals/outline-head.ts): its head actions move it there" })),
});
export type PlanSubject = Static<typeof SubjectSchema>;

export const ShotSchema = Type.Object({
  start: num('s', { minimum: 0 }),
  end: num('s', { minimum: 0 }),
  camera: CameraSchema,
  effects: Type.Array(EffectSchema),
  grade: GradeSchema,
  characters: Type.Array(CharacterSchema),
  subjects: Type.Optional(Type.Array(SubjectSchema)),
});
export type Shot = Static<typeof ShotSchema>;

/**
 * Sounds the sound stage can render: one file and one row each in src/engine/sound/sounds/table.ts
 * (the table must have exactly these, checked at compile time); the director's vocabulary is typed
 * by them, so it cannot name a sound the table lacks.
 */
export const SOUND_IDS = [
  // ambience
  'rain', 'thunderstorm', 'wind', 'ocean_waves', 'stream', 'waterfall', 'forest_birds', 'night_insects', 'city_traffic',
  'crowd_murmur', 'crowd_roar', 'fire', 'room_tone', 'office_hum', 'electric_buzz', 'underwater', 'space_drone', 'seagull',
  'sizzle', 'rustle', 'radio_static', 'hum', 'frogs',
  // effects
  'whoosh', 'footsteps', 'door', 'knock', 'thunder', 'explosion', 'heartbeat', 'clock_tick', 'chime', 'applause',
  'cheering', 'camera_shutter', 'engine', 'splash', 'glass_clink', 'typing', 'sparkle', 'referee_whistle', 'car_pass_by',
  'motorbike_pass_by', 'helicopter', 'rocket', 'jet', 'doorbell', 'dog_bark', 'cat_meow', 'cow_moo', 'owl_hoot',
  'laughter', 'sigh', 'gasp', 'siren', 'purr', 'breathing', 'horn', 'phone_ring', 'kettle_whistle', 'insect_buzz', 'wolf',
  'coughing', 'growl', 'foghorn', 'fireworks', 'sob', 'baby_cry', 'whine', 'lion', 'rooster', 'horse', 'hiss',
  'glass_break', 'gunshot', 'sheep', 'hooves', 'scream', 'sneeze', 'bass_hit', 'train', 'whale_song', 'crow', 'duck',
  'tire_screech', 'snore', 'elephant', 'pig', 'chicken', 'monkey', 'chainsaw', 'dolphin', 'donkey', 'booing', 'alarm',
  'vacuum_cleaner', 'drill', 'jackhammer', 'lawn_mower', 'leaf_blower', 'power_saw', 'hammering', 'sword_clash', 'axe_chop',
  'pigeon_coo', 'parrot', 'hand_clap', 'whistling', 'squirrel_chatter', 'hawk_screech', 'creak', 'pots_clatter', 'finger_snap',
  // music layers
  'music_pad', 'music_pluck', 'music_piano', 'music_drums', 'music_bass',
] as const;
export type SoundId = (typeof SOUND_IDS)[number];

export const BedSchema = Type.Object({
  type: Type.String({ description: 'a sound id from the sound table' }),
  gain_db: num('dB relative to the mix reference'),
  start: num('s', { minimum: 0 }),
  end: num('s', { minimum: 0 }),
  pan: num('-1 … 1', { minimum: -1, maximum: 1 }),
  params: Type.Record(Type.String(), Type.Union([Type.Number(), Type.String(), Type.Boolean()])),
});
export type Bed = Static<typeof BedSchema>;

export const SoundEventSchema = Type.Object({
  type: Type.String({ description: 'a sound id from the sound table' }),
  t: num('onset (s)', { minimum: 0 }),
  gain_db: num('dB'),
  pan: num('-1 … 1, from where its source is on screen', { minimum: -1, maximum: 1 }),
  params: Type.Record(Type.String(), Type.Union([Type.Number(), Type.String(), Type.Boolean()])),
});
export type SoundEvent = Static<typeof SoundEventSchema>;

/** Where the music is heard from: the soundtrack, or a device in the scene that plays it. */
export const MUSIC_SOURCES = ['score', 'radio', 'record'] as const;
export type MusicSource = (typeof MUSIC_SOURCES)[number];

export const MusicSchema = Type.Object({
  mood: Type.String(),
  style: Type.String({ description: 'the genre: a row of the genre table (piano, ambient, acoustic_guitar, jazz, orchestral, strings, electronic, lofi, tension, pop, folk, world, music_box, choir)' }),
  bpm: num('tempo', { minimum: 30, maximum: 240 }),
  key: Type.String({ description: 'tonal centre, e.g. "A minor"' }),
  gain_db: num('dB'),
  source: Type.Optional(Type.Union(MUSIC_SOURCES.map((s) => Type.Literal(s)), { description: 'score (the soundtrack, the default), radio (a radio in the scene: mono, a small speaker\'s band, a faint hiss) or record (a record player or jukebox: warm, narrow, surface crackle)' })),
});
export type Music = Static<typeof MusicSchema>;

export const DialogueSchema = Type.Object({
  speaker: Type.String({ description: 'narrator, woman, man, child, …' }),
  voice: Type.String({ description: 'a voice id from the voice library' }),
  text: Type.String(),
  start: num('s', { minimum: 0 }),
  end: num('s (planned; the renderer fits the line within it)', { minimum: 0 }),
  rate: num('speaking-rate multiplier', { exclusiveMinimum: 0 }),
  pitch: num('semitones', {}),
  style: Type.String({ description: 'neutral, calm, narrator, whisper, shout, radio, phone, megaphone, or sung (to the music\'s key and tempo)' }),
  face: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], { description: 'the face that speaks it, or null for voice-over' }),
});
export type Dialogue = Static<typeof DialogueSchema>;

export const AudioSchema = Type.Object({
  enabled: Type.Boolean({ description: 'false: the clip has no audio stream' }),
  reverb: Type.String({ description: 'room, outdoor, hall, cave, none' }),
  beds: Type.Array(BedSchema),
  events: Type.Array(SoundEventSchema),
  music: Type.Union([MusicSchema, Type.Null()]),
  dialogue: Type.Array(DialogueSchema),
  loudness_lufs: num('integrated loudness target: −14 when speech or music leads, the scene\'s own level (e.g. a quiet room ≈ −26) for ambience alone', {}),
  true_peak_db: num('true-peak ceiling (dBTP)', {}),
});
export type Audio = Static<typeof AudioSchema>;

/** aspect_ratio: how the picture was reframed to the clip's shape (src/engine/framing). */
export const FramingSchema = Type.Object({
  aspect_ratio: Type.Union([Type.Literal('16:9'), Type.Literal('9:16'), Type.Literal('1:1')]),
  source: Type.Object({ width: Type.Integer({ minimum: 1 }), height: Type.Integer({ minimum: 1 }) }, { description: 'the input picture (px)' }),
  crop: Type.Object({ x: Type.Integer({ minimum: 0 }), y: Type.Integer({ minimum: 0 }), w: Type.Integer({ minimum: 1 }), h: Type.Integer({ minimum: 1 }) }, { description: 'the part of the input kept (px)' }),
  outpaint: Type.Object({ x: Type.Integer({ minimum: 0 }), y: Type.Integer({ minimum: 0 }) }, { description: 'outpainted band on each side (px): x left and right, y top and bottom' }),
});

/** last_image: the clip ends on the end picture (src/engine/picture/end-frame). */
export const EndFrameSchema = Type.Object({
  start: num('s: the transition to the end image starts', { minimum: 0 }),
  frame: Type.Integer({ minimum: 0, description: 'its first frame' }),
  method: Type.Literal('flow-guided', { description: 'dense flow between the pictures, both warped towards each other, blended only where aligned' }),
  source: Type.Object({ width: Type.Integer({ minimum: 1 }), height: Type.Integer({ minimum: 1 }) }, { description: 'the end image (px)' }),
});

export const PlanSchema = Type.Object({
  version: Type.Literal(PLAN_VERSION),
  seed: Type.Integer({ minimum: 0, maximum: 4294967295 }),
  duration: num('s', { exclusiveMinimum: 0, maximum: 20 }),
  fps: Type.Literal(24),
  width: Type.Integer({ minimum: 16, multipleOf: 2 }),
  height: Type.Integer({ minimum: 16, multipleOf: 2 }),
  prompt: Type.String(),
  negative_prompt: Type.String(),
  cfg_scale: unit('0 image-led … 1 prompt-led'),
  /** What the director saw in the picture (tags, regions present), for the reader of the plan. */
  scene: Type.Object({
    tags: Type.Array(Type.String()), faces: Type.Integer({ minimum: 0 }),
    /**
     * the layered scene (analyze/layers): how many depth layers, whether a subject layer moves over
     * the rest, and how many planar surfaces were fitted as planes (absent on older plans)
     */
    layers: Type.Optional(Type.Object({ count: Type.Integer({ minimum: 1 }), subject: Type.Boolean(), planes: Type.Optional(Type.Integer({ minimum: 0 })) })),
  }),
  shots: Type.Array(ShotSchema, { minItems: 1 }),
  audio: AudioSchema,
  /** Plain sentences on what was asked but not done, removed, or adjusted. */
  notes: Type.Array(Type.String()),
  /** present when aspect_ratio reframed the picture */
  framing: Type.Optional(FramingSchema),
  /** present with last_image: when the transition to the end image starts and how it is made */
  end_frame: Type.Optional(EndFrameSchema),
}, { $id: 'https://moviola.dev/schemas/shot-plan.json', title: 'ShotPlan' });
export type ShotPlan = Static<typeof PlanSchema>;

/** Frames in a clip: exactly duration × fps. */
export function frameCount(plan: Pick<ShotPlan, 'duration' | 'fps'>): number {
  return Math.round(plan.duration * plan.fps);
}
