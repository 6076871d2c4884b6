// Two questions in one message get one reply: each answer in turn, under its own title, with the
// sources and suggestions of both. Each part is laid out as paragraphs, so every platform shows
// the answers in the order they were asked, whatever it does with lists and tables.
import type { Reply } from "../seam.js";
import { renderText } from "./reply-builder.js";

/** At most this many suggestions, as in any reply. */
const SUGGESTIONS = 3;

export function joinReplies(replies: Reply[]): Reply {
  const paragraphs = replies.flatMap((r) => [
    ...(r.title ? [r.title] : []),
    ...r.paragraphs,
    ...r.facts.map((f) => `• ${f.label}: ${f.value}`),
    ...(r.table ? r.table.rows.map((row) => row.join(" – ")) : []),
    ...r.items.map((item, i) => (r.ordered ? `${i + 1}. ${item}` : `• ${item}`)),
    ...r.notes,
  ]);
  const sources = replies.flatMap((r) => r.sources).filter((s, i, all) => all.findIndex((x) => x.id === s.id && x.describes === s.describes) === i);
  const suggestions = replies.flatMap((r) => r.suggestions).filter((s, i, all) => all.findIndex((x) => x.question === s.question) === i).slice(0, SUGGESTIONS);
  const joined: Omit<Reply, "text"> = {
    answered: replies.some((r) => r.answered),
    language: replies[0]!.language,
    paragraphs,
    facts: [],
    items: [],
    ordered: false,
    notes: [],
    sources,
    suggestions,
    entryIds: [...new Set(replies.flatMap((r) => r.entryIds))],
  };
  return { ...joined, text: renderText(joined) };
}
