// The form coordinators fill in instead of typing the update command: the same fields on both
// platforms (Slack modal, Teams card), turned back into the one command the core understands,
// so every change still goes through the core's preview, validation and history.
import type { Language } from "../src/seam.js";

export const FORM_FIELDS = ["region", "figure", "value", "source", "date"] as const;
export type FormValues = Partial<Record<(typeof FORM_FIELDS)[number], string>>;

export const FORM_WORDS: Record<Language, { title: string; submit: string; labels: Record<(typeof FORM_FIELDS)[number], string>; hints: Record<(typeof FORM_FIELDS)[number], string> }> = {
  fi: {
    title: "Päivitä luku",
    submit: "Esikatsele",
    labels: { region: "Alue", figure: "Luku", value: "Uusi arvo", source: "Lähde (tunniste)", date: "Päivä, jota luku kuvaa" },
    hints: { region: "esim. Pirkanmaa", figure: "esim. järjestöavustukset, asukasluku", value: "esim. 1 800 000", source: "esim. aluekierros-2023", date: "esim. 2024 tai 2024-05-31" },
  },
  sv: {
    title: "Uppdatera en siffra",
    submit: "Förhandsvisa",
    labels: { region: "Område", figure: "Siffra", value: "Nytt värde", source: "Källa (id)", date: "Datum som siffran beskriver" },
    hints: { region: "t.ex. Birkaland", figure: "t.ex. bidrag, invånare", value: "t.ex. 1 800 000", source: "t.ex. aluekierros-2023", date: "t.ex. 2024" },
  },
  en: {
    title: "Update a figure",
    submit: "Preview",
    labels: { region: "Region", figure: "Figure", value: "New value", source: "Source (id)", date: "Date the figure describes" },
    hints: { region: "e.g. Pirkanmaa", figure: "e.g. grants, population", value: "e.g. 1800000", source: "e.g. aluekierros-2023", date: "e.g. 2024" },
  },
};

/** Whether a message asks for the form: the update command word alone. */
export function asksForForm(text: string): Language | undefined {
  const t = text.trim().toLowerCase();
  return t === "päivitä" || t === "paivita" ? "fi" : t === "uppdatera" ? "sv" : t === "update" ? "en" : undefined;
}

/** The filled-in form as the core's update command (always the Finnish form, which every language accepts). */
export function formCommand(v: FormValues): string {
  const clean = (s?: string) => (s ?? "").replace(/\s+/g, " ").trim();
  return `päivitä ${clean(v.region)} ${clean(v.figure)} ${clean(v.value)} lähde ${clean(v.source)} ${clean(v.date)}`.trim();
}
