// The home region a question needs. With one instance it is kept in memory a few seconds instead of
// being read for every question: a `kotialue` change on this instance applies from the next
// question, one made through another store once the time is up, and a failed read is not
// remembered. With several (cacheMs 0) it is read for every question, so a change made on
// another instance applies from the next question.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCoordinators } from "../../src/curation/coordinators.js";
import { createHomeRegions } from "../../src/home-region/home-regions.js";
import { createSqlHomeRegionStore } from "../../src/home-region/sql-store.js";
import type { HomeRegionStore } from "../../src/home-region/store.js";
import { createKnowledgeStore } from "../../src/live/store.js";
import type { Bot, IncomingMessage } from "../../src/seam.js";
import { openSqlite } from "../../src/state/database.js";
import { KNOWLEDGE_DIR, testBot } from "../helpers/bot.js";

const knowledge = createKnowledgeStore(KNOWLEDGE_DIR);
const place = { platform: "slack", channel: "slack:C1", organisation: "slack:T1", userId: "slack:UCOORD" };

async function setUp(cacheMs = 5_000) {
  const sql = openSqlite(mkdtempSync(join(tmpdir(), "home-cache-")));
  const store = await createSqlHomeRegionStore(sql);
  const reads = { n: 0, fail: false };
  const counted: HomeRegionStore = {
    ...store,
    regionFor: (places) => (reads.n++, reads.fail ? Promise.reject(new Error("database unreachable")) : store.regionFor(places)),
  };
  let at = Date.parse("2026-03-01T10:00:00Z");
  const seen: Array<string | undefined> = [];
  const inner: Bot = { ...testBot(), handle: async (m: IncomingMessage) => (seen.push(m.homeRegion), testBot().help("fi")) };
  const bot = createHomeRegions({ store: counted, knowledge, coordinators: parseCoordinators("slack:UCOORD"), now: () => new Date(at), cacheMs }).wrap(inner);
  let n = 0;
  const say = (text: string) => bot.handle({ ...place, text, conversationId: `c-${++n}` });
  return { store, reads, seen, say, later: (ms: number) => (at += ms) };
}

describe("home regions kept in memory for questions", () => {
  it("reads a place's settings once, and again after a local change or when the time is up", async () => {
    const t = await setUp();
    await t.say("montako järjestöä meillä on?");
    await t.say("montako järjestöä meillä on?");
    expect(t.reads.n).toBe(1);
    expect(t.seen).toEqual([undefined, undefined]);

    await t.say("kotialue kanava Lappi");
    await t.say("montako järjestöä meillä on?");
    expect(t.seen.at(-1)).toBe("lappi");

    // Another instance sharing the database changes the setting: seen here once the time is up.
    await t.store.set({ level: "channel", place: "slack:C1", region: "kainuu", setBy: "slack:UCOORD", at: "2026-03-01T10:00:01Z" });
    t.later(4_000);
    await t.say("montako järjestöä meillä on?");
    expect(t.seen.at(-1)).toBe("lappi");
    t.later(1_001);
    await t.say("montako järjestöä meillä on?");
    expect(t.seen.at(-1)).toBe("kainuu");

    await t.say("kotialue kanava pois");
    await t.say("montako järjestöä meillä on?");
    expect(t.seen.at(-1)).toBeUndefined();
  });

  it("does not remember a failed read", async () => {
    const t = await setUp();
    t.reads.fail = true;
    await t.say("montako järjestöä meillä on?");
    t.reads.fail = false;
    await t.store.set({ level: "organisation", place: "slack:T1", region: "lappi", setBy: "slack:UCOORD", at: "2026-03-01T10:00:01Z" });
    await t.say("montako järjestöä meillä on?");
    expect(t.reads.n).toBe(2);
    expect(t.seen).toEqual([undefined, "lappi"]);
  });
});

describe("home regions with several instances (cacheMs 0)", () => {
  it("reads the setting for every question, so another instance's change applies from the next one", async () => {
    const t = await setUp(0);
    await t.store.set({ level: "organisation", place: "slack:T1", region: "lappi", setBy: "slack:UCOORD", at: "2026-03-01T10:00:01Z" });
    await t.say("montako järjestöä meillä on?");
    await t.store.set({ level: "channel", place: "slack:C1", region: "kainuu", setBy: "slack:UCOORD", at: "2026-03-01T10:00:02Z" });
    await t.say("montako järjestöä meillä on?");
    expect(t.seen).toEqual(["lappi", "kainuu"]);
    expect(t.reads.n).toBe(2);
  });
});
