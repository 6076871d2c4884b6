// Every written form of a region's name, made from its file: the forms given, Finnish case
// endings on them, Swedish and English genitives, and the case forms of the region's adjective.
// Loading checks that no two regions claim a form; understanding matches questions against them.
import type { RegionFile } from "./schema.js";
import { phraseKey } from "../text/normalise.js";

export interface NameForm {
  readonly key: string;
  readonly written: string;
  /** Matched only when typed with a capital letter (a short name that is also a common word). */
  readonly capitalised: boolean;
  /** Made by adding a case ending, not written in the file: matched exactly, never as a typo target. */
  readonly generated: boolean;
  /** Names only a part of the area (a city of a two-city county). */
  readonly partial: boolean;
}

// Case endings added to the Finnish forms given in the file, so that a coordinator lists the
// genitive and a few local cases and the rest follow ("Kainuun" -> "Kainuussa", "Kainuulle").
const FI_ENDINGS = ["n", "ssa", "sta", "lla", "lta", "lle", "ksi", "na", "ta", "a"];
// A local case as spoken, its last vowel dropped (keys are folded: "ssä" is "ssa").
const SPOKEN_LOCAL: Record<string, string> = { ss: "s", st: "st", ll: "l", lt: "lt" };
// The case forms of an -inen adjective, singular and plural ("keskisuomalainen", "-laisissa", "-laisten").
const ADJECTIVE_ENDINGS = ["nen", "sen", "set", "sta", "sia", "sten", "siin", "sissa", "sista", "silla", "silta", "sille", "seen", "sessa", "sesta", "sella", "selta", "selle", "sena", "seksi", "sina", "siksi", "sine"];

// The forms are asked for four times per region whenever knowledge is loaded (the load's check,
// the region matcher, the index's stop words, the general words): they are made once per names
// object. A file whose text did not change keeps its parsed names (load.ts), so a reload after
// one file's edit makes only that region's forms again.
const made = new WeakMap<RegionFile["names"], readonly NameForm[]>();

export function regionNameForms(region: Pick<RegionFile, "names">): readonly NameForm[] {
  let forms = made.get(region.names);
  if (!forms) made.set(region.names, (forms = Object.freeze(formsOf(region.names))));
  return forms;
}

function formsOf(n: RegionFile["names"]): NameForm[] {
  const forms = new Map<string, NameForm>();
  const add = (written: string, capitalised = false, generated = false, partial = false) => {
    const key = phraseKey(written);
    if (key.length < 2 || forms.has(key)) return;
    forms.set(key, { key, written, capitalised, generated, partial });
    // "Keski-Suomi" is also typed "Keskisuomi"; hyphenated two-word names get a joined form.
    const words = key.split(" ");
    if (words.length === 2 && written.includes("-")) forms.set(words.join(""), { key: words.join(""), written, capitalised, generated, partial });
  };
  [n.fi, ...n.fi_forms, n.sv, ...n.sv_forms, n.en, ...n.en_forms, ...n.short].forEach((w) => add(w));
  n.short_capitalised.forEach((w) => add(w, true));
  n.partial.forEach((w) => add(w, false, false, true));
  for (const base of [n.fi, ...n.fi_forms.filter((f) => f.endsWith("n"))]) {
    const stemPart = n.fi_forms.includes(base) ? base.slice(0, -1) : base;
    if (!/[aeiouyäö]$/i.test(stemPart)) continue;
    FI_ENDINGS.forEach((e) => add(stemPart + e, false, true));
  }
  // Short names in their basic form take the endings too ("Siun sote" -> "Siun sotella", "Eksotelle").
  for (const short of n.short) if (/[aeiouyäö]$/i.test(short)) FI_ENDINGS.forEach((e) => add(short + e, false, true));
  for (const name of [n.sv, n.en]) if (!name.endsWith("s")) add(name + "s", false, true);
  // Spoken Finnish drops a local case's last vowel: "Lapis", "Helsingist", "Pirkanmaal".
  for (const f of [...forms.values()].filter((x) => !x.partial && !x.capitalised)) {
    const spoken = f.key.replace(/(ss|st|ll|lt)a$/, (_, c: string) => SPOKEN_LOCAL[c]!);
    if (spoken !== f.key && spoken.length >= 5) add(spoken, false, true);
  }
  if (n.adjective) ADJECTIVE_ENDINGS.forEach((e) => add(n.adjective + e, false, true));
  return [...forms.values()];
}

