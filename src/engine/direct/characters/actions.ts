/**
 * The actions a subject can perform, one row each (like camera moves): the phrases the director
 * recognises, the subjects the row applies to, the rig that performs it and how long one
 * performance lasts (seconds; `null` = until the end of the clip).
 *
 * Rigs: `face` moves a detected face's landmarks (head, lids, brows, lips, jaw); `subject` deforms
 * a living subject's region (breathing, sway) without landmarks, `head` its head (turns, jaw) where
 * the analysis can place it (analyze/animals: its eyes found, or an outline that carries it high); `arm` needs the
 * body pose's arm in the frame; `eyes` closes lids over an animal's eyes where the picture shows
 * them (analyze/animals); `ears` and `tail` turn an animal's ears or swing its tail where its
 * outline shows them (analyze/animals). A rig that cannot perform turns its rows into notes with the rig's reason
 * (direct/characters/rigs.ts).
 *
 * @example
 *   ACTIONS.find((a) => a.id === 'smile')!.seconds // → 2.2
 */
import type { LexiconEntry } from '../lexicon.js';

export type SubjectKind = 'person' | 'animal';
export type RigId = 'face' | 'subject' | 'head' | 'arm' | 'eyes' | 'ears' | 'tail';

export type ActionId =
  | 'smile' | 'laugh' | 'frown' | 'cry' | 'raise_eyebrows' | 'wink' | 'blink' | 'talk'
  | 'nod' | 'shake_head' | 'turn_left' | 'turn_right' | 'turn_head' | 'look_up' | 'look_down' | 'look_around' | 'tilt_head'
  | 'breathe' | 'sway' | 'lean_in' | 'sniff' | 'chew' | 'yawn' | 'call'
  | 'shrug' | 'wave' | 'raise_hand' | 'point' | 'ears' | 'tail';

export interface ActionEntry extends LexiconEntry<ActionId> {
  /** who can do it */
  subjects: readonly SubjectKind[];
  /** the rig per subject kind (a person nods with the face rig, an animal with the subject rig) */
  rig: Partial<Record<SubjectKind, RigId>>;
  seconds: number | null;
  /** phrases that open with one of the row's but mean something else ("breathes fire") */
  not?: readonly string[];
  /**
   * the phrase, read as this action, means nothing else in the prompt: the other halves of the
   * director do not read it ("the man waves at the camera" is a gesture, not the sea)
   */
  claims?: boolean;
  /**
   * an animal's voice: the sound half plays it (and notes it when it cannot), and the jaw opens
   * with it where the head is found (direct/characters/align-calls.ts puts the action on its
   * sound); where no rig performs it, the sound alone answers the prompt and no note is written
   */
  voice?: boolean;
}

/**
 * A gaze at something is a look where that thing is: up at the sky, down at a watch in the hand.
 * (At the camera, or into the distance, it is a state the still already shows.)
 */
const GAZE = (things: readonly string[]) => ['looks at', 'gazes at', 'stares at', 'glances at', 'peers at', 'looks to', 'gazes into', 'stares into'].flatMap((v) => things.map((t) => `${v} ${t}`));
const OVERHEAD = ['the sky', 'the stars', 'the moon', 'the clouds', 'the ceiling', 'the heavens', 'the night sky', 'the treetops', 'the birds above'];
const BELOW = ['his watch', 'her watch', 'his phone', 'her phone', 'the ground', 'the floor', 'his feet', 'her feet', 'his hands', 'her hands', 'the table', 'the book', 'her book', 'his book', 'the letter', 'the map', 'the baby in her arms', 'the baby in his arms'];
const HEAD = (s: string) => [`${s} her head`, `${s} his head`, `${s} their head`, `${s} its head`, `${s} head`];
const P: SubjectKind[] = ['person'];
const A: SubjectKind[] = ['animal'];
const PA: SubjectKind[] = ['person', 'animal'];

