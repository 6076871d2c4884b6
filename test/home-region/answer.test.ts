// The home region in the core: applied only to a question that points at the asker's own place
// and names no region, said in one line of the reply, with a button that asks about all regions.
import { describe, expect, it } from "vitest";
import { asksAboutHome } from "../../src/home-region/answer.js";
import { createKnowledgeStore } from "../../src/live/store.js";
import { figure, KNOWLEDGE_DIR, plain, regionData, testBot } from "../helpers/bot.js";

const { understander } = createKnowledgeStore(KNOWLEDGE_DIR).current();
const bot = testBot();
const regions = regionData();
const region = (id: string) => regions.find((r) => r.id === id)!;
let n = 0;
const ask = (text: string, homeRegion?: string) => bot.answer({ text, conversationId: `home-${++n}`, platform: "test", ...(homeRegion ? { homeRegion } : {}) });

describe("which questions the home region answers", () => {
  it.each([
    "montako sote-järjestöä meillä on?",
    "meidän alueen järjestöavustukset",
    "Paljonko täällä on asukkaita?",
    "how many NGOs do we have here?",
    "what are the NGO grants in our region?",
    "hur många organisationer har vi här?",
    "hur stora är organisationsbidragen i vårt område?",
  ])("%s points at the asker's place", (q) => expect(asksAboutHome(understander.understand(q))).toBe(true));

  it.each([
    "Montako sote-järjestöä Lapissa on?",
    "montako sote-järjestöä meillä Kainuussa on?",
    "Missä on eniten järjestöjä meillä?",
    "Millä alueella meillä on järjestöneuvottelukunta?",
    "montako sote-järjestöä on?",
    "montako sote-järjestöä meillä on? – kaikki alueet",
    "Montako sote-järjestöä Uudellamaalla meillä on?",
  ])("%s is left as it is", (q) => expect(asksAboutHome(understander.understand(q))).toBe(false));
});

describe("answers with a home region", () => {
  it.each([
    ["montako sote-järjestöä meillä on?", "Kotialueena Pirkanmaa.", "Kaikki alueet", "– kaikki alueet"],
    ["how many NGOs do we have here?", "Home region: Pirkanmaa.", "All regions", "– all regions"],
    ["hur många organisationer har vi här?", "Hemområde: Birkaland.", "Alla områden", "– alla områden"],
  ])("%s gets the home region's figure, the line saying so and an all-regions button first", (q, line, label, tail) => {
    const reply = ask(q, "pirkanmaa");
    expect(reply.answered).toBe(true);
    expect(reply.facts.map((f) => plain(f.value))).toEqual([String(figure(region("pirkanmaa"), "ngos"))]);
    expect(reply.notes[0]).toBe(line);
    expect(reply.text).toContain(line);
    expect(reply.suggestions[0]).toEqual({ label, question: `${q} ${tail}` });
    expect(reply.entryIds).toContain("pirkanmaa");
  });

  it("asks the all-regions button's question across all regions, without the home line", () => {
    const first = ask("meidän alueen järjestöavustukset", "lappi");
    expect(first.facts.map((f) => f.label)).toHaveLength(1);
    const all = ask(first.suggestions[0]!.question, "lappi");
    expect(all.ordered).toBe(true);
    expect(all.items.length).toBeGreaterThan(20);
    expect(all.text).not.toMatch(/Kotialueena/);
  });

  it("never changes a question that names a region", () => {
    const named = ask("Montako sote-järjestöä Kainuussa meillä on?", "pirkanmaa");
    const plainly = ask("Montako sote-järjestöä Kainuussa on?");
    expect(named.facts).toEqual(plainly.facts);
    expect(named.text).not.toMatch(/Kotialueena/);
    expect(named.entryIds).not.toContain("pirkanmaa");
  });

  it("leaves questions without the asker's place to all regions, home region or not", () => {
    const withHome = ask("montako sote-järjestöä on?", "pirkanmaa");
    expect(withHome.text).toBe(ask("montako sote-järjestöä on?").text);
  });

  it("asks which region, with a button per region, when no home region is set and the conversation has none", () => {
    const reply = ask("montako sote-järjestöä meillä on?");
    expect(reply.answered).toBe(false);
    expect(reply.text).toMatch(/^Minkä alueen/);
    expect(reply.suggestions).toHaveLength(regions.length);
    expect(reply.suggestions.find((s) => s.label === "Kainuu")!.question).toBe("Kainuu: montako sote-järjestöä meillä on?");
  });

  it("uses the conversation's region when no home region is set", () => {
    const conversationId = "home-conversation";
    bot.answer({ text: "paljonko Kainuussa on asukkaita?", conversationId, platform: "test" });
    const next = bot.answer({ text: "montako sote-järjestöä meillä on?", conversationId, platform: "test" });
    expect(plain(next.text)).toContain(String(figure(region("kainuu"), "ngos")));
    expect(next.notes.join(" ")).not.toMatch(/ei nimennyt aluetta/);
  });

  it("says an answer that needs no region covers all regions when no home region is set", () => {
    const reply = ask("onko meillä palveluseteli käytössä?");
    expect(reply.answered).toBe(true);
    expect(reply.notes[0]).toBe("Kysymys ei nimennyt aluetta, joten vastaus koskee kaikkia alueita.");
  });

  it("asks which region when a region's own structures are asked of 'meillä' and no region is known", () => {
    const reply = ask("onko meillä järjestöneuvottelukunta?");
    expect(reply.answered).toBe(false);
    expect(reply.text).toMatch(/Minkä alueen/);
  });

  it("ignores a home region the knowledge no longer has", () => {
    expect(ask("montako sote-järjestöä meillä on?", "atlantis").text).toBe(ask("montako sote-järjestöä meillä on?").text);
  });

  it("answers a follow-up about another region after a home-region answer", () => {
    const conversationId = "home-follow";
    bot.answer({ text: "paljonko meillä on järjestöavustuksia?", conversationId, platform: "test", homeRegion: "pirkanmaa" });
    const next = bot.answer({ text: "entä Kainuun?", conversationId, platform: "test", homeRegion: "pirkanmaa" });
    expect(plain(next.text)).toContain(String(figure(region("kainuu"), "ngo-grants")));
    expect(next.text).not.toMatch(/Kotialueena/);
  });
});
