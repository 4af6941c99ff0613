/**
 * Actions the picture cannot perform yet, one row each, with the reason the note gives. Matched
 * after camera and effect phrases are blanked out, so "running water" or "fly over" never count.
 *
 * @example
 *   UNSUPPORTED_ACTIONS.find((a) => a.id === 'dance')!.reason;  // 'no body animation'
 */
import type { LexiconEntry } from '../lexicon.js';

export interface ActionEntry extends LexiconEntry {
  reason: string;
}

const BODY = 'no body animation';
const OBJECT = 'no object animation';

/** The reasons of the rows a subject's own reading may speak for instead (not retiming, not fireworks). */
export const ANIMATION_REASONS: readonly string[] = [BODY, OBJECT];

export const UNSUPPORTED_ACTIONS: readonly ActionEntry[] = [
  { id: 'dance', phrases: ['dance', 'dancing', 'dances'], reason: BODY },
  { id: 'run', phrases: ['run', 'runs', 'running', 'sprint', 'sprints', 'sprinting', 'jog', 'jogging'], reason: BODY },
  { id: 'jump', phrases: ['jump', 'jumps', 'jumping', 'leap', 'leaps', 'leaping'], reason: BODY },
  { id: 'walk', phrases: ['walk', 'walks', 'walking', 'stroll', 'strolls', 'strolling'], reason: BODY },
  { id: 'wave', phrases: ['waving', 'waves hello', 'waves goodbye', 'wave hello', 'wave goodbye', 'waves at'], reason: BODY },
  { id: 'turn', phrases: ['turns around', 'turning around', 'turns her head', 'turns his head', 'turns their head', 'turns to'], reason: BODY },
  { id: 'sit', phrases: ['sits down', 'sitting down', 'stands up', 'standing up', 'gets up', 'kneels'], reason: BODY },
  { id: 'fight', phrases: ['fight', 'fights', 'fighting', 'punch', 'punches', 'punching', 'kick', 'kicks', 'kicking'], reason: BODY },
  { id: 'swim', phrases: ['swim', 'swims', 'swimming'], reason: BODY },
  { id: 'climb', phrases: ['climb', 'climbs', 'climbing'], reason: BODY },
  { id: 'spin', phrases: ['spin', 'spins', 'spinning', 'twirl', 'twirls', 'twirling'], reason: BODY },
  { id: 'throw', phrases: ['throw', 'throws', 'throwing', 'catches', 'catching'], reason: BODY },
  { id: 'hug', phrases: ['hug', 'hugs', 'hugging', 'kiss', 'kisses', 'kissing', 'embrace', 'embraces'], reason: BODY },
  { id: 'gesture', phrases: ['raises her hand', 'raises his hand', 'raising hand', 'points at', 'pointing at', 'nods', 'nodding', 'claps', 'clapping', 'shrugs'], reason: BODY },
  { id: 'eat', phrases: ['eats', 'eating', 'drinks', 'drinking', 'sips', 'sipping'], reason: BODY },
  { id: 'ride', phrases: ['rides', 'riding', 'drives', 'driving', 'drive away', 'drives away'], reason: OBJECT },
  { id: 'fly', phrases: ['fly', 'flies', 'flying', 'soars', 'soaring', 'takes off', 'taking off'], reason: OBJECT },
  { id: 'explode', phrases: ['explode', 'explodes', 'exploding', 'explosion', 'explosions', 'blows up'], reason: OBJECT },
  { id: 'transform', phrases: ['transform', 'transforms', 'transforming', 'transformation', 'morph', 'morphs', 'morphing', 'turns into'], reason: OBJECT },
  { id: 'break', phrases: ['shatters', 'shattering', 'breaks apart', 'collapses', 'collapsing', 'crumbles', 'melts', 'melting'], reason: OBJECT },
  { id: 'crash', phrases: ['crash', 'crashes', 'crashing'], reason: OBJECT },
  { id: 'fireworks', phrases: ['fireworks', 'firework'], reason: 'there is no fireworks effect' },
  { id: 'dutch_angle', phrases: ['dutch angle', 'dutch angle shot', 'canted angle', 'canted frame', 'oblique angle'], reason: 'the frame stays level (no canted framing)' },
  // the picture's flag of these words keeps them from reading as a camera "motion" (picture/vocabulary.ts)
  { id: 'retime', phrases: ['slow motion', 'slowmo', 'slo mo', 'fast forward', 'time lapse', 'timelapse', 'hyperlapse', 'sped up', 'speed ramp'], reason: 'the clip plays in real time (no retiming)' },
];
