// Index terms: inflected Finnish forms meet on one canonical stem or as related forms, compounds
// meet their last part, and look-alike words stay apart.
import { describe, expect, it } from "vitest";
import { canonicalStem, gradationVariants, related } from "../../src/text/terms.js";

const meet = (a: string, b: string) => {
  const [x, y] = [canonicalStem(a, "fi"), canonicalStem(b, "fi")];
  return x === y || related(x, y) || gradationVariants(x).some((v) => related(v, y));
};

describe("finnish word forms", () => {
  it.each([
    ["avustus", "avustuksia"],
    ["kumppanuus", "kumppanuuden"],
    ["vapaaehtoinen", "vapaaehtoisten"],
    ["purkaa", "purkamiseen"],
    ["lupasi", "luvannut"],
    ["keskusteltiin", "keskustelut"],
    ["osallistui", "osallistujia"],
    ["osallistuivat", "osallistujia"],
  ])("%s meets %s", (a, b) => expect(meet(a, b)).toBe(true));

  it.each([
    ["keskusta", "keski"],
    ["järjestö", "järjestelmä"],
    ["kunta", "kunnossa"],
  ])("%s stays apart from %s", (a, b) => expect(meet(a, b)).toBe(false));
});

describe("swedish word forms", () => {
  it("the past of 'ta' verbs meets their other forms: deltog, deltagare", () => {
    expect(canonicalStem("deltog", "sv")).toBe(canonicalStem("deltagare", "sv"));
  });
});
