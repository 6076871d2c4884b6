// Reply -> Adaptive Card 1.5 (the newest Teams renders). Text from the knowledge or the user goes
// in RichTextBlock TextRuns, which Teams shows literally: a question's "**" or "[link](x)" stays
// text, never mark-up. Suggestion buttons are Action.Submit with messageBack, so a click sends the
// question into the same conversation.
import type { Reply } from "../../src/seam.js";
import { PHRASES } from "../../src/answers/phrases.js";

type Element = Record<string, unknown>;

const run = (text: string, extra: Element = {}) => ({ type: "TextRun", text, ...extra });
const rich = (text: string, extra: Element = {}, block: Element = {}) => ({ type: "RichTextBlock", inlines: [run(text, extra)], ...block });

/** FactSet titles and values render a markdown subset, so mark-up characters are escaped there. */
export function escapeMarkdown(s: string): string {
  return s.replace(/([\\`*_{}[\]()#+\-.!|>~<])/g, "\\$1");
}

export function renderCard(reply: Reply): Record<string, unknown> {
  const p = PHRASES[reply.language];
  const body: Element[] = [];
  if (reply.title) body.push(rich(reply.title, { size: "Large", weight: "Bolder" }));
  if (reply.facts.length) body.push({ type: "FactSet", facts: reply.facts.map((f) => ({ title: escapeMarkdown(f.label), value: escapeMarkdown(f.value) })) });
  for (const para of reply.paragraphs) body.push(rich(para, {}, { spacing: "Small" }));
  reply.items.forEach((item, i) => body.push(rich(`${reply.ordered ? `${i + 1}.` : "•"} ${item}`, {}, { spacing: "Small" })));
  if (reply.table) reply.table.rows.forEach((row) => body.push(rich(row.join(" – "), {}, { spacing: "Small" })));
  for (const note of reply.notes) body.push(rich(note, {}, { spacing: "Small" }));
  if (reply.sources.length) {
    const text = reply.sources.map((s) => `${p.sources}: ${s.title} (${s.publisher}), ${p.situation} ${s.describes}`).join("\n");
    body.push(rich(text, { isSubtle: true, size: "Small" }, { separator: true }));
  }
  const actions = reply.suggestions.map(({ label, question }) => ({
    type: "Action.Submit",
    title: label,
    data: { question, msteams: { type: "messageBack", text: question, displayText: question } },
  }));
  return { type: "AdaptiveCard", $schema: "http://adaptivecards.io/schemas/adaptive-card.json", version: "1.5", body, ...(actions.length ? { actions } : {}) };
}
