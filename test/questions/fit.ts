// Fitting the answer model and measuring it on questions it was not fitted on. Logistic
// regression (ml-logistic-regression) over standardised candidate features; k-fold
// cross-validation by case (a conversation stays in one fold): fit on k−1 folds, answer the held
// fold with that fit, judge the replies. The operating point is chosen on the held folds: the
// lowest threshold at which at most 5 % of the questions outside the knowledge are answered.
import LogisticRegression from "ml-logistic-regression";
import { Matrix } from "ml-matrix";
import type { Reply } from "../../src/seam.js";
import { judge } from "../helpers/score.js";
import { probability, type Weights } from "../../src/decision/model.js";
import { choose, replyWith, type CaseRows } from "./collect.js";

/** The most questions outside the knowledge that may be answered, as a share. */
export const MAX_ANSWERED_UNKNOWN = 0.05;
const STEPS = 1500;

/** Fits weights on raw features (standardised for the fit, brought back to the raw scale). */
export function fitWeights(rows: Array<{ features: number[]; right: boolean }>): number[] {
  const n = rows.length;
  const width = rows[0]!.features.length;
  const mean = new Array<number>(width).fill(0);
  const sd = new Array<number>(width).fill(0);
  for (const r of rows) r.features.forEach((x, j) => (mean[j]! += x / n));
  for (const r of rows) r.features.forEach((x, j) => (sd[j]! += (x - mean[j]!) ** 2 / n));
  // Column 0 is the bias; a column that never varies carries nothing and keeps weight 0.
  const scale = sd.map((v, j) => (j === 0 || v === 0 ? 0 : Math.sqrt(v)));
  const X = new Matrix(rows.map((r) => r.features.map((x, j) => (j === 0 ? 1 : scale[j] ? (x - mean[j]!) / scale[j]! : 0))));
  const Y = Matrix.columnVector(rows.map((r) => (r.right ? 1 : 0)));
  const lr = new LogisticRegression({ numSteps: STEPS, learningRate: 2 / n });
  lr.train(X, Y);
  const w = lr.classifiers[0]!.weights.to1DArray();
  const raw = w.map((x, j) => (j === 0 || !scale[j] ? 0 : x / scale[j]!));
  raw[0] = w[0]! - w.reduce((acc, x, j) => acc + (j === 0 || !scale[j] ? 0 : (x * mean[j]!) / scale[j]!), 0);
  return raw;
}

/** A probability from raw weights, as the bot computes it. */
export const scoreOf = (w: number[], x: number[]) => probability(w, x);

/** Both steps fitted on these cases: the ranker on every candidate, the answerer on the ranker's choices. */
export function fitModel(data: CaseRows[]): Omit<Weights, "threshold"> {
  const ranker = fitWeights(data.flatMap((d) => d.parts.flatMap((p) => p.candidates)));
  const choices = data.flatMap((d) =>
    d.parts.flatMap((p) => {
      const chosen = choose(p, ranker);
      return chosen ? [{ features: chosen.inputs, right: chosen.best.right && d.c.answered }] : [];
    }),
  );
  return { ranker, answerer: fitWeights(choices) };
}

export interface Outcome {
  cases: number;
  right: number;
  known: number;
  refusedKnown: number;
  unknown: number;
  answeredUnknown: number;
}

export function outcome(cases: Array<{ rows: CaseRows; reply: Reply }>): Outcome {
  const o: Outcome = { cases: cases.length, right: 0, known: 0, refusedKnown: 0, unknown: 0, answeredUnknown: 0 };
  for (const { rows, reply } of cases) {
    if (judge(rows.c, reply).length === 0) o.right++;
    if (rows.c.answered) (o.known++, reply.answered || o.refusedKnown++);
    else (o.unknown++, reply.answered && o.answeredUnknown++);
  }
  return o;
}

export const share = (a: number, b: number) => (b ? a / b : 0);

/** The fold a case belongs to: stable across runs (a hash of its id). */
export function foldOf(id: string, k: number): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return (h >>> 0) % k;
}

export interface CrossValidation {
  threshold: number;
  folds: Outcome[];
  all: Outcome;
}

/** k-fold cross-validation; the threshold is chosen on all held folds together. */
export function crossValidate(data: CaseRows[], k: number): CrossValidation {
  const models = Array.from({ length: k }, (_, f) => fitModel(data.filter((d) => foldOf(d.c.id, k) !== f)));
  const held = (t: number) => data.map((rows) => ({ rows, fold: foldOf(rows.c.id, k), reply: replyWith(rows, { ...models[foldOf(rows.c.id, k)]!, threshold: t }) }));
  const threshold = chooseThreshold(held);
  const chosen = held(threshold);
  const folds = Array.from({ length: k }, (_, f) => outcome(chosen.filter((x) => x.fold === f)));
  return { threshold, folds, all: outcome(chosen) };
}

/** The lowest threshold at which the held folds answer at most 5 % of the questions outside the knowledge. */
export function chooseThreshold(held: (t: number) => Array<{ rows: CaseRows; reply: Reply }>): number {
  let best = { t: 0.95, right: -1 };
  for (let t = 0.2; t <= 0.951; t += 0.025) {
    const o = outcome(held(t));
    if (share(o.answeredUnknown, o.unknown) <= MAX_ANSWERED_UNKNOWN && o.right > best.right) best = { t: Math.round(t * 1000) / 1000, right: o.right };
  }
  return best.t;
}
