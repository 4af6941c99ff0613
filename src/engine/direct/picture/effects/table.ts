/**
 * The effects vocabulary: one row per effect type of plan.ts (DESIGN.md §1: adding an effect is
 * one table row; the renderer has the matching row in src/engine/picture).
 *
 * Each row has the phrases people write for it, the region it acts on, its default intensity,
 * the fade-in (effects ease in so frame 0 stays the untouched input), the mask region it cannot
 * do without (`needs`: skipped with a note when the picture has none), and its params — small
 * knobs documented where they are made:
 *
 * - angle_deg: fall direction of particles, degrees from vertical, + leans right (wind toward the right)
 * - wind: the renderer's wind knob — for falling things (rain, snow, leaves, petals) the sideways
 *   speed per unit of fall speed (tan(angle_deg)), + blowing right; for fog its drift −1 … 1;
 *   for foliage_sway its strength 0 … 1
 * - speed: fall/rise/drift speed in frame heights (particles) or frame widths (drift) per second
 * - count: particles on screen at full intensity
 * - size: particle size, fraction of the frame width
 * - color: '#rrggbb'
 * - source_x, source_y: normalised point the effect comes from (a light, the subject's top)
 * - flicker_hz, flicker: flicker rate and depth 0…1 of light effects
 * - height: how far up from the bottom a fog bank reaches, fraction of the frame height
 * - direction: -1 drifts left, 1 drifts right
 * - amplitude, frequency: sway size (fraction of frame width at the mask's top) and rate in Hz
 * - behind: nearness 0…1 the effect falls behind (only when the clause places it "outside the
 *   window", "behind the glass", "in the background": behind-depth.ts); nearer things hide it
 * - cover: storm cloud cover 0…1 over the sky (clouds: greys and darkens it; "storm", "overcast")
 * - lamp_share: how much of the scene's light its lamps gave (lights_out: 0.8 indoors or at night,
 *   0.15 outdoors by day); lamps: the lights mask is lamps that go dark themselves (at dusk or night)
 *
 * @example
 *   EFFECT_TABLE.find((e) => e.type === 'rain')!.phrases;  // ['rain', 'rainy', 'raining', …]
 */
import type { EffectType, Region } from '../../../plan.js';
import type { Scene } from '../../../scene.js';
import { hasRegion, type MaskRegion } from '../scene-measures.js';
import type { EffectContext } from './effect-context.js';
import { behindDepth } from './behind-depth.js';

export type EffectParams = Record<string, number | string | boolean>;

export interface EffectEntry {
  type: EffectType;
  /** lowercase phrases; the first is the canonical one */
  phrases: readonly string[];
  /** phrases that ask for the effect only if its region exists (skipped silently otherwise): "breeze" */
  softPhrases?: readonly string[];
  /** phrases that carry their own intensity ("drizzle" is light, "downpour" heavy) */
  phraseIntensity?: Readonly<Record<string, number>>;
  /** phrases that also bring other effects ("thunderstorm" is rain with lightning) */
  implies?: Readonly<Record<string, readonly EffectType[]>>;
  region: Region | ((scene: Scene) => Region);
  /** the mask region the effect needs (or, from the scene, none) */
  needs?: MaskRegion | ((scene: Scene) => MaskRegion | null);
  intensity: number;
  /** seconds to full intensity */
  fadeIn: number;
  params(ctx: EffectContext): EffectParams;
}

const r3 = (v: number) => Math.round(v * 1000) / 1000;
const hex = (rgb: readonly number[]) => `#${rgb.map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, '0')).join('')}`;

/** The brightest light source, if any, as a normalised point and colour. */
function brightestLight(scene: Scene) {
  return [...scene.lights].sort((a, b) => b.brightness * b.radius - a.brightness * a.radius)[0] ?? null;
}

/** Light sources are there when the mask covers enough or analysis listed any. */
const needsLights = (scene: Scene): MaskRegion | null => (hasRegion(scene, 'lights') || scene.lights.length ? null : 'lights');
const lightsOr = (fallback: Region) => (scene: Scene): Region => (hasRegion(scene, 'lights') || scene.lights.length ? 'lights' : fallback);

