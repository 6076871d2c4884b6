import { describe, expect, it } from "vitest";
import { loadKnowledge, type Knowledge } from "../../src/knowledge/load.js";
import { fold } from "../../src/text/normalise.js";
import { createUnderstander } from "../../src/understanding/understand.js";
import { KNOWLEDGE_DIR, regionData } from "../helpers/bot.js";

const loaded = loadKnowledge(KNOWLEDGE_DIR);
if (!loaded.ok) throw new Error("knowledge does not load");
const k: Knowledge = loaded.knowledge;
const understander = createUnderstander(k);
const regionsIn = (text: string) => understander.understand(text).regions.map((m) => m.ids.join("|"));

const regions = regionData();
const formsOf = (r: (typeof regions)[number]) => [
  r.names.fi,
  ...r.names.fi_forms,
  r.names.sv,
  ...(r.names.sv_forms ?? []),
  r.names.en,
  ...(r.names.en_forms ?? []),
  ...(r.names.short ?? []),
];

describe("region names", () => {
  it.each(regions.map((r) => [r.id, r] as const))("every written form of %s resolves to it", (id, r) => {
    for (const form of formsOf(r)) expect(regionsIn(`Kerro ${form} luvut`), form).toEqual([id]);
  });

  it.each(regions.map((r) => [r.id, r] as const))("%s resolves typed without ä/ö, in lower case, with a clitic", (id, r) => {
    for (const form of r.names.fi_forms) {
      expect(regionsIn(fold(form)), fold(form)).toEqual([id]);
      expect(regionsIn(`${form.toLowerCase()}kin`), `${form}kin`).toEqual([id]);
    }
  });

  it("treats spaces and hyphens alike and prefers the longest name", () => {
    expect(regionsIn("etelä pohjanmaalla")).toEqual(["etela-pohjanmaa"]);
    expect(regionsIn("Etelä-Pohjanmaalla")).toEqual(["etela-pohjanmaa"]);
    expect(regionsIn("Pohjanmaalla")).toEqual(["pohjanmaa"]);
    expect(regionsIn("Södra Österbottens")).toEqual(["etela-pohjanmaa"]);
    expect(regionsIn("keskisuomessa")).toEqual(["keski-suomi"]);
  });

  it("reads short names in every case and spoken local cases", () => {
    expect(regionsIn("paljonko siun sotella on järjestöjä")).toEqual(["pohjois-karjala"]);
    expect(regionsIn("paljon lapis on asukkaita")).toEqual(["lappi"]);
    expect(regionsIn("montako järjestöö pirkanmaal on")).toEqual(["pirkanmaa"]);
    expect(regionsIn("mitä helsingist kerrotaan")).toEqual(["helsinki"]);
  });

  it("fixes typos in longer names", () => {
    expect(regionsIn("pirkanmma")).toEqual(["pirkanmaa"]);
    expect(regionsIn("Kymenlaksossa")).toEqual(["kymenlaakso"]);
    expect(regionsIn("satakunnasa")).toEqual(["satakunta"]);
    expect(regionsIn("Varsinai-Suomen asukasluku")).toEqual(["varsinais-suomi"]);
    // A typo after "Pohjois" belongs to the two-word name, never to Pohjanmaa.
    expect(regionsIn("Pohjois-Pohjanmalla")).toEqual(["pohjois-pohjanmaa"]);
  });

  it("does not see regions in look-alike words", () => {
    for (const w of ["Suomessa", "lapsi", "lapset", "vastaan", "Savonlinnassa", "Lapualla", "kunnassa", "järjestelmässä", "sata järjestöä", "helposti", "kainalossa", "pohjoisessa"]) {
      expect(regionsIn(`Mitä ${w} tapahtuu?`), w).toEqual([]);
    }
  });

  it("reads a capitalised short name that is also a word only when capitalised", () => {
    expect(regionsIn("Paljonko Sata jakaa avustuksia?")).toEqual(["satakunta"]);
    expect(regionsIn("sata järjestöä")).toEqual([]);
  });

  it("gives every candidate for a name that fits several regions", () => {
    const [mention] = understander.understand("Paljonko Uudellamaalla on järjestöjä?").regions;
    expect(mention?.ids.length).toBeGreaterThan(1);
    expect(mention?.ids).toContain("helsinki");
  });
});
