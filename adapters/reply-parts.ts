// Pieces every renderer (Slack, Teams, terminal) reads a Reply into the same way, so the three
// say the same things in the same order and only the mark-up differs.
import { HELP_PHRASES } from "../src/answers/help-phrases.js";
import { PHRASES } from "../src/answers/phrases.js";
import type { Language, Reply, ReplySource, Suggestion } from "../src/seam.js";

/** The width a Teams button shows without cutting its title; the knowledge's short names stay within it. */
export { MAX_LABEL } from "../src/knowledge/schema.js";

/** "Lähde: Aluekierros 2023 (SOSTE), tilanne helmi–elokuu 2023" in the reply's language. */
export function sourceLine(language: Language, s: ReplySource): string {
  const p = PHRASES[language];
  return `${p.sources}: ${s.title} (${s.publisher}), ${p.situation} ${s.describes}`;
}

/**
 * An item of the form "Title – explanation" (a step, a structure) splits into a head shown in
 * bold and the rest. Items without a short head stay whole.
 */
export function itemParts(item: string): { head?: string; rest: string } {
  const at = item.indexOf(" – ");
  if (at <= 0 || at > 80) return { rest: item };
  return { head: item.slice(0, at), rest: item.slice(at + 3) };
}

/** A paragraph line ending in ":" introduces the lines after it ("Yhteistyörakenteet:"). */
export function isHeading(line: string): boolean {
  return line.length <= 60 && line.endsWith(":");
}

/** The button that asks for the rest of a long answer ("Kerro lisää"), present only when there is more. */
export function moreSuggestion(reply: Reply): Suggestion | undefined {
  if (!reply.more) return undefined;
  const { label, question } = HELP_PHRASES[reply.language].more;
  return { label, question };
}

/** The answer in one line, for notifications: the title with the first thing it says. */
export function leadLine(reply: Reply): string {
  const first =
    reply.paragraphs[0]?.split("\n")[0] ??
    (reply.facts[0] ? `${reply.facts[0].label} ${reply.facts[0].value}` : undefined) ??
    (reply.table?.rows[0] ? reply.table.rows[0].join(" ") : undefined) ??
    reply.items[0];
  if (!reply.title) return first ?? reply.text.split("\n")[0] ?? "";
  return first ? `${reply.title}: ${first}` : reply.title;
}

/** Columns whose cells are figures ("1,7 miljoonaa €", "935", "€2.9 million") align right. */
export function numericColumns(rows: string[][]): boolean[] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  return Array.from({ length: width }, (_, c) => rows.length > 0 && rows.every((r) => /^[-+~€]?\s?\d/.test(r[c] ?? "") || /^(noin|cirka|about) \d/.test(r[c] ?? "")));
}

/** The plain text a notification shows: the lead line first, then the rest of the answer. */
export function notificationText(reply: Reply): string {
  const lines = reply.text.split("\n");
  if (reply.title && lines[0] === reply.title) lines.shift();
  const lead = leadLine(reply);
  if (lines[0] && lead.endsWith(lines[0])) lines.shift();
  return [lead, ...lines].join("\n");
}

/** A table as padded text lines (header first): figures right-aligned, the first column left. */
export function alignedLines({ columns, rows }: { columns: string[]; rows: string[][] }): string[] {
  const all = [columns, ...rows];
  const right = [false, ...numericColumns(rows).slice(1)];
  const widths = columns.map((_, c) => Math.max(...all.map((r) => (r[c] ?? "").length)));
  return all.map((r) => r.map((cell, c) => (right[c] ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join("  ").trimEnd());
}
