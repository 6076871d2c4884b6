// Curation's state in the shared database: one row per change (its whole life from preview to
// outcome, so the history is the applied rows) with its files beside it, and one per subscription.
// Every status move is a single conditional UPDATE, so two confirmations of the same change cannot
// both win, on one instance or on several.
import type { Change, FileChange, HistoryRecord, Rights, StateStore, Subscription, Unfinished } from "../curation/state.js";
import { migrate, perDialect, type Migration, type Sql } from "./database.js";
import type { Dialect } from "./sql.js";
import { importJsonState } from "./import-json.js";

/** SQLite numbers rows itself (rowid, the order of insertion); PostgreSQL gets a column of that name. */
const tables = (d: Dialect) => {
  const rowid = d === "postgres" ? ",\n    rowid BIGINT GENERATED ALWAYS AS IDENTITY" : "";
  return `
  CREATE TABLE changes (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL CHECK (status IN ('proposed', 'writing', 'applied', 'cancelled', 'failed')),
    created_at TEXT NOT NULL,
    expires_at TEXT,
    applied_at TEXT,
    "user" TEXT NOT NULL,
    platform TEXT NOT NULL,
    file TEXT NOT NULL,
    before TEXT NOT NULL,
    after TEXT NOT NULL,
    summary TEXT NOT NULL,
    rights TEXT NOT NULL,
    undoes TEXT${rowid}
  );
  CREATE INDEX changes_by_status ON changes (status, applied_at);
  CREATE TABLE subscriptions (
    conversation_id TEXT PRIMARY KEY,
    platform TEXT NOT NULL,
    address TEXT NOT NULL,
    regions TEXT NOT NULL,
    language TEXT NOT NULL${rowid}
  );`;
};

function curationMigrations(dataDir: string, warn: (message: string) => void): Migration[] {
  return [
    {
      name: "curation/001-changes-and-subscriptions",
      up: perDialect(tables),
    },
    // history.json and subscriptions.json from before the database, imported once.
    { name: "curation/002-import-json-files", up: (sql) => importJsonState(sql, dataDir, warn) },
    // A change may write several files (a spreadsheet of figures touches many regions): the files
    // move to their own table, in the order they are written. The same text in both dialects.
    {
      name: "curation/003-change-files",
      up: `
        CREATE TABLE change_files (
          change_id TEXT NOT NULL REFERENCES changes (id),
          n INTEGER NOT NULL,
          file TEXT NOT NULL,
          before TEXT NOT NULL,
          after TEXT NOT NULL,
          PRIMARY KEY (change_id, n)
        );
        CREATE INDEX change_files_by_file ON change_files (file);
        INSERT INTO change_files (change_id, n, file, before, after) SELECT id, 0, file, before, after FROM changes;
        ALTER TABLE changes DROP COLUMN file;
        ALTER TABLE changes DROP COLUMN before;
        ALTER TABLE changes DROP COLUMN after;`,
    },
    {
      // The author's name as the platform gives it (a commit's author in a knowledge repository),
      // and when writing began (a change left "writing" by a stopped instance is settled after a while).
      name: "curation/004-author-name-and-writing-time",
      up: "ALTER TABLE changes ADD COLUMN user_name TEXT; ALTER TABLE changes ADD COLUMN writing_at TEXT;",
    },
  ];
}

interface ChangeRow {
  id: string;
  user: string;
  user_name: string | null;
  platform: string;
  summary: string;
  rights: string;
  undoes: string | null;
  created_at: string;
  applied_at: string | null;
  writing_at: string | null;
}

type SubscriptionRow = { conversation_id: string; platform: string; address: string; regions: string; language: Subscription["language"] };

