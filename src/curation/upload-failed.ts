// What a coordinator reads when a file they sent could not be fetched: the adapters fetch files
// before the core sees them, so they answer with these words, in the language of the user's
// platform locale. Each says what to do next.
import type { Language } from "../knowledge/schema.js";
import type { Reply } from "../seam.js";
import { curationReply } from "./curation-phrases.js";

export type UploadFailure = "host" | "size" | "timeout" | "http";

const WORDS: Record<Language, (name: string, maxKb: number) => Record<UploadFailure, string>> = {
  fi: (name, kb) => ({
    size: `Tiedosto ${name} on liian suuri (yli ${kb} kt), eikä sitä luettu. Tietopohjan tiedosto on yleensä muutaman kilotavun; tarkista, että lähetit oikean tiedoston.`,
    timeout: `Tiedoston ${name} lataus ei valmistunut ajoissa, eikä mitään muutettu. Lähetä tiedosto uudelleen hetken päästä.`,
    http: `Tiedostoa ${name} ei saatu ladattua, eikä mitään muutettu. Lähetä tiedosto uudelleen; jos vika toistuu, kerro ylläpidolle.`,
    host: `Tiedostoa ${name} ei ladattu, koska se ei ole alustan omalla tiedostopalvelimella. Lähetä tiedosto suoraan botille keskustelussa.`,
  }),
  sv: (name, kb) => ({
    size: `Filen ${name} är för stor (över ${kb} kB) och lästes inte. En fil i kunskapsbasen är oftast några kilobyte; kontrollera att du skickade rätt fil.`,
    timeout: `Nedladdningen av ${name} blev inte klar i tid och inget ändrades. Skicka filen igen om en stund.`,
    http: `Filen ${name} kunde inte laddas ned och inget ändrades. Skicka den igen; om felet upprepas, meddela driften.`,
    host: `Filen ${name} laddades inte ned eftersom den inte ligger på plattformens egen filserver. Skicka filen direkt till botten i chatten.`,
  }),
  en: (name, kb) => ({
    size: `The file ${name} is too large (over ${kb} kB) and was not read. A knowledge file is usually a few kilobytes; check that you sent the right file.`,
    timeout: `Downloading ${name} did not finish in time, and nothing was changed. Send the file again in a moment.`,
    http: `The file ${name} could not be downloaded, and nothing was changed. Send it again; if this keeps happening, tell the administrator.`,
    host: `The file ${name} was not downloaded because it is not on the platform's own file host. Send the file straight to the bot in the chat.`,
  }),
};

/** The platform locale ("sv-SE", "en-US", "fi-FI") as one of the bot's languages; Finnish otherwise. */
export function languageOfLocale(locale: string | undefined): Language {
  const l = (locale ?? "").toLowerCase();
  return l.startsWith("sv") ? "sv" : l.startsWith("en") ? "en" : "fi";
}

export function uploadFailedReply(locale: string | undefined, name: string, failure: UploadFailure, maxBytes: number): Reply {
  const lang = languageOfLocale(locale);
  return curationReply(lang, WORDS[lang](name, Math.round(maxBytes / 1000))[failure], [], false);
}
