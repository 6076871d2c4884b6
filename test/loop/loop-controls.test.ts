// The loop's controls as each platform gets them, in every language: Slack messages pass Block
// Kit's limits, Teams cards parse cleanly with the Adaptive Cards library, and the labels are in
// the reply's language.
import { describe, expect, it } from "vitest";
import { cardProblems, cardTexts } from "../../dev/checks/adaptive-card.js";
import { messageProblems } from "../../dev/checks/block-kit.js";
import { renderReply } from "../../adapters/slack/render.js";
import { renderCard } from "../../adapters/teams/render.js";
import { curationReply } from "../../src/curation/curation-phrases.js";
import { LOOP } from "../../src/loop/loop-phrases.js";
import { LANGUAGES } from "../../src/knowledge/schema.js";
import type { Reply } from "../../src/seam.js";

const withLoop = (lang: (typeof LANGUAGES)[number], ask: "rating" | "reason", escalate: boolean): Reply => ({
  ...curationReply(lang, "Otsikko", ["rivi"], false),
  loop: { questionId: "42", ask, escalate },
});

describe("the loop's controls on both platforms", () => {
  for (const lang of LANGUAGES) {
    for (const ask of ["rating", "reason"] as const) {
      it(`${lang}, ${ask}: valid Block Kit and Adaptive Card, labelled in ${lang}`, () => {
        const reply = withLoop(lang, ask, true);
        const [message] = renderReply(reply);
        expect(messageProblems(message!)).toEqual([]);
        const card = renderCard(reply);
        expect(cardProblems(card)).toEqual([]);
        const labels = ask === "rating" ? [LOOP[lang].up, LOOP[lang].down, LOOP[lang].escalate] : [LOOP[lang].reasonLabel, LOOP[lang].escalate];
        for (const label of labels) expect(JSON.stringify(message!.blocks) + cardTexts(card).join(" ") + JSON.stringify(card)).toContain(label);
      });
    }
  }

  it("offers no coordinator button when the loop says not to, and nothing at all without a loop", () => {
    const [rated] = renderReply(withLoop("fi", "rating", false));
    expect(JSON.stringify(rated!.blocks)).not.toContain("loop_escalate");
    expect(JSON.stringify(renderCard(withLoop("fi", "rating", false)))).not.toContain('"escalate"');
    const [plain] = renderReply(curationReply("fi", "Otsikko", [], true));
    expect(JSON.stringify(plain!.blocks)).not.toContain("loop_");
  });
});
