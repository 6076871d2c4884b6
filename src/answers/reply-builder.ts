// Collects the parts of one answer and renders the plain-text version that every platform can
// fall back on. Picks each text in the asker's language, notes when only Finnish exists, and
// lists each source once with the date its facts describe.
import type { Knowledge } from "../knowledge/load.js";
import type { Language, Text } from "../knowledge/schema.js";
import type { Reply, ReplyFact, ReplyMore, ReplySource, ReplyTable, Suggestion } from "../seam.js";
import { HELP_PHRASES } from "./help-phrases.js";
import { PHRASES } from "./phrases.js";

export interface ReplyBuilder {
  readonly lang: Language;
  /** The text in the reply's language, or Finnish (noted once in the reply) when not translated. */
  t(text: Text): string;
  title(s: string): ReplyBuilder;
  paragraph(s: string): ReplyBuilder;
  fact(label: string, value: string): ReplyBuilder;
  item(s: string): ReplyBuilder;
  ordered(): ReplyBuilder;
  source(id: string, describes?: Text): ReplyBuilder;
  /** A follow-up: the question it asks, and a short label (the question itself when short). */
  suggest(question: string, label?: string): ReplyBuilder;
  /** An answer to a question back ("which region?"): one button per choice, beyond the suggestions' limit. */
  choice(question: string, label: string): ReplyBuilder;
  table(t: ReplyTable): ReplyBuilder;
  /** A note that belongs after the figures or the list. */
  note(s: string): ReplyBuilder;
  /** The rest of a long answer, one click away. */
  more(m: ReplyMore): ReplyBuilder;
  entry(id: string): ReplyBuilder;
  build(answered?: boolean): Reply;
}

export function pick(text: Text, lang: Language): { text: string; translated: boolean } {
  if (typeof text === "string") return { text, translated: lang === "fi" };
  const t = text[lang];
  return t ? { text: t, translated: true } : { text: text.fi, translated: false };
}

export function createReplyBuilder(k: Knowledge, lang: Language): ReplyBuilder {
  let title: string | undefined;
  let isOrdered = false;
  let untranslated = false;
  const paragraphs: string[] = [];
  const facts: ReplyFact[] = [];
  const items: string[] = [];
  const sources = new Map<string, ReplySource>();
  const suggestions: Suggestion[] = [];
  const notes: string[] = [];
  let table: ReplyTable | undefined;
  let rest: ReplyMore | undefined;
  const entryIds = new Set<string>();
  // The order parts were added in, so the plain text reads as composed (a note before figures).
  const order: Part[] = [];

  const b: ReplyBuilder = {
    lang,
    t(text) {
      const p = pick(text, lang);
      if (!p.translated) untranslated = true;
      return p.text;
    },
    title: (s) => ((title = s), b),
    paragraph: (s) => (order.push(["p", paragraphs.push(s) - 1]), b),
    fact: (label, value) => (order.push(["f", facts.push({ label, value }) - 1]), b),
    item: (s) => (order.push(["i", items.push(s) - 1]), b),
    ordered: () => ((isOrdered = true), b),
    source(id, describes) {
      const s = k.sources.get(id);
      if (!s) return b;
      const when = pick(describes ?? s.describes, lang).text;
      const key = `${id}|${when}`;
      if (!sources.has(key)) sources.set(key, { id, title: pick(s.title, lang).text, publisher: s.publisher, describes: when });
      return b;
    },
    suggest: (question, label) => (suggestions.some((x) => x.question === question) || suggestions.length >= 3 || suggestions.push({ label: label ?? question, question }), b),
    choice: (question, label) => (suggestions.some((x) => x.question === question) || suggestions.push({ label, question }), b),
    table: (t) => ((table = t), b),
    note: (s) => (notes.push(s), b),
    more: (m) => ((rest = m.paragraphs.length || m.facts.length || m.items.length ? m : undefined), b),
    entry: (id) => (entryIds.add(id), b),
    build(answered = true) {
      const p = PHRASES[lang];
      if (untranslated && lang !== "fi") notes.push(p.onlyFinnish);
      const reply: Omit<Reply, "text"> = {
        answered,
        language: lang,
        ...(title ? { title } : {}),
        paragraphs,
        facts,
        items,
        ordered: isOrdered,
        ...(table ? { table } : {}),
        notes,
        ...(rest ? { more: rest } : {}),
        sources: [...sources.values()],
        suggestions,
        entryIds: [...entryIds],
      };
      return { ...reply, text: renderText(reply, order) };
    },
  };
  return b;
}

type Part = ["p" | "f" | "i", number];

/** The plain-text rendering: the terminal shows it, and chat platforms use it as the fallback. */
export function renderText(r: Omit<Reply, "text">, order?: Part[]): string {
  const p = PHRASES[r.language];
  const lines: string[] = [];
  if (r.title) lines.push(r.title);
  const parts: Part[] = order ?? [
    ...r.paragraphs.map((_, i): Part => ["p", i]),
    ...r.facts.map((_, i): Part => ["f", i]),
    ...r.items.map((_, i): Part => ["i", i]),
  ];
  for (const [kind, i] of parts) {
    if (kind === "p") lines.push(r.paragraphs[i]!);
    else if (kind === "f") lines.push(`• ${r.facts[i]!.label}: ${r.facts[i]!.value}`);
    else lines.push(r.ordered ? `${i + 1}. ${r.items[i]}` : `• ${r.items[i]}`);
  }
  if (r.table) lines.push(...r.table.rows.map((row) => row.join(" – ")));
  lines.push(...r.notes);
  if (r.sources.length) {
    const list = r.sources.map((s) => `${s.title} (${s.publisher}), ${p.situation} ${s.describes}`).join("; ");
    lines.push(`${p.sources}: ${list}.`);
  }
  if (r.suggestions.length) lines.push(`${p.askAlso}: ${r.suggestions.map((s) => HELP_PHRASES[r.language].quote(s.question)).join(" · ")}`);
  return lines.join("\n");
}
