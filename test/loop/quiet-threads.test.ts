// Whether a conversation is a case's thread is remembered a few seconds while it is not: a case
// stored here or through another instance's store is found in a thread never asked about before,
// at once, and in one asked about a moment earlier once those seconds are up. A mention that
// starts a thread is not asked about at all.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createMemoryLogger } from "../../adapters/log.js";
import { startHttpServer } from "../../adapters/server.js";
import { createSlackAdapter } from "../../adapters/slack/index.js";
import { postSigned, startSlackStandIn } from "../../dev/stand-ins/slack-web-api.js";
import { until } from "../../dev/stand-ins/until.js";
import { createBot } from "../../src/bot.js";
import { parseCoordinators } from "../../src/curation/coordinators.js";
import { createKnowledgeStore } from "../../src/live/store.js";
import { createLoop } from "../../src/loop/loop.js";
import { rememberQuietThreads } from "../../src/loop/quiet-threads.js";
import { createSqlLoopStore } from "../../src/loop/sql-store.js";
import type { LoopStore } from "../../src/loop/store.js";
import { openSqlite } from "../../src/state/database.js";
import { KNOWLEDGE_DIR } from "../helpers/bot.js";

const at = "2026-03-01T10:00:00Z";
/** A case for a question of its own (a question has one case at most). */
async function escalation(store: LoopStore, id: string, thread: string) {
  const questionId = store.addQuestion({ at, platform: "slack", conversationId: "slack:C1:1.1", userId: "slack:U1", text: "kysymys", language: "fi", answered: false, regions: [], topics: [] });
  await store.flush();
  return { id, questionId, at, channel: "slack:CCOORD", thread, status: "open" as const };
}

async function setUp() {
  const store = await createSqlLoopStore(openSqlite(mkdtempSync(join(tmpdir(), "quiet-"))));
  let reads = 0;
  const counted: LoopStore = { ...store, escalationInThread: (t) => (reads++, store.escalationInThread(t)) };
  let now = 0;
  return { other: store, here: rememberQuietThreads(counted, () => now, 5_000), reads: () => reads, later: (ms: number) => (now += ms) };
}

describe("threads without a case", () => {
  it("are read once in a while, not for every message", async () => {
    const t = await setUp();
    expect(await t.here.escalationInThread("slack:C1:1.1")).toBeUndefined();
    expect(await t.here.escalationInThread("slack:C1:1.1")).toBeUndefined();
    expect(t.reads()).toBe(1);
    t.later(5_001);
    await t.here.escalationInThread("slack:C1:1.1");
    expect(t.reads()).toBe(2);
  });

  it("never hide a case stored here, nor one stored elsewhere in a new thread", async () => {
    const t = await setUp();
    await t.here.escalationInThread("slack:CCOORD:2.1");
    await t.here.addEscalation(await escalation(t.other, "aaa111", "slack:CCOORD:2.1"));
    expect((await t.here.escalationInThread("slack:CCOORD:2.1"))?.id).toBe("aaa111");
    await t.other.addEscalation(await escalation(t.other, "bbb222", "slack:CCOORD:3.1"));
    expect((await t.here.escalationInThread("slack:CCOORD:3.1"))?.id).toBe("bbb222");
  });

  it("find a case stored elsewhere in a thread asked about a moment ago once the time is up", async () => {
    const t = await setUp();
    await t.here.escalationInThread("slack:CCOORD:4.1");
    await t.other.addEscalation(await escalation(t.other, "ccc333", "slack:CCOORD:4.1"));
    t.later(5_001);
    expect((await t.here.escalationInThread("slack:CCOORD:4.1"))?.id).toBe("ccc333");
  });
});

describe("a mention outside any thread", () => {
  it("is answered without asking the store for a case: its thread is new; a reply in a thread still asks", async () => {
    const slack = await startSlackStandIn();
    const t = await setUp();
    const store = createKnowledgeStore(KNOWLEDGE_DIR);
    const loop = createLoop({ store: t.here, knowledge: store, coordinators: parseCoordinators(""), send: async () => undefined, retentionDays: 30 });
    const env = { SLACK_BOT_TOKEN: "xoxb-test", SLACK_SIGNING_SECRET: "s", SLACK_API_URL: `${slack.url}/api/`, SLACK_BOT_USER_ID: "UBOT" };
    const adapter = createSlackAdapter({ bot: loop.wrap(createBot({ store })), env, log: createMemoryLogger(), loop })!;
    const server = await startHttpServer([adapter], { port: 0, host: "127.0.0.1" });
    try {
      let n = 0;
      const send = (e: Record<string, unknown>) =>
        postSigned(`${server.url}/slack/events`, JSON.stringify({ type: "event_callback", team_id: "T1", api_app_id: "A1", event_id: `Ev${++n}`, event_time: 1, event: e }), { secret: "s", contentType: "application/json" });
      const posted = () => slack.of("chat.postMessage").length;
      await send({ type: "app_mention", user: "U1", channel: "C1", ts: "10.1", text: "<@UBOT> Montako sote-järjestöä Lapissa on?" });
      await until(() => posted() === 1);
      expect(t.reads()).toBe(0);
      await send({ type: "app_mention", user: "U1", channel: "C1", ts: "10.5", thread_ts: "10.1", text: "<@UBOT> entä Kainuussa?" });
      await until(() => posted() === 2);
      expect(t.reads()).toBe(1);
    } finally {
      await server.close();
      await slack.close();
    }
  });
});
