// The loop's store on a real database, in both dialects (a SQLite file and PostgreSQL): reports
// are queries over what was recorded, the CSV lists unanswered questions most frequent first, and
// the retention clean-up forgets.
import { afterEach, describe, expect, it } from "vitest";
import { reportCsv } from "../../src/loop/report-format.js";
import { forgetOld } from "../../src/loop/retention.js";
import type { LoopStore, NewQuestion } from "../../src/loop/store.js";
import type { BatchOptions } from "../../src/loop/batched-writes.js";
import { createSqlLoopStore } from "../../src/loop/sql-store.js";
import { openDatabase, type Sql } from "../../src/state/database.js";
import { until } from "../../dev/stand-ins/until.js";
import { DIALECTS, testDatabase, type Dialect } from "../helpers/postgres.js";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});
async function openStore(dialect: Dialect, options?: BatchOptions): Promise<{ store: LoopStore; sql: Sql; other(): Promise<Sql>; reopen(): Promise<LoopStore> }> {
  const db = await testDatabase(dialect);
  cleanups.push(db.done);
  // Another process opening the same data: a second connection to the same file or database.
  const other = async () => {
    const sql = await openDatabase({ dataDir: db.dataDir, url: db.url });
    cleanups.unshift(() => sql.close());
    return sql;
  };
  return {
    store: await createSqlLoopStore(db.sql, options),
    sql: db.sql,
    other,
    reopen: async () => createSqlLoopStore(await other()),
  };
}

const DAY = 86_400_000;
const NOW = new Date("2026-06-15T12:00:00Z");
const ago = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();
const q = (text: string, extra: Partial<NewQuestion> = {}): NewQuestion => ({
  at: ago(1),
  platform: "slack",
  conversationId: "slack:C1:1.0",
  userId: "slack:U1",
  address: { channel: "C1", thread_ts: "1.0" },
  text,
  language: "fi",
  answered: false,
  regions: [],
  topics: [],
  ...extra,
});

describe.each(DIALECTS)("the question log in %s, off the reply path", (dialect) => {
  it("gives a question its id at once and writes a burst of questions in one transaction a moment later", async () => {
    const { store, other } = await openStore(dialect, { batchMs: 200 });
    // Another connection, as a `report` command in another process reads the data.
    const reader = await other();
    const count = async () => (await reader.get<{ n: number }>("SELECT count(*) AS n FROM loop_questions"))!.n;
    // How many transactions wrote the rows: SQLite counts commits by others (data_version); in
    // PostgreSQL the rows of one transaction share its id (xmin).
    const version = async () => (await reader.get<{ data_version: number }>("PRAGMA data_version"))!.data_version;
    const before = dialect === "sqlite" ? await version() : 0;
    const ids = Array.from({ length: 20 }, (_, i) => store.addQuestion(q(`kysymys ${i}`, { regions: ["lappi"] })));
    expect(new Set(ids).size).toBe(20);
    expect(await count()).toBe(0); // nothing written on the way to the reply
    await until(async () => (await count()) === 20, 4000);
    const commits = dialect === "sqlite" ? (await version()) - before : (await reader.get<{ n: number }>("SELECT count(DISTINCT xmin::text) AS n FROM loop_questions"))!.n;
    expect(commits).toBe(1); // one commit for the twenty
  });

  it("reads what it queued: a click on a question just logged finds it", async () => {
    const { store } = await openStore(dialect);
    const id = store.addQuestion(q("Montako koiraa Lapissa on?", { regions: ["lappi"] }));
    expect(await store.question(id)).toMatchObject({ text: "Montako koiraa Lapissa on?", regions: ["lappi"] });
    await store.rate(id, "down", ago(0));
    expect((await store.report()).feedback.down).toBe(1);
  });

  it("reports a queued write that failed and keeps writing the next ones", async () => {
    const failed: number[] = [];
    const { store, sql } = await openStore(dialect, { onError: (_err, questions) => failed.push(questions) });
    // A batch is written whole or not at all: one row that cannot be made fails the batch.
    store.addQuestion(q("ensimmäinen"));
    store.addQuestion(() => {
      throw new Error("the row cannot be worked out");
    });
    await expect(store.flush()).rejects.toThrow(/cannot be worked out/);
    expect(failed).toEqual([2]);
    const id = store.addQuestion(q("seuraava"));
    expect((await store.question(id))?.text).toBe("seuraava");
    expect((await sql.get<{ n: number }>("SELECT count(*) AS n FROM loop_questions"))!.n).toBe(1);
  });
});

