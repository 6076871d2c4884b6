// The question set as a report: the share answered right in each file, the cases that fail, and
// (with --coverage) the knowledge passages no question reaches — a passage no question reaches is
// one no user will reach either. Run with `npm run questions [-- --coverage] [-- --fail]`.
import { createBot } from "../../src/bot.js";
import { createKnowledgeStore } from "../../src/knowledge/store.js";
import type { Passage } from "../../src/retrieval/passages.js";
import { planFor, type Plan } from "../../src/understanding/plan.js";
import { KNOWLEDGE_DIR } from "../helpers/bot.js";
import { answerAll, judge, loadQuestions } from "../helpers/score.js";

const args = process.argv.slice(2);
const store = createKnowledgeStore(process.env.KNOWLEDGE_DIR ?? KNOWLEDGE_DIR);
const cases = loadQuestions();
const replies = answerAll(createBot({ store }), cases);

if (args.includes("--coverage")) {
  const { knowledge: k, understander } = store.current();
  const passages = understander.index.passages;
  const reached = new Set<string>();
  const reach = (plan: Plan) => {
    const mark = (pred: (p: Passage) => boolean) => passages.filter(pred).forEach((p) => reached.add(p.id));
    if (plan.kind === "passages") plan.hits.forEach((h) => reached.add(h.passage.id));
    else if (plan.kind === "entry") mark((p) => p.entryId === plan.id);
    else if (plan.kind === "region") mark((p) => p.regionId === plan.regionId && (plan.sections.length === 0 || plan.sections.some((s) => p.kind === (s === "structures" ? "structure" : "highlight"))));
    else if (plan.kind === "steps") mark((p) => p.stepN !== undefined && (!plan.n || p.stepN === plan.n));
    else if (plan.kind === "more") reach(plan.of);
  };
  for (const c of cases) {
    let previous: Plan | undefined;
    for (const text of c.turns) reach((previous = planFor(understander.understand(text), k, previous, understander)));
  }
  const missed = passages.filter((p) => !reached.has(p.id));
  console.log(`\n${missed.length} of ${passages.length} passages reached by no question:`);
  for (const p of missed) console.log(`  ${p.id}  ${(typeof p.text === "string" ? p.text : p.text.fi).slice(0, 100)}`);
}

// The scores last, so that the end of the output is the summary.
let passed = 0;
const byFile = new Map<string, [number, number]>();
for (const c of cases) {
  const why = judge(c, replies.get(c.id)!);
  const [p, n] = byFile.get(c.file) ?? [0, 0];
  byFile.set(c.file, [p + (why.length ? 0 : 1), n + 1]);
  if (!why.length) passed++;
  else if (args.includes("--fail")) console.log(`FAIL ${c.id} ${JSON.stringify(c.turns)}: ${why.join("; ")}`);
}
for (const [file, [p, n]] of byFile) console.log(`${file.padEnd(24)} ${String(p).padStart(3)}/${n}  ${((100 * p) / n).toFixed(0)} %`);
console.log(`${passed} of ${cases.length} questions answered right`);

