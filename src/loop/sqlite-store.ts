// The loop's store in the bot's one SQLite file: reports are GROUP BY queries, not file scans,
// and every write is one transaction, so several processes (the bot, a `report` command) can
// share the file safely.
//
// Logging a question is off the reply path: addQuestion gives the question its id at once and
// queues the row; the queue is written in one transaction a moment later (or when it is long),
// so under load many questions share one commit, which is most of a log write's cost. Whatever
// reads questions writes the queue first, so what this process logged it also reads. A crash loses at most the
// last few milliseconds of questions, never an answer.
import { randomInt } from "node:crypto";
import type { Db } from "../state/database.js";
import { fold } from "../understanding/normalise.js";
import { LOOP_MIGRATIONS } from "./migrations.js";
import { migrate } from "../state/database.js";
import type { Count, Escalation, LoopStore, NewQuestion, ReportData, StoredQuestion } from "./store.js";

type QuestionRow = { id: number; at: string; platform: string; conversation_id: string; user_id: string | null; address: string | null; text: string; language: string; answered: number };
type EscalationRow = { id: string; question_id: number; at: string; channel: string; thread: string; status: "open" | "answered"; answered_at: string | null };

/** The grouping key of a question: folded, punctuation and extra spaces gone. */
export const questionKey = (text: string) => fold(text).replace(/[^\p{L}\p{N}]+/gu, " ").trim();

const toEscalation = (r: EscalationRow): Escalation => ({
  id: r.id,
  questionId: String(r.question_id),
  at: r.at,
  channel: r.channel,
  thread: r.thread,
  status: r.status,
  ...(r.answered_at ? { answeredAt: r.answered_at } : {}),
});

export interface LoopStoreOptions {
  /** How long a logged question may wait to be written with others (milliseconds). */
  batchMs?: number;
  /** A queued write that failed (disk full, database locked): its questions are not in the log. */
  onError?: (err: unknown, questions: number) => void;
}

/** Questions queued at most this many before they are written at once. */
const MAX_QUEUED = 200;

