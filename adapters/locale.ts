// The platform's locale ("sv-FI", "en-US", "fi") as one of the bot's languages. Finnish, the
// language of the knowledge, is the default for locales the bot does not speak.
import type { Language } from "../src/seam.js";

export function languageOfLocale(locale: string | undefined): Language {
  const code = locale?.slice(0, 2).toLowerCase();
  return code === "sv" ? "sv" : code === "en" ? "en" : "fi";
}
