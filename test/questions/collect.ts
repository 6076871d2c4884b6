// The labelled questions as training data for the answer model: every candidate of each case's
// last turn with its features and the reply it would give. A candidate is labelled right when
// its reply passes the case as a user would judge it (the expected facts there, nothing wrong);
// every candidate of a question the knowledge cannot answer is wrong.
import { composeReply } from "../../src/answers/compose.js";
import { joinReplies } from "../../src/answers/join-replies.js";
import { createBot } from "../../src/bot.js";
import type { Decision } from "../../src/decision/decide.js";
import { answerInputs, probability, type AnswerModel, type Weights } from "../../src/decision/model.js";
import type { KnowledgeStore } from "../../src/live/store.js";
import type { Reply } from "../../src/seam.js";
import { judge } from "../helpers/score.js";
import type { LabelledCase } from "./sets.js";

export interface CandidateRow {
  kind: string;
  features: number[];
  reply: Reply;
  /** The reply passes the case when this candidate answers its part (the other parts as answered). */
  right: boolean;
}

/** One question of the last message: its candidates and what it says when none is trusted. */
export interface PartRows {
  candidates: CandidateRow[];
  fallback: Reply;
}

export interface CaseRows {
  c: LabelledCase;
  /** The reply the bot gave with the model it ran. */
  reply: Reply;
  parts: PartRows[];
}

export function collect(cases: LabelledCase[], store: KnowledgeStore, model?: AnswerModel): CaseRows[] {
  const { knowledge: k, understander } = store.current();
  let last: Array<{ d: Decision; text: string }> = [];
  const bot = createBot({ store, ...(model ? { model } : {}), onDecision: (d, text) => last.push({ d, text }) });
  const compose = (plan: Decision["plan"], text: string) => {
    const u = understander.understand(text);
    return composeReply(k, plan, u, u.language, understander.index.passages);
  };
  return cases.map((c) => {
    let reply: Reply | undefined;
    for (const text of c.turns) {
      last = [];
      reply = bot.answer({ text, conversationId: `fit-${c.id}`, platform: "test" });
    }
    const actual = last.map(({ d, text }) => compose(d.plan, text));
    const parts = last.map(({ d, text }, i): PartRows => ({
      fallback: compose(d.fallback, text),
      candidates: d.scored.map((s) => {
        const mine = compose(s.candidate.plan, text);
        // A passage is labelled by what it says itself: its companions are added after the choice.
        const plan = s.candidate.plan;
        const lead = plan.kind === "passages" && !plan.whichRegion && plan.hits.length > 1 ? compose({ ...plan, hits: plan.hits.slice(0, 1), regionOf: plan.regionOf.slice(0, 1) }, text) : mine;
        const whole = actual.length === 1 ? lead : joinReplies(actual.map((r, j) => (j === i ? lead : r)));
        return { kind: s.candidate.kind, features: s.features, reply: mine, right: judge(c, whole).length === 0 };
      }),
    }));
    return { c, reply: reply!, parts };
  });
}

/** Candidates in the ranker's order, best first. */
export function ranked(candidates: CandidateRow[], ranker: number[]): CandidateRow[] {
  return candidates.map((c) => ({ c, p: probability(ranker, c.features) })).sort((a, b) => b.p - a.p).map((x) => x.c);
}

/** The ranker's choice among a question's candidates, and the answerer's inputs for it. */
export function choose(part: PartRows, ranker: number[]): { best: CandidateRow; inputs: number[] } | undefined {
  const scored = part.candidates.map((c) => ({ c, p: probability(ranker, c.features) })).sort((a, b) => b.p - a.p);
  const [first, second] = scored;
  return first && { best: first.c, inputs: answerInputs(first.p, second?.p ?? 0, first.c.features) };
}

/** The reply a model would give for the case: per question, the ranker's choice if the answerer trusts it. */
export function replyWith(rows: CaseRows, w: Weights): Reply {
  const replies = rows.parts.map((part) => {
    const chosen = choose(part, w.ranker);
    return chosen && probability(w.answerer, chosen.inputs) >= w.threshold ? chosen.best.reply : part.fallback;
  });
  return replies.length === 1 ? replies[0]! : joinReplies(replies);
}
