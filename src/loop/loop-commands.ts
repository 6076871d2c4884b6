// The loop's two chat commands, for coordinators, in the three languages:
//   kysymyskanava [alueet]   this conversation takes the questions the bot could not answer
//   raportti [päivä]          the report (`jarjestobotti report`) in chat, optionally since a date
import type { Language } from "../seam.js";
import { fold } from "../text/normalise.js";

export type LoopCommand = { kind: "channel"; regions: string; language: Language } | { kind: "report"; since?: string; language: Language };

const WORDS: Array<[LoopCommand["kind"], Language, string]> = [
  ["channel", "fi", "kysymyskanava"],
  ["channel", "sv", "fragekanal"],
  ["channel", "en", "question channel"],
  ["report", "fi", "raportti"],
  ["report", "sv", "rapport"],
  ["report", "en", "report"],
];

export function parseLoopCommand(text: string): LoopCommand | undefined {
  const folded = fold(text.trim()).replace(/\s+/g, " ");
  for (const [kind, language, word] of WORDS) {
    if (folded !== word && !folded.startsWith(word + " ")) continue;
    const rest = text.trim().slice(word.length).trim();
    if (kind === "channel") return { kind, regions: rest, language };
    // "raportti" alone or with a date: anything else is a question about some report.
    if (!rest) return { kind, language };
    if (/^\d{4}-\d{2}-\d{2}$/.test(rest)) return { kind, since: rest, language };
  }
  return undefined;
}
