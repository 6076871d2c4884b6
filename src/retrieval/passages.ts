// The knowledge cut into passages: every sentence of a summary, every point, labelled figure,
// finding, structure, step and source. Each passage knows its entry or region, its sources and
// the date it describes, so an answer can lead with the one sentence asked and cite it.
import type { Knowledge } from "../knowledge/load.js";
import type { Text } from "../knowledge/schema.js";

export type PassageKind = "summary" | "point" | "fact" | "highlight" | "structure" | "step" | "source";

export interface Passage {
  /** Stable id: "entry:hyte#point.2", "region:lappi#highlight.0", "steps#3". */
  id: string;
  kind: PassageKind;
  entryId?: string;
  regionId?: string;
  stepN?: number;
  /** What the passage is about, shown with it: the entry's title or the region's organisation. */
  label: Text;
  text: Text;
  /** Extra words that name the passage's subject (an entry's or step's word list). */
  words: string[];
  sources: string[];
  /** The date the passage describes when it differs from its source's. */
  describes?: Text;
  /** Position within its entry or region: the rest of the entry is read in this order. */
  order: number;
  /** For a labelled figure: its index in the entry's facts (the answer shows the value), and its unit. */
  factIndex?: number;
  unit?: string;
}

/** Splits a paragraph into sentences (". " followed by a capital or digit), keeping abbreviations whole. */
export function sentences(paragraph: string): string[] {
  return paragraph
    .split(/(?<=[.!?])\s+(?=[\p{Lu}\d])/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Sentences of a text in every language it has; languages whose sentence counts differ keep the paragraph. */
function sentenceTexts(t: Text): Text[] {
  if (typeof t === "string") return sentences(t);
  const fi = sentences(t.fi);
  const sv = t.sv ? sentences(t.sv) : undefined;
  const en = t.en ? sentences(t.en) : undefined;
  return fi.map((s, i) => ({
    fi: s,
    ...(sv ? { sv: sv.length === fi.length ? sv[i]! : i === 0 ? t.sv! : "" } : {}),
    ...(en ? { en: en.length === fi.length ? en[i]! : i === 0 ? t.en! : "" } : {}),
  })).map((x) => (typeof x === "string" ? x : cleanText(x)));
}

function cleanText(x: { fi: string; sv?: string; en?: string }): Text {
  const out: { fi: string; sv?: string; en?: string } = { fi: x.fi };
  if (x.sv) out.sv = x.sv;
  if (x.en) out.en = x.en;
  return out;
}

export function buildPassages(k: Knowledge): Passage[] {
  const out: Passage[] = [];
  for (const e of k.entries) {
    const base = { entryId: e.id, label: e.title, words: e.words, sources: e.sources };
    let order = 0;
    sentenceTexts(e.summary).forEach((s, i) => out.push({ ...base, id: `entry:${e.id}#summary.${i}`, kind: "summary", text: s, order: order++ }));
    e.points.forEach((p, i) => out.push({ ...base, id: `entry:${e.id}#point.${i}`, kind: "point", text: p, order: order++ }));
    e.facts.forEach((f, i) => {
      const text = factText(f.label, f.note);
      out.push({ ...base, id: `entry:${e.id}#fact.${i}`, kind: "fact", text, sources: [f.source], factIndex: i, unit: f.unit, ...(f.describes ? { describes: f.describes } : {}), order: order++ });
    });
  }
  for (const r of k.regions) {
    const base = { regionId: r.id, label: r.organisation, words: [] as string[] };
    let order = 0;
    r.structures.forEach((s, i) => {
      const text = s.description ?? s.name;
      out.push({ ...base, id: `region:${r.id}#structure.${i}`, kind: "structure", text, words: textWords(s.name), sources: [s.source], order: order++ });
    });
    r.highlights.forEach((h, i) => out.push({ ...base, id: `region:${r.id}#highlight.${i}`, kind: "highlight", text: h.text, sources: [h.source], order: order++ }));
  }
  if (k.steps) {
    for (const s of k.steps.steps) {
      const base = { entryId: k.steps.id, stepN: s.n, label: s.title, words: [...s.words, ...textWords(s.title)], sources: s.sources };
      out.push({ ...base, id: `steps#${s.n}`, kind: "step", text: s.meaning, order: s.n * 2 });
      out.push({ ...base, id: `steps#${s.n}.why`, kind: "step", text: s.why, order: s.n * 2 + 1 });
    }
  }
  return out;
}

/** A labelled figure as a sentence the index can match ("Jäseniä sote-järjestöissä – reilut 200"). */
function factText(label: Text, note: Text | undefined): Text {
  if (!note) return label;
  if (typeof label === "string" || typeof note === "string") {
    const l = typeof label === "string" ? label : label.fi;
    const n = typeof note === "string" ? note : note.fi;
    return `${l} – ${n}`;
  }
  return cleanText({
    fi: `${label.fi} – ${note.fi}`,
    ...(label.sv && note.sv ? { sv: `${label.sv} – ${note.sv}` } : {}),
    ...(label.en && note.en ? { en: `${label.en} – ${note.en}` } : {}),
  });
}

function textWords(t: Text): string[] {
  return typeof t === "string" ? [t] : [t.fi, t.sv, t.en].filter((x): x is string => !!x);
}
