import { describe, expect, it } from "vitest";
import { galleryEntries } from "../../dev/preview/gallery.js";
import { cardProblems, cardTexts } from "../../dev/checks/adaptive-card.js";
import { LIMITS, messageProblems } from "../../dev/checks/block-kit.js";
import { renderCard } from "../../adapters/teams/render.js";
import { renderReply } from "../../adapters/slack/render.js";
import { MAX_LABEL } from "../../adapters/reply-parts.js";
import { HELP_PHRASES } from "../../src/answers/help-phrases.js";
import type { Reply } from "../../src/seam.js";
import { testBot } from "../helpers/bot.js";

const bot = testBot();
const gallery = galleryEntries(bot);

/** A reply with every part the seam allows, as the core will send rankings and long entries. */
const full: Reply = {
  answered: true,
  language: "fi",
  title: "Järjestöavustukset asukasta kohden",
  paragraphs: ["Eniten Länsi-Uudellamaalla.", "Yhteistyörakenteet:\n– Järjestöneuvottelukunta"],
  facts: [{ label: "Tapaaminen", value: "12.5.2023" }, { label: "Social- och hälsoorganisationer", value: "1 234" }],
  items: [],
  ordered: true,
  table: { columns: ["Alue", "€ / asukas"], rows: [["1. Länsi-Uusimaa", "6,12 €"], ["2. Helsinki", "5,98 €"]] },
  notes: ["Asukasta kohden laskettu: luku jaettuna saman lähteen asukasluvulla."],
  more: { paragraphs: ["Lisätietoa *tähdillä* ja <!channel>."], facts: [{ label: "Rahoitus", value: "2,1 miljardia €" }], items: ["Askel – selitys"], ordered: true },
  sources: [{ id: "s", title: "Aluekierros 2023", publisher: "SOSTE", describes: "helmi–elokuu 2023" }],
  suggestions: [{ label: "Asukasta kohden", question: "Pirkanmaa: avustukset asukasta kohden" }],
  text: "Järjestöavustukset asukasta kohden\nEniten Länsi-Uudellamaalla.",
  entryIds: [],
};
const cases = [...gallery.map((e) => ({ name: `${e.language} ${e.asked}`, reply: e.reply })), { name: "every part", reply: full }];
const bodyText = (card: Record<string, unknown>) => cardTexts(card.body).join("\n");

describe("every reply renders within what Teams and Slack accept", () => {
  it.each(cases)("$name: the Adaptive Cards library parses the card with no warnings", ({ reply }) => {
    expect(cardProblems(renderCard(reply))).toEqual([]);
  });

  it.each(cases)("$name: every Slack message keeps Block Kit's limits", ({ reply }) => {
    for (const m of renderReply(reply)) expect(messageProblems(m)).toEqual([]);
  });

  it.each(cases)("$name: no markdown escapes reach the reader", ({ reply }) => {
    expect(cardTexts(renderCard(reply)).join("\n")).not.toMatch(/\\[.\-_*()[\]!]/);
  });
});

describe("the checks themselves", () => {
  it("catch a card Teams would not show as meant, and a message Slack would refuse", () => {
    expect(cardProblems({ type: "AdaptiveCard", version: "1.5", body: [{ type: "Carousel" }] })).not.toEqual([]);
    const long = { text: "x", blocks: [{ type: "header" as const, text: { type: "plain_text" as const, text: "x".repeat(LIMITS.header + 1) } }] };
    expect(messageProblems(long)).not.toEqual([]);
    expect(messageProblems({ text: "x", blocks: Array.from({ length: 51 }, () => ({ type: "divider" as const })) })).not.toEqual([]);
  });
});

