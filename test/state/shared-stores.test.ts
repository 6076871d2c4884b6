// Every store on both databases: the SQLite file and PostgreSQL answer the same calls the same way,
// including the races several instances run into (two confirmations of one change, two claims of
// one event id, a context written by one instance and read by another).
import { afterEach, describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { createInstallationRows } from "../../adapters/slack/installation-rows.js";
import { createWelcomed } from "../../adapters/teams/welcomed.js";
import { createMemoryLogger } from "../../adapters/log.js";
import { memoryConversations } from "../../src/conversation.js";
import type { Change } from "../../src/curation/state.js";
import { createSqlHomeRegionStore } from "../../src/home-region/sql-store.js";
import { createSqlClaims } from "../../src/state/claims.js";
import { createSqlStateStore } from "../../src/state/curation-store.js";
import { openDatabase } from "../../src/state/database.js";
import { createSqlConversations } from "../../src/state/sql-conversations.js";
import { createReadAhead } from "../../src/state/read-ahead.js";
import { createSqlLoopStore } from "../../src/loop/sql-store.js";
import { testBot } from "../helpers/bot.js";
import { DIALECTS, testDatabase, type Dialect } from "../helpers/postgres.js";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});
/** Two connections to one fresh database, as two instances have. */
async function twoInstances(dialect: Dialect) {
  const db = await testDatabase(dialect);
  const other = await openDatabase({ dataDir: db.dataDir, url: db.url });
  cleanups.push(async () => (await other.close(), await db.done()));
  return [db.sql, other, db.dataDir] as const;
}

const change = (id: string, extra: Partial<Change> = {}): Change => ({ id, user: "slack:U1", userName: "Kaisa", platform: "slack", files: [{ file: "regions/kainuu.yaml", before: "a", after: "b" }], summary: ["muutos"], rights: ["kainuu"], ...extra });

describe("the conversation store in memory (one instance)", () => {
  it("keeps a context until it expires, and beyond its size forgets the one written longest ago", async () => {
    let now = 0;
    const store = memoryConversations(2, () => now);
    await store.set("c1", "one", 100);
    await store.set("c2", "two", 100);
    await store.set("c1", "one again", 100);
    await store.set("c3", "three", 100);
    expect([await store.get("c1"), await store.get("c2"), await store.get("c3")]).toEqual(["one again", undefined, "three"]);
    now = 100;
    expect(await store.get("c1")).toBeUndefined();
  });
});

