// Reply -> Block Kit. Slack's limits (50 blocks a message, 3 000 characters a section, 10 fields,
// 150 characters a header, 75 a button) are met by splitting into more blocks or messages, never
// by cutting text off. Every text the bot sends is escaped, so a question that echoes "<!channel>"
// cannot ping anyone.
import type { KnownBlock } from "@slack/types";
import { PHRASES } from "../../src/answers/phrases.js";
import type { Reply, Suggestion } from "../../src/seam.js";

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

/** A button that asks its question when clicked (the value carries the question). */
export function askButton({ label: given, question }: Suggestion, i: number) {
  const label = given.length > MAX_BUTTON ? given.slice(0, MAX_BUTTON - 1) + "…" : given;
  return { type: "button" as const, action_id: `ask_${i}`, text: { type: "plain_text" as const, text: label }, value: question.slice(0, MAX_VALUE) };
}

/** All blocks of a reply, in reading order, before splitting into messages. */
export function replyBlocks(reply: Reply): KnownBlock[] {
  const p = PHRASES[reply.language];
  const blocks: KnownBlock[] = [];
  if (reply.title) {
    const title = escapeSlack(reply.title);
    if (reply.title.length <= MAX_HEADER) blocks.push({ type: "header", text: { type: "plain_text", text: reply.title } });
    else blocks.push(...section(`*${title}*`));
  }
  for (let i = 0; i < reply.facts.length; i += MAX_FIELDS) {
    const fields = reply.facts.slice(i, i + MAX_FIELDS).map((f) => ({ type: "mrkdwn" as const, text: `*${escapeSlack(f.label)}*\n${escapeSlack(f.value)}`.slice(0, MAX_FIELD) }));
    blocks.push({ type: "section", fields });
  }
  for (const para of reply.paragraphs) blocks.push(...section(escapeSlack(para)));
  if (reply.items.length) {
    const lines = reply.items.map((item, i) => `${reply.ordered ? `${i + 1}.` : "•"} ${escapeSlack(item)}`);
    blocks.push(...section(lines.join("\n")));
  }
  if (reply.table) blocks.push(...section(reply.table.rows.map((row) => escapeSlack(row.join(" – "))).join("\n")));
  for (const note of reply.notes) blocks.push(...section(escapeSlack(note)));
  if (reply.sources.length) {
    const elements = reply.sources.map((s) => ({ type: "mrkdwn" as const, text: escapeSlack(`${p.sources}: ${s.title} (${s.publisher}), ${p.situation} ${s.describes}`) }));
    for (let i = 0; i < elements.length; i += 10) blocks.push({ type: "context", elements: elements.slice(i, i + 10) });
  }
  if (reply.suggestions.length) blocks.push({ type: "actions", elements: reply.suggestions.slice(0, 25).map(askButton) });
  return blocks;
}

/** One or more messages: the first carries the full plain-text fallback for notifications and screen readers. */
export function renderReply(reply: Reply, extra: KnownBlock[] = []): SlackMessage[] {
  const blocks = [...replyBlocks(reply), ...extra];
  const messages: SlackMessage[] = [];
  for (let i = 0; i < blocks.length; i += MAX_BLOCKS) {
    messages.push({ text: i === 0 ? escapeSlack(reply.text) : "…", blocks: blocks.slice(i, i + MAX_BLOCKS) });
  }
  return messages.length ? messages : [{ text: escapeSlack(reply.text), blocks: [] }];
}
