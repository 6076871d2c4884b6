// A content word typed slightly wrong is read as the knowledge's word when exactly one is that close.
import { describe, expect, it } from "vitest";
import { createKnowledgeStore } from "../../src/live/store.js";
import { createTypoFixer } from "../../src/understanding/typos.js";
import { KNOWLEDGE_DIR } from "../helpers/bot.js";

const { understander } = createKnowledgeStore(KNOWLEDGE_DIR).current();
const words = (q: string) => understander.understand(q).tokens.map((t) => t.word);
const same = (a: string, b: string) => a === b;

describe("typos", () => {
  const fix = createTypoFixer(["rahoitus", "rahoitusta", "lupasi", "vaestoja", "jarjestoavustuksia"], same);
  it("one edit in a short word, two in a long one", () => {
    expect(fix("rahotus")).toBe("rahoitus");
    expect(fix("jarjestoavustukia")).toBe("jarjestoavustuksia");
  });
  it("spoken past tense without its last vowel", () => expect(fix("lupas")).toBe("lupasi"));
  it("never a word two letters shorter or longer, nor an exact word", () => {
    expect(fix("vaestoraja")).toBeUndefined();
    expect(fix("rahoitus")).toBeUndefined();
  });
  it("nothing when two different words are as close", () => expect(createTypoFixer(["talous", "tilous"], same)("tolous")).toBeUndefined());
  it("in questions: a misspelt figure word is read right, a function word is never a misspelt region", () => {
    expect(words("mikä oli eksoten rahotus 2023")).toContain("rahoitus");
    expect(understander.understand("miks niin vähän?").regions).toEqual([]);
  });
});
