// Snowball stemmers (via @nlpjs) for Finnish, Swedish and English. They work on folded words
// (ä/ö/å removed) so that "jarjestoja" and "järjestöjä" meet; Snowball's suffix rules come in
// both vowel-harmony variants, so folding costs little. Stems are cached: questions repeat words.
import { StemmerEn } from "@nlpjs/lang-en-min";
import { StemmerFi } from "@nlpjs/lang-fi";
import { StemmerSv } from "@nlpjs/lang-sv";
import { remembered } from "./memo.js";

type Stemmer = { stem(word: string): string };
const stemmers: Record<"fi" | "sv" | "en", Stemmer> = { fi: new StemmerFi(), sv: new StemmerSv(), en: new StemmerEn() };
const stems = {
  fi: remembered(50_000, (word: string) => stemmers.fi.stem(word)),
  sv: remembered(50_000, (word: string) => stemmers.sv.stem(word)),
  en: remembered(50_000, (word: string) => stemmers.en.stem(word)),
};

export function stem(word: string, language: "fi" | "sv" | "en"): string {
  return stems[language](word);
}

// Snowball gives base and inflected forms of some Finnish words different stems (avustus vs
// avustuksia, kumppanuus vs kumppanuuden, vapaaehtoinen vs vapaaehtoisia), so the knowledge side
// is expanded to typical inflected forms before stemming: both sides then meet on a shared stem.
export function finnishVariants(word: string): string[] {
  const out = new Set([word]);
  const add = (stemPart: string, endings: string[]) => endings.forEach((e) => out.add(stemPart + e));
  if (/[^aeiouy]u[s]$|[^aeiouy]y[s]$|[^aeiouy]i[s]$|[aeiouy]s$/.test(word) && !/(uus|yys)$/.test(word)) {
    const base = word.slice(0, -1);
    add(base + "kse", ["n", "t", "ssa", "sta", "lla", "lle", "en", "ksi"]);
    add(base + "ks", ["ia", "ien", "iin", "issa", "ista", "illa", "ille", "eni"]);
    add(base, ["sta"]);
  }
  if (/(uus|yys)$/.test(word)) {
    const base = word.slice(0, -1);
    add(base + "de", ["n", "t", "ssa", "sta", "lla", "lle", "ksi"]);
    add(base, ["tta", "ksia", "ksien"]);
  }
  if (word.endsWith("nen")) {
    const base = word.slice(0, -3);
    add(base + "se", ["n", "t", "ssa", "sta", "lla", "lle", "en"]);
    add(base + "s", ["ia", "ten", "iin", "issa", "illa", "ta"]);
  }
  if (/[aeiouy]$/.test(word)) {
    add(word, ["n", "a", "ta", "ssa", "sta", "lla", "lta", "lle", "ksi", "t", "na", "ja", "jen", "ihin", "issa", "ista", "illa", "ille"]);
  } else if (!/s$/.test(word)) {
    add(word, ["in", "ia", "ien", "issa", "ista", "ille", "eja", "ejä", "en", "it"]);
  }
  return [...out];
}