export async function createSqlStateStore(sql: Sql, dataDir: string, warn: (message: string) => void = () => {}): Promise<StateStore> {
  await migrate(sql, curationMigrations(dataDir, warn));
  /** A change and its files, in one transaction: recorded whole or not at all. */
  const insert = (c: Change, status: string, extra: { expiresAt?: string; appliedAt?: string }) =>
    sql.transaction(async (tx) => {
      await tx.run(`INSERT INTO changes (id, status, created_at, expires_at, applied_at, "user", user_name, platform, summary, rights, undoes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
        c.id, status, new Date().toISOString(), extra.expiresAt ?? null, extra.appliedAt ?? null, c.user, c.userName ?? null, c.platform,
        JSON.stringify(c.summary), JSON.stringify(c.rights), c.undoes ?? null,
      ]);
      for (const [n, f] of c.files.entries()) await tx.run("INSERT INTO change_files (change_id, n, file, before, after) VALUES (?, ?, ?, ?, ?)", [c.id, n, f.file, f.before, f.after]);
    });
  /** One status move; true when this call made it (no one else moved the change first). */
  const move = async (id: string, from: string, to: string, set = "", params: string[] = []) =>
    (await sql.run(`UPDATE changes SET status = '${to}'${set} WHERE id = ? AND status = '${from}'`, [...params, id])) === 1;
  /** The changes a query selects, each with its files (read in one more query, whatever their number). */
  const changes = async (where: string, params: Array<string | number>): Promise<Array<Change & { row: ChangeRow }>> => {
    const rows = await sql.all<ChangeRow>(`SELECT * FROM changes WHERE ${where}`, params);
    if (!rows.length) return [];
    const files = await sql.all<FileChange & { change_id: string }>(
      `SELECT change_id, file, before, after FROM change_files WHERE change_id IN (${rows.map(() => "?").join(", ")}) ORDER BY change_id, n`,
      rows.map((r) => r.id),
    );
    return rows.map((r) => ({
      id: r.id,
      user: r.user,
      platform: r.platform,
      files: files.filter((f) => f.change_id === r.id).map(({ file, before, after }) => ({ file, before, after })),
      summary: JSON.parse(r.summary) as string[],
      rights: JSON.parse(r.rights) as Rights,
      ...(r.undoes ? { undoes: r.undoes } : {}),
      ...(r.user_name ? { userName: r.user_name } : {}),
      row: r,
    }));
  };
  const toChange = ({ row: _row, ...c }: Change & { row: ChangeRow }): Change => c;
  const toRecord = ({ row, ...c }: Change & { row: ChangeRow }): HistoryRecord => ({ ...c, at: row.applied_at ?? "" });

  return {
    history: async (limit) => (await changes("status = 'applied' ORDER BY applied_at DESC, rowid DESC LIMIT ?", [limit])).map(toRecord),
    historyRecord: async (id) => (await changes("id = ? AND status = 'applied'", [id])).map(toRecord)[0],
    recordApplied: (record) => insert(record, "applied", { appliedAt: record.at }),
    isRecorded: async (file, after) =>
      (await sql.get("SELECT 1 AS found FROM change_files f JOIN changes c ON c.id = f.change_id WHERE c.status = 'applied' AND f.file = ? AND f.after = ? LIMIT 1", [file, after])) !== undefined,
    propose: (change, expiresAt) => insert(change, "proposed", { expiresAt: expiresAt.toISOString() }),
    proposed: async (id, now) => (await changes("id = ? AND status = 'proposed' AND expires_at > ?", [id, now.toISOString()])).map(toChange)[0],
    startWriting: (id, at) => move(id, "proposed", "writing", ", writing_at = ?", [at.toISOString()]),
    markApplied: async (id, at) => void (await move(id, "writing", "applied", ", applied_at = ?", [at.toISOString()])),
    writeFailed: async (id) => void (await move(id, "writing", "proposed")),
    markFailed: async (id) => void (await move(id, "writing", "failed")),
    cancel: (id) => move(id, "proposed", "cancelled"),
    unfinished: async (): Promise<Unfinished[]> => (await changes("status = 'writing' ORDER BY rowid", [])).map((c) => ({ ...toChange(c), since: c.row.writing_at ?? c.row.created_at })),
    subscriptions: async () =>
      (await sql.all<SubscriptionRow>("SELECT * FROM subscriptions ORDER BY rowid")).map((s) => ({
        conversationId: s.conversation_id,
        platform: s.platform,
        address: JSON.parse(s.address) as unknown,
        regions: JSON.parse(s.regions) as string[],
        language: s.language,
      })),
    subscribe: async (s) =>
      void (await sql.run(
        `INSERT INTO subscriptions (conversation_id, platform, address, regions, language) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (conversation_id) DO UPDATE SET platform = excluded.platform, address = excluded.address, regions = excluded.regions, language = excluded.language`,
        [s.conversationId, s.platform, JSON.stringify(s.address ?? null), JSON.stringify(s.regions), s.language],
      )),
    unsubscribe: async (conversationId) => (await sql.run("DELETE FROM subscriptions WHERE conversation_id = ?", [conversationId])) === 1,
  };
}
