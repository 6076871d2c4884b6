import { afterEach, describe, expect, it } from "vitest";
import { createBot } from "../../src/bot.js";
import type { Problem } from "../../src/knowledge/parse-file.js";
import { createKnowledgeStore } from "../../src/live/store.js";
import { watchKnowledge } from "../../src/live/watch.js";
import { plain } from "../helpers/bot.js";
import { copyKnowledge, type KnowledgeCopy } from "../helpers/knowledge-copy.js";

let kb: KnowledgeCopy;
let stop: () => void = () => {};
afterEach(() => {
  stop();
  kb?.remove();
});

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("watching the knowledge directory", () => {
  it("serves a valid edit on disk and refuses a broken one, keeping the last good", async () => {
    kb = copyKnowledge();
    const store = createKnowledgeStore(kb.dir);
    const bot = createBot({ store });
    const reloads: number[] = [];
    const refusals: Problem[][] = [];
    stop = watchKnowledge(store, { reloaded: (_before, _after, ms) => reloads.push(ms), refused: (p) => refusals.push(p) });
    const ask = () => plain(bot.answer({ text: "Pirkanmaan asukasluku", conversationId: String(Math.random()), platform: "test" }).text);

    kb.edit("regions/pirkanmaa.yaml", /population: \{ value: \d+/, "population: { value: 600001");
    await until(() => reloads.length > 0);
    expect(ask()).toContain("600001");

    kb.edit("regions/pirkanmaa.yaml", "population: { value: 600001", "population: { value: [broken");
    await until(() => refusals.length > 0);
    expect(refusals[0]![0]!.file).toContain("pirkanmaa.yaml");
    expect(ask()).toContain("600001");
  });
});
