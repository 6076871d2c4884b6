// A question read into a frame, and a follow-up edited into the previous one: what it does not
// say is kept, pronouns and ordinals bind to what the previous answer listed.
import { describe, expect, it } from "vitest";
import { createKnowledgeStore } from "../../src/live/store.js";
import { continueFrame, type Previous } from "../../src/understanding/follow-up.js";
import { readFrame, type Frame } from "../../src/understanding/frame.js";
import { KNOWLEDGE_DIR } from "../helpers/bot.js";

const { understander } = createKnowledgeStore(KNOWLEDGE_DIR).current();
const frameOf = (q: string) => readFrame(understander.understand(q), q);
const readTopic = (text: string) => ({ terms: frameOf(text).terms, topicWords: frameOf(text).topicWords, entries: frameOf(text).entries });
const previous = (q: string, listedRegions: string[] = [], recentRegions: string[] = []): Previous => {
  const frame = frameOf(q);
  return { frame, listedRegions, listedItems: [], recentRegions: [...frame.regions, ...recentRegions] };
};
const then = (prev: Previous, q: string): Frame => continueFrame(frameOf(q), prev, readTopic);

describe("a question's frame", () => {
  it("reads what, of which regions, with which operator", () => {
    const f = frameOf("Mitkä kolme hyvinvointialuetta (ilman Helsinkiä) on eniten sote-järjestöjä asukasta kohden?");
    expect(f).toMatchObject({ metrics: ["ngos"], regions: [], ranking: true, least: false, top: 3, perResident: true, exclude: ["helsinki"], countiesOnly: true });
  });
  it("a region kept in by 'mukaan luettuna' is not the region asked about", () => {
    const f = frameOf("mitkä kolme aluetta on asukasluvultaan suurimmat, helsinki mukaan luettuna");
    expect(f.regions).toEqual([]);
    expect(f.including).toBe(true);
  });
  it("a comparative with a region compares, a number makes it a threshold", () => {
    expect(frameOf("onks se enemmän ku keski-uudellamaalla?").compare).toBe(true);
    expect(frameOf("Mitkä alueet jakavat yli 2 miljoonaa euroa?")).toMatchObject({ compare: false, threshold: { op: "above", value: 2_000_000 } });
  });
  it("names what is outside the knowledge", () => {
    expect(frameOf("Paljonko Tampereen kaupunki jakaa avustuksia?").municipality).toBe(true);
    expect(frameOf("Montako sote-järjestöä Suomessa on?").country).toBe(true);
    expect(frameOf("Mikä on Kainuun järjestökoordinaattorin puhelinnumero?").unknowable).toBe(true);
  });
  it("a region's adjective names the region", () => expect(frameOf("montako keskisuomalaista sote-järjestöä on").regions).toEqual(["keski-suomi"]));
});

describe("a follow-up edits the previous frame", () => {
  it("'entä Kainuun?' puts Kainuu into what was asked", () => {
    expect(then(previous("Montako sote-järjestöä Lapissa on?"), "entä Kainuun?")).toMatchObject({ metrics: ["ngos"], regions: ["kainuu"] });
  });
  it("'entä asukkaita?' asks another figure of the same region", () => {
    expect(then(previous("Paljonko Pirkanmaa jakaa järjestöavustuksia?"), "entä asukkaita?")).toMatchObject({ metrics: ["population"], regions: ["pirkanmaa"] });
  });
  it("'entä ilman Helsinkiä?' keeps the ranking and leaves Helsinki out", () => {
    const f = then(previous("Millä alueella on eniten sote-järjestöjä suhteessa asukaslukuun?"), "entä ilman Helsinkiä?");
    expect(f).toMatchObject({ metrics: ["ngos"], ranking: true, perResident: true, exclude: ["helsinki"], regions: [] });
  });
  it("'entä vähiten?' turns the ranking round", () => {
    expect(then(previous("Millä alueella on eniten sote-järjestöjä?"), "entä vähiten?")).toMatchObject({ metrics: ["ngos"], least: true, ranking: true });
  });
  it("'niistä kolmas' is the third region the answer listed", () => {
    const f = then(previous("Mitkä kolme hyvinvointialuetta saavat eniten järjestöavustuksia?", ["varsinais-suomi", "lansi-uusimaa", "pirkanmaa"]), "niistä kolmas, paljonko siellä asuu ihmisiä?");
    expect(f).toMatchObject({ regions: ["pirkanmaa"], metrics: ["population"] });
  });
  it("'kumpi niistä' compares the last two regions of the conversation", () => {
    const f = then(previous("entä Keski-Pohjanmaa?", [], ["kainuu"]), "kumpi niistä jakaa enemmän asukasta kohden?");
    expect(new Set(f.regions)).toEqual(new Set(["kainuu", "keski-pohjanmaa"]));
    expect(f.compare).toBe(true);
  });
  it("'onks se isompi ku X' compares the previous region with X", () => {
    expect(then(previous("montako asukasta paijat-hameessa on"), "onks se isompi ku keski-uusimaa")).toMatchObject({ regions: ["paijat-hame", "keski-uusimaa"], metrics: ["population"], compare: true });
  });
  it("works in Swedish and English", () => {
    expect(then(previous("Hur många invånare har Österbotten?"), "och Lappland?")).toMatchObject({ regions: ["lappi"], metrics: ["population"] });
    expect(then(previous("Which county has the most NGOs per resident?"), "and the fewest?")).toMatchObject({ least: true, perResident: true, metrics: ["ngos"] });
  });
  it("a new question with a region of its own keeps nothing", () => {
    expect(then(previous("Montako sote-järjestöä Lapissa on?"), "Paljonko Kainuu jakaa avustuksia?").kept).toEqual([]);
  });
  it("'meidän alueella' is the region of the conversation", () => {
    expect(then(previous("Mitä Lappi lupasi järjestöille?"), "paljonko meidän alueella on asukkaita?").regions).toEqual(["lappi"]);
  });
});