export function createSqliteLoopStore(db: Db, options: LoopStoreOptions = {}): LoopStore {
  migrate(db, LOOP_MIGRATIONS);
  const insertQuestion = db.prepare(
    "INSERT INTO loop_questions (id, at, platform, organisation, conversation_id, user_id, address, text, folded, language, answered) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const insertEntry = db.prepare("INSERT OR IGNORE INTO loop_question_entries (question_id, kind, entry_id) VALUES (?, ?, ?)");
  const entriesOf = db.prepare<[number], { kind: string; entry_id: string }>("SELECT kind, entry_id FROM loop_question_entries WHERE question_id = ? ORDER BY kind, entry_id");
  const escalationBy = (column: "question_id" | "thread") => db.prepare<[string | number], EscalationRow>(`SELECT * FROM loop_escalations WHERE ${column} = ?`);
  const [byQuestion, byThread] = [escalationBy("question_id"), escalationBy("thread")];
  // Which questions a report covers: asked since a date, in one organisation or (org null) in all.
  type Scope = { from: string; org: string | null };
  const SCOPE = "q.at >= @from AND (@org IS NULL OR q.organisation = @org)";
  const counts = (sql: string, scope: Scope) => db.prepare<[Scope], Count>(sql).all(scope);
  const questionBy = db.prepare<[string], QuestionRow>("SELECT * FROM loop_questions WHERE id = ?");
  const allChannels = db.prepare<[], { conversation_id: string; platform: string; address: string; regions: string; language: string }>("SELECT * FROM loop_channels ORDER BY conversation_id");

  const queue: Array<{ id: number; q: NewQuestion | (() => NewQuestion) }> = [];
  let timer: NodeJS.Timeout | undefined;
  const writeQueued = db.transaction((rows: typeof queue) => {
    for (const { id, q: given } of rows) {
      const q = typeof given === "function" ? given() : given;
      insertQuestion.run(id, q.at, q.platform, q.organisation ?? null, q.conversationId, q.userId ?? null, q.address === undefined ? null : JSON.stringify(q.address), q.text, questionKey(q.text), q.language, q.answered ? 1 : 0);
      for (const r of q.regions) insertEntry.run(id, "region", r);
      for (const t of q.topics) insertEntry.run(id, "topic", t);
    }
  });
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (queue.length && db.open) writeQueued(queue.splice(0));
  };
  const flushLater = () => {
    const rows = queue.length;
    try {
      flush();
    } catch (err) {
      (options.onError ?? ((e: unknown) => { throw e; }))(err, rows);
    }
  };
  /** A read or write that must see the queued questions writes them first. */
  const fresh = <A extends unknown[], R>(fn: (...args: A) => R) => (...args: A): R => (flush(), fn(...args));

  const store: LoopStore = {
    // A random id, given before the row is written: two processes never hand out the same one.
    addQuestion(q) {
      const id = randomInt(1, 2 ** 47);
      queue.push({ id, q });
      if (queue.length >= MAX_QUEUED) flushLater();
      else timer ??= setTimeout(flushLater, options.batchMs ?? 25).unref();
      return String(id);
    },
    flush,
    question(id) {
      const r = questionBy.get(id);
      if (!r) return undefined;
      const entries = entriesOf.all(r.id);
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
    rate(questionId, rating, at) {
      db.prepare("INSERT INTO loop_feedback (question_id, at, rating) VALUES (?, ?, ?) ON CONFLICT (question_id) DO UPDATE SET at = excluded.at, rating = excluded.rating, reason = NULL").run(questionId, at, rating);
    },
    giveReason: (questionId, reason) => db.prepare("UPDATE loop_feedback SET reason = ? WHERE question_id = ? AND rating = 'down'").run(reason, questionId).changes === 1,
    setChannel(c) {
      db.prepare("INSERT OR REPLACE INTO loop_channels (conversation_id, platform, address, regions, language) VALUES (?, ?, ?, ?, ?)").run(c.conversationId, c.platform, JSON.stringify(c.address), c.regions.join(" "), c.language);
    },
    channels: () =>
      allChannels
        .all()
        .map((r) => ({ platform: r.platform, conversationId: r.conversation_id, address: JSON.parse(r.address) as unknown, regions: r.regions.split(" ").filter(Boolean), language: r.language as "fi" })),
    addEscalation(e) {
      db.prepare("INSERT INTO loop_escalations (id, question_id, at, channel, thread, status) VALUES (?, ?, ?, ?, ?, ?)").run(e.id, e.questionId, e.at, e.channel, e.thread, e.status);
    },
    escalationOf: (questionId) => {
      const r = byQuestion.get(questionId);
      return r ? toEscalation(r) : undefined;
    },
    escalationInThread: (thread) => {
      const r = byThread.get(thread);
      return r ? toEscalation(r) : undefined;
    },
    markAnswered(id, at) {
      db.prepare("UPDATE loop_escalations SET status = 'answered', answered_at = coalesce(answered_at, ?) WHERE id = ?").run(at, id);
    },
    report(since, organisation) {
      const scope: Scope = { from: since ?? "", org: organisation ?? null };
      const totals = db.prepare<[Scope], { n: number; answered: number | null }>(`SELECT count(*) AS n, sum(answered) AS answered FROM loop_questions q WHERE ${SCOPE}`).get(scope)!;
      const byKind = (kind: string) =>
        counts(`SELECT e.entry_id AS key, count(*) AS count FROM loop_question_entries e JOIN loop_questions q ON q.id = e.question_id WHERE ${SCOPE} AND e.kind = '${kind}' GROUP BY e.entry_id ORDER BY count DESC, key`, scope);
      const feedback = db.prepare<[Scope], { rating: string; n: number }>(`SELECT f.rating, count(*) AS n FROM loop_feedback f JOIN loop_questions q ON q.id = f.question_id WHERE ${SCOPE} GROUP BY f.rating`).all(scope);
      const reasons = db
        .prepare<[Scope], { at: string; question: string; reason: string; platform: string; id: number }>(
          `SELECT f.at, q.text AS question, f.reason, q.platform, q.id FROM loop_feedback f JOIN loop_questions q ON q.id = f.question_id WHERE ${SCOPE} AND f.rating = 'down' AND f.reason IS NOT NULL ORDER BY f.at DESC`,
        )
        .all(scope);
      const open = db
        .prepare<[Scope], { id: string; at: string; question: string; platform: string; qid: number }>(
          `SELECT e.id, e.at, q.text AS question, q.platform, q.id AS qid FROM loop_escalations e JOIN loop_questions q ON q.id = e.question_id WHERE ${SCOPE} AND e.status = 'open' ORDER BY e.at`,
        )
        .all(scope);
      const answeredEscalations = db.prepare<[Scope], number>(`SELECT count(*) FROM loop_escalations e JOIN loop_questions q ON q.id = e.question_id WHERE ${SCOPE} AND e.status = 'answered'`).pluck().get(scope)!;
      const regionsOf = (id: number) => entriesOf.all(id).filter((e) => e.kind === "region").map((e) => e.entry_id);
      const data: ReportData = {
        ...(since ? { since } : {}),
        ...(organisation !== undefined ? { organisation } : {}),
        questions: totals.n,
        answered: totals.answered ?? 0,
        regions: byKind("region"),
        topics: byKind("topic"),
        unanswered: counts(`SELECT min(text) AS key, count(*) AS count FROM loop_questions q WHERE ${SCOPE} AND answered = 0 GROUP BY folded ORDER BY count DESC, max(at) DESC`, scope),
        feedback: {
          up: feedback.find((f) => f.rating === "up")?.n ?? 0,
          down: feedback.find((f) => f.rating === "down")?.n ?? 0,
          reasons: reasons.map((r) => ({ at: r.at, question: r.question, reason: r.reason, platform: r.platform, entries: entriesOf.all(r.id).map((e) => e.entry_id) })),
        },
        escalations: { answered: answeredEscalations, open: open.map((o) => ({ id: o.id, at: o.at, question: o.question, platform: o.platform, regions: regionsOf(o.qid) })) },
      };
      return data;
    },
    firstTime: (key, at) => db.prepare("INSERT OR IGNORE INTO loop_reminders (key, at) VALUES (?, ?)").run(key, at).changes === 1,
    forget: db.transaction(({ before, identitiesBefore }: { before: string; identitiesBefore: string }) => {
      const questions = db.prepare("DELETE FROM loop_questions WHERE at < ?").run(before).changes;
      const identities = db
        .prepare(
          `UPDATE loop_questions SET user_id = NULL, address = NULL
           WHERE (user_id IS NOT NULL OR address IS NOT NULL) AND at < @cut
             AND NOT EXISTS (SELECT 1 FROM loop_escalations e WHERE e.question_id = loop_questions.id AND (e.status = 'open' OR e.answered_at >= @cut))`,
        )
        .run({ cut: identitiesBefore }).changes;
      return { questions, identities };
    }),
  };
  // What reads or refers to questions sees the queued ones; channels, threads and reminders (read
  // on every message) do not wait for the queue.
  return { ...store, question: fresh(store.question), rate: fresh(store.rate), giveReason: fresh(store.giveReason), addEscalation: fresh(store.addEscalation), report: fresh(store.report), forget: fresh(store.forget) };
}
