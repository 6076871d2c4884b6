// Whether a passage holds the kind of thing asked: a name or the role asked about for "kuka", a
// date for "milloin", a number beside the counted word for "montako" (for a named region, that
// region's own number), a region for "millä alueella"; and whether it describes the year asked.
import type { Knowledge } from "../knowledge/load.js";
import type { Language } from "../knowledge/schema.js";
import { textIn, type PassageHit } from "../retrieval/passage-index.js";
import type { Passage } from "../retrieval/passages.js";
import { fold, tokenize } from "../text/normalise.js";
import { canonicalStem, related } from "../text/terms.js";
import type { Frame } from "../understanding/frame.js";

const NAME = /(?<=[\s(,–-])(\p{Lu}[\p{Ll}-]+\s\p{Lu}[\p{Ll}-]+|\p{Lu}{3,}|\p{Lu}[\p{Ll}]+\s(ry|Oy)\b)/u;
/** Who-questions are also answered by a role or a body ("hyvinvointialuejohtaja esittelijänä"). */
/** A person's name: two capitalised words ("Kaisa Juuso"). */
const PERSON = /(?<=[\s(,–-]|^)\p{Lu}\p{Ll}+\s\p{Lu}\p{Ll}+/u;
/** Words asking for a name ("nimeltään", "named", "heter"). */
const BY_NAME = /^(nimelta|nimeltaan|nimi|nimensa|nimen|name|named|names|namn|namnet|heter|hette)$/;
const ROLE = /(johtaj|ministeri|puheenjoh|esittelij|koordinaattor|selvityshenkil|henkilo|vastaava|tyontekij|jarjestot|toimielin|neuvottelukun|toimikun|kunnat|seurakun|yritykset|maakuntaliit|ryhma|director|minister|chair|person|responsible|officer|direktor|ordforande|ansvarig)/i;
const DATE = /\b(19|20)\d\d\b|\b\d{1,2}\.\d{1,2}\./;
/** A share in words answers "paljonko" as a number does: "noin kolmannes", "hälften", "a third". */
const FRACTION = /^(puolet|puolella|kolmannes|kolmannekse|kolmannesta|neljannes|neljannekse|neljannesta|kymmenesosa|halften|tredjedel|fjardedel|half|third|quarter)/;
/** A share written as a percentage or in words. */
const SHARE = /%|prosent|procent|percent|puolet|puoleen|puolella|kolmanne[sk]|neljänne[sk]|hälften|tredjedel|fjärdedel|\bhalf\b|\bthird\b|quarter/i;
/** How close (in words) a number must stand to a word of the question to be its answer. */
const NUMBER_REACH = 4;

export interface FitContext {
  frame: Frame;
  language: Language;
  /** The region the question is about, if one. */
  regionId?: string;
  /** The region a passage is about: its own, its entry's only region, or the only one it names. */
  regionOf: (p: Passage) => string | undefined;
  /** The only region of an entry, if it has one. */
  soleRegion: (entryId: string) => string | undefined;
}

/** Whether the passage holds the kind of thing asked for. */
export function holdsAnswer(h: PassageHit, c: FitContext): boolean {
  const { frame: f } = c;
  const p = h.passage;
  const text = typeof p.text === "string" ? p.text : p.text.fi;
  // Words are compared in the language the question's terms were stemmed in.
  const own = textIn(p.text, c.language);
  switch (f.asks) {
    case "who": {
      // "Kuka ministeri…?", "Who chairs…?": the passage must hold the role asked about, and a name
      // or another role that holds it.
      const roles = f.terms.filter((t) => ROLE.test(t.word));
      if (roles.some((t) => (h.closeness.get(t.term) ?? 0) < 0.7)) return false;
      // "…oli nimeltään?", "what was their name?": a person's name, not a body or a role.
      if (f.terms.some((t) => BY_NAME.test(t.word))) return PERSON.test(text);
      const others = fold(text).replace(new RegExp(roles.map((t) => t.term).join("|") || "^$", "g"), "");
      return NAME.test(text) || ROLE.test(others);
    }
    case "when":
      return DATE.test(text);
    case "count":
    case "amount": {
      // A number for a named region must be the region's own, not a national one that names it.
      if (c.regionId && p.regionId !== c.regionId && !(p.entryId && c.soleRegion(p.entryId) === c.regionId)) return false;
      // The number must count what was asked: "Montako kriisikeskusta…" is not answered by a grade.
      const about = f.counted && h.matched.has(f.counted) ? [f.counted] : [...h.matched];
      const read = readText(p, own.text, own.lang);
      if (f.share) return p.kind === "fact" ? p.unit === "percent" || SHARE.test(text) : SHARE.test(text) && numberNear(read, about);
      if (p.kind === "fact") {
        // "sotejärjestöä" asked, "järjestöjä" written: the compound's head names it too.
        const named = !f.counted || read.stems.some((t) => names(t, f.counted!) || (t.length >= 5 && f.counted!.endsWith(t)));
        return named && (f.asks === "amount" || (p.unit !== "score" && p.unit !== "percent"));
      }
      return numberNear(read, about);
    }
    case "which-region":
      return !c.regionId ? !!c.regionOf(p) : true;
    default:
      return true;
  }
}

/** A passage's words as stems, and where its numbers stand (a date is not a count). */
interface ReadText {
  stems: string[];
  numbers: number[];
}
const readTexts = new WeakMap<Passage, Map<Language, ReadText>>();

/** Read once per passage and language: every count question weighs the same passages again. */
function readText(p: Passage, text: string, lang: Language): ReadText {
  let byLang = readTexts.get(p);
  if (!byLang) readTexts.set(p, (byLang = new Map()));
  let read = byLang.get(lang);
  if (!read) {
    const tokens = tokenize(text.replace(/\b\d{1,2}\.\d{1,2}\.(\d{4})?/g, " "));
    const numbers = tokens.flatMap((t, i) => ((/^\d/.test(t.word) && !/^(19|20)\d\d$/.test(t.word)) || FRACTION.test(t.word) ? [i] : []));
    byLang.set(lang, (read = { stems: tokens.map((t) => canonicalStem(t.word, lang)), numbers }));
  }
  return read;
}

/** A number within a few words of one of the question's words: "noin 60 tuottaa sote-palveluja". */
function numberNear(read: ReadText, terms: string[]): boolean {
  if (read.numbers.length === 0) return false;
  return read.stems.some((stem, i) => terms.some((m) => names(stem, m)) && read.numbers.some((j) => Math.abs(i - j) <= NUMBER_REACH));
}

/** A passage answers a question naming a year only when it describes that year (or a span holding it). */
export function describesYears(p: Passage, years: number[], k: Knowledge): boolean {
  if (years.length === 0) return true;
  // "Aluekierros 2023" is not the tour of another year, whatever its sentences mention. A period
  // ("Leikkaukset 2025–2027") may be measured against a year its sentence names ("vuoden 2024 tasosta").
  const label = typeof p.label === "string" ? p.label : p.label.fi;
  const labelYears = yearsIn(label);
  const inText = yearsIn(typeof p.text === "string" ? p.text : p.text.fi);
  const event = labelYears.named.some((y) => !labelYears.spans.some(([a, b]) => y === a || y === b));
  if ((labelYears.named.length || labelYears.spans.length) && !years.some((y) => covers(labelYears, y) || (!event && covers(inText, y)))) return false;
  const dated = p.sources.map((s) => Number((k.sources.get(s)?.as_of ?? "").slice(0, 4)));
  return years.some((y) => covers(inText, y) || covers(labelYears, y) || dated.includes(y));
}

/** The years a text names, alone ("2023") or as spans ("2025–2027"). */
function yearsIn(text: string): { named: number[]; spans: Array<readonly [number, number]> } {
  return {
    named: [...text.matchAll(/\b(?:19|20)\d\d\b/g)].map((m) => Number(m[0])),
    spans: [...text.matchAll(/\b((?:19|20)\d\d)\s*[–-]\s*((?:19|20)\d\d)\b/g)].map((m) => [Number(m[1]), Number(m[2])] as const),
  };
}

function covers(y: { named: number[]; spans: Array<readonly [number, number]> }, year: number): boolean {
  return y.named.includes(year) || y.spans.some(([a, b]) => a <= year && year <= b);
}

/** Whether a word of a passage is the question's word, or a compound of it ("paikallisyhdistys"). */
function names(word: string, term: string): boolean {
  return related(word, term) || word.endsWith(term) || (term.length >= 5 && word.startsWith(term));
}
