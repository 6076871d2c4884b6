// The project's own question set (test/questions/*.yaml, written from the source documents by an
// outside tester) run against the real bot and knowledge. Each file has a floor: the share of its
// cases that must pass, raised as the bot improves, so a change that makes answers worse fails.
// Refusals are held strictly: a question the knowledge cannot answer never gets a figure.
import { describe, expect, it } from "vitest";
import { createBot } from "../../src/bot.js";
import { createKnowledgeStore } from "../../src/live/store.js";
import { KNOWLEDGE_DIR } from "../helpers/bot.js";
import { answerAll, judge, loadQuestions } from "../helpers/score.js";

/** Passing cases per file, as a share: the level reached, less a little room for a fix elsewhere. */
const FLOORS: Record<string, number> = {
  "chat-conversations.yaml": 0.72,
  "chat-style.yaml": 0.78,
  "concepts.yaml": 0.91,
  "familiar-kinds.yaml": 0.92,
  "found-bugs.yaml": 0.94,
  "followups.yaml": 0.82,
  "rankings-filters.yaml": 0.92,
  "refusals.yaml": 0.95,
  "region-details.yaml": 0.83,
  "region-figures.yaml": 0.93,
  "steps.yaml": 0.97,
  "swedish-english.yaml": 0.82,
  "topics.yaml": 0.8,
  "which-region.yaml": 0.85,
};

const cases = loadQuestions();
const store = createKnowledgeStore(KNOWLEDGE_DIR);
const replies = answerAll(createBot({ store }), cases);

describe("the question set", () => {
  it("has cases in every file with a floor, and at least 15 % refusals", () => {
    const files = new Set(cases.map((c) => c.file));
    expect([...files].sort()).toEqual(Object.keys(FLOORS).sort());
    expect(cases.filter((c) => !c.answered).length / cases.length).toBeGreaterThanOrEqual(0.15);
  });

  for (const file of Object.keys(FLOORS)) {
    it(`passes at least ${FLOORS[file]! * 100} % of ${file}`, () => {
      const mine = cases.filter((c) => c.file === file);
      const failed = mine.map((c) => ({ c, why: judge(c, replies.get(c.id)!) })).filter((x) => x.why.length);
      const passed = (mine.length - failed.length) / mine.length;
      const report = failed.map(({ c, why }) => `${c.id} ${JSON.stringify(c.turns)}: ${why.join("; ")}`).join("\n");
      expect(passed, `${mine.length - failed.length}/${mine.length} passed; failing:\n${report}`).toBeGreaterThanOrEqual(FLOORS[file]!);
    });
  }

  it("never gives a figure for a year, region or amount that a question outside the knowledge asks", () => {
    const { understander } = store.current();
    const figures = cases
      .filter((c) => !c.answered)
      .filter((c) => {
        const u = understander.understand(c.turns.at(-1)!);
        return u.years.length > 0 || u.regions.length > 0 || u.asks === "count" || u.asks === "amount";
      })
      .map((c) => ({ c, reply: replies.get(c.id)! }))
      .filter(({ reply }) => reply.answered && (reply.facts.length > 0 || /\d{2,}/.test(reply.paragraphs.join(" ") + reply.items.join(" "))));
    expect(figures.map(({ c }) => `${c.id}: ${c.turns.join(" / ")}`)).toEqual([]);
  });
});