const COLOR_WORDS: Record<string, string> = {
  pink: '#ff3cac', magenta: '#ff2bd6', red: '#ff2a2a', blue: '#3c8cff', cyan: '#00e5ff', teal: '#00d0c0',
  green: '#39ff6a', purple: '#a040ff', violet: '#8a3cff', orange: '#ff8a00', yellow: '#ffe040', white: '#f4f4ff',
};

/** A colour named in the clause, or null. */
function namedColor(clause: string): string | null {
  for (const [word, color] of Object.entries(COLOR_WORDS)) if (new RegExp(`\\b${word}\\b`).test(clause)) return color;
  return null;
}

/** Fall angle from the wind: a few degrees in still air, up to ~35° in a gale. */
const fallAngle = (ctx: EffectContext, still: number) => r3(ctx.wind.toward * (still + 30 * ctx.wind.strength));

/** The renderer's `wind` knob for falling things: sideways speed per unit of fall speed (tan of the angle). */
const windOf = (angleDeg: number) => r3(Math.tan((angleDeg * Math.PI) / 180));

/** Where rising things (steam, smoke) start: the top centre of the subject. */
const subjectTop = (scene: Scene) => ({ source_x: r3(scene.subject.x + scene.subject.w / 2), source_y: r3(scene.subject.y + scene.subject.h * 0.2) });

/** Where light comes from: the brightest light, else the top of the sky, else the top right. */
function lightSource(scene: Scene) {
  const light = brightestLight(scene);
  if (light) return { source_x: r3(light.x), source_y: r3(light.y), color: hex(light.color) };
  return { source_x: 0.75, source_y: scene.horizon !== null ? r3(Math.max(0.02, scene.horizon * 0.2)) : 0.05, color: '#fff2d6' };
}

/** `behind` for effects the clause places "outside the window" (behind-depth.ts), else nothing. */
function placed(ctx: EffectContext): EffectParams {
  const behind = behindDepth(ctx.scene, ctx.clause);
  return behind === null ? {} : { behind };
}

/** Words that turn drifting clouds into a storm's cover. */
const STORMY = /\b(storm|stormy|thunderstorm|rainstorm|overcast|storm clouds|dark clouds|thunderclouds|thunder clouds|brooding|lightning)\b/;

