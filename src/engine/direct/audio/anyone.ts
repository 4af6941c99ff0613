/**
 * The words people's sound phrases open with (direct/audio/vocabulary.ts): one person's verb is
 * read as anyone's too ("the farmer whistles" is "person whistles"), a group's as people's ("the
 * kids clap" is "people clap"), so a sound a person makes needs one phrase, not one per noun.
 */
const GROUP = /^(?:audience|crowd|people|everyone|everybody|they|team|family|couple|class|band|choir|group)$|[^s']s$/;

/** "person" or "people" for a person subject, as the sound phrases name them. */
export const anyone = (subject: string): string => (GROUP.test(subject.split(' ').pop()!) ? 'people' : 'person');

/**
 * The subject words a person's verb is read with: their own, and anyone's (when it differs). A
 * name is one person, whatever its ending ("Charles claps" is "person claps", not "people").
 */
export const personWords = (subject: string, kind: string | undefined, name?: boolean): string[] =>
  name && (kind === 'person' || kind === 'unknown') ? [subject, 'person'] : kind === 'person' && subject !== anyone(subject) ? [subject, anyone(subject)] : [subject];
