// The loop's SQLite store on a real database file: reports are queries over what was recorded,
// the CSV lists unanswered questions most frequent first, and the retention clean-up forgets.
import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { reportCsv } from "../../src/loop/report-format.js";
import { forgetOld } from "../../src/loop/retention.js";
import { createSqliteLoopStore } from "../../src/loop/sqlite-store.js";
import type { LoopStore, NewQuestion } from "../../src/loop/store.js";
import Database from "better-sqlite3";
import { DATABASE_FILE, openDatabase, type Db } from "../../src/state/database.js";
import { until } from "../../dev/stand-ins/until.js";

const dirs: string[] = [];
const dbs: Db[] = [];
afterEach(() => {
  dbs.splice(0).forEach((d) => d.close());
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});
function openStore(dir = mkdtempSync(join(tmpdir(), "loop-"))): { store: LoopStore; dir: string; db: Db } {
  dirs.push(dir);
  const db = openDatabase(dir);
  dbs.push(db);
  return { store: createSqliteLoopStore(db), dir, db };
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

describe("the question log, off the reply path", () => {
  it("gives a question its id at once and writes a burst of questions in one transaction a moment later", async () => {
    const { store, dir } = openStore();
    // Another connection, as a `report` command in another process reads the file.
    const reader = new Database(join(dir, DATABASE_FILE), { readonly: true });
    const count = () => reader.prepare("SELECT count(*) FROM loop_questions").pluck().get() as number;
    const version = () => reader.pragma("data_version", { simple: true }) as number;
    const before = version();
    const ids = Array.from({ length: 20 }, (_, i) => store.addQuestion(q(`kysymys ${i}`, { regions: ["lappi"] })));
    expect(new Set(ids).size).toBe(20);
    expect(count()).toBe(0); // nothing written on the way to the reply
    await until(() => count() === 20, 2000);
    expect(version() - before).toBe(1); // one commit for the twenty
    reader.close();
  });

  it("reads what it queued: a click on a question just logged finds it", () => {
    const { store } = openStore();
    const id = store.addQuestion(q("Montako koiraa Lapissa on?", { regions: ["lappi"] }));
    expect(store.question(id)).toMatchObject({ text: "Montako koiraa Lapissa on?", regions: ["lappi"] });
    store.rate(id, "down", ago(0));
    expect(store.report().feedback.down).toBe(1);
  });
});

describe("the loop's store", () => {
  it("counts questions by region and topic and lists unanswered ones most frequent first, in text and CSV", () => {
    const { store } = openStore();
    store.addQuestion(q("Montako koiraa Lapissa on?", { regions: ["lappi"] }));
    for (const text of ["Mikä on säätiöiden verotus?", "mikä on säätiöiden verotus", "MIKÄ ON SÄÄTIÖIDEN VEROTUS?!"]) store.addQuestion(q(text));
    store.addQuestion(q("Montako koiraa Lapissa on", { regions: ["lappi"] }));
    store.addQuestion(q("Kerro STEAsta", { answered: true, topics: ["stea"] }));
    store.addQuestion(q("Pirkanmaan asukasluku", { answered: true, regions: ["pirkanmaa"] }));
    store.addQuestion(q("Mikä on hyte?", { answered: false, at: ago(40) }));

    const all = store.report();
    expect(all.questions).toBe(8);
    expect(all.answered).toBe(2);
    expect(all.regions).toEqual([{ key: "lappi", count: 2 }, { key: "pirkanmaa", count: 1 }]);
    expect(all.topics).toEqual([{ key: "stea", count: 1 }]);
    expect(all.unanswered.map((c) => c.count)).toEqual([3, 2, 1]);
    expect(store.report(ago(10).slice(0, 10)).unanswered.map((c) => c.count)).toEqual([3, 2]);

    const rows = reportCsv(all).trim().split("\n");
    expect(rows[0]).toBe("section,item,count,detail");
    const unanswered = rows.filter((r) => r.startsWith("unanswered,"));
    expect(unanswered).toHaveLength(3);
    expect(unanswered[0]).toMatch(/säätiöiden verotus.*,3,$/i);
    expect(unanswered[1]).toMatch(/koiraa Lapissa.*,2,$/);
    expect(reportCsv(all)).not.toMatch(/U1|C1/);
  });

  it("keeps one rating per answer, a reason only with a 👎, and reports the reason with the question and its entries", () => {
    const { store } = openStore();
    const id = store.addQuestion(q("Pirkanmaan avustukset", { answered: true, regions: ["pirkanmaa"], topics: ["jarjestoavustukset"] }));
    store.rate(id, "up", ago(0));
    expect(store.giveReason(id, "ei kelpaa")).toBe(false);
    store.rate(id, "down", ago(0));
    expect(store.giveReason(id, "Luku on vanha")).toBe(true);
    const r = store.report();
    expect(r.feedback).toMatchObject({ up: 0, down: 1 });
    expect(r.feedback.reasons).toEqual([{ at: ago(0), question: "Pirkanmaan avustukset", reason: "Luku on vanha", platform: "slack", entries: ["pirkanmaa", "jarjestoavustukset"] }]);
  });

  it("survives a reopen: what one process wrote, another reads from the same file", () => {
    const first = openStore();
    first.store.addQuestion(q("Mikä on hyte?"));
    first.store.flush(); // as the runtime does before it closes the database
    first.db.close();
    dbs.splice(dbs.indexOf(first.db), 1);
    const again = openStore(first.dir);
    expect(again.store.report().unanswered).toEqual([{ key: "Mikä on hyte?", count: 1 }]);
  });

  it("forgets questions older than the retention period, with their feedback and escalations", () => {
    const { store, db } = openStore();
    const old = store.addQuestion(q("vanha kysymys", { at: ago(31) }));
    store.rate(old, "down", ago(31));
    store.addEscalation({ id: "e1", questionId: old, at: ago(31), channel: "teams:19:c", thread: "teams:19:c;messageid=1", status: "open" });
    const fresh = store.addQuestion(q("uusi kysymys", { at: ago(29) }));
    expect(forgetOld(store, NOW, 30).questions).toBe(1);
    expect(store.question(old)).toBeUndefined();
    expect(store.question(fresh)?.text).toBe("uusi kysymys");
    expect(db.prepare("SELECT (SELECT count(*) FROM loop_feedback) + (SELECT count(*) FROM loop_escalations) + (SELECT count(*) FROM loop_question_entries WHERE question_id = ?)").pluck().get(old)).toBe(0);
  });

  it("clears who asked and where after a day, unless an escalation still needs it", () => {
    const { store } = openStore();
    const plain = store.addQuestion(q("ei välitetty", { at: ago(2) }));
    const open = store.addQuestion(q("välitetty, avoin", { at: ago(2) }));
    const answeredLongAgo = store.addQuestion(q("välitetty, vastattu", { at: ago(3) }));
    const recent = store.addQuestion(q("juuri kysytty", { at: new Date(NOW.getTime() - 3_600_000).toISOString() }));
    store.addEscalation({ id: "e1", questionId: open, at: ago(2), channel: "c", thread: "t1", status: "open" });
    store.addEscalation({ id: "e2", questionId: answeredLongAgo, at: ago(3), channel: "c", thread: "t2", status: "open" });
    store.markAnswered("e2", ago(2));
    expect(forgetOld(store, NOW, 180).identities).toBe(2);
    for (const id of [plain, answeredLongAgo]) expect(store.question(id)).not.toHaveProperty("userId");
    for (const id of [plain, answeredLongAgo]) expect(store.question(id)).not.toHaveProperty("address");
    for (const id of [open, recent]) expect(store.question(id)).toMatchObject({ userId: "slack:U1", address: { channel: "C1" } });
  });

  it("says a reminder key is new only once", () => {
    const { store } = openStore();
    expect(store.firstTime("review:entry:stea:2025", ago(0))).toBe(true);
    expect(store.firstTime("review:entry:stea:2025", ago(0))).toBe(false);
  });
});
