// Two measures the report prints beside the scores: how many of a question's content words the
// knowledge does not know (read the old way, and with function words, spoken forms and typos
// taken into account), and how often the passage that answers is the one the bot puts first.
import type { KnowledgeStore } from "../../src/live/store.js";
import { fold } from "../../src/text/normalise.js";
import { canonicalStem } from "../../src/text/terms.js";
import { ranked, type CaseRows } from "./collect.js";
import type { LabelledCase } from "./sets.js";

/** Share of content words unknown to the index: before (only the lexicon's steering words left out) and now. */
export function unknownWordShare(cases: LabelledCase[], store: KnowledgeStore): { before: number; now: number } {
  const { understander, knowledge: k } = store.current();
  const steering = new Set(Object.values(k.lexicon.groups).flat().map((w) => w.toLowerCase()));
  let beforeAll = 0;
  let beforeUnknown = 0;
  let nowAll = 0;
  let nowUnknown = 0;
  for (const c of cases) {
    for (const text of c.turns) {
      const u = understander.understand(text);
      const inRegion = new Set(u.regions.flatMap((m) => Array.from({ length: m.end - m.start }, (_, i) => m.start + i)));
      // Before: every word that is not a region name, a number or a lexicon word, read as typed.
      text.toLowerCase().normalize("NFC").split(/[^\p{L}\p{N}]+/u).forEach((w, i) => {
        if (!w || /^\d+$/.test(w) || steering.has(w) || w.length < 3 || inRegion.has(i)) return;
        beforeAll++;
        if (!understander.index.knows(canonicalStem(fold(w), u.language), u.language)) beforeUnknown++;
      });
      for (const t of u.terms.filter((x) => !/^\d+$/.test(x.term))) {
        nowAll++;
        if (understander.index.idf(t, u.language) === undefined) nowUnknown++;
      }
    }
  }
  return { before: beforeUnknown / Math.max(1, beforeAll), now: nowUnknown / Math.max(1, nowAll) };
}

/** Of the questions a passage answers, the share where the bot's first passage is one that does (hit@1), or one of its first three. */
export function passageHits(data: CaseRows[], ranker: number[]): { questions: number; at1: number; at3: number } {
  let questions = 0;
  let at1 = 0;
  let at3 = 0;
  for (const d of data) {
    if (!d.c.answered) continue;
    const part = d.parts.at(-1)!;
    const passages = part.candidates.filter((c) => c.kind === "passage");
    if (!passages.some((c) => c.right)) continue;
    questions++;
    const order = ranked(passages, ranker);
    if (order[0]?.right) at1++;
    if (order.slice(0, 3).some((c) => c.right)) at3++;
  }
  return { questions, at1: at1 / Math.max(1, questions), at3: at3 / Math.max(1, questions) };
}
