// The labelled questions as a report: the share answered right in each file and public set, the
// cases that fail (--fail), the knowledge passages no question reaches (--coverage), the answer
// model measured by k-fold cross-validation (--cv [k]), the model refitted on every labelled
// question and written to src/decision/answer-model.json (--fit), and per public set the share of
// content words the knowledge does not know and how often the answering passage comes first (--measures).
//   npm run questions [-- --fail] [-- --coverage] [-- --cv 5] [-- --fit] [-- --measures]
import { writeFileSync } from "node:fs";
import { createBot } from "../../src/bot.js";
import { FEATURES } from "../../src/decision/features.js";
import { ANSWER_FEATURES, loadAnswerModel, MODEL_FILE, weightsOf, type AnswerModel } from "../../src/decision/model.js";
import type { Plan } from "../../src/decision/plan.js";
import { createKnowledgeStore } from "../../src/live/store.js";
import type { Passage } from "../../src/retrieval/passages.js";
import { KNOWLEDGE_DIR } from "../helpers/bot.js";
import { judge } from "../helpers/score.js";
import { collect } from "./collect.js";
import { passageHits, unknownWordShare } from "./measures.js";
import { crossValidate, fitModel, share, type CrossValidation, type Outcome } from "./fit.js";
import { allCases } from "./sets.js";

const args = process.argv.slice(2);
const store = createKnowledgeStore(process.env.KNOWLEDGE_DIR ?? KNOWLEDGE_DIR);
const cases = allCases();
const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)} %`;
const describe = (o: Outcome) => `${o.right}/${o.cases} right (${pct(o.right, o.cases)}); answerable refused ${pct(o.refusedKnown, o.known)}; outside the knowledge answered ${pct(o.answeredUnknown, o.unknown)}`;

function printCv(cv: CrossValidation): void {
  console.log(`\nCross-validation, ${cv.folds.length} folds, threshold ${cv.threshold} chosen on the held folds:`);
  cv.folds.forEach((o, i) => console.log(`  fold ${i + 1}: ${describe(o)}`));
  console.log(`  all held: ${describe(cv.all)}`);
}

if (args.includes("--cv") || args.includes("--fit")) {
  const k = Number(args[args.indexOf("--cv") + 1]) || 5;
  let model: AnswerModel = loadAnswerModel();
  // Two rounds: the second collects the earlier turns of conversations with the first round's fit.
  for (let round = 0; round < (args.includes("--fit") ? 2 : 1); round++) {
    const data = collect(cases, store, model);
    const cv = crossValidate(data, k);
    printCv(cv);
    if (!args.includes("--fit")) break;
    const fitted = fitModel(data);
    const round4 = (w: number[]) => w.map((x) => Math.round(x * 10_000) / 10_000);
    model = {
      features: [...FEATURES],
      ranker: round4(fitted.ranker),
      answerer: { features: ANSWER_FEATURES, weights: round4(fitted.answerer) },
      threshold: cv.threshold,
      fitted: {
        questions: data.length,
        candidates: data.reduce((n, d) => n + d.parts.reduce((m, p) => m + p.candidates.length, 0), 0),
        folds: k,
        heldRight: share(cv.all.right, cv.all.cases),
        heldAnswerableRefused: share(cv.all.refusedKnown, cv.all.known),
        heldOutsideAnswered: share(cv.all.answeredUnknown, cv.all.unknown),
      },
    };
    writeFileSync(MODEL_FILE, JSON.stringify(model, null, 1) + "\n");
    console.log(`wrote ${MODEL_FILE.pathname} (threshold ${model.threshold})`);
  }
}

if (args.includes("--measures")) {
  // Per public set: content words the index does not know, and the answering passage first.
  const model = loadAnswerModel();
  const { ranker } = weightsOf(model);
  console.log("\nset                 unknown words (before → now)   answering passage first (hit@1, hit@3)");
  for (const set of [...new Set(cases.filter((c) => c.set !== "repo").map((c) => c.set))]) {
    const mine = cases.filter((c) => c.set === set);
    const words = unknownWordShare(mine, store);
    const hits = passageHits(collect(mine, store, model), ranker);
    const p = (x: number) => `${(100 * x).toFixed(0)} %`;
    console.log(`${set.padEnd(20)}${`${p(words.before)} → ${p(words.now)}`.padEnd(31)}${p(hits.at1)}, ${p(hits.at3)} of ${hits.questions}`);
  }
}

const reached = new Set<string>();
const plans: Plan[] = [];
const bot = createBot({ store, onDecision: (d) => plans.push(d.plan) });
const failed: string[] = [];
const bySet = new Map<string, [number, number]>();
for (const c of cases) {
  let reply;
  for (const text of c.turns) reply = bot.answer({ text, conversationId: `q-${c.id}`, platform: "test" });
  const why = judge(c, reply!);
  const key = c.set === "repo" ? c.file : `public ${c.file}`;
  const [p, n] = bySet.get(key) ?? [0, 0];
  bySet.set(key, [p + (why.length ? 0 : 1), n + 1]);
  if (why.length) failed.push(`FAIL ${c.id} ${JSON.stringify(c.turns)}: ${why.join("; ")}`);
}

if (args.includes("--coverage")) {
  const passages = store.current().understander.index.passages;
  const mark = (pred: (p: Passage) => boolean) => passages.filter(pred).forEach((p) => reached.add(p.id));
  const reach = (plan: Plan): void => {
    if (plan.kind === "passages") plan.hits.forEach((h) => reached.add(h.passage.id));
    else if (plan.kind === "entry") mark((p) => p.entryId === plan.id);
    else if (plan.kind === "region") mark((p) => p.regionId === plan.regionId && (plan.sections.length === 0 || plan.sections.some((s) => p.kind === (s === "structures" ? "structure" : "highlight"))));
    else if (plan.kind === "steps") mark((p) => p.stepN !== undefined && (!plan.n || p.stepN === plan.n));
    else if (plan.kind === "more") reach(plan.of);
  };
  plans.forEach(reach);
  const missed = passages.filter((p) => !reached.has(p.id));
  console.log(`\n${missed.length} of ${passages.length} passages reached by no question:`);
  for (const p of missed) console.log(`  ${p.id}  ${(typeof p.text === "string" ? p.text : p.text.fi).slice(0, 100)}`);
}
if (args.includes("--fail")) console.log(failed.join("\n"));

// The scores last, so that the end of the output is the summary (CI shows its tail).
let passed = 0;
for (const [key, [p, n]] of bySet) {
  console.log(`${key.padEnd(28)} ${String(p).padStart(3)}/${n}  ${((100 * p) / n).toFixed(0)} %`);
  passed += p;
}
console.log(`${passed} of ${cases.length} questions answered right`);
