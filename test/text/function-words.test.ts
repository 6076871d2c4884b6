// Function words, fillers and spoken Finnish: never what a question is about, in any of the three languages.
import { describe, expect, it } from "vitest";
import { isFunctionWord, writtenForm } from "../../src/text/function-words.js";
import { createKnowledgeStore } from "../../src/live/store.js";
import { KNOWLEDGE_DIR } from "../helpers/bot.js";

const { understander } = createKnowledgeStore(KNOWLEDGE_DIR).current();
const content = (q: string) => understander.understand(q).terms.map((t) => t.word);

describe("function words", () => {
  it("come from a maintained list in each language", () => {
    expect(isFunctionWord("etta", "fi")).toBe(true);
    expect(isFunctionWord("att", "sv")).toBe(true);
    expect(isFunctionWord("the", "en")).toBe(true);
    expect(isFunctionWord("jarjesto", "fi")).toBe(false);
  });
  it("spoken Finnish is read in its written form", () => {
    expect(writtenForm("vois")).toBe("voisi");
    expect(writtenForm("onks")).toBe("onko");
    expect(writtenForm("jarjesto")).toBe("jarjesto");
  });
  it.each([
    ["eiks hyvinvointialue vois vaan kuulla jokaista järjestöä erikseen?", ["eiks", "vois", "vaan"]],
    ["Vad ska välfärdsområdets strategi säga om invånarnas möjligheter?", ["ska", "saga", "om"]],
    ["What did the rapporteur propose about the grants?", ["what", "did", "the", "about"]],
    ["hei siun soten alueella on montako sotejarjestoa suunnilleen", ["hei", "suunnilleen"]],
  ])("are not content in %s", (q, words) => {
    const terms = content(q);
    for (const w of words) expect(terms).not.toContain(w);
  });
  it("a word the knowledge lists stays content even when a list calls it a function word", () => {
    expect(content("How many members do social and health NGOs have?")).toContain("members");
  });
});
