// Words as the bot compares them: an abbreviation's case ending after a colon is inflection, also
// when the ending has ä or ö ("htv:tä"), and times and numbers are not touched.
import { describe, expect, it } from "vitest";
import { tokenize } from "../../src/text/normalise.js";

const words = (text: string) => tokenize(text).map((t) => t.word);

describe("tokens", () => {
  it("drops an abbreviation's case ending after a colon, whatever its letters", () => {
    expect(words("montako htv:tä STEA:lta KYT:n ry:tä")).toEqual(["montako", "htv", "stea", "kyt", "ry"]);
    expect(words("Lapland's NGOs")).toEqual(["laplands", "ngos"]);
  });
  it("keeps times and joins a number's thousands", () => {
    expect(words("klo 10:00, 35 000 asukasta")).toEqual(["klo", "10", "00", "35000", "asukasta"]);
  });
});
