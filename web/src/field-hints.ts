/**
 * Words around known fields: labels, help and tips. The form itself comes from the model's JSON
 * Schema (schema-form.ts); a field with no entry here still gets a widget, its label from the
 * property name and its help from the schema's description.
 */
export interface FieldHint {
  label?: string;
  help?: string;
  placeholder?: string;
  /** groups of phrases that can be added to the text with one click */
  tips?: Array<{ title: string; phrases: string[] }>;
  /** for sliders: what the two ends mean */
  ends?: [string, string];
  /** integer fields: show a dice button that picks a random value in this range */
  dice?: [number, number];
}

export const FIELD_HINTS: Record<string, FieldHint> = {
  prompt: {
    label: 'Prompt',
    placeholder: 'What happens: the camera, the scene, the sound, and "quoted words" someone says',
    tips: [
      { title: 'Camera', phrases: ['slow push in', 'pan left', 'orbit right', 'tilt up', 'handheld', 'drone shot', 'dolly zoom', 'whip pan right'] },
      { title: 'Effects', phrases: ['light rain', 'snow falling', 'morning fog', 'embers', 'lightning', 'falling leaves', 'light rays', 'neon flicker', 'the lights go out'] },
      { title: 'Sound', phrases: ['birdsong', 'distant thunder', 'city traffic', 'waves on the shore', 'soft piano music', 'crackling fire'] },
      { title: 'Speech', phrases: ['a woman says "Welcome home."', 'a man whispers "Did you hear that?"', 'the narrator says "It began to rain."'] },
    ],
  },
  negative_prompt: {
    label: 'Negative prompt',
    placeholder: 'What to leave out, e.g. no music, no camera shake',
    help: 'Things to avoid. Works on moves, effects and sounds: “no music”, “no zoom”, “no rain”.',
  },
  cfg_scale: {
    label: 'Prompt strength',
    ends: ['Low: the picture leads — gentle, natural motion; the prompt is a suggestion', 'High: the prompt leads — stronger moves and effects, followed literally'],
  },
  sound: { label: 'Sound', help: 'Ambience, effects, music and speech from the prompt.' },
  duration: { label: 'Duration' },
  seed: { label: 'Seed', help: 'Same image, prompt and seed → the same clip. −1 picks one at random.', dice: [0, 2147483647] },
  voice_list: { label: 'Voices', placeholder: 'voice ids, comma-separated', help: 'Up to two voices for the spoken lines, in order of speakers.' },
  webhook_url: { label: 'Webhook URL', placeholder: 'https://example.com/hook' },
  last_image: { label: 'End image (optional)' },
  external_task_id: { label: 'Your task id', placeholder: 'optional; repeats return the same run' },
};

/** "negative_prompt" → "Negative prompt" */
export function humanize(name: string): string {
  const words = name.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
