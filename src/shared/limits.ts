/**
 * The visit's size limits on their own, free of the schema library, so a
 * screen can show "12 / 280" without loading the validator.
 */
export const MAX_TOPICS = 8;
export const MAX_NOTE_LENGTH = 280;
export const MAX_PEOPLE = 10;
