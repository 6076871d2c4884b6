// Cutting a message into its questions, and telling context from the question.
import { describe, expect, it } from "vitest";
import { createKnowledgeStore } from "../../src/live/store.js";
import { questionParts } from "../../src/understanding/clauses.js";
import { KNOWLEDGE_DIR } from "../helpers/bot.js";

const { understander } = createKnowledgeStore(KNOWLEDGE_DIR).current();
const parts = (q: string) => questionParts(q, understander.readClauses);
const contextWords = (q: string) => understander.understand(q).terms.filter((t) => t.context).map((t) => t.word);

describe("questions in one message", () => {
  it("two questions joined by 'ja' and a question word are two", () => {
    expect(parts("mikä oli eksoten rahotus 2023 ja paljonko ne anto järjestöavustuksia?")).toEqual(["mikä oli eksoten rahotus 2023", "ja paljonko ne anto järjestöavustuksia?"]);
    expect(parts("When did the tour visit Helsinki and how many NGOs are there?")).toHaveLength(2);
  });
  it("context before the question stays with it", () => {
    expect(parts("kysyn kollegan puolesta: paljonko pohjois-savo jakoi järjestöavustuksia ja mitä ne lupas järjestöille?")).toEqual([
      "kysyn kollegan puolesta: paljonko pohjois-savo jakoi järjestöavustuksia",
      "ja mitä ne lupas järjestöille?",
    ]);
  });
  it("a question word alone is not a question of its own", () => {
    expect(parts("Kuka ja milloin?")).toHaveLength(1);
    expect(parts("Montako sote-järjestöä Lapissa on?")).toEqual(["Montako sote-järjestöä Lapissa on?"]);
  });
  it("a number is not a sentence end", () => expect(parts("Mitä tapahtui 7.4.2020 ja kuka allekirjoitti?")).toHaveLength(2));
});

describe("context", () => {
  it("a clause that asks nothing before one that asks is context", () => {
    expect(contextWords("oon uus järjestötyöntekijä ja yritän hahmottaa kuvioita, mitkä on Lapin yhteistyörakenteet?")).toContain("jarjestotyontekija");
  });
  it("a single word before the question is part of it", () => {
    expect(contextWords("kriisikeskusbarometri, kuinka moni antoi arvosanan 4-5")).toEqual([]);
  });
  it("a statement with a Swedish or English verb not first is context, not a yes/no question", () => {
    expect(parts("Jag är med i en liten förening. Vad anser SOSTE om upphandlingar?")).toHaveLength(1);
    expect(contextWords("Jag är med i en liten förening. Vad anser SOSTE om upphandlingar?")).toContain("forening");
    expect(parts("Är det många organisationer i Lappland? Och hur mycket bidrag ger de?")).toHaveLength(2);
  });
  it("what comes before 'ja mietin', 'and I wonder' is context", () => {
    expect(contextWords("oon pienen yhdistyksen hallituksessa ja mietin kuinka iso osuus leikkaukset on")).toContain("hallituksessa");
    expect(contextWords("Lapin järjestöt ja mitä ne tekevät")).toEqual([]);
    expect(contextWords("yksi hallituksen jäsen kysyi viime kokouksessa mikä alue jakoi vähiten avustuksia")).toEqual(["hallituksen", "jasen", "kokouksessa"]);
    expect(parts("oon yhdistyksen hallituksessa ja mietin kuinka iso osuus leikkaukset on")).toHaveLength(1);
  });
  it("a request after a comma starts the question, and what is before it is context", () => {
    expect(contextWords("toimittaja täällä moi, tarviin Helsingin sote-järjestöjen määrän")).toEqual(["toimittaja"]);
    expect(contextWords("tarviin budjettia varten: paljonko lapin hyvinvointialue anto järjestöavustuksia")).toEqual(["budjettia"]);
  });
  it("a clause that points back is part of the question", () => {
    expect(contextWords("niistä kolmas, paljonko siellä asuu ihmisiä?")).toEqual([]);
  });
});

describe("a clause that only sets an operator", () => {
  it("is part of the question: 'ilman Helsinkiä, …' and '… – kaikki alueet'", () => {
    expect(understander.understand("ilman helsinkiä, mikä alue jakaa eniten avustuksia?").excluded).toEqual(["helsinki"]);
    expect(understander.understand("montako sote-järjestöä meillä on? – kaikki alueet").groups.has("rank")).toBe(true);
  });
  it("is context when it has words of its own beside the operator word", () => {
    expect(contextWords("teen vertailua hallitukselle, paljonko paijat-hameen hyvinvointialueella on asukkaita")).toEqual(["teen", "hallitukselle"]);
  });
});

describe("a question with no words of its own", () => {
  it("asks about the clause before it, which is then not context", () => {
    expect(contextWords("haluisin perustaa kaveriporukalla yhdistyksen, miten se tehdään?")).toEqual([]);
    expect(contextWords("oon uus järjestötyöntekijä Rovaniemellä, mitä järjestöneuvottelukunta tekee?").length).toBeGreaterThan(0);
  });
});
