// The loop's store in the bot's database (SQLite or PostgreSQL, src/state/sql.ts): reports are
// GROUP BY queries, not file scans, and every write is one transaction, so several processes (the
// bot's instances, a `report` command) can share the data safely.
//
// Logging a question is off the reply path: addQuestion gives the question its id at once and
// queues the row; the queue is written in one transaction a moment later (or when it is long), so
// under load many questions share one commit (and on a server, two statements), which is most of
// a log write's cost. Whatever reads questions writes the queue first, so what this process logged
// it also reads. A crash loses at most the last few milliseconds of questions, never an answer.
import { randomInt } from "node:crypto";
import { migrate, type Sql } from "../state/database.js";
import type { ReadAhead } from "../state/read-ahead.js";
import type { Param } from "../state/sql.js";
import { fold } from "../text/normalise.js";
import { batchedWrites, type BatchOptions } from "./batched-writes.js";
import { LOOP_MIGRATIONS } from "./migrations.js";
import type { Count, Escalation, LoopStore, NewQuestion, ReportData, StoredQuestion } from "./store.js";

type QuestionRow = { id: number; at: string; platform: string; conversation_id: string; user_id: string | null; address: string | null; text: string; language: string; answered: number };
type EscalationRow = { id: string; question_id: number; at: string; channel: string; thread: string; status: "open" | "answered"; answered_at: string | null };
type EntryRow = { kind: string; entry_id: string };

/** The grouping key of a question: folded, punctuation and extra spaces gone. */
export const questionKey = (text: string) => fold(text).replace(/[^\p{L}\p{N}]+/gu, " ").trim();

/** Question ids are the numbers addQuestion gives; anything else (a forged button value) names no question. */
const rowId = (id: string) => (/^\d{1,15}$/.test(id) ? Number(id) : undefined);

const toEscalation = (r: EscalationRow): Escalation => ({
  id: r.id,
  questionId: String(r.question_id),
  at: r.at,
  channel: r.channel,
  thread: r.thread,
  status: r.status,
  ...(r.answered_at ? { answeredAt: r.answered_at } : {}),
});

/** Rows per INSERT: well within both databases' limits on parameters in one statement. */
const ROWS_PER_INSERT = 250;

/** One INSERT of many rows (in chunks), each row `width` parameters. */
async function insertRows(tx: Sql, head: string, width: number, rows: Param[][]): Promise<void> {
  const row = `(${Array(width).fill("?").join(", ")})`;
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const chunk = rows.slice(i, i + ROWS_PER_INSERT);
    await tx.run(`${head} VALUES ${chunk.map(() => row).join(", ")}`, chunk.flat());
  }
}

// Which questions a report covers: asked since a date, in one organisation or (org null) in all.
const SCOPE = "q.at >= ? AND (CAST(? AS TEXT) IS NULL OR q.organisation = ?)";

/**
 * `background`: where the question log's writes go, counted apart (sql.ts). `ahead`: the shared
 * store's reads ahead, with which every message's claim also reads whether its conversation is a
 * coordinators' case (almost never; the case itself is then read as before).
 */
