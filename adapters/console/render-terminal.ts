// Reply -> terminal text: word-wrapped to the terminal's width, figures and tables in aligned
// columns, sources and suggestions dimmed, suggestions numbered so that typing the number asks
// them. Colour only when asked for (a TTY without NO_COLOR); piped output stays plain text.
import { HELP_PHRASES } from "../../src/answers/help-phrases.js";
import { PHRASES } from "../../src/answers/phrases.js";
import type { Language, Reply, ReplyMore, ReplyTable, Suggestion } from "../../src/seam.js";
import { alignedLines, isHeading, itemParts, moreSuggestion, sourceLine } from "../reply-parts.js";

export interface TerminalStyle {
  width: number;
  color: boolean;
  /** In a chat a number picks a suggestion; a one-off answer lists the questions instead. */
  numbered?: boolean;
}

const PICK: Record<Language, string> = { fi: "Valitse numerolla", sv: "Välj med siffran", en: "Pick by number" };

/**
 * Greedy word wrap: continuation lines start with indent, the first with first. A word longer
 * than the line is cut rather than run past the edge.
 */
export function wrap(text: string, width: number, indent = "", first = ""): string[] {
  const lines: string[] = [];
  for (const para of text.split("\n")) {
    let line = lines.length ? indent : first;
    let empty = true;
    for (let w of para.split(/ +/).filter(Boolean)) {
      while (w) {
        if (!empty && line.length + 1 + w.length > width) {
          lines.push(line);
          [line, empty] = [indent, true];
          continue;
        }
        const piece = w.slice(0, Math.max(1, width - line.length - (empty ? 0 : 1)));
        line += (empty ? "" : " ") + piece;
        empty = false;
        w = w.slice(piece.length);
      }
    }
    lines.push(line);
  }
  return lines;
}

type Part = Pick<ReplyMore, "paragraphs" | "facts" | "items" | "ordered"> & { table?: ReplyTable };
type Styler = (s: string) => string;

/** Paragraphs, figures, table and list of an answer or of its "more" part. */
function contentLines(part: Part, width: number, bold: Styler): string[] {
  const out: string[] = [];
  for (const p of part.paragraphs) for (const line of p.split("\n")) out.push(...wrap(line, width, line.startsWith("– ") ? "  " : "").map((l) => (isHeading(line) ? bold(l) : l)));
  if (part.facts.length) {
    const label = Math.min(Math.max(...part.facts.map((f) => f.label.length)), Math.floor(width / 2));
    for (const f of part.facts) out.push(...wrap(f.value, width, " ".repeat(label + 2), `${f.label.padEnd(label)}  `));
  }
  if (part.table) {
    const { columns, rows } = part.table;
    const lines = alignedLines(part.table);
    // A table wider than the terminal is listed row by row instead of breaking its columns.
    if (lines.every((l) => l.length <= width)) out.push(bold(lines[0]!), ...lines.slice(1));
    else out.push(...wrap(columns.join(" – "), width).map(bold), ...rows.flatMap((r) => wrap(r.join(" – "), width, "  ")));
  }
  part.items.forEach((item, i) => {
    const marker = part.ordered ? `${i + 1}. ` : "• ";
    const pad = " ".repeat(marker.length);
    const { head, rest } = itemParts(item);
    if (head) out.push(...wrap(marker + head, width, pad).map(bold), ...wrap(rest, width, pad, pad));
    else out.push(...wrap(marker + rest, width, pad));
  });
  return out;
}

/**
 * The reply as lines for a terminal, and the suggestions in the order their numbers pick them.
 * A one-off answer (not numbered) has no next turn to ask for more, so it includes the rest.
 */
export function renderTerminal(reply: Reply, style: TerminalStyle): { text: string; picks: Suggestion[] } {
  const { width } = style;
  const bold = (s: string) => (style.color ? `\x1b[1m${s}\x1b[22m` : s);
  const dim = (s: string) => (style.color ? `\x1b[2m${s}\x1b[22m` : s);
  const oneOff = style.numbered === false;
  const out: string[] = [];
  if (reply.title) out.push(...wrap(reply.title, width).map(bold));
  out.push(...contentLines(reply, width, bold));
  for (const note of reply.notes) out.push(...wrap(note, width));
  if (oneOff && reply.more) out.push(...contentLines(reply.more, width, bold));
  for (const s of reply.sources) out.push(...wrap(sourceLine(reply.language, s), width, "  ").map(dim));
  const more = oneOff ? undefined : moreSuggestion(reply);
  const picks = [...(more ? [more] : []), ...reply.suggestions];
  if (picks.length && oneOff) {
    const h = HELP_PHRASES[reply.language];
    out.push(...wrap(`${PHRASES[reply.language].askAlso}: ${picks.map((p) => h.quote(p.question)).join(" · ")}`, width, "  ").map(dim));
  } else if (picks.length) {
    const numbered = picks.map((s, i) => `[${i + 1}] ${s.label}`);
    const oneLine = `${PICK[reply.language]}: ${numbered.join(" · ")}`;
    const lines = oneLine.length <= width ? [oneLine] : [`${PICK[reply.language]}:`, ...numbered.flatMap((n) => wrap(n, width, "    ", "  "))];
    out.push(...lines.map(dim));
  }
  return { text: out.join("\n"), picks };
}
