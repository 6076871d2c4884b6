// What the loop logs around the real core bot, on a real SQLite file: people's questions with
// their regions and topics, never coordinators' commands or the bot's own questions, and no more
// of a question than was answered.
import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseCoordinators } from "../../src/curation/coordinators.js";
import { createKnowledgeStore } from "../../src/live/store.js";
import { createLoop } from "../../src/loop/loop.js";
import { createSqlLoopStore } from "../../src/loop/sql-store.js";
import { MAX_QUESTION_CHARS } from "../../src/question-limit.js";
import { openDatabase, type Sql } from "../../src/state/database.js";
import { KNOWLEDGE_DIR, testBot } from "../helpers/bot.js";

const open: Array<{ db: Sql; dir: string }> = [];
afterEach(async () => {
  for (const { db, dir } of open.splice(0)) await db.close(), rmSync(dir, { recursive: true, force: true });
});

async function setUp() {
  const dir = mkdtempSync(join(tmpdir(), "qlog-"));
  const db = await openDatabase({ dataDir: dir });
  open.push({ db, dir });
  const store = await createSqlLoopStore(db);
  const loop = createLoop({ store, knowledge: createKnowledgeStore(KNOWLEDGE_DIR), coordinators: parseCoordinators("slack:UC"), send: async () => {}, retentionDays: 30 });
  const bot = loop.wrap(testBot());
  const ask = (text: string, userId: string | null = "slack:U1") => bot.handle({ text, conversationId: `c-${Math.random()}`, platform: "slack", ...(userId ? { userId } : {}), address: { channel: "C1" } });
  return { store, ask };
}

describe("the question log", () => {
  it("logs a person's question with the regions and topics of its answer, and routes an unanswered one by the region it names", async () => {
    const { store, ask } = await setUp();
    const answered = await ask("Kerro STEAsta");
    const unanswered = await ask("Montako koiraa Kainuussa on?");
    expect(answered.loop).toMatchObject({ ask: "rating", escalate: false });
    expect(await store.question(answered.loop!.questionId)).toMatchObject({ answered: true, topics: expect.arrayContaining(["stea"]) });
    expect(await store.question(unanswered.loop!.questionId)).toMatchObject({ answered: false, regions: ["kainuu"], userId: "slack:U1" });
  });

  it("does not log coordinators' commands, loop commands or questions no person asked", async () => {
    const { store, ask } = await setUp();
    expect((await ask("historia", "slack:UC")).loop).toBeUndefined();
    expect((await ask("raportti", "slack:UC")).loop).toBeUndefined();
    expect((await ask("Mitä osaat?", null)).loop).toBeUndefined();
    expect((await store.report()).questions).toBe(0);
  });

  it("keeps no more of a long question than was answered", async () => {
    const { store, ask } = await setUp();
    const reply = await ask("Lappi ".repeat(2000));
    expect((await store.question(reply.loop!.questionId))!.text.length).toBeLessThanOrEqual(MAX_QUESTION_CHARS);
  });
});
