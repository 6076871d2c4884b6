// What a user meets: two questions in one message, a question back when "meillä" names no region,
// and follow-ups that keep what they do not change.
import { describe, expect, it } from "vitest";
import { ask, figure, plain, regionData, testBot } from "./helpers/bot.js";

const bot = testBot();
const region = (id: string) => regionData().find((r) => r.id === id)!;

describe("the bot", () => {
  it("answers two questions in one message in one reply", () => {
    const reply = ask(bot, "montako sote-järjestöä Lapissa on ja paljonko siellä asuu ihmisiä?");
    expect(plain(reply.text)).toContain(String(figure(region("lappi"), "ngos")));
    expect(plain(reply.text)).toContain(String(figure(region("lappi"), "population")));
  });
  it("asks which region when 'meillä' names none, with a button per region that answers it", () => {
    const reply = ask(bot, "montako sote-järjestöä meillä on?", "here-1");
    expect(reply.answered).toBe(false);
    expect(reply.suggestions).toHaveLength(regionData().length);
    const pirkanmaa = reply.suggestions.find((s) => s.label === "Pirkanmaa")!;
    expect(plain(ask(bot, pirkanmaa.question, "here-1").text)).toContain(String(figure(region("pirkanmaa"), "ngos")));
  });
  it("a region typed after the question back answers the question asked", () => {
    ask(bot, "paljonko meidän alueella on asukkaita?", "here-2");
    expect(plain(ask(bot, "Kainuu", "here-2").text)).toContain(String(figure(region("kainuu"), "population")));
  });
  it("keeps a ranking through 'entä ilman Helsinkiä?' and 'entä vähiten?'", () => {
    ask(bot, "Millä alueella on eniten sote-järjestöjä?", "rank");
    const without = ask(bot, "entä ilman Helsinkiä?", "rank");
    expect(without.text).not.toMatch(/Helsinki:/);
    const least = ask(bot, "entä vähiten?", "rank");
    const smallest = regionData().filter((r) => r.type === "county").sort((a, b) => figure(a, "ngos") - figure(b, "ngos"))[0]!;
    expect(plain(least.text)).toContain(String(figure(smallest, "ngos")));
  });
});
