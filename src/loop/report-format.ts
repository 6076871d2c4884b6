// One report, three forms: plain text for `jarjestobotti report`, CSV for spreadsheets
// (`--csv`: one table with a section column), and a Reply coordinators get in chat. The data
// holds no user ids or addresses, so no form can show who asked.
import { renderText } from "../answers/reply-builder.js";
import type { Language, Reply } from "../seam.js";
import { LOOP } from "./loop-phrases.js";
import type { ReportData } from "./store.js";

/** Names for region and entry ids in the reader's language; an unknown id is shown as it is. */
export type NameOf = (id: string) => string;

interface Section {
  title: string;
  lines: string[];
}

function sections(d: ReportData, lang: Language, nameOf: NameOf): Section[] {
  const w = LOOP[lang];
  const counted = (list: ReportData["regions"], name: NameOf = (k) => k) => list.map((c) => `${name(c.key)}: ${c.count}`);
  return [
    { title: w.byRegion, lines: counted(d.regions, nameOf) },
    { title: w.byTopic, lines: counted(d.topics, nameOf) },
    { title: w.unanswered, lines: d.unanswered.map((c) => `${c.count} × ${c.key}`) },
    { title: w.feedback(d.feedback.up, d.feedback.down), lines: d.feedback.reasons.map((r) => `${r.reason} ← ”${r.question}” (${r.entries.map(nameOf).join(", ") || "–"}; ${r.platform}, ${r.at.slice(0, 10)})`) },
    { title: w.open(d.escalations.answered), lines: d.escalations.open.map((e) => `${e.id} · ${e.at.slice(0, 10)} · ${e.question}${e.regions.length ? ` (${e.regions.map(nameOf).join(", ")})` : ""}`) },
  ];
}

/** Which organisation a report keeps to, when it keeps to one. */
const scopeLine = (d: ReportData, lang: Language) => (d.organisation !== undefined ? [LOOP[lang].onlyHere(d.organisation)] : []);

export function reportText(d: ReportData, lang: Language, nameOf: NameOf): string {
  const w = LOOP[lang];
  const out = [w.reportTitle(d.since), ...scopeLine(d, lang), w.questions(d.questions, d.answered)];
  for (const s of sections(d, lang, nameOf)) {
    out.push("", s.title);
    out.push(...(s.lines.length ? s.lines.map((l) => `  ${l}`) : [`  ${w.none}`]));
  }
  return out.join("\n") + "\n";
}

export function reportReply(d: ReportData, lang: Language, nameOf: NameOf): Reply {
  const w = LOOP[lang];
  const paragraphs = [...scopeLine(d, lang), w.questions(d.questions, d.answered), ...sections(d, lang, nameOf).map((s) => [s.title, ...s.lines.map((l) => `• ${l}`)].join("\n"))];
  const reply: Omit<Reply, "text"> = { answered: true, language: lang, title: w.reportTitle(d.since), paragraphs, facts: [], items: [], ordered: false, notes: [], sources: [], suggestions: [], entryIds: [] };
  return { ...reply, text: renderText(reply) };
}

const cell = (v: string | number) => (/[",\n\r]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));

/** section,item,count,detail: unanswered questions come most frequent first, as in the text. */
export function reportCsv(d: ReportData): string {
  const rows: Array<Array<string | number>> = [["section", "item", "count", "detail"], ["questions", "all", d.questions, ""], ["questions", "answered", d.answered, ""]];
  for (const c of d.regions) rows.push(["region", c.key, c.count, ""]);
  for (const c of d.topics) rows.push(["topic", c.key, c.count, ""]);
  for (const c of d.unanswered) rows.push(["unanswered", c.key, c.count, ""]);
  rows.push(["feedback", "up", d.feedback.up, ""], ["feedback", "down", d.feedback.down, ""]);
  for (const r of d.feedback.reasons) rows.push(["feedback-reason", r.question, 1, `${r.reason} | entries: ${r.entries.join(" ")} | ${r.platform} | ${r.at}`]);
  rows.push(["escalations", "answered", d.escalations.answered, ""]);
  for (const e of d.escalations.open) rows.push(["escalation-open", e.question, 1, `${e.id} | ${e.at} | ${e.regions.join(" ")} | ${e.platform}`]);
  return rows.map((r) => r.map(cell).join(",")).join("\n") + "\n";
}
