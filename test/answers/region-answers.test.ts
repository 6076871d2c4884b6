import { describe, expect, it } from "vitest";
import { ask, figure, plain, regionData, testBot } from "../helpers/bot.js";

const bot = testBot();
const regions = regionData();

/** How a euro sum is written in a Finnish answer, derived independently of the formatter. */
function euros(v: number): string {
  const short = (x: number) => String(Number(x.toFixed(2)));
  if (v >= 1e9) return `${short(v / 1e9)} miljardi`;
  if (v >= 1e6) return `${short(v / 1e6)} miljoona`;
  return String(v);
}

const QUESTIONS: Record<string, (genitive: string) => string> = {
  ngos: (g) => `Montako sote-järjestöä ${g} alueella on?`,
  population: (g) => `${g} asukasluku`,
  "funding-2023": (g) => `Paljonko ${g} hyvinvointialue sai rahoitusta 2023?`,
  "ngo-grants": (g) => `Paljonko ${g} järjestöavustukset ovat?`,
};

describe("every region's figures", () => {
  for (const r of regions) {
    for (const [metric, question] of Object.entries(QUESTIONS)) {
      it(`${r.id}: ${metric}`, () => {
        const reply = ask(bot, question(r.names.fi_forms[0]!));
        const v = figure(r, metric);
        expect(reply.answered).toBe(true);
        expect(reply.entryIds).toContain(r.id);
        expect(plain(reply.text)).toContain(metric.endsWith("grants") || metric.startsWith("funding") ? euros(v) : String(v));
        expect(reply.sources.length).toBeGreaterThan(0);
        expect(reply.sources[0]!.describes).toMatch(/20\d\d/);
      });
    }
  }

  it("says when partnership grants come on top of a region's grants", () => {
    const withPlus = regions.find((r) => {
      const f = r.figures["ngo-grants"];
      return !Array.isArray(f) && f?.plus;
    })!;
    expect(ask(bot, `${withPlus.names.fi_forms[0]} järjestöavustukset`).text).toMatch(/kumppanuusavustu/);
  });

  it("shows the newer figure and names the older one when two sources differ", () => {
    const twoSources = regions.find((r) => Array.isArray(r.figures.ngos) && r.figures.ngos.length > 1)!;
    const [a, b] = twoSources.figures.ngos as Array<{ value: number }>;
    const text = plain(ask(bot, `Montako sote-järjestöä ${twoSources.names.fi_forms[0]} alueella on?`).text);
    expect(text).toContain(String(a!.value));
    expect(text).toContain(String(b!.value));
  });
});

describe("Swedish and English questions", () => {
  const lappi = regions.find((r) => r.id === "lappi")!;
  const helsinki = regions.find((r) => r.id === "helsinki")!;

  it("answers in Swedish with Swedish number style", () => {
    const reply = ask(bot, `Hur många invånare har ${lappi.names.sv}?`);
    expect(reply.language).toBe("sv");
    expect(plain(reply.text)).toContain(String(figure(lappi, "population")));
    expect(reply.text).toMatch(/invånar/i);
  });

  it("answers in English with English number style", () => {
    const reply = ask(bot, `How much NGO grant funding does ${helsinki.names.en} give?`);
    expect(reply.language).toBe("en");
    expect(reply.text).toContain(`€${figure(helsinki, "ngo-grants") / 1e6} million`);
  });

  it("uses the platform locale when the question itself does not tell", () => {
    const reply = bot.answer({ text: lappi.names.fi, conversationId: "loc", platform: "test", locale: "sv-FI" });
    expect(reply.language).toBe("sv");
  });
});

describe("follow-up questions", () => {
  const [first, second] = [regions.find((r) => r.id === "satakunta")!, regions.find((r) => r.id === "pohjois-karjala")!];

  it("keeps the figure and changes the region: 'entä Pohjois-Karjalan?'", () => {
    ask(bot, `Paljonko ${first.names.fi_forms[0]} järjestöavustukset ovat?`, "f1");
    const reply = ask(bot, `entä ${second.names.fi_forms[0]}?`, "f1");
    expect(plain(reply.text)).toContain(String(figure(second, "ngo-grants")));
  });

  it("keeps the region and changes the figure: 'montako järjestöä siellä on?', 'entä asukkaita?'", () => {
    ask(bot, `Paljonko ${first.names.fi_forms[0]} järjestöavustukset ovat?`, "f2");
    expect(plain(ask(bot, "montako järjestöä siellä on?", "f2").text)).toContain(String(figure(first, "ngos")));
    expect(plain(ask(bot, "entä asukkaita?", "f2").text)).toContain(String(figure(first, "population")));
  });

  it("does not carry context across conversations", () => {
    ask(bot, `Paljonko ${first.names.fi_forms[0]} järjestöavustukset ovat?`, "f3");
    expect(ask(bot, "entä asukkaita?", "f4").answered).toBe(true); // a list of all regions, not Satakunta's
    expect(ask(bot, "entä asukkaita?", "f4").entryIds).not.toEqual([first.id]);
  });
});

describe("a city that is only part of a county", () => {
  it("answers with the county's figure and says that it is the whole county's", () => {
    const county = regions.find((r) => (r.names.partial ?? []).length > 0)!;
    const reply = ask(bot, `${county.names.partial![1]} asukasluku`);
    expect(reply.entryIds).toContain(county.id);
    expect(reply.text).toMatch(/osa aluetta/);
  });
});

describe("ambiguous names", () => {
  it("lists the candidates for Uusimaa instead of guessing", () => {
    const reply = ask(bot, "Paljonko Uudellamaalla on järjestöjä?");
    for (const id of ["ita-uusimaa", "keski-uusimaa", "lansi-uusimaa", "helsinki"]) expect(reply.entryIds).toContain(id);
    const first = ask(bot, "Paljonko Uudellamaalla on järjestöjä?", "amb");
    expect(first.answered).toBe(true);
    const itaUusimaa = regions.find((r) => r.id === "ita-uusimaa")!;
    expect(plain(ask(bot, itaUusimaa.names.fi, "amb").text)).toContain(String(figure(itaUusimaa, "ngos")));
  });
});
