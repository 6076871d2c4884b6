// Curation's state in the shared SQLite database: one row per change (its whole life from preview
// to outcome, so the history is the applied rows) with its files beside it, and one per subscription. Every status move is
// a single conditional UPDATE, so two confirmations of the same change cannot both win.
import type { Change, FileChange, HistoryRecord, Rights, StateStore, Subscription } from "../curation/state.js";
import { migrate, type Db, type Migration } from "./database.js";
import { importJsonState } from "./import-json.js";

function curationMigrations(dataDir: string, warn: (message: string) => void): Migration[] {
  return [
    {
      name: "curation/001-changes-and-subscriptions",
      up: `
        CREATE TABLE changes (
          id TEXT PRIMARY KEY,
          status TEXT NOT NULL CHECK (status IN ('proposed', 'writing', 'applied', 'cancelled', 'failed')),
          created_at TEXT NOT NULL,
          expires_at TEXT,
          applied_at TEXT,
          user TEXT NOT NULL,
          platform TEXT NOT NULL,
          file TEXT NOT NULL,
          before TEXT NOT NULL,
          after TEXT NOT NULL,
          summary TEXT NOT NULL,
          rights TEXT NOT NULL,
          undoes TEXT
        );
        CREATE INDEX changes_by_status ON changes (status, applied_at);
        CREATE TABLE subscriptions (
          conversation_id TEXT PRIMARY KEY,
          platform TEXT NOT NULL,
          address TEXT NOT NULL,
          regions TEXT NOT NULL,
          language TEXT NOT NULL
        );`,
    },
    // history.json and subscriptions.json from before the database, imported once.
    { name: "curation/002-import-json-files", up: (db) => importJsonState(db, dataDir, warn) },
    // A change may write several files (a spreadsheet of figures touches many regions): the files
    // move to their own table, in the order they are written.
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
  ];
}

interface ChangeRow {
  id: string;
  user: string;
  platform: string;
  summary: string;
  rights: string;
  undoes: string | null;
  applied_at: string | null;
}

export function createSqliteStateStore(db: Db, dataDir: string, warn: (message: string) => void = () => {}): StateStore {
  migrate(db, curationMigrations(dataDir, warn));
  const insertChange = db.prepare(`INSERT INTO changes (id, status, created_at, expires_at, applied_at, user, platform, summary, rights, undoes)
    VALUES (@id, @status, @created_at, @expires_at, @applied_at, @user, @platform, @summary, @rights, @undoes)`);
  const insertFile = db.prepare("INSERT INTO change_files (change_id, n, file, before, after) VALUES (?, ?, ?, ?, ?)");
  const filesOf = db.prepare<[string], FileChange>("SELECT file, before, after FROM change_files WHERE change_id = ? ORDER BY n");
  const recorded = db.prepare("SELECT 1 FROM change_files f JOIN changes c ON c.id = f.change_id WHERE c.status = 'applied' AND f.file = ? AND f.after = ? LIMIT 1").pluck();
  const insert = db.transaction((c: Change, status: string, extra: { expires_at?: string; applied_at?: string }) => {
    insertChange.run({
      id: c.id, status, created_at: new Date().toISOString(), expires_at: extra.expires_at ?? null, applied_at: extra.applied_at ?? null,
      user: c.user, platform: c.platform, summary: JSON.stringify(c.summary), rights: JSON.stringify(c.rights), undoes: c.undoes ?? null,
    });
    c.files.forEach((f, n) => insertFile.run(c.id, n, f.file, f.before, f.after));
  });
  const toChange = (r: ChangeRow): Change => ({
    id: r.id,
    user: r.user,
    platform: r.platform,
    files: filesOf.all(r.id),
    summary: JSON.parse(r.summary) as string[],
    rights: JSON.parse(r.rights) as Rights,
    ...(r.undoes ? { undoes: r.undoes } : {}),
  });
  const toRecord = (r: ChangeRow): HistoryRecord => ({ ...toChange(r), at: r.applied_at ?? "" });
  const move = (from: string, to: string, set = "") => db.prepare(`UPDATE changes SET status = '${to}'${set} WHERE id = ? AND status = '${from}'`);
  const toWriting = move("proposed", "writing");
  const toApplied = move("writing", "applied", ", applied_at = ?");
  const backToProposed = move("writing", "proposed");
  const toFailed = move("writing", "failed");
  const toCancelled = move("proposed", "cancelled");
  const history = db.prepare("SELECT * FROM changes WHERE status = 'applied' ORDER BY applied_at DESC, rowid DESC LIMIT ?");
  const one = db.prepare("SELECT * FROM changes WHERE id = ? AND status = ?");
  const proposed = db.prepare("SELECT * FROM changes WHERE id = ? AND status = 'proposed' AND expires_at > ?");
  const unfinished = db.prepare("SELECT * FROM changes WHERE status = 'writing' ORDER BY rowid");
  const subs = db.prepare("SELECT * FROM subscriptions ORDER BY rowid");
  const upsertSub = db.prepare(`INSERT INTO subscriptions (conversation_id, platform, address, regions, language) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (conversation_id) DO UPDATE SET platform = excluded.platform, address = excluded.address, regions = excluded.regions, language = excluded.language`);
  const deleteSub = db.prepare("DELETE FROM subscriptions WHERE conversation_id = ?");

  return {
    history: (limit) => (history.all(limit) as ChangeRow[]).map(toRecord),
    historyRecord: (id) => {
      const r = one.get(id, "applied") as ChangeRow | undefined;
      return r && toRecord(r);
    },
    recordApplied: (record) => insert(record, "applied", { applied_at: record.at }),
    isRecorded: (file, after) => recorded.get(file, after) !== undefined,
    propose: (change, expiresAt) => insert(change, "proposed", { expires_at: expiresAt.toISOString() }),
    proposed: (id, now) => {
      const r = proposed.get(id, now.toISOString()) as ChangeRow | undefined;
      return r && toChange(r);
    },
    startWriting: (id) => toWriting.run(id).changes === 1,
    markApplied: (id, at) => void toApplied.run(at.toISOString(), id),
    writeFailed: (id) => void backToProposed.run(id),
    markFailed: (id) => void toFailed.run(id),
    cancel: (id) => toCancelled.run(id).changes === 1,
    unfinished: () => (unfinished.all() as ChangeRow[]).map(toChange),
    subscriptions: () =>
      (subs.all() as Array<{ conversation_id: string; platform: string; address: string; regions: string; language: Subscription["language"] }>).map((s) => ({
        conversationId: s.conversation_id,
        platform: s.platform,
        address: JSON.parse(s.address) as unknown,
        regions: JSON.parse(s.regions) as string[],
        language: s.language,
      })),
    subscribe: (s) => void upsertSub.run(s.conversationId, s.platform, JSON.stringify(s.address ?? null), JSON.stringify(s.regions), s.language),
    unsubscribe: (conversationId) => deleteSub.run(conversationId).changes === 1,
  };
}
