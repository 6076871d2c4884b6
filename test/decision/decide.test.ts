// Candidates and the decision: what each kind of question may be answered by, what is refused
// before any weighing, and the fitted model's choice.
import { describe, expect, it } from "vitest";
import { candidatesFor } from "../../src/decision/candidates.js";
import { decide } from "../../src/decision/decide.js";
import { loadAnswerModel, weightsOf } from "../../src/decision/model.js";
import { createKnowledgeStore } from "../../src/live/store.js";
import { readFrame } from "../../src/understanding/frame.js";
import { KNOWLEDGE_DIR } from "../helpers/bot.js";

const { knowledge: k, understander } = createKnowledgeStore(KNOWLEDGE_DIR).current();
const frameOf = (q: string) => readFrame(understander.understand(q), q);
const kinds = (q: string) => candidatesFor(frameOf(q), k, understander).candidates.map((c) => c.kind);
const planOf = (q: string) => decide(frameOf(q), q, k, understander, undefined, weightsOf(loadAnswerModel())).plan;

describe("candidates", () => {
  it("a region's figure, and passages that hold the question's words", () => {
    expect(kinds("Montako sote-järjestöä Lapissa on?")).toContain("figure");
    expect(kinds("Mitä Pohjois-Savo lupasi järjestöille?")).toContain("passage");
  });
  it("an entry as a whole only for a question about nothing else", () => {
    expect(kinds("Mikä on STEA?")).toContain("entry");
    expect(kinds("Milloin selvityksestä oli lausuntokierros?")).not.toContain("entry");
  });
  it("a question wanting a name, a date or a number gets only candidates that hold one", () => {
    const f = frameOf("Kuka asetti selvityshenkilön?");
    for (const c of candidatesFor(f, k, understander).candidates) expect(c.fitsType).toBe(true);
  });
  it("the country's figure from the fact that carries the metric's key, not a region's, and only when the metric is what is counted", () => {
    const national = candidatesFor(frameOf("paljonko sote-järjestöjä on suomessa ylipäätään?"), k, understander).candidates.find((c) => c.kind === "figure");
    expect(national?.passage?.entryId).toBeDefined();
    expect(k.entries.find((e) => e.id === national!.passage!.entryId)!.regions).toEqual([]);
    const members = candidatesFor(frameOf("How many members do Finnish social and health NGOs have?"), k, understander).candidates;
    expect(members.filter((c) => c.kind === "figure")).toEqual([]);
  });
  it("a grant verb the lexicon knows is not a strange word, though no passage uses it", () => {
    expect(kinds("paljonko lapin hyvinvointialue anto järjestöavustuksia 2023")).toContain("figure");
  });
  it("no figure for a count of something the knowledge does not name", () => {
    expect(kinds("How many registered associations are there in Lapland?")).not.toContain("figure");
  });
  it("a figure for a year it does not describe is blocked, and the refusal says which year", () => {
    expect(candidatesFor(frameOf("Paljonko Lappi sai rahoitusta vuonna 2026?"), k, understander).blockedYears).toEqual([2026]);
  });
});

describe("the decision", () => {
  it("refuses what no source gives, a municipality's figure, and an unknown year, before weighing", () => {
    expect(planOf("Mikä on Kainuun järjestökoordinaattorin puhelinnumero?").kind).toBe("unknown");
    expect(planOf("Paljonko Tampereen kaupunki jakaa järjestöavustuksia?").kind).toBe("unknown");
    expect(planOf("Paljonko Lappi sai rahoitusta vuonna 2026?")).toMatchObject({ kind: "unknown", years: [2026] });
  });
  it("asks which region when 'meidän alueella' has none", () => {
    expect(planOf("montako sote-järjestöä meillä on?").kind).toBe("ask-region");
    expect(planOf("Millä alueella on eniten sote-järjestöjä meillä?").kind).toBe("ranking");
  });
  it("answers the familiar kinds with the structured answer", () => {
    expect(planOf("Montako sote-järjestöä Lapissa on?")).toMatchObject({ kind: "region", regionId: "lappi", metrics: ["ngos"] });
    expect(planOf("Millä alueella on eniten sote-järjestöjä?")).toMatchObject({ kind: "ranking", metric: "ngos" });
    expect(planOf("Mitkä ovat viisi askelta toimivaan järjestöyhteistyöhön?")).toMatchObject({ kind: "steps" });
  });
  it("the shipped model has weights for every feature the code computes", () => {
    const model = loadAnswerModel();
    expect(() => weightsOf(model)).not.toThrow();
    expect(model.threshold).toBeGreaterThan(0);
    expect(model.threshold).toBeLessThan(1);
    expect(() => weightsOf({ ...model, features: model.features.slice(1), ranker: model.ranker.slice(1) })).toThrow(/refit/);
  });
});