export async function createSqlLoopStore(sql: Sql, options: BatchOptions & { background?: Sql; ahead?: ReadAhead } = {}): Promise<LoopStore> {
  await migrate(sql, LOOP_MIGRATIONS);
  const caseAhead = options.ahead?.add({ of: (p) => p.conversationId, key: (thread) => thread, select: (thread) => ({ sql: "SELECT id FROM loop_escalations WHERE thread = ? LIMIT 1", params: [thread] }) });
  const entriesOf = (id: number) => sql.all<EntryRow>("SELECT kind, entry_id FROM loop_question_entries WHERE question_id = ? ORDER BY kind, entry_id", [id]);
  const escalationBy = async (column: "question_id" | "thread", value: string | number) => {
    const r = await sql.get<EscalationRow>(`SELECT * FROM loop_escalations WHERE ${column} = ?`, [value]);
    return r && toEscalation(r);
  };

  type Queued = { id: number; q: NewQuestion | (() => NewQuestion) };
  /** The queued questions in one transaction: two statements, whatever their number. */
  const write = (rows: Queued[]) => {
    const questions: Param[][] = [];
    const entries: Param[][] = [];
    for (const { id, q: given } of rows) {
      const q = typeof given === "function" ? given() : given;
      questions.push([id, q.at, q.platform, q.organisation ?? null, q.conversationId, q.userId ?? null, q.address === undefined ? null : JSON.stringify(q.address), q.text, questionKey(q.text), q.language, q.answered ? 1 : 0]);
      for (const r of new Set(q.regions)) entries.push([id, "region", r]);
      for (const t of new Set(q.topics)) entries.push([id, "topic", t]);
    }
    // Counted apart where the database counts its calls (sql.ts): no reply waits for the log.
    return (options.background ?? sql).transaction(async (tx) => {
      await insertRows(tx, "INSERT INTO loop_questions (id, at, platform, organisation, conversation_id, user_id, address, text, folded, language, answered)", 11, questions);
      await insertRows(tx, "INSERT INTO loop_question_entries (question_id, kind, entry_id)", 3, entries);
    });
  };
  const questionLog = batchedWrites(write, options);
  /** A read or write that must see the queued questions writes them first. */
  const fresh =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      await questionLog.flush();
      return fn(...args);
    };

  const store: LoopStore = {
    // A random id, given before the row is written: two processes (or instances) never hand out the same one.
    addQuestion(q) {
      const id = randomInt(1, 2 ** 47);
      questionLog.add({ id, q });
      return String(id);
    },
    flush: questionLog.flush,
    async question(id) {
      const n = rowId(id);
      const r = n === undefined ? undefined : await sql.get<QuestionRow>("SELECT * FROM loop_questions WHERE id = ?", [n]);
      if (!r) return undefined;
      const entries = await entriesOf(r.id);
      const q: StoredQuestion = {
        id: String(r.id),
        at: r.at,
        platform: r.platform,
        conversationId: r.conversation_id,
        text: r.text,
        language: r.language as StoredQuestion["language"],
        answered: r.answered === 1,
        regions: entries.filter((e) => e.kind === "region").map((e) => e.entry_id),
        topics: entries.filter((e) => e.kind === "topic").map((e) => e.entry_id),
        ...(r.user_id ? { userId: r.user_id } : {}),
        ...(r.address ? { address: JSON.parse(r.address) as unknown } : {}),
      };
      return q;
    },
    async rate(questionId, rating, at) {
      const n = rowId(questionId);
      if (n === undefined) return;
      await sql.run("INSERT INTO loop_feedback (question_id, at, rating) VALUES (?, ?, ?) ON CONFLICT (question_id) DO UPDATE SET at = excluded.at, rating = excluded.rating, reason = NULL", [n, at, rating]);
    },
    giveReason: async (questionId, reason) => (await sql.run("UPDATE loop_feedback SET reason = ? WHERE question_id = ? AND rating = 'down'", [reason, rowId(questionId) ?? -1])) === 1,
    async setChannel(c) {
      await sql.run(
        `INSERT INTO loop_channels (conversation_id, platform, address, regions, language) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (conversation_id) DO UPDATE SET platform = excluded.platform, address = excluded.address, regions = excluded.regions, language = excluded.language`,
        [c.conversationId, c.platform, JSON.stringify(c.address), c.regions.join(" "), c.language],
      );
    },
    channels: async () =>
      (await sql.all<{ conversation_id: string; platform: string; address: string; regions: string; language: string }>("SELECT * FROM loop_channels ORDER BY conversation_id")).map((r) => ({
        platform: r.platform,
        conversationId: r.conversation_id,
        address: JSON.parse(r.address) as unknown,
        regions: r.regions.split(" ").filter(Boolean),
        language: r.language as "fi",
      })),
    async addEscalation(e) {
      await sql.run("INSERT INTO loop_escalations (id, question_id, at, channel, thread, status) VALUES (?, ?, ?, ?, ?, ?)", [e.id, rowId(e.questionId) ?? -1, e.at, e.channel, e.thread, e.status]);
    },
    escalationOf: async (questionId) => {
      const n = rowId(questionId);
      return n === undefined ? undefined : escalationBy("question_id", n);
    },
    escalationInThread: async (thread) => (caseAhead?.(thread)?.value === null ? undefined : escalationBy("thread", thread)),
    async markAnswered(id, at) {
      await sql.run("UPDATE loop_escalations SET status = 'answered', answered_at = coalesce(answered_at, ?) WHERE id = ?", [at, id]);
    },
    async report(since, organisation) {
      const scope = [since ?? "", organisation ?? null, organisation ?? null];
      const counts = (query: string) => sql.all<Count>(query, scope);
      const totals = (await sql.get<{ n: number; answered: number | null }>(`SELECT count(*) AS n, sum(answered) AS answered FROM loop_questions q WHERE ${SCOPE}`, scope))!;
      const byKind = (kind: string) =>
        counts(`SELECT e.entry_id AS key, count(*) AS count FROM loop_question_entries e JOIN loop_questions q ON q.id = e.question_id WHERE ${SCOPE} AND e.kind = '${kind}' GROUP BY e.entry_id ORDER BY count DESC, key`);
      const feedback = await sql.all<{ rating: string; n: number }>(`SELECT f.rating, count(*) AS n FROM loop_feedback f JOIN loop_questions q ON q.id = f.question_id WHERE ${SCOPE} GROUP BY f.rating`, scope);
      const reasons = await sql.all<{ at: string; question: string; reason: string; platform: string; id: number }>(
        `SELECT f.at, q.text AS question, f.reason, q.platform, q.id FROM loop_feedback f JOIN loop_questions q ON q.id = f.question_id WHERE ${SCOPE} AND f.rating = 'down' AND f.reason IS NOT NULL ORDER BY f.at DESC`,
        scope,
      );
      const open = await sql.all<{ id: string; at: string; question: string; platform: string; qid: number }>(
        `SELECT e.id, e.at, q.text AS question, q.platform, q.id AS qid FROM loop_escalations e JOIN loop_questions q ON q.id = e.question_id WHERE ${SCOPE} AND e.status = 'open' ORDER BY e.at`,
        scope,
      );
      const answeredEscalations = (await sql.get<{ n: number }>(`SELECT count(*) AS n FROM loop_escalations e JOIN loop_questions q ON q.id = e.question_id WHERE ${SCOPE} AND e.status = 'answered'`, scope))!.n;
      const data: ReportData = {
        ...(since ? { since } : {}),
        ...(organisation !== undefined ? { organisation } : {}),
        questions: totals.n,
        answered: totals.answered ?? 0,
        regions: await byKind("region"),
        topics: await byKind("topic"),
        unanswered: await counts(`SELECT min(text) AS key, count(*) AS count FROM loop_questions q WHERE ${SCOPE} AND answered = 0 GROUP BY folded ORDER BY count DESC, max(at) DESC`),
        feedback: {
          up: feedback.find((f) => f.rating === "up")?.n ?? 0,
          down: feedback.find((f) => f.rating === "down")?.n ?? 0,
          reasons: await Promise.all(reasons.map(async (r) => ({ at: r.at, question: r.question, reason: r.reason, platform: r.platform, entries: (await entriesOf(r.id)).map((e) => e.entry_id) }))),
        },
        escalations: {
          answered: answeredEscalations,
          open: await Promise.all(open.map(async (o) => ({ id: o.id, at: o.at, question: o.question, platform: o.platform, regions: (await entriesOf(o.qid)).filter((e) => e.kind === "region").map((e) => e.entry_id) }))),
        },
      };
      return data;
    },
    firstTime: async (key, at) => (await sql.run("INSERT INTO loop_reminders (key, at) VALUES (?, ?) ON CONFLICT (key) DO NOTHING", [key, at])) === 1,
    forget: ({ before, identitiesBefore }) =>
      sql.transaction(async (tx) => {
        const questions = await tx.run("DELETE FROM loop_questions WHERE at < ?", [before]);
        const identities = await tx.run(
          `UPDATE loop_questions SET user_id = NULL, address = NULL
           WHERE (user_id IS NOT NULL OR address IS NOT NULL) AND at < ?
             AND NOT EXISTS (SELECT 1 FROM loop_escalations e WHERE e.question_id = loop_questions.id AND (e.status = 'open' OR e.answered_at >= ?))`,
          [identitiesBefore, identitiesBefore],
        );
        return { questions, identities };
      }),
  };
  // What reads or refers to questions sees the queued ones; channels, threads and reminders (read
  // on every message) do not wait for the queue.
  return { ...store, question: fresh(store.question), rate: fresh(store.rate), giveReason: fresh(store.giveReason), addEscalation: fresh(store.addEscalation), report: fresh(store.report), forget: fresh(store.forget) };
}
