// Reply -> Adaptive Card 1.5 (the newest Teams renders). All text goes in RichTextBlock TextRuns,
// which Teams shows literally: nothing is markdown, so nothing needs escaping ("12.5.2023" stays
// as written, and a question's "**" stays text). Facts and tables are Table elements so that
// labels and figures line up; the rest of a long answer waits behind an Action.ShowCard.
// Suggestions are Action.Submit with messageBack, so a click asks in the same conversation.
import type { Reply, ReplyFact, ReplyMore, ReplyTable, Suggestion } from "../../src/seam.js";
import { isHeading, itemParts, MAX_LABEL, moreSuggestion, numericColumns, sourceLine } from "../reply-parts.js";
import { loopCardElements } from "./loop-card.js";

type Element = Record<string, unknown>;

const run = (text: string, extra: Element = {}): Element => ({ type: "TextRun", text, ...extra });
const rich = (inlines: Element[], block: Element = {}): Element => ({ type: "RichTextBlock", inlines, ...block });

/** A paragraph, one block a line; a line that introduces a list ("Yhteistyörakenteet:") in bold. */
function paragraph(text: string, first: boolean): Element[] {
  return text.split("\n").map((line, i) => rich([run(line, isHeading(line) ? { weight: "Bolder" } : {})], { spacing: i === 0 ? (first ? "Small" : "Medium") : "None" }));
}

const cell = (text: string, extra: Element = {}): Element => ({ type: "TableCell", items: [rich([run(text, extra)])] });

function table(rows: Element[][], widths: number[], right: boolean[], header: boolean): Element {
  return {
    type: "Table",
    spacing: "Medium",
    showGridLines: false,
    firstRowAsHeaders: header,
    columns: widths.map((width, i) => ({ width, ...(right[i] ? { horizontalCellContentAlignment: "Right" } : {}) })),
    rows: rows.map((cells) => ({ type: "TableRow", cells })),
  };
}

function factsTable(facts: ReplyFact[]): Element {
  return table(facts.map((f) => [cell(f.label, { weight: "Bolder" }), cell(f.value)]), [3, 2], [false, false], false);
}

function dataTable(t: ReplyTable): Element {
  const right = numericColumns(t.rows);
  // The first column holds names: it gets the room, figures take what they need.
  const widths = t.columns.map((_, i) => (i === 0 ? 3 : 2));
  return table([t.columns.map((c) => cell(c, { weight: "Bolder" })), ...t.rows.map((r) => r.map((c) => cell(c)))], widths, right, true);
}

function items(list: string[], ordered: boolean): Element[] {
  return list.flatMap((item, i) => {
    const { head, rest } = itemParts(item);
    const marker = ordered ? `${i + 1}. ` : "• ";
    const spacing = { spacing: i === 0 ? "Medium" : "Small" };
    // A titled item reads as a bold title line with its explanation under it.
    if (head) return [rich([run(marker + head, { weight: "Bolder" })], spacing), rich([run(rest)], { spacing: "None" })];
    return [rich([run(marker + rest)], spacing)];
  });
}

/** The body of an answer or of its "more" part, in reading order. */
function content(part: Pick<ReplyMore, "paragraphs" | "facts" | "items" | "ordered"> & { table?: ReplyTable }): Element[] {
  return [
    ...part.paragraphs.flatMap((p, i) => paragraph(p, i === 0)),
    ...(part.facts.length ? [factsTable(part.facts)] : []),
    ...(part.table ? [dataTable(part.table)] : []),
    ...items(part.items, part.ordered),
  ];
}

/** What a click sends: the question, as a message the user is shown to have written. */
const ask = (question: string) => ({ question, msteams: { type: "messageBack", text: question, displayText: question } });

function suggestionRows(suggestions: Suggestion[]): Element[] {
  return suggestions.map(({ label, question }, i) => ({
    type: "Container",
    spacing: i === 0 ? "Medium" : "Small",
    selectAction: { type: "Action.Submit", title: label, data: ask(question) },
    items: [rich([run(`› ${label}`, { color: "Accent", weight: "Bolder" })])],
  }));
}

export function renderCard(reply: Reply): Record<string, unknown> {
  const body: Element[] = [];
  if (reply.title) body.push(rich([run(reply.title, { size: "Large", weight: "Bolder" })]));
  body.push(...content(reply));
  reply.notes.forEach((note, i) => body.push(rich([run(note, { isSubtle: true })], { spacing: i === 0 ? "Medium" : "Small" })));
  reply.sources.forEach((s, i) => body.push(rich([run(sourceLine(reply.language, s), { isSubtle: true, size: "Small" })], i === 0 ? { separator: true, spacing: "Medium" } : { spacing: "None" })));

  // Teams cuts a button's title after about 22 characters. Labels that long become rows of
  // text, which wrap, each asking its question when clicked; short ones stay buttons.
  const asRows = reply.suggestions.some((s) => s.label.length > MAX_LABEL);
  if (asRows) body.push(...suggestionRows(reply.suggestions));
  body.push(...loopCardElements(reply));

  const more = moreSuggestion(reply);
  const actions: Element[] = [
    ...(more && reply.more ? [{ type: "Action.ShowCard", title: more.label, card: { type: "AdaptiveCard", body: content(reply.more) } }] : []),
    ...(asRows ? [] : reply.suggestions.map(({ label, question }) => ({ type: "Action.Submit", title: label, data: ask(question) }))),
  ];
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    // Full width gives tables and buttons the room of the conversation, not of a chat bubble.
    msteams: { width: "Full" },
    body,
    ...(actions.length ? { actions } : {}),
  };
}
