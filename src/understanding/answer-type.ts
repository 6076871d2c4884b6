// The kind of answer a question wants, read from its question words: "kuka" wants a person or a
// body, "milloin" a date, "montako" a number, "millä alueella" a region. The kind decides which
// passage answers and, as importantly, when no passage does (a who-question without a name).
import type { Token } from "../text/normalise.js";

export type AnswerType = "who" | "when" | "count" | "amount" | "why" | "how" | "which-region" | "yesno" | "list" | "what" | "none";

const BY_GROUP: Array<[string, AnswerType]> = [
  ["ask-who", "who"],
  ["ask-when", "when"],
  ["ask-share", "amount"],
  ["ask-count", "count"],
  ["ask-amount", "amount"],
  ["ask-why", "why"],
  ["ask-list", "list"],
  ["ask-how", "how"],
  ["ask-what", "what"],
  ["ask-which", "what"],
];

/** How far after "millä"/"which" a county or area word still makes it a which-region question. */
const WHICH_REACH = 3;

export function answerTypeOf(tokens: Token[], groupsAt: Array<Set<string>>, groups: Set<string>, inRegion: boolean[]): AnswerType {
  for (let i = 0; i < tokens.length; i++) {
    const g = groupsAt[i]!;
    if (g.has("ask-which")) {
      for (let j = i + 1; j <= Math.min(tokens.length - 1, i + WHICH_REACH); j++) {
        // "mikä on Kainuun hyvinvointialueen asukasluku": the county is named, not asked.
        if (inRegion[j]) break;
        if (groupsAt[j]!.has("county-word") || groupsAt[j]!.has("area-word")) return "which-region";
      }
    }
  }
  // "Onko…", "Is there…" at the start: a yes/no question, unless a question word follows.
  const first = tokens.findIndex((_, i) => [...groupsAt[i]!].some((x) => x.startsWith("ask-")));
  if (first < 0) return groups.has("ask-count") ? "count" : "none";
  const g = groupsAt[first]!;
  if (g.has("ask-yesno") && first === 0) {
    const later = groupsAt.slice(1).find((x) => BY_GROUP.some(([name]) => x.has(name) && name !== "ask-which" && name !== "ask-what"));
    if (!later) return "yesno";
  }
  for (const [name, type] of BY_GROUP) if (g.has(name)) return type;
  for (const [name, type] of BY_GROUP) if (groups.has(name)) return type;
  return "none";
}