describe("a reply's parts on each platform", () => {
  const card = renderCard(full) as { body: Array<Record<string, any>>; actions: Array<Record<string, any>> };

  it("shows dates and names exactly as written (no markdown, nothing escaped)", () => {
    expect(cardTexts(card)).toContain("12.5.2023");
    expect(JSON.stringify(card)).not.toContain("FactSet");
    const slack = JSON.stringify(renderReply(full));
    expect(slack).toContain("12.5.2023");
    expect(slack).not.toContain("<!channel>");
  });

  it("lines up a table with its figures right-aligned, and puts notes after it", () => {
    const tables = card.body.filter((b) => b.type === "Table");
    const ranking = tables.find((t) => t.firstRowAsHeaders)!;
    expect(ranking.columns[1].horizontalCellContentAlignment).toBe("Right");
    expect(ranking.rows).toHaveLength(3);
    const text = bodyText(card);
    expect(text.indexOf("2. Helsinki")).toBeLessThan(text.indexOf("Asukasta kohden laskettu"));
    const [m] = renderReply(full);
    const fields = m!.blocks.filter((b) => b.type === "section" && "fields" in b && b.fields).flatMap((b) => (b as { fields: Array<{ text: string }> }).fields.map((f) => f.text));
    expect(fields).toEqual(expect.arrayContaining(["1. Länsi-Uusimaa", "6,12 €"]));
  });

  it("lines up a comparison of several areas in Slack as a preformatted block", () => {
    const compare: Reply = { ...full, table: { columns: ["", "Lappi", "Kainuu"], rows: [["Sote-järjestöjä", "366", "156"], ["Asukasluku", "175 795", "70 521"]] } };
    const sections = renderReply(compare)[0]!.blocks.flatMap((b) => (b.type === "section" && b.text ? [b.text.text] : []));
    const pre = sections.find((t) => t.startsWith("```"))!;
    const lines = pre.replace(/```/g, "").split("\n");
    expect(lines.map((l) => l.length)).toEqual(lines.map(() => lines[0]!.length));
    expect(lines[2]).toMatch(/^Asukasluku\s+175 795\s+70 521$/);
  });

  it("keeps the rest of a long answer one click away", () => {
    const show = card.actions.find((a) => a.type === "Action.ShowCard")!;
    expect(show.title).toBe("Kerro lisää");
    expect(cardTexts(show.card)).toContain("2,1 miljardia €");
    expect(bodyText(card)).not.toContain("2,1 miljardia €");
    const buttons = renderReply(full)[0]!.blocks.flatMap((b) => ("elements" in b ? (b.elements as Array<{ type: string; value?: string; text?: { text: string } }>) : []));
    expect(buttons.find((b) => b.value === "kerro lisää")?.text?.text).toBe("Kerro lisää");
  });

  it("starts the Slack notification with the answer, not only the title", () => {
    expect(renderReply(full)[0]!.text.split("\n")[0]).toBe("Järjestöavustukset asukasta kohden: Eniten Länsi-Uudellamaalla.");
  });
});

describe("the reader's language in the details", () => {
  it("source titles that the knowledge has in Swedish and English are shown in them", () => {
    const titleIn = (reply: Reply) => reply.sources.find((s) => s.id === "soste-tavoitteet-strategiat")!.title;
    const finnish = titleIn(bot.answer({ text: HELP_PHRASES.fi.stepsQuestion, conversationId: "src-fi", platform: "test" }));
    for (const language of ["sv", "en"] as const) {
      const steps = gallery.find((e) => e.language === language && e.asked === HELP_PHRASES[language].stepsQuestion)!.reply;
      expect(titleIn(steps)).not.toBe(finnish);
      expect(cardTexts(renderCard(steps)).join("\n")).toContain(titleIn(steps));
      expect(JSON.stringify(renderReply(steps))).toContain(titleIn(steps));
    }
  });

  it("quotes as each language does: English “…”, Finnish and Swedish ”…”", () => {
    const en = bot.answer({ text: "How many people live in Lapland?", conversationId: "q-en", platform: "test" });
    const fi = bot.answer({ text: "Lapin asukasluku", conversationId: "q-fi", platform: "test" });
    expect(en.text).toMatch(/“[^”“]+”/);
    expect(en.text).not.toMatch(/”[^”“]+”/);
    expect(fi.text).toMatch(/”[^”]+”/);
    expect(bot.help("en").items.join()).toMatch(/“/);
  });
});

describe("welcome and help", () => {
  for (const language of ["fi", "sv", "en"] as const) {
    for (const which of ["welcome", "help"] as const) {
      it(`${which} in ${language}: one short card, labels that fit, questions the bot answers in ${language}`, () => {
        const reply = bot[which](language);
        expect(reply.language).toBe(language);
        const card = renderCard(reply);
        expect(bodyText(card).length).toBeLessThanOrEqual(700);
        expect(renderReply(reply)).toHaveLength(1);
        expect(reply.suggestions.length).toBeGreaterThan(1);
        for (const s of reply.suggestions) {
          expect(s.label.length).toBeLessThanOrEqual(MAX_LABEL);
          const answer = bot.answer({ text: s.question, conversationId: `t-${Math.random()}`, platform: "test" });
          expect([answer.answered, answer.language]).toEqual([true, language]);
        }
      });
    }
  }

  it("help's example questions are answered in the help's language", () => {
    for (const language of ["fi", "sv", "en"] as const) {
      const examples = bot.help(language).items.map((i) => i.replace(/^[^:]*: ./, "").slice(0, -1));
      expect(examples.length).toBeGreaterThanOrEqual(4);
      for (const q of examples) {
        const answer = bot.answer({ text: q, conversationId: `t-${Math.random()}`, platform: "test" });
        expect([q, answer.answered, answer.language]).toEqual([q, true, language]);
      }
    }
  });
});
