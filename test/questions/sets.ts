// Every labelled question the project has: its own set (test/questions/*.yaml) and, where the
// checkout sits beside ../shared, the public sets (../shared/eval/*.json). The report scores them
// and the answer model is fitted and cross-validated on them.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadQuestions, type QuestionCase } from "../helpers/score.js";

export const PUBLIC_DIR = join(import.meta.dirname, "..", "..", "..", "shared", "eval");
export const PUBLIC_SETS = ["dev.json", "dev2.json", "chat.json", "conversations.json"];

export interface LabelledCase extends QuestionCase {
  /** "repo" for the project's own files, else the public set's name. */
  set: string;
}

export function publicCases(dir = PUBLIC_DIR): LabelledCase[] {
  return PUBLIC_SETS.filter((f) => existsSync(join(dir, f))).flatMap((f) =>
    (JSON.parse(readFileSync(join(dir, f), "utf8")) as QuestionCase[]).map((c) => ({ ...c, id: `${f.replace(".json", "")}:${c.id}`, file: f, set: f.replace(".json", "") })),
  );
}

export function allCases(): LabelledCase[] {
  return [...loadQuestions().map((c) => ({ ...c, set: "repo" })), ...publicCases()];
}