export const ACTIONS: readonly ActionEntry[] = [
  { id: 'smile', phrases: ['smile', 'grin', 'beams', 'smirk', 'eyes crinkle', 'eyes crinkling'], subjects: P, rig: { person: 'face' }, seconds: 2.2 },
  { id: 'laugh', phrases: ['laugh', 'chuckle', 'giggle', 'bursts out laughing', 'bursts into laughter', 'breaks into laughter', 'cackle'], subjects: P, rig: { person: 'face' }, seconds: 2 },
  { id: 'frown', phrases: ['frown', 'scowl', 'glare', 'looks worried', 'looks angry', 'furrows her brow', 'furrows his brow', 'narrows her eyes', 'narrows his eyes', 'narrows its eyes', 'squints', 'looks sad', 'looks upset', 'pouts'], subjects: P, rig: { person: 'face' }, seconds: 1.8 },
  // grief: the mouth's corners drawn down, the eyes squeezed, the head jerking with each sob ("cries out" is a shout)
  { id: 'cry', phrases: ['cry', 'sob', 'weep', 'bursts into tears', 'breaks down in tears', 'breaks into tears', 'eyes well up', 'eyes welling up', 'eyes fill with tears', 'eyes filling with tears'], not: ['cry out', 'cries out', 'crying out', 'cried out', 'cry for help', 'cries for help', 'crying for help', 'cried for help'], subjects: P, rig: { person: 'face' }, seconds: 3 },
  { id: 'raise_eyebrows', phrases: ['raises her eyebrows', 'raises his eyebrows', 'raises their eyebrows', 'raises eyebrows', 'raised eyebrows', 'raises an eyebrow', 'raises one eyebrow', 'raises her eyebrow', 'raises his eyebrow', 'arches an eyebrow', 'arches her eyebrows', 'arches his eyebrows', 'eyebrows raise', 'eyebrows rise', 'looks surprised', 'eyes widen', 'widens her eyes', 'widens his eyes', 'eyes go wide'], subjects: P, rig: { person: 'face' }, seconds: 1.5 },
  { id: 'wink', phrases: ['wink'], subjects: P, rig: { person: 'face' }, seconds: 0.6 },
  { id: 'blink', phrases: ['blink', 'slowly blinks', 'blinks slowly', 'closes her eyes', 'closes his eyes', 'closes its eyes', 'eyes close', 'eyelids close', 'eyes blink', 'opens her eyes', 'opens his eyes', 'opens its eyes', 'eyes open', 'eyes flutter open', 'eyelids flutter', 'eyelashes flutter', 'lashes flutter', 'opens one eye', 'opens an eye'], subjects: PA, rig: { person: 'face', animal: 'eyes' }, seconds: 0.8 },
  { id: 'talk', phrases: ['talk', 'chat', 'speaking to camera', 'speaks to the camera', 'mouths words', 'mouths the words', 'mouths', 'mouthing', 'lip syncs', 'lip-syncs', 'speaks'], subjects: P, rig: { person: 'face' }, seconds: null },
  { id: 'nod', phrases: ['nod', 'nods her head', 'nods his head', 'nods in agreement', ...HEAD('bobs')], subjects: PA, rig: { person: 'face', animal: 'head' }, seconds: 1.4 },
  { id: 'shake_head', phrases: [...HEAD('shakes'), 'shakes her head no', 'shakes his head no', 'shakes its mane', 'shakes his mane', 'shakes her mane', 'tosses its mane', 'tosses its head', 'tosses his head', 'tosses her head'], subjects: PA, rig: { person: 'face', animal: 'head' }, seconds: 1.6, claims: true },
  { id: 'turn_left', phrases: [...HEAD('turns').map((p) => `${p} left`), ...HEAD('turns').map((p) => `${p} to the left`), 'looks left', 'looks to the left', 'glances left', 'turns left', 'turns to the left', 'glances to the left'], subjects: PA, rig: { person: 'face', animal: 'head' }, seconds: 2 },
  { id: 'turn_right', phrases: [...HEAD('turns').map((p) => `${p} right`), ...HEAD('turns').map((p) => `${p} to the right`), 'looks right', 'looks to the right', 'glances right', 'turns right', 'turns to the right', 'glances to the right'], subjects: PA, rig: { person: 'face', animal: 'head' }, seconds: 2 },
  { id: 'turn_head', phrases: [...HEAD('turns'), ...HEAD('rotates'), ...HEAD('swivels'), 'turns her face', 'turns his face', 'turns its face', 'turns their face', 'turns to look', 'turns towards the camera', 'turns toward the camera', 'turns to the camera', 'looks over her shoulder', 'looks over his shoulder', 'looks over its shoulder', 'glances sideways', 'head turns', 'looks away', 'turns away', 'glances away', 'looks aside', 'glances aside', 'looks back', 'glances back', 'glances over her shoulder', 'glances over his shoulder', 'looks toward', 'looks towards', 'turns toward', 'turns towards', 'turns to face',
    // (turning to someone: the head turns their way, as "turns toward him" does)
    'turns to him', 'turns to her', 'turns to them', 'turns to each other', 'turns to the woman', 'turns to the man', 'turns to the girl', 'turns to the boy', 'turns to his friend', 'turns to her friend', 'turns to his wife', 'turns to her husband', 'glances toward', 'glances towards', 'glances at', 'glances over at', 'looks over at', 'looks out the window', 'looks out of the window', 'gazes out the window', 'gazes out of the window', 'stares out the window', 'stares out of the window', 'glances out the window'], subjects: PA, rig: { person: 'face', animal: 'head' }, seconds: 2.2 },
  { id: 'look_up', phrases: ['looks up', 'glances up', 'looks back up', 'glances back up', 'gazes up', 'looks upward', 'lifts her head', 'lifts his head', 'lifts its head', 'raises her head', 'raises his head', 'raises its head', 'raises her eyes', 'raises his eyes', 'raises its eyes', 'lifts her eyes', 'lifts his eyes', 'lifts her gaze', 'lifts his gaze', 'raises her gaze', 'raises his gaze',
    'lifts her chin', 'lifts his chin', 'raises her chin', 'raises his chin', 'tilts her chin up', 'tilts his chin up', 'looks up at', ...GAZE(OVERHEAD)], subjects: PA, rig: { person: 'face', animal: 'head' }, seconds: 2 },
  { id: 'look_down', phrases: [...GAZE(BELOW), 'checks his watch', 'checks her watch', 'checks his phone', 'checks her phone', 'looks down', 'glances down', 'looks back down', 'glances back down', 'looks downward', 'lowers her head', 'lowers his head', 'lowers its head', 'bows her head', 'bows his head'], subjects: PA, rig: { person: 'face', animal: 'head' }, seconds: 2 },
  { id: 'look_around', phrases: ['looks around', 'glances around', 'looks about', 'scans the surroundings', 'looks from side to side', 'scans', 'scanning'], subjects: PA, rig: { person: 'face', animal: 'head' }, seconds: 3 },
  { id: 'tilt_head', phrases: [...HEAD('tilts'), ...HEAD('cocks'), 'tilts her head to the side', 'tilts his head to the side', 'tilts its head to the side'], subjects: PA, rig: { person: 'face', animal: 'head' }, seconds: 1.8, claims: true },
  { id: 'breathe', phrases: ['breathe', 'breathes deeply', 'takes a deep breath', 'sighs', 'pants', 'panting', 'chest rises', 'chest rising', 'chest heaves', 'chest heaving', 'catches his breath', 'catches her breath', 'catches its breath', 'catching his breath', 'catching her breath', 'falls with each breath', 'falling with each breath', 'exhales', 'inhales', 'exhaling', 'inhaling', 'belly rising', 'belly rises', 'belly heaving', 'belly heaves', 'sides rising', 'sides heaving', 'flanks rising', 'rising and falling', 'rises and falls'], not: ['breathe fire', 'breathe flames', 'breathe smoke', 'breathes out fire', 'breathes out flames'], subjects: PA, rig: { person: 'subject', animal: 'subject' }, seconds: null },
  { id: 'sway', phrases: ['sway', 'rocks gently', 'rocks back and forth'], subjects: PA, rig: { person: 'subject', animal: 'subject' }, seconds: null, claims: true },
  { id: 'lean_in', phrases: ['leans in', 'leans forward', 'leans towards the camera', 'leans toward the camera', 'leans closer'], subjects: PA, rig: { person: 'subject', animal: 'subject' }, seconds: 2 },
  { id: 'sniff', phrases: ['sniff', 'sniffs the air', 'smells'], subjects: A, rig: { animal: 'head' }, seconds: 1.6 },
  { id: 'chew', phrases: ['chew', 'nibble', 'munch', 'gnaw', 'eats', 'eating'], subjects: A, rig: { animal: 'head' }, seconds: 2.6 },
  { id: 'yawn', phrases: ['yawn', 'opens its mouth'], subjects: PA, rig: { person: 'face', animal: 'head' }, seconds: 1.8 },
  { id: 'call', phrases: ['roar', 'bark', 'yap', 'yelp', 'meow', 'miaow', 'mew', 'growl', 'snarl', 'howl', 'hiss', 'neigh', 'whinny', 'moo', 'bleat', 'baa', 'bray', 'oink', 'bellow', 'squawk', 'caw'], subjects: A, rig: { animal: 'head' }, seconds: 1, voice: true },
  { id: 'shrug', phrases: ['shrug', 'shrugs her shoulders', 'shrugs his shoulders'], subjects: P, rig: { person: 'arm' }, seconds: 1.2 },
  { id: 'wave', phrases: ['waves at', 'waves to', 'waves hello', 'waves goodbye', 'waves her hand', 'waves his hand', 'waving at', 'waving to', 'waves at the camera', 'wave hand', 'wave hands', 'wave her hand', 'wave his hand', 'wave to camera', 'wave at camera', 'waves', 'wave'], subjects: P, rig: { person: 'arm' }, seconds: 2, claims: true },
  { id: 'raise_hand', phrases: ['raises her hand', 'raises his hand', 'raises their hand', 'raises a hand', 'raises her arm', 'raises his arm', 'puts her hand up', 'puts his hand up', 'raises hand', 'raises both arms', 'raises both hands', 'raises his arms', 'raises her arms', 'raises their arms', 'raises his hands', 'raises her hands', 'throws his arms up', 'throws her arms up', 'puts his hands up', 'puts her hands up', 'hands in the air', 'arms in the air',
    'pumps his fist', 'pumps her fist', 'pumping his fist', 'pumping her fist', 'fist pump', 'raises his fist', 'raises her fist', 'raises a fist', 'punches the air'], subjects: P, rig: { person: 'arm' }, seconds: 2 },
  { id: 'point', phrases: ['points at', 'points to', 'points towards', 'points toward', 'points'], subjects: P, rig: { person: 'arm' }, seconds: 2 },
  { id: 'ears', phrases: ['twitches its ears', 'ears twitch', 'flicks its ears', 'perks up its ears', 'ears perk up', 'ear twitch', 'ears flick', 'ears prick up'], subjects: A, rig: { animal: 'ears' }, seconds: 1.2 },
  { id: 'tail', phrases: ['wags its tail', 'wags tail', 'wagging its tail', 'tail wagging', 'swishes its tail', 'flicks its tail', 'wags', 'tail wags', 'tail swishes', 'tail flicks', 'tail sways', 'tail twitch', 'twitches its tail', 'tail swishing', 'tail flicking', 'tail swaying', 'tail twitching', 'swishing its tail', 'flicking its tail'], subjects: A, rig: { animal: 'tail' }, seconds: 2, claims: true },
];