describe.each(DIALECTS)("the stores in %s", (dialect) => {
  it("curation: one of two instances confirming the same change wins; history, subscriptions and unfinished changes are shared", async () => {
    const [a, b, dataDir] = await twoInstances(dialect);
    const [sa, sb] = [await createSqlStateStore(a, dataDir), await createSqlStateStore(b, dataDir)];
    await sa.propose(change("c1"), new Date(Date.now() + 60_000));
    expect(await sb.proposed("c1", new Date())).toMatchObject({ id: "c1", userName: "Kaisa", rights: ["kainuu"] });
    const won = await Promise.all([sa.startWriting("c1", new Date()), sb.startWriting("c1", new Date())]);
    expect(won.filter(Boolean)).toHaveLength(1);
    expect(await sb.unfinished()).toEqual([expect.objectContaining({ id: "c1", since: expect.any(String) })]);
    await sb.markApplied("c1", new Date("2026-01-02T03:04:05Z"));
    expect(await sa.history(5)).toEqual([expect.objectContaining({ id: "c1", at: "2026-01-02T03:04:05.000Z" })]);
    // A change of several files (a spreadsheet of figures) is recorded with each file, in order.
    const two = [{ file: "regions/lappi.yaml", before: "c", after: "d" }, { file: "regions/kainuu.yaml", before: "b", after: "e" }];
    await sa.recordApplied({ ...change("c2", { files: two }), at: "2026-01-03T00:00:00.000Z" });
    expect((await sb.history(5)).map((r) => r.id)).toEqual(["c2", "c1"]);
    expect((await sb.historyRecord("c2"))?.files).toEqual(two);
    expect([await sb.isRecorded("regions/lappi.yaml", "d"), await sb.isRecorded("regions/lappi.yaml", "c")]).toEqual([true, false]);
    await sa.subscribe({ platform: "slack", address: { channel: "C1" }, conversationId: "slack:C1", regions: ["kainuu"], language: "fi" });
    await sb.subscribe({ platform: "slack", address: { channel: "C1", thread_ts: "1" }, conversationId: "slack:C1", regions: [], language: "sv" });
    expect(await sa.subscriptions()).toEqual([{ platform: "slack", address: { channel: "C1", thread_ts: "1" }, conversationId: "slack:C1", regions: [], language: "sv" }]);
    expect([await sb.unsubscribe("slack:C1"), await sa.unsubscribe("slack:C1")]).toEqual([true, false]);
    expect(await sa.cancel("c1")).toBe(false);
  });

  it("curation: changes from before the database keep their file through the move of files to their own table", async () => {
    const db = await testDatabase(dialect);
    cleanups.push(db.done);
    // history.json is imported with the first migrations (one file a change), then the files move to change_files.
    writeFileSync(join(db.dataDir, "history.json"), JSON.stringify([{ id: "old1", at: "2025-01-01T00:00:00Z", user: "slack:U1", platform: "slack", file: "regions/lappi.yaml", before: "a", after: "b", summary: ["muutos"] }]));
    const state = await createSqlStateStore(db.sql, db.dataDir);
    expect(await state.historyRecord("old1")).toMatchObject({ files: [{ file: "regions/lappi.yaml", before: "a", after: "b" }], rights: "all" });
    expect(await state.isRecorded("regions/lappi.yaml", "b")).toBe(true);
  });

  it("claims: an event id is claimed by one instance only, until its time is up", async () => {
    const [a, b] = await twoInstances(dialect);
    let now = 1_000_000;
    const [ca, cb] = [await createSqlClaims(a, () => now), await createSqlClaims(b, () => now)];
    const results = await Promise.all([ca.claim("slack:event:Ev1", 60_000), cb.claim("slack:event:Ev1", 60_000)]);
    expect(results.sort()).toEqual([false, true]);
    expect(await cb.has("slack:event:Ev1")).toBe(true);
    now += 60_001;
    expect(await cb.has("slack:event:Ev1")).toBe(false);
    expect(await cb.claim("slack:event:Ev1", 1000)).toBe(true);
    now += 5000;
    expect(await ca.expire(now)).toBe(1);
  });

  it("conversations: a context saved by one instance is read by the other until it expires, then cleaned up", async () => {
    const [a, b] = await twoInstances(dialect);
    let now = 5_000;
    const [ka, kb] = [await createSqlConversations(a, { now: () => now }), await createSqlConversations(b, { now: () => now })];
    await ka.set("slack:C1:1.0", '{"plan":1}', now + 1000);
    expect(await kb.get("slack:C1:1.0")).toBe('{"plan":1}');
    await kb.set("slack:C1:1.0", '{"plan":2}', now + 1000);
    expect(await ka.get("slack:C1:1.0")).toBe('{"plan":2}');
    now += 1000;
    expect(await ka.get("slack:C1:1.0")).toBeUndefined();
    expect(await kb.expire(now)).toBe(1);
  });

  it("claims with reads ahead: the context, the home region, any case and a thread's claim come in the claim's round trip, for the answer right after it only", async () => {
    const [a, b] = await twoInstances(dialect);
    let now = 10_000;
    const ahead = createReadAhead(a, () => now);
    const ka = await createSqlConversations(a, { now: () => now, ahead });
    const kb = await createSqlConversations(b, { now: () => now });
    const ha = await createSqlHomeRegionStore(a, ahead);
    const la = await createSqlLoopStore(a, { ahead });
    const ca = await createSqlClaims(a, () => now, ahead);
    await kb.set("teams:19:c", "one", now + 60_000);
    await (await createSqlHomeRegionStore(b)).set({ level: "organisation", place: "teams:T", region: "kainuu", setBy: "teams:U", at: "2026-01-01" });
    await createSqlClaims(b, () => now).then((cb) => cb.claim("slack:thread:teams:19:c", 60_000));
    const place = { conversationId: "teams:19:c", channel: "teams:19:c", organisation: "teams:T" };
    const queries = () => a.stats().queries;
    let before = queries();
    expect(await ca.claim("teams:activity:1", 60_000, { place, held: "slack:thread:teams:19:c" })).toBe(true);
    expect(queries()).toBe(before + (dialect === "postgres" ? 1 : 2));
    before = queries();
    expect([await ka.get("teams:19:c"), await ha.regionFor(place), await la.escalationInThread("teams:19:c"), await ca.has("slack:thread:teams:19:c")]).toEqual(["one", "kainuu", undefined, true]);
    expect(queries()).toBe(before);
    // Used once: the next read asks the database, and sees what B wrote since.
    await kb.set("teams:19:c", "two", now + 60_000);
    expect(await ka.get("teams:19:c")).toBe("two");
    expect(queries()).toBe(before + 1);
    // A repeated event is not answered: nothing read with its claim is kept for a later answer.
    expect(await ca.claim("teams:activity:1", 60_000, { place })).toBe(false);
    before = queries();
    expect(await ha.regionFor(place)).toBe("kainuu");
    expect(queries()).toBe(before + 1);
    // An answer that starts long after its claim reads the row again.
    expect(await ca.claim("teams:activity:2", 60_000, { place })).toBe(true);
    await kb.set("teams:19:c", "three", now + 60_000);
    now += 1_000;
    before = queries();
    expect(await ka.get("teams:19:c")).toBe("three");
    expect(queries()).toBe(before + 1);
    // What has no row reads as none, without a query either: no context, no home region, no case.
    expect(await ca.claim("teams:activity:3", 60_000, { place: { conversationId: "teams:19:new", channel: "teams:19:new" }, held: "slack:thread:teams:19:new" })).toBe(true);
    before = queries();
    expect([await ka.get("teams:19:new"), await ha.regionFor({ channel: "teams:19:new" }), await la.escalationInThread("teams:19:new"), await ca.has("slack:thread:teams:19:new")]).toEqual([undefined, undefined, undefined, false]);
    expect(queries()).toBe(before);
    // A conversation that is a coordinators' case is read whole, as before.
    const questionId = la.addQuestion({ at: "2026-01-01", platform: "teams", conversationId: "teams:19:asker", text: "?", language: "fi", answered: false, regions: [], topics: [] });
    await la.addEscalation({ id: "e1", questionId, at: "2026-01-01", channel: "teams:19:coord", thread: "teams:19:case", status: "open" });
    expect(await ca.claim("teams:activity:4", 60_000, { place: { conversationId: "teams:19:case" } })).toBe(true);
    expect(await la.escalationInThread("teams:19:case")).toMatchObject({ id: "e1", thread: "teams:19:case" });
  });

  it("a message with no claim before it gets every read in one query as it reaches the bot", async () => {
    const db = await testDatabase(dialect);
    cleanups.push(db.done);
    const ahead = createReadAhead(db.sql);
    const conversations = await createSqlConversations(db.sql, { ahead });
    const homes = await createSqlHomeRegionStore(db.sql, ahead);
    await conversations.set("slack:C1:U1", "context", Date.now() + 60_000);
    await homes.set({ level: "channel", place: "slack:C1", region: "lappi", setBy: "slack:U", at: "2026-01-01" });
    const seen: unknown[] = [];
    const inner = testBot();
    const bot = ahead.wrap({ ...inner, handle: async (m) => (seen.push(await conversations.get(m.conversationId), await homes.regionFor(m)), inner.help("fi")) });
    const before = db.sql.stats().queries;
    await bot.handle({ text: "Mikä on STEA?", conversationId: "slack:C1:U1", channel: "slack:C1", platform: "slack" });
    expect(seen).toEqual(["context", "lappi"]);
    expect(db.sql.stats().queries).toBe(before + 1);
  });

  it("conversations: a context being written is read on this instance; a write that fails is reported, not thrown", async () => {
    const db = await testDatabase(dialect);
    cleanups.push(db.done);
    const ka = await createSqlConversations(db.sql);
    const written = ka.set("slack:C1", "pending", Date.now() + 60_000);
    expect(await ka.get("slack:C1")).toBe("pending");
    await written;
    expect(await (await createSqlConversations(db.sql)).get("slack:C1")).toBe("pending");
    // Writes through a connection already closed: each fails, and is reported with its conversation.
    const closed = await openDatabase({ dataDir: db.dataDir, url: db.url });
    await closed.close();
    const failed: string[] = [];
    const broken = await createSqlConversations(db.sql, { background: closed, onError: (_err, id) => failed.push(id) });
    await expect(broken.set("slack:C1", "lost", Date.now() + 60_000)).resolves.toBeUndefined();
    expect(failed).toEqual(["slack:C1"]);
    expect(await broken.get("slack:C1")).toBe("pending");
  });

  it("home regions, Slack installations and Teams welcomes are shared", async () => {
    const [a, b, dataDir] = await twoInstances(dialect);
    const [ha, hb] = [await createSqlHomeRegionStore(a), await createSqlHomeRegionStore(b)];
    await ha.set({ level: "organisation", place: "slack:T1", region: "kainuu", setBy: "slack:U1", at: "2026-01-01" });
    await hb.set({ level: "channel", place: "slack:C1", region: "lappi", setBy: "slack:U1", at: "2026-01-01" });
    expect(await ha.settingsFor({ channel: "slack:C1", organisation: "slack:T1" })).toEqual({ channel: "lappi", organisation: "kainuu" });
    expect(await hb.clear("organisation", "slack:T1")).toBe(true);

    // One after the other: two SQLite connections in one process cannot wait for each other's lock.
    const ra = createInstallationRows(a);
    await ra.put({ key: "team:T1", teamId: "T1", sealed: "sealed-1", at: "2026-01-01" });
    const rb = createInstallationRows(b);
    await rb.put({ key: "team:T1", teamId: "T1", sealed: "sealed-2", at: "2026-01-02" });
    expect(await ra.get("team:T1")).toEqual({ key: "team:T1", teamId: "T1", sealed: "sealed-2", at: "2026-01-02" });
    expect(await rb.delete("team:T1")).toBe(true);
    expect(await ra.sample()).toBeUndefined();

    const log = createMemoryLogger();
    expect(await createWelcomed(a, dataDir, log).add("19:x")).toBe(true);
    expect(await createWelcomed(b, dataDir, log).add("19:x")).toBe(false);
  });
});
