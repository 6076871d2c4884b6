// The question analysis, stage by stage: what kind of answer is wanted, thresholds on figures,
// what is counted, references to the previous answer, and the content words left for search.
import { describe, expect, it } from "vitest";
import { readThreshold } from "../../src/understanding/threshold.js";
import { createKnowledgeStore } from "../../src/live/store.js";
import { KNOWLEDGE_DIR } from "../helpers/bot.js";

const { understander } = createKnowledgeStore(KNOWLEDGE_DIR).current();
const read = (q: string) => understander.understand(q);

describe("answer type", () => {
  it.each([
    ["Kuka tilasi selvityksen?", "who"],
    ["Milloin aivoriihi järjestettiin?", "when"],
    ["Montako sote-järjestöä Lapissa on?", "count"],
    ["Paljonko Kainuu jakaa avustuksia?", "amount"],
    ["Miksi hankinnat pitäisi osittaa?", "why"],
    ["Millä hyvinvointialueella on yhdyspintaneuvottelukunta?", "which-region"],
    ["In which county did the tour start?", "which-region"],
    ["Onko Pirkanmaalla järjestöneuvottelukunta?", "yesno"],
    ["Miksi järjestöjä tarvitaan palveluntuottajina?", "why"],
  ])("%s -> %s", (q, type) => expect(read(q).asks).toBe(type));
});

describe("thresholds", () => {
  const groups = (...g: string[]) => new Set(g);
  it("reads the number with its scale and the direction", () => {
    expect(readThreshold("Mitkä alueet jakavat yli 2 miljoonaa euroa?", groups("above"))).toEqual({ op: "above", value: 2_000_000 });
    expect(readThreshold("alle 100 000 €", groups("below"))).toEqual({ op: "below", value: 100_000 });
    expect(readThreshold("more than €1.5 million", groups("above"))).toEqual({ op: "above", value: 1_500_000 });
  });
  it("needs an above or below word", () => expect(readThreshold("2 miljoonaa euroa", groups())).toBeUndefined());
});

describe("what is counted", () => {
  it("is the noun after the question word, not a figure word later on", () => {
    expect(read("Montako vapaaehtoista Satakunnan sote-järjestöissä on?").countsFigure).toBe(false);
    expect(read("Montako sote-järjestöä Satakunnassa on?").countsFigure).toBe(true);
  });
  it("skips an adjective of origin", () => expect(read("Montako keskisuomalaista sote-järjestöä tuotti palveluja?").counted).toBe(read("sote-järjestöä").terms[0]?.term));
});

describe("content words", () => {
  it("leave out region names, question words and steering words", () => {
    const u = read("Mitä Pohjois-Savon hyvinvointialue lupasi järjestöille?");
    expect(u.terms.map((t) => t.term)).not.toContain("pohjois");
    expect(u.topicWords).toContain("lupasi");
  });
  it("name what no source gives", () => expect(read("Mikä on Kainuun järjestökoordinaattorin puhelinnumero?").unknowable.length).toBe(1));
});

describe("general trigger words", () => {
  it("flags a word many entries list and a word that is part of a region's name", async () => {
    const { generalWords } = await import("../../src/understanding/general-words.js");
    const { knowledge } = createKnowledgeStore(KNOWLEDGE_DIR).current();
    const entries = knowledge.entries.slice(0, 4).map((e, i) => ({ ...e, words: [...e.words, "yhteistyö", ...(i === 0 ? ["Suomessa"] : [])] }));
    const found = generalWords({ ...knowledge, entries });
    expect(found.find((g) => g.word === "yhteistyo")?.why).toBe("shared");
    expect(found.find((g) => g.word === "suomessa")?.why).toBe("common");
    expect(generalWords(knowledge)).toEqual([]);
  });
});
