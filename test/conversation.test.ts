// A conversation's context travels as JSON between instances and is read back against the same knowledge.
import { describe, expect, it } from "vitest";
import { createBot } from "../src/bot.js";
import { loadContext, memoryConversations, saveContext, type Context } from "../src/conversation.js";
import { createKnowledgeStore } from "../src/live/store.js";
import { figure, KNOWLEDGE_DIR, plain, regionData } from "./helpers/bot.js";

const store = createKnowledgeStore(KNOWLEDGE_DIR);
const kainuu = regionData().find((r) => r.id === "kainuu")!;

describe("conversation context", () => {
  it("a follow-up is understood by another bot that shares the store", async () => {
    const shared = memoryConversations();
    const a = createBot({ store, conversations: shared });
    const b = createBot({ store, conversations: shared });
    await a.handle({ text: "Montako sote-järjestöä Lapissa on?", conversationId: "c1", platform: "test" });
    const reply = await b.handle({ text: "entä Kainuun?", conversationId: "c1", platform: "test" });
    expect(plain(reply.text)).toContain(String(figure(kainuu, "ngos")));
  });
  it("passages are saved by id and found again; a passage that is gone drops the context", async () => {
    const shared = memoryConversations();
    const bot = createBot({ store, conversations: shared });
    await bot.handle({ text: "Milloin OLKA-sairaalavapaaehtoistoiminta käynnistyi Kymenlaaksossa?", conversationId: "c2", platform: "test" });
    const saved = (await shared.get("c2"))!;
    const { passages } = store.current().understander.index;
    const back = loadContext(saved, passages) as Context;
    expect(back.plan.kind).toBe("passages");
    if (back.plan.kind === "passages") for (const h of back.plan.hits) expect(passages).toContain(h.passage);
    expect(saveContext(back)).toBe(saved);
    expect(loadContext(saved.replace(/"(entry|region):[^"#]+#/g, '"$1:gone#'), passages)).toBeUndefined();
  });
  it("an expired context is forgotten", async () => {
    let now = 0;
    const shared = memoryConversations(10, () => now);
    await shared.set("c", "{}", 100);
    now = 101;
    expect(await shared.get("c")).toBeUndefined();
  });
});
