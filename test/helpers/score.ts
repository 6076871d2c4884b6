// Scores answers the way a user judges them (and as ../shared/eval does): every expected group
// has one of its alternatives in the answer, no forbidden string appears, and the bot says "I
// don't know" exactly when it should. Text is compared with digit groups joined, decimal commas
// as dots, dashes unified and markdown emphasis dropped; English thousands commas are read both ways.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import type { CoreBot } from "../../src/bot.js";
import type { Reply } from "../../src/seam.js";

export interface QuestionCase {
  id: string;
  turns: string[];
  answered: boolean;
  all?: string[][];
  none?: string[];
  note?: string;
  file: string;
}

export const QUESTIONS_DIR = join(import.meta.dirname, "..", "questions");

export function loadQuestions(dir = QUESTIONS_DIR): QuestionCase[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .flatMap((file) => (parse(readFileSync(join(dir, file), "utf8")) as Omit<QuestionCase, "file">[]).map((c) => ({ ...c, file })));
}

function normalise(s: string, englishCommas: boolean): string {
  let t = s.toLowerCase().normalize("NFC").replace(/[\u00a0\u202f\u2009\u2007]/g, " ").replace(/[\u2010-\u2015\u2212]/g, "-").replace(/\*|_|`/g, "");
  const group = englishCommas ? /(\d)[ .,](?=\d{3}(?!\d))/g : /(\d)[ .](?=\d{3}(?!\d))/g;
  for (let i = 0; i < 4; i++) t = t.replace(group, "$1");
  return t.replace(/(\d),(\d)/g, "$1.$2").replace(/\s+/g, " ");
}

/** Whether the text holds the string; a number must not be the tail of a longer number. */
function holds(text: string, wanted: string): boolean {
  const w = normalise(wanted, false);
  return [false, true].some((en) => {
    const t = normalise(text, en);
    for (let i = t.indexOf(w); i >= 0; i = t.indexOf(w, i + 1)) if (!/^\d/.test(w) || !/[\d.]/.test(t[i - 1] ?? " ")) return true;
    return false;
  });
}

/** Why a case fails (empty when it passes). */
export function judge(c: QuestionCase, reply: Reply): string[] {
  const why: string[] = [];
  if (reply.answered !== c.answered) why.push(`answered=${reply.answered}`);
  for (const group of c.all ?? []) if (!group.some((alt) => holds(reply.text, alt))) why.push(`missing ${JSON.stringify(group)}`);
  for (const n of c.none ?? []) if (holds(reply.text, n)) why.push(`contains ${JSON.stringify(n)}`);
  return why;
}

/** Asks every case's turns in its own conversation and returns the last reply of each. */
export function answerAll(bot: CoreBot, cases: QuestionCase[]): Map<string, Reply> {
  const out = new Map<string, Reply>();
  for (const c of cases) {
    let last: Reply | undefined;
    for (const text of c.turns) last = bot.answer({ text, conversationId: `q-${c.id}`, platform: "test" });
    out.set(c.id, last!);
  }
  return out;
}
