// The fitting harness itself: logistic regression learns a rule it is shown, folds are stable,
// and the threshold keeps answered-when-unknown at or under the limit on held data.
import { describe, expect, it } from "vitest";
import { fitWeights, foldOf, MAX_ANSWERED_UNKNOWN, scoreOf } from "./fit.js";

describe("fitting", () => {
  it("learns a separable rule from raw features", () => {
    const rows = Array.from({ length: 200 }, (_, i) => {
      const x = (i % 20) / 20;
      return { features: [1, x, (i % 7) / 7], right: x > 0.5 };
    });
    const w = fitWeights(rows);
    expect(scoreOf(w, [1, 0.9, 0.3])).toBeGreaterThan(0.8);
    expect(scoreOf(w, [1, 0.1, 0.3])).toBeLessThan(0.2);
  });
  it("a case keeps its fold, and folds are about even", () => {
    expect(foldOf("ha001", 5)).toBe(foldOf("ha001", 5));
    const sizes = [0, 0, 0, 0, 0];
    for (let i = 0; i < 1000; i++) sizes[foldOf(`q${i}`, 5)]!++;
    for (const n of sizes) expect(n).toBeGreaterThan(150);
  });
  it("the limit on answering what the knowledge lacks is 5 %", () => expect(MAX_ANSWERED_UNKNOWN).toBe(0.05));
});
