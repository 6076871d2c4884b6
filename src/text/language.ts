// The bot's three languages. Words are read per language from the text layer up, so the list
// lives here, at the bottom; the knowledge schema and the seam use it from here.
export const LANGUAGES = ["fi", "sv", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