export const EFFECT_TABLE: readonly EffectEntry[] = [
  {
    type: 'rain',
    phrases: ['rain', 'rainy', 'raining', 'rainfall', 'downpour', 'drizzle', 'storm', 'stormy', 'rainstorm', 'thunderstorm', 'shower', 'pouring rain', 'raindrops', 'monsoon'],
    phraseIntensity: { drizzle: 0.3, downpour: 0.9, storm: 0.8, stormy: 0.8, rainstorm: 0.85, thunderstorm: 0.85, monsoon: 0.95, 'pouring rain': 0.9 },
    // a storm also brings its sky: heavy cloud cover over a clear one (clouds' `cover`)
    implies: { thunderstorm: ['lightning', 'clouds'], storm: ['clouds'], stormy: ['clouds'], rainstorm: ['clouds'] },
    region: 'all', intensity: 0.6, fadeIn: 0.8,
    params: (ctx) => ({ angle_deg: fallAngle(ctx, 5), wind: windOf(fallAngle(ctx, 5)), speed: r3(1.6 + 0.8 * ctx.intensity), count: Math.round(300 + 1500 * ctx.intensity), length: 0.05, splashes: true, ...placed(ctx) }),
  },
  {
    type: 'snow',
    phrases: ['snow', 'snowing', 'snowfall', 'snowflakes', 'snowstorm', 'blizzard', 'flurries', 'snow flurries', 'falling snow'],
    phraseIntensity: { blizzard: 0.95, flurries: 0.35, 'snow flurries': 0.35 },
    region: 'all', intensity: 0.5, fadeIn: 1,
    params: (ctx) => ({ angle_deg: fallAngle(ctx, 8), wind: windOf(fallAngle(ctx, 8)), speed: r3(0.08 + 0.1 * ctx.intensity + 0.1 * ctx.wind.strength), count: Math.round(150 + 700 * ctx.intensity), size: 0.004, ...placed(ctx) }),
  },
  {
    type: 'fog',
    phrases: ['fog', 'foggy', 'mist', 'misty', 'haze', 'hazy', 'fog bank', 'low fog', 'rolling fog', 'mist rolling'],
    phraseIntensity: { haze: 0.35, hazy: 0.35 },
    region: 'all', intensity: 0.45, fadeIn: 1.5,
    params: (ctx) => ({ height: /low|ground|rolling|creep/.test(ctx.clause) ? 0.4 : 0.7, speed: r3(0.01 + 0.02 * ctx.wind.strength), direction: ctx.wind.toward, wind: r3(ctx.wind.toward * (0.15 + 0.6 * ctx.wind.strength)), color: '#d8dde3' }),
  },
  {
    type: 'smoke',
    phrases: ['smoke', 'smoky', 'smoking', 'smoke rising', 'wisps of smoke', 'chimney smoke'],
    region: 'all', intensity: 0.45, fadeIn: 1.2,
    params: (ctx) => ({ ...subjectTop(ctx.scene), speed: 0.05, spread: 0.25, color: '#a8a8a8' }),
  },
  {
    // steam rises from the subject (a cup, a bowl, a kettle): its top centre is the source
    type: 'steam',
    phrases: ['steam', 'steaming', 'steamy', 'vapour', 'vapor', 'steam rising', 'rising steam', 'hot coffee'],
    region: 'subject', intensity: 0.6, fadeIn: 1,
    params: (ctx) => ({ ...subjectTop(ctx.scene), speed: 0.06, spread: 0.15, color: '#f0f0f0' }),
  },
  {
    type: 'dust',
    phrases: ['dust', 'dust motes', 'floating dust', 'dusty', 'particles', 'floating particles', 'dust particles', 'motes', 'specks', 'dust storm', 'sandstorm', 'sand storm'],
    phraseIntensity: { 'dust storm': 0.9, sandstorm: 0.9, 'sand storm': 0.9 },
    region: 'all', intensity: 0.4, fadeIn: 1,
    params: (ctx) => ({ count: Math.round(60 + 160 * ctx.intensity), size: 0.002, speed: 0.01, lit: true }),
  },
  {
    type: 'embers',
    phrases: ['embers', 'sparks', 'glowing embers', 'flying sparks', 'ember'],
    region: 'all', intensity: 0.5, fadeIn: 0.8,
    params: (ctx) => {
      const light = brightestLight(ctx.scene);
      return { source_x: r3(light?.x ?? 0.5), source_y: r3(light?.y ?? 0.95), speed: 0.12, count: Math.round(20 + 80 * ctx.intensity), color: '#ff8a30' };
    },
  },
  {
    type: 'fire_glow',
    phrases: ['fire', 'firelight', 'fireplace', 'campfire', 'bonfire', 'flames', 'flickering flames', 'flicker of flames', 'burning', 'fire glow', 'hearth'],
    region: lightsOr('all'), intensity: 0.55, fadeIn: 0.6,
    params: () => ({ color: '#ff8a3a', flicker_hz: 7, flicker: 0.35 }),
  },
  {
    type: 'candle_flicker',
    phrases: ['candlelight', 'candle', 'candles', 'candlelit', 'candle light', 'flickering candle', 'candle flicker'],
    // the flicker lives in the picture's light sources; without any there is nothing to flicker
    region: 'lights', needs: needsLights, intensity: 0.5, fadeIn: 0.6,
    params: () => ({ color: '#ffb35c', flicker_hz: 9, flicker: 0.25 }),
  },
  {
    type: 'neon_flicker',
    // lights that flicker are the picture's own light sources flickering
    phrases: ['neon', 'neon sign', 'neon signs', 'neon light', 'neon lights', 'flickering neon', 'neon glow', 'lights flicker', 'light flickers', 'lamps flicker', 'lamp flickers', 'streetlights flicker', 'flickering lights', 'flickering light', 'flickering lamp', 'flickering lamps', 'flickering streetlights',
      // a screen's light is the picture's light source too
      'tv flickers', 'television flickers', 'screen flickers', 'flickering tv', 'flickering television', 'flickering screen', 'glow of the tv', 'tv glow', 'monitor flickers'],
    region: 'lights', needs: needsLights, intensity: 0.5, fadeIn: 0.5,
    params: (ctx) => {
      const light = brightestLight(ctx.scene);
      return { color: namedColor(ctx.clause) ?? (light ? hex(light.color) : '#ff3cac'), flicker_hz: 2, dropouts: 2 };
    },
  },
  {
    // flash instants are in the effect's `events` (chosen from the seed, see effect-events.ts)
    type: 'lightning',
    phrases: ['lightning', 'lightning strike', 'lightning bolt', 'lightning flash', 'thunder and lightning', 'lightning storm'],
    region: (scene) => (hasRegion(scene, 'sky') ? 'sky' : 'all'), intensity: 0.8, fadeIn: 0.05,
    params: () => ({ color: '#dfe6ff', bolt: true }),
    // a bolt needs a storm's sky to show against: lightning brings the cloud cover along
    implies: { lightning: ['clouds'], 'lightning strike': ['clouds'], 'lightning bolt': ['clouds'], 'lightning flash': ['clouds'], 'thunder and lightning': ['clouds'], 'lightning storm': ['clouds'] },
  },
  {
    // the instant is in the effect's `events` (at 1 s, or once what the prompt asks before it has happened: order-steps.ts)
    type: 'lights_out',
    phrases: ['lights go out', 'lights went out', 'lights going out', 'lights suddenly go out', 'lights suddenly went out', 'lights slowly go out', 'lights all go out', 'light goes out', 'lamp goes out', 'lamps go out', 'lights turn off', 'lights switch off',
      'lights shut off', 'lights cut out', 'lights die', 'lights flicker and go out', 'light flickers and goes out', 'lights are switched off', 'lights are turned off',
      'turns off the lights', 'turns off the light', 'turns off the lamp', 'switches off the lights', 'switches off the light', 'switches off the lamp',
      'turns the lights off', 'turns the light off', 'switches the lights off', 'power goes out', 'power cut', 'power outage', 'blackout', 'lights out',
      'the room goes dark', 'room goes dark', 'plunged into darkness', 'everything goes dark'],
    phraseIntensity: { 'power cut': 0.95, 'power outage': 0.95, blackout: 0.95, 'plunged into darkness': 0.95 },
    region: 'all', intensity: 0.85, fadeIn: 0.05,
    // lamp_share: how much of the scene's light the lamps gave (daylight outdoors keeps the street lit);
    // lamps: the lights mask holds lamps that go dark themselves — at dusk or night; by day or in a
    // lit room it marks white things as often (a white cap, a shirt), which must only dim with the rest
    params: (ctx) => ({
      lamp_share: ctx.scene.tags.includes('outdoor') && ctx.scene.tags.includes('day') ? 0.15 : 0.8,
      lamps: ctx.scene.tags.includes('night') || ctx.scene.tags.includes('dusk'),
    }),
  },
  {
    type: 'falling_leaves',
    phrases: ['falling leaves', 'autumn leaves', 'leaves fall', 'fall leaves', 'leaves blow', 'drifting leaves', 'leaves drift', 'fallen leaves blow', 'leaves swirl', 'swirling leaves', 'blowing leaves'],
    region: 'all', intensity: 0.45, fadeIn: 1,
    params: (ctx) => ({ angle_deg: fallAngle(ctx, 15), wind: windOf(fallAngle(ctx, 15)), speed: 0.15, count: Math.round(8 + 40 * ctx.intensity), color: '#c8641e', size: 0.012 }),
  },
  {
    type: 'petals',
    phrases: ['petals', 'cherry blossom', 'cherry blossoms', 'sakura', 'falling petals', 'flower petals', 'blossoms falling', 'rose petals'],
    region: 'all', intensity: 0.45, fadeIn: 1,
    params: (ctx) => ({ angle_deg: fallAngle(ctx, 18), wind: windOf(fallAngle(ctx, 18)), speed: 0.1, count: Math.round(15 + 60 * ctx.intensity), color: /rose/.test(ctx.clause) ? '#d0203a' : '#ffc0d8', size: 0.008 }),
  },
  {
    type: 'light_rays',
    phrases: ['light rays', 'god rays', 'sunbeams', 'sun beams', 'sunrays', 'sun rays', 'crepuscular rays', 'volumetric light', 'light shafts', 'shafts of light', 'rays of light', 'beams of light', 'light beams', 'sunlight streaming', 'streaming sunlight', 'light streaming', 'light streaming in', 'sunlight pouring in', 'light pouring in'],
    region: 'all', intensity: 0.45, fadeIn: 1.2,
    params: (ctx) => ({ ...lightSource(ctx.scene), speed: 0.02 }),
  },
  {
    type: 'lens_flare',
    phrases: ['lens flare', 'lens flares', 'flare', 'sun flare', 'anamorphic flare', 'light flare'],
    region: 'all', intensity: 0.4, fadeIn: 1,
    params: (ctx) => ({ ...lightSource(ctx.scene), anamorphic: /anamorphic/.test(ctx.clause) }),
  },
  {
    type: 'clouds',
    phrases: ['clouds', 'cloud', 'storm clouds', 'dark clouds', 'thunderclouds', 'overcast', 'drifting clouds', 'moving clouds', 'clouds moving', 'clouds drifting', 'rolling clouds', 'passing clouds', 'cloudy', 'clouds rolling'],
    region: 'sky', needs: 'sky', intensity: 0.5, fadeIn: 1,
    params: (ctx) => ({ direction: ctx.wind.toward, speed: r3(0.008 + 0.03 * ctx.wind.strength), ...(STORMY.test(ctx.clause) ? { cover: 0.85 } : {}) }),
  },
  {
    type: 'water_shimmer',
    phrases: ['water shimmer', 'shimmering water', 'ripples', 'rippling', 'rippling water', 'waves', 'gentle waves', 'lapping waves', 'waves on the surface', 'waves crashing', 'crashing waves', 'waves breaking', 'breaking waves', 'waves lapping', 'shimmer', 'shimmering', 'glistening water', 'sparkling water', 'flowing water', 'water flowing', 'running water', 'flowing river', 'river flowing', 'moving water', 'water moving', 'water glisten', 'water sparkle', 'water ripple', 'crashing surf', 'surf crashing'],
    region: 'water', needs: 'water', intensity: 0.5, fadeIn: 1,
    params: (ctx) => ({ speed: r3(0.4 + 0.6 * ctx.intensity), scale: 0.02, direction: ctx.wind.toward }),
  },
  {
    type: 'foliage_sway',
    phrases: ['foliage sway', 'swaying trees', 'trees swaying', 'swaying', 'sway', 'leaves rustling', 'rustling leaves', 'rustling', 'breeze in the grass', 'grass swaying', 'swaying grass', 'wind in the trees', 'wind in the grass', 'swaying branches', 'branches swaying', 'swaying palms', 'palm trees swaying', 'leaves rustle', 'leaves sway', 'trees sway', 'branches sway', 'grass sways', 'palms sway', 'leaves flutter', 'leaves tremble'],
    softPhrases: ['breeze', 'breezy', 'windy', 'wind'],
    region: 'foliage', needs: 'foliage', intensity: 0.45, fadeIn: 1,
    params: (ctx) => ({ wind: r3(Math.max(ctx.intensity, ctx.wind.strength)), amplitude: r3(0.002 + 0.008 * Math.max(ctx.intensity, ctx.wind.strength)), frequency: r3(0.25 + 0.4 * ctx.wind.strength), direction: ctx.wind.toward }),
  },
  {
    type: 'stars',
    phrases: ['stars', 'starry', 'starry sky', 'twinkling stars', 'stars twinkling', 'twinkle', 'twinkling', 'starfield', 'milky way', 'starlit'],
    // in a picture of space the whole frame is sky
    region: (scene) => (scene.tags.includes('space') ? 'all' : 'sky'),
    needs: (scene) => (scene.tags.includes('space') ? null : 'sky'),
    intensity: 0.5, fadeIn: 1,
    params: (ctx) => ({ twinkle_hz: 1.5, density: r3(0.0003 + 0.0007 * ctx.intensity) }),
  },
];
