// The home-region commands, in the three languages (see README "Home region"):
//   kotialue                              which home region applies here, and at which level
//   kotialue Pirkanmaa                    sets it for this channel (or chat)
//   kotialue työtila Pirkanmaa            sets it for the whole Slack workspace or Teams tenant
//   kotialue pois / kotialue työtila pois clears it at that level
// Swedish "hemområde [kanal | arbetsyta | organisation] …", English "home region [channel |
// workspace | organisation | tenant] …". The narrowest setting wins: a channel's over its
// organisation's.
import type { Language } from "../seam.js";
import { fold } from "../text/normalise.js";

export type HomeLevel = "channel" | "organisation";

export type HomeCommand =
  | { kind: "show"; language: Language }
  | { kind: "set"; level: HomeLevel; regions: string; language: Language }
  | { kind: "clear"; level: HomeLevel; language: Language };

const COMMANDS: Array<[Language, string[]]> = [
  ["fi", ["kotialue"]],
  ["sv", ["hemomrade"]],
  ["en", ["home", "region"]],
];
const LEVELS: Record<HomeLevel, string[]> = {
  channel: ["kanava", "kanavalle", "kanavan", "kanal", "kanalen", "channel"],
  organisation: ["tyotila", "tyotilalle", "tyotilan", "organisaatio", "organisaatiolle", "organisaation", "tenantti", "tenantille",
    "arbetsyta", "arbetsytan", "organisation", "organisationen", "organization", "workspace", "tenant"],
};
const CLEAR = ["pois", "poista", "tyhjenna", "bort", "ingen", "off", "clear", "none", "remove"];

/** The command in a message, or undefined when the message is something else. */
export function parseHomeCommand(text: string): HomeCommand | undefined {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const folded = words.map(fold);
  const found = COMMANDS.find(([, w]) => w.every((word, i) => folded[i] === word));
  if (!found) return undefined;
  const [language, command] = found;
  let at = command.length;
  if (at === words.length) return { kind: "show", language };
  const level = (Object.keys(LEVELS) as HomeLevel[]).find((l) => LEVELS[l].includes(folded[at]!));
  if (level) at++;
  const rest = words.slice(at);
  if (rest.length === 1 && CLEAR.includes(fold(rest[0]!))) return { kind: "clear", level: level ?? "channel", language };
  // "kotialue kanava" without a region shows the setting, like "kotialue" alone.
  if (rest.length === 0) return { kind: "show", language };
  return { kind: "set", level: level ?? "channel", regions: rest.join(" "), language };
}
