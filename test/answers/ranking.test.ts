import { describe, expect, it } from "vitest";
import { ask, figure, plain, regionData, testBot } from "../helpers/bot.js";

const bot = testBot();
const regions = regionData();
const counties = regions.filter((r) => r.type === "county");
const by = (list: typeof regions, value: (r: (typeof regions)[number]) => number) => [...list].sort((a, b) => value(b) - value(a));

describe("rankings computed from the data", () => {
  it("names the area with the most NGOs, and says whether Helsinki is included", () => {
    const expected = by(regions, (r) => figure(r, "ngos"))[0]!;
    const reply = ask(bot, "Millä alueella on eniten sote-järjestöjä?");
    expect(reply.ordered).toBe(true);
    expect(reply.items[0]).toContain(expected.names.fi);
    expect(reply.text).toMatch(/Helsin/);
  });

  it("leaves Helsinki out when the question asks for a county, and says so", () => {
    const expected = by(counties, (r) => figure(r, "population"))[0]!;
    const reply = ask(bot, "Mikä hyvinvointialue on asukasluvultaan suurin?");
    expect(reply.items[0]).toContain(expected.names.fi);
    expect(reply.items.join()).not.toMatch(/Helsinki/);
    expect(reply.notes.join()).toMatch(/Helsinki/);
  });

  it("ranks smallest first for 'vähiten' and honours 'ilman Helsinkiä'", () => {
    const least = [...regions].sort((a, b) => figure(a, "ngo-grants") - figure(b, "ngo-grants"))[0]!;
    expect(ask(bot, "Millä alueella on vähiten järjestöavustuksia?").items[0]).toContain(least.names.fi);
    const withoutHelsinki = by(regions.filter((r) => r.id !== "helsinki"), (r) => figure(r, "ngos"))[0]!;
    expect(ask(bot, "Eniten järjestöjä ilman Helsinkiä").items[0]).toContain(withoutHelsinki.names.fi);
  });

  it("computes per-resident figures from the grants and population", () => {
    const per = (r: (typeof regions)[number]) => figure(r, "ngo-grants") / figure(r, "population");
    const top = by(regions, per)[0]!;
    const reply = ask(bot, "Missä jaetaan eniten järjestöavustuksia asukasta kohden?");
    expect(reply.items[0]).toContain(top.names.fi);
    expect(plain(reply.items[0]!)).toContain(per(top).toFixed(2));
  });

  it("gives a region's grants per resident", () => {
    const r = regions.find((x) => x.id === "ita-uusimaa")!;
    const reply = ask(bot, "Paljonko avustuksia jaetaan asukasta kohden Itä-Uudellamaalla?");
    expect(plain(reply.text)).toContain((figure(r, "ngo-grants") / figure(r, "population")).toFixed(2));
  });

  it("honours a top-N request and follows up with 'entä vähiten?'", () => {
    const reply = ask(bot, "Kolme suurinta aluetta asukasluvultaan: top 3", "r1");
    expect(reply.items).toHaveLength(3);
    const least = [...regions].sort((a, b) => figure(a, "population") - figure(b, "population"))[0]!;
    expect(ask(bot, "entä pienimmät?", "r1").items[0]).toContain(least.names.fi);
  });

  it("sums the areas' figures when asked for a total, saying what the sum leaves out", () => {
    const counties = regions.filter((r) => r.type === "county");
    const sum = counties.reduce((acc, r) => acc + figure(r, "ngo-grants"), 0);
    const reply = ask(bot, "Paljonko hyvinvointialueet jakavat järjestöavustuksia yhteensä?");
    expect(plain(reply.text)).toContain(`${Number((sum / 1e6).toFixed(2))} miljoonaa`);
    expect(reply.text).toMatch(/kumppanuusavustukset/);
  });

  it("compares two named regions", () => {
    const [a, b] = [regions.find((r) => r.id === "satakunta")!, regions.find((r) => r.id === "kymenlaakso")!];
    const text = plain(ask(bot, `Vertaa ${a.names.fi_forms[0]} ja ${b.names.fi_forms[0]} asukaslukua`).text);
    expect(text).toContain(String(figure(a, "population")));
    expect(text).toContain(String(figure(b, "population")));
  });
});

describe("steps, topics and the edges of knowledge", () => {
  it("lists the five steps in order and answers the n-th", () => {
    const all = ask(bot, "Mitkä ovat viisi askelta toimivaan järjestöyhteistyöhön?");
    expect(all.items).toHaveLength(5);
    expect(all.ordered).toBe(true);
    expect(ask(bot, "Mikä on ensimmäinen askel toimivaan järjestöyhteistyöhön?").text).toMatch(/strategi/i);
    expect(ask(bot, "Mikä on kolmas askel?").title).toMatch(/3/);
  });

  it("answers a region's structures, not the step, when a region is named", () => {
    const reply = ask(bot, "Mitkä yhteistyörakenteet Etelä-Savossa on?");
    expect(reply.entryIds).toContain("etela-savo");
    expect(reply.title).not.toMatch(/Askel/);
  });

  it("answers concepts and field facts with their sources", () => {
    const stea = ask(bot, "Mikä on STEA?");
    expect(stea.answered).toBe(true);
    expect(stea.sources.length).toBeGreaterThan(0);
    expect(ask(bot, "Mitä on hyte?").text).toMatch(/hyvinvoinnin ja terveyden edistäm/i);
    const members = plain(ask(bot, "Kuinka monta jäsentä sote-järjestöissä on?").text);
    expect(members).toMatch(/1\.5 milj/);
    expect(members).toMatch(/1\.3 milj/);
  });

  it("says it does not know, without figures, for questions outside its knowledge", () => {
    const figures = regions.flatMap((r) => ["ngos", "population"].map((m) => String(figure(r, m))));
    for (const q of ["Mikä on huomisen sääennuste?", "Kuka voitti jääkiekon MM-kisat 2022?", "What is the capital of France?", "asdf qwerty", "Kuka on Pirkanmaan hyvinvointialuejohtaja?", "Montako järjestöä Itä-Suomessa on?", "Montako järjestöä Tampereella on?"]) {
      const reply = ask(bot, q);
      expect(reply.answered, q).toBe(false);
      for (const f of figures) expect(plain(reply.text), q).not.toContain(f);
    }
  });

  it("does not pass off a figure of one year as another year's", () => {
    const lappi = regions.find((r) => r.id === "lappi")!;
    const reply = ask(bot, "Paljonko Lappi sai rahoitusta vuonna 2031?");
    expect(reply.answered).toBe(false);
    expect(plain(reply.text)).not.toContain(String(figure(lappi, "funding-2023") / 1e6));
    expect(reply.text).toContain("2031");
    expect(ask(bot, "Paljonko Lappi sai rahoitusta vuonna 2023?").answered).toBe(true);
  });

  it("helps when asked what it can do", () => {
    const reply = ask(bot, "Mitä osaat?");
    expect(reply.answered).toBe(true);
    expect(reply.text).toMatch(/askel/);
  });
});