describe.each(DIALECTS)("the loop's store in %s", (dialect) => {
  it("counts questions by region and topic and lists unanswered ones most frequent first, in text and CSV", async () => {
    const { store } = await openStore(dialect);
    store.addQuestion(q("Montako koiraa Lapissa on?", { regions: ["lappi"] }));
    for (const text of ["Mikä on säätiöiden verotus?", "mikä on säätiöiden verotus", "MIKÄ ON SÄÄTIÖIDEN VEROTUS?!"]) store.addQuestion(q(text));
    store.addQuestion(q("Montako koiraa Lapissa on", { regions: ["lappi"] }));
    store.addQuestion(q("Kerro STEAsta", { answered: true, topics: ["stea"] }));
    store.addQuestion(q("Pirkanmaan asukasluku", { answered: true, regions: ["pirkanmaa"] }));
    store.addQuestion(q("Mikä on hyte?", { answered: false, at: ago(40) }));

    const all = await store.report();
    expect(all.questions).toBe(8);
    expect(all.answered).toBe(2);
    expect(all.regions).toEqual([{ key: "lappi", count: 2 }, { key: "pirkanmaa", count: 1 }]);
    expect(all.topics).toEqual([{ key: "stea", count: 1 }]);
    expect(all.unanswered.map((c) => c.count)).toEqual([3, 2, 1]);
    expect((await store.report(ago(10).slice(0, 10))).unanswered.map((c) => c.count)).toEqual([3, 2]);

    const rows = reportCsv(all).trim().split("\n");
    expect(rows[0]).toBe("section,item,count,detail");
    const unanswered = rows.filter((r) => r.startsWith("unanswered,"));
    expect(unanswered).toHaveLength(3);
    expect(unanswered[0]).toMatch(/säätiöiden verotus.*,3,$/i);
    expect(unanswered[1]).toMatch(/koiraa Lapissa.*,2,$/);
    expect(reportCsv(all)).not.toMatch(/U1|C1/);
  });

  it("keeps one rating per answer, a reason only with a 👎, and reports the reason with the question and its entries", async () => {
    const { store } = await openStore(dialect);
    const id = store.addQuestion(q("Pirkanmaan avustukset", { answered: true, regions: ["pirkanmaa"], topics: ["jarjestoavustukset"] }));
    await store.rate(id, "up", ago(0));
    expect(await store.giveReason(id, "ei kelpaa")).toBe(false);
    await store.rate(id, "down", ago(0));
    expect(await store.giveReason(id, "Luku on vanha")).toBe(true);
    const r = await store.report();
    expect(r.feedback).toMatchObject({ up: 0, down: 1 });
    expect(r.feedback.reasons).toEqual([{ at: ago(0), question: "Pirkanmaan avustukset", reason: "Luku on vanha", platform: "slack", entries: ["pirkanmaa", "jarjestoavustukset"] }]);
  });

  it("survives a reopen: what one process wrote, another reads from the same data", async () => {
    const first = await openStore(dialect);
    first.store.addQuestion(q("Mikä on hyte?"));
    await first.store.flush(); // as the runtime does before it closes the database
    const again = await first.reopen();
    expect((await again.report()).unanswered).toEqual([{ key: "Mikä on hyte?", count: 1 }]);
  });

  it("forgets questions older than the retention period, with their feedback and escalations", async () => {
    const { store, sql } = await openStore(dialect);
    const old = store.addQuestion(q("vanha kysymys", { at: ago(31) }));
    await store.rate(old, "down", ago(31));
    await store.addEscalation({ id: "e1", questionId: old, at: ago(31), channel: "teams:19:c", thread: "teams:19:c;messageid=1", status: "open" });
    const fresh = store.addQuestion(q("uusi kysymys", { at: ago(29) }));
    expect((await forgetOld(store, NOW, 30)).questions).toBe(1);
    expect(await store.question(old)).toBeUndefined();
    expect((await store.question(fresh))?.text).toBe("uusi kysymys");
    const left = await sql.get<{ n: number }>("SELECT (SELECT count(*) FROM loop_feedback) + (SELECT count(*) FROM loop_escalations) + (SELECT count(*) FROM loop_question_entries WHERE question_id = ?) AS n", [Number(old)]);
    expect(left?.n).toBe(0);
  });

  it("clears who asked and where after a day, unless an escalation still needs it", async () => {
    const { store } = await openStore(dialect);
    const plain = store.addQuestion(q("ei välitetty", { at: ago(2) }));
    const open = store.addQuestion(q("välitetty, avoin", { at: ago(2) }));
    const answeredLongAgo = store.addQuestion(q("välitetty, vastattu", { at: ago(3) }));
    const recent = store.addQuestion(q("juuri kysytty", { at: new Date(NOW.getTime() - 3_600_000).toISOString() }));
    await store.addEscalation({ id: "e1", questionId: open, at: ago(2), channel: "c", thread: "t1", status: "open" });
    await store.addEscalation({ id: "e2", questionId: answeredLongAgo, at: ago(3), channel: "c", thread: "t2", status: "open" });
    await store.markAnswered("e2", ago(2));
    expect((await forgetOld(store, NOW, 180)).identities).toBe(2);
    for (const id of [plain, answeredLongAgo]) expect(await store.question(id)).not.toHaveProperty("userId");
    for (const id of [plain, answeredLongAgo]) expect(await store.question(id)).not.toHaveProperty("address");
    for (const id of [open, recent]) expect(await store.question(id)).toMatchObject({ userId: "slack:U1", address: { channel: "C1" } });
  });

  it("says a reminder key is new only once", async () => {
    const { store } = await openStore(dialect);
    expect(await store.firstTime("review:entry:stea:2025", ago(0))).toBe(true);
    expect(await store.firstTime("review:entry:stea:2025", ago(0))).toBe(false);
  });
});
