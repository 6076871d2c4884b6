// The fitted answer model, in two steps, both logistic regression fitted on the labelled
// questions by `npm run questions -- --fit` (test/questions/fit.ts):
// - the ranker scores each candidate (features.ts): how likely its answer is the right one;
// - the answerer judges the ranker's choice against the question (its score, its lead over the
//   runner-up, its features): how likely the reply is right, and the reply is given only when
//   that reaches the threshold chosen on held folds, where few questions outside the knowledge
//   are answered.
// At run time each is a weighted sum and a sigmoid.
import { readFileSync } from "node:fs";
import { FEATURES } from "./features.js";

/**
 * The answerer's inputs: the ranker's score of its choice, its lead over the runner-up, and the
 * few features that say whether the question is one the knowledge answers at all (fewer inputs
 * than the ranker's: one row per question, not per candidate, to fit them on).
 */
const JUDGED = ["cover", "coverKnown", "unknownShare", "missRarest", "typeMiss", "regionOther", "quantityUnknown", "missRare", "missRareStructured", "followUp", "terms", "inFocus"] as const;
export const ANSWER_FEATURES = ["bias", "rankerScore", "lead", ...JUDGED];
const judgedAt = JUDGED.map((name) => FEATURES.indexOf(name));

export interface AnswerModel {
  /** The ranker's feature names and weights, in the same order. */
  features: string[];
  ranker: number[];
  answerer: { features: string[]; weights: number[] };
  /** A reply is given when the answerer's probability reaches this. */
  threshold: number;
  /** How the model was fitted: questions, folds, held-fold scores (for the README and reviews). */
  fitted?: Record<string, unknown>;
}

/** The model's weights in the order the code computes the features. */
export interface Weights {
  ranker: number[];
  answerer: number[];
  threshold: number;
}

export const MODEL_FILE = new URL("./answer-model.json", import.meta.url);

export function loadAnswerModel(file: URL | string = MODEL_FILE): AnswerModel {
  return JSON.parse(readFileSync(file, "utf8")) as AnswerModel;
}

/** The weights by the code's feature order; a model fitted on other features is refused with how to refit. */
export function weightsOf(model: AnswerModel): Weights {
  const order = (names: string[], have: string[], weights: number[]) => {
    const missing = names.filter((n) => !have.includes(n));
    if (missing.length || have.length !== weights.length) throw new Error(`the answer model lacks ${missing.join(", ") || "weights"}: refit it with npm run questions -- --fit`);
    return names.map((n) => weights[have.indexOf(n)]!);
  };
  return {
    ranker: order([...FEATURES], model.features, model.ranker),
    answerer: order(ANSWER_FEATURES, model.answerer.features, model.answerer.weights),
    threshold: model.threshold,
  };
}

export function probability(weights: number[], x: number[]): number {
  let z = 0;
  for (let i = 0; i < x.length; i++) z += weights[i]! * x[i]!;
  return 1 / (1 + Math.exp(-z));
}

/** The answerer's inputs for a choice: its ranker score, its lead over the runner-up, its features. */
export function answerInputs(best: number, second: number, features: number[]): number[] {
  return [1, best, best - second, ...judgedAt.map((i) => features[i]!)];
}
