// Trigger words that say too little: a word listed by many entries, or a word that is also part
// of a region's name or a function word ("Suomessa", "alueella"). Such a word alone once decided
// answers ("Suomen pääkaupunki" got the field's figures); `kb validate` warns about them so a
// coordinator can list a more telling phrase instead.
import type { Knowledge } from "../knowledge/load.js";
import { phraseKey } from "../text/normalise.js";
import { regionNameForms } from "../knowledge/name-forms.js";

/** A word listed by this many entries or more names none of them. */
const SHARED_BY = 4;

export interface GeneralWord {
  word: string;
  entries: string[];
  why: "shared" | "common";
}

export function generalWords(k: Knowledge): GeneralWord[] {
  const byWord = new Map<string, Set<string>>();
  for (const e of k.entries) for (const w of e.words) {
    const key = phraseKey(w);
    if (key.includes(" ")) continue;
    byWord.set(key, (byWord.get(key) ?? new Set()).add(e.id));
  }
  const common = new Set<string>(k.lexicon.groups.filler?.map(phraseKey) ?? []);
  for (const r of k.regions) for (const f of regionNameForms(r)) for (const part of f.key.split(" ").slice(1)) common.add(part);
  const out: GeneralWord[] = [];
  for (const [word, entries] of byWord) {
    if (entries.size >= SHARED_BY) out.push({ word, entries: [...entries], why: "shared" });
    else if (common.has(word)) out.push({ word, entries: [...entries], why: "common" });
  }
  return out.sort((a, b) => a.word.localeCompare(b.word));
}
