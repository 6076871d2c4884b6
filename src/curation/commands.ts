// The coordinators' chat commands, in Finnish with Swedish and English aliases. Parsing only:
// what a command means for the knowledge is decided in curator.ts.
//
//   päivitä <alue> <luku> <arvo> lähde <lähde-id> [päivä]   päivitä Pirkanmaa järjestöavustukset 1 800 000 lähde aluekierros-2023 2024
//   rakenne <alue> | <tyyppi> | <tila> | <nimi> | <kuvaus> | lähde <lähde-id>
//   huomio <alue> | <teksti> | lähde <lähde-id>
//   historia · peru <muutos-id> · vahvista <id> · hylkää <id> · tilaa [alueet] · peru tilaus
import { fold } from "../text/normalise.js";

export type Command =
  | { kind: "figure"; target: string; value?: number; source: string; asOf?: string }
  | { kind: "structure"; fields: string[]; source: string }
  | { kind: "highlight"; fields: string[]; source: string }
  | { kind: "upload"; name: string; text: string }
  | { kind: "history" }
  | { kind: "undo"; id: string }
  | { kind: "confirm"; id: string }
  | { kind: "cancel"; id: string }
  | { kind: "subscribe"; regions: string }
  | { kind: "unsubscribe" };

const WORDS: Array<[Command["kind"] | "undo-or-unsubscribe", string[]]> = [
  ["unsubscribe", ["peru tilaus", "lopeta tilaus", "avsluta prenumeration", "unsubscribe"]],
  ["figure", ["paivita", "uppdatera", "update"]],
  ["structure", ["rakenne", "lisaa rakenne", "struktur", "structure"]],
  ["highlight", ["huomio", "lisaa huomio", "iakttagelse", "highlight"]],
  ["history", ["historia", "historik", "history"]],
  ["undo", ["peru", "angra", "undo"]],
  ["confirm", ["vahvista", "bekrafta", "confirm"]],
  ["cancel", ["hylkaa", "avbryt", "cancel"]],
  ["subscribe", ["tilaa", "prenumerera", "subscribe"]],
];

const SOURCE_WORD = /\s(?:lähde|lahde|källa|kalla|source):?\s+([a-z0-9-]+)(?:\s+(\d{4}(?:-\d{2}(?:-\d{2})?)?))?\s*$/i;

/** The command in a message, or undefined when the message is an ordinary question. */
export function parseCommand(text: string, attachment?: { name: string; text: string }): Command | undefined {
  if (attachment) return { kind: "upload", name: attachment.name, text: attachment.text };
  const trimmed = text.trim();
  const folded = fold(trimmed);
  for (const [kind, words] of WORDS) {
    const word = words.find((w) => folded === w || folded.startsWith(w + " "));
    if (!word) continue;
    const rest = trimmed.slice(word.length).trim();
    switch (kind) {
      case "history":
      case "unsubscribe":
        return rest ? undefined : { kind };
      case "undo":
      case "confirm":
      case "cancel":
        return /^[a-z0-9]{4,12}$/i.test(rest) ? { kind, id: rest.toLowerCase() } : undefined;
      case "subscribe":
        return { kind, regions: rest };
      case "figure": {
        const m = SOURCE_WORD.exec(" " + rest);
        const body = m ? (" " + rest).slice(0, m.index).trim() : rest;
        const value = parseAmount(body);
        return { kind, target: body, ...(value !== undefined ? { value } : {}), source: m?.[1] ?? "", ...(m?.[2] ? { asOf: m[2] } : {}) };
      }
      case "structure":
      case "highlight": {
        const fields = rest.split("|").map((f) => f.trim());
        const last = fields[fields.length - 1] ?? "";
        const m = SOURCE_WORD.exec(" " + last);
        if (m) fields.pop();
        return { kind, fields, source: m?.[1] ?? "" };
      }
    }
  }
  return undefined;
}

const SCALE: Array<[RegExp, number]> = [
  [/^(mrd|miljardi|miljardia|miljard|miljarder|billion|bn)\b/i, 1e9],
  [/^(milj|miljoona|miljoonaa|miljon|miljoner|million|m)\b/i, 1e6],
  [/^(t|tuhatta|tusen|thousand|k)\b/i, 1e3],
];

/**
 * "1 800 000", "1,8 milj.", "€1.8 million", "26 500 €" -> a number; undefined when none is
 * written. The last number counts, so a figure named with a year ("rahoitus 2023") still works.
 */
export function parseAmount(text: string): number | undefined {
  const numbers = [...text.matchAll(/(\d{1,3}(?:[ \u00a0]\d{3})+|\d+)([.,]\d+)?\s*(?:€|eur\b|euroa\b)?\s*([a-zåäö]*)/gi)];
  const m = numbers[numbers.length - 1];
  if (!m) return undefined;
  const n = Number(m[1]!.replace(/[ \u00a0]/g, "") + (m[2] ? "." + m[2].slice(1) : ""));
  const scale = SCALE.find(([re]) => re.test(m[3] ?? ""))?.[1] ?? 1;
  return Math.round(n * scale * 100) / 100;
}
