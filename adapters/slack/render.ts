// Reply -> Block Kit. Slack's limits (50 blocks a message, 3 000 characters a section, 10 fields,
// 150 characters a header, 75 a button) are met by splitting into more blocks or messages, never
// by cutting text off. Text without mark-up goes as plain_text; mrkdwn text is escaped, so a
// question that echoes "<!channel>" cannot ping anyone. Figures sit in section fields, which
// Slack lays out two a row, so labels and values line up.
import type { KnownBlock } from "@slack/types";
import type { Reply, ReplyMore, ReplyTable, Suggestion } from "../../src/seam.js";
import { alignedLines, isHeading, itemParts, moreSuggestion, notificationText, sourceLine } from "../reply-parts.js";
import { loopBlocks } from "./loop-blocks.js";

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

const MAX_BLOCKS = 50;
const MAX_SECTION = 3000;
const MAX_FIELDS = 10;
const MAX_FIELD = 2000;
const MAX_HEADER = 150;
const MAX_BUTTON = 75;
const MAX_VALUE = 2000;
const MAX_ACTIONS = 25;
export const ASK_ACTION = /^ask_\d+$/;

/** Slack's three control characters; with them escaped, "<!channel>" is shown, not executed. */
export function escapeSlack(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Splits text into pieces of at most max characters, at line ends or spaces where it can. */
export function chunk(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf("\n", max);
    if (cut < max / 2) cut = rest.lastIndexOf(" ", max);
    if (cut < max / 2) cut = max;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^[\n ]/, "");
  }
  out.push(rest);
  return out;
}

const section = (text: string): KnownBlock[] => chunk(text, MAX_SECTION).map((t) => ({ type: "section", text: { type: "mrkdwn", text: t } }));
/** Text that is not mark-up goes as plain_text: shown exactly as written, nothing to escape. */
const plainSection = (text: string): KnownBlock[] => chunk(text, MAX_SECTION).map((t) => ({ type: "section", text: { type: "plain_text", text: t, emoji: false } }));
const bold = (s: string) => `*${escapeSlack(s)}*`;

/** A button that asks its question when clicked (the value carries the question). */
export function askButton({ label: given, question }: Suggestion, i: number) {
  const label = given.length > MAX_BUTTON ? given.slice(0, MAX_BUTTON - 1) + "…" : given;
  return { type: "button" as const, action_id: `ask_${i}`, text: { type: "plain_text" as const, text: label }, value: question.slice(0, MAX_VALUE) };
}

/** Two-column rows as section fields (Slack lays fields out two a row), at most ten a section. */
function fieldRows(rows: Array<[string, string]>): KnownBlock[] {
  const fields = rows.flatMap(([a, b]) => [a, b]).map((text) => ({ type: "mrkdwn" as const, text: text.slice(0, MAX_FIELD) }));
  const blocks: KnownBlock[] = [];
  for (let i = 0; i < fields.length; i += MAX_FIELDS) blocks.push({ type: "section", fields: fields.slice(i, i + MAX_FIELDS) });
  return blocks;
}

/** A paragraph: plain text, except a line introducing a list ("Yhteistyörakenteet:") in bold. */
function paragraph(text: string): KnownBlock[] {
  const lines = text.split("\n");
  if (!lines.some(isHeading)) return plainSection(text);
  return section(lines.map((l) => (isHeading(l) ? bold(l) : escapeSlack(l))).join("\n"));
}

function items(list: string[], ordered: boolean): KnownBlock[] {
  if (!list.length) return [];
  const lines = list.map((item, i) => {
    const { head, rest } = itemParts(item);
    const marker = ordered ? `${i + 1}.` : "•";
    return head ? `${marker} ${bold(head)}\n${escapeSlack(rest)}` : `${marker} ${escapeSlack(rest)}`;
  });
  return section(lines.join(list.some((i) => itemParts(i).head) ? "\n\n" : "\n"));
}

/** Widest preformatted line that a Slack thread shows without wrapping it. */
const MAX_PRE_WIDTH = 60;

/**
 * Rows people compare. Two columns become section fields (name left, figure right, two a row);
 * wider tables a preformatted block whose columns line up, as long as its lines fit a thread.
 */
function table(t: ReplyTable): KnownBlock[] {
  const lines = alignedLines(t);
  if (t.columns.length > 2 && lines.every((l) => l.length <= MAX_PRE_WIDTH)) return section("```" + escapeSlack(lines.join("\n")) + "```");
  const split = (row: string[]): [string, string] => (row.length <= 2 ? [row[0] ?? "", row[1] ?? ""] : [row[0] ?? "", row.slice(1).map((v, i) => `${t.columns[i + 1]}: ${v}`).join("\n")]);
  const [hl, hr] = split(t.columns);
  const header: Array<[string, string]> = t.columns.length <= 2 ? [[bold(hl), bold(hr)]] : [];
  return fieldRows([...header, ...t.rows.map((r) => split(r).map(escapeSlack) as [string, string])]);
}

/** The answer's content, in reading order: used for the reply and for its "more" part alike. */
function content(part: Pick<ReplyMore, "paragraphs" | "facts" | "items" | "ordered"> & { table?: ReplyTable }): KnownBlock[] {
  return [
    ...part.paragraphs.flatMap(paragraph),
    ...fieldRows(part.facts.map((f) => [bold(f.label), escapeSlack(f.value)])),
    ...(part.table ? table(part.table) : []),
    ...items(part.items, part.ordered),
  ];
}

/** Grey small print, one line a text (Slack would run separate context elements together). */
const context = (texts: string[]): KnownBlock[] =>
  texts.length ? chunk(texts.map(escapeSlack).join("\n"), MAX_SECTION).map((text) => ({ type: "context", elements: [{ type: "mrkdwn", text }] })) : [];

/** All blocks of a reply, in reading order, before splitting into messages. */
export function replyBlocks(reply: Reply): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  if (reply.title) {
    if (reply.title.length <= MAX_HEADER) blocks.push({ type: "header", text: { type: "plain_text", text: reply.title, emoji: false } });
    else blocks.push(...section(bold(reply.title)));
  }
  blocks.push(...content(reply), ...context(reply.notes), ...context(reply.sources.map((s) => sourceLine(reply.language, s))));
  // "Kerro lisää" asks the core for the rest of the answer in the same thread, like any suggestion.
  const more = moreSuggestion(reply);
  const buttons = [...(more ? [more] : []), ...reply.suggestions].slice(0, MAX_ACTIONS);
  if (buttons.length) blocks.push({ type: "actions", elements: buttons.map(askButton) });
  return blocks;
}

/** The blocks of a reply's "more" part alone (the App Home shows it in full). */
export function moreBlocks(reply: Reply): KnownBlock[] {
  return reply.more ? content(reply.more) : [];
}

/**
 * One or more messages. The first carries the plain-text fallback that notifications and screen
 * readers use, starting with the answer itself rather than only its title.
 */
export function renderReply(reply: Reply, extra: KnownBlock[] = []): SlackMessage[] {
  const blocks = [...replyBlocks(reply), ...loopBlocks(reply), ...extra];
  const text = escapeSlack(notificationText(reply));
  const messages: SlackMessage[] = [];
  for (let i = 0; i < blocks.length; i += MAX_BLOCKS) {
    messages.push({ text: i === 0 ? text : "…", blocks: blocks.slice(i, i + MAX_BLOCKS) });
  }
  return messages.length ? messages : [{ text, blocks: [] }];
}
