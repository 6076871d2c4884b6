// A rebuilt index reuses the terms of the texts it read before: an edited text is read afresh,
// a changed stop list starts reading anew, and the index is the one a fresh process builds.
import { describe, expect, it, vi } from "vitest";
import { loadKnowledge, type Knowledge } from "../../src/knowledge/load.js";
import type { QueryTerm } from "../../src/retrieval/passage-index.js";
import { canonicalStem } from "../../src/text/terms.js";
import { KNOWLEDGE_DIR } from "../helpers/bot.js";

const loaded = loadKnowledge(KNOWLEDGE_DIR);
if (!loaded.ok) throw new Error("the knowledge does not load");
const k = loaded.knowledge;

/** The knowledge with one word added to the end of an entry's Finnish summary. */
function withWord(word: string): Knowledge {
  const entry = k.entries.find((e) => typeof e.summary !== "string")!;
  const summary = entry.summary as { fi: string };
  return { ...k, entries: k.entries.map((e) => (e === entry ? { ...e, summary: { ...summary, fi: `${summary.fi} Myös ${word} mainitaan.` } } : e)) };
}

const term = (word: string): QueryTerm => ({ term: canonicalStem(word, "fi"), weight: 1 });
const QUERIES = [["jarjestoavustuksia"], ["kumppanuuspoyta", "lapissa"], ["vapaaehtoisia", "hyvinvointialueella"], ["stea", "leikkaukset"]];

async function freshIndexModule() {
  vi.resetModules();
  return import("../../src/retrieval/passage-index.js");
}

describe("the terms a rebuilt index reuses", () => {
  it("read an edited text afresh, and give the index a fresh process builds", async () => {
    const { buildPassageIndex } = await freshIndexModule();
    const stop = new Set(["ja", "on"]);
    const before = buildPassageIndex(withWord("kummitussana"), stop);
    expect(before.search([term("kummitussana")], "fi")).toHaveLength(1);

    const after = buildPassageIndex(withWord("aavesana"), new Set(stop));
    expect(after.search([term("kummitussana")], "fi")).toHaveLength(0);
    expect(after.search([term("aavesana")], "fi")).toHaveLength(1);

    const fresh = (await freshIndexModule()).buildPassageIndex(withWord("aavesana"), new Set(stop));
    const results = (index: typeof after) => QUERIES.map((q) => index.search(q.map(term), "fi").map((h) => [h.passage.id, h.score]));
    expect(results(after)).toEqual(results(fresh));
  });

  it("are read anew when the stop words change", async () => {
    const { buildPassageIndex } = await freshIndexModule();
    expect(buildPassageIndex(withWord("kummitussana"), new Set()).search([term("kummitussana")], "fi")).toHaveLength(1);
    expect(buildPassageIndex(withWord("kummitussana"), new Set(["kummitussana"])).search([term("kummitussana")], "fi")).toHaveLength(0);
  });
});
