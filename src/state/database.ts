// The bot's one embedded database: a single SQLite file under DATA_DIR (jarjestobotti.sqlite),
// shared by every module that keeps state (curation history and pending changes, subscriptions,
// Teams' welcomed conversations, question logs...). SQLite in WAL mode gives transactions and
// incremental, crash-safe writes without a server to run; modules reach it only through their
// own small store interfaces, so a server database can replace it later.
//
// Each module brings its own migrations, named "<module>/<nnn>-<what>", and runs them with
// migrate(db, list) on the shared handle (or passes them to openDatabase). A migration runs once,
// in its own transaction, recorded by name: modules never edit each other's lists, and the order
// between modules does not matter (only the order within one list).
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

export type Db = Database.Database;

export interface Migration {
  /** Unique across modules, e.g. "curation/001-history"; never rename one that has shipped. */
  name: string;
  /** SQL to run, or a function for data moves (such as importing older JSON files). */
  up: string | ((db: Db) => void);
}

export const DATABASE_FILE = "jarjestobotti.sqlite";

/** Opens (creating if needed) DATA_DIR/jarjestobotti.sqlite in WAL mode and runs the migrations. */
export function openDatabase(dataDir: string, migrations: readonly Migration[] = []): Db {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, DATABASE_FILE));
  // WAL: readers never wait for the writer, and a commit is one append to the log.
  db.pragma("journal_mode = WAL");
  // NORMAL in WAL mode is durable against a killed process (the case that matters here); only a
  // power cut may lose the last commits, never corrupt the file.
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  // Another process (a `kb` command, a second instance starting) may hold the write lock briefly.
  db.pragma("busy_timeout = 5000");
  migrate(db, migrations);
  return db;
}

/** Runs the migrations not yet applied, in the given order, each in its own transaction. */
export function migrate(db: Db, migrations: readonly Migration[]): string[] {
  db.exec("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)");
  const names = new Set<string>();
  for (const m of migrations) {
    if (names.has(m.name)) throw new Error(`migration "${m.name}" is listed twice`);
    names.add(m.name);
  }
  const isApplied = db.prepare("SELECT 1 FROM migrations WHERE name = ?").pluck();
  const record = db.prepare("INSERT INTO migrations (name, applied_at) VALUES (?, ?)");
  const ran: string[] = [];
  for (const m of migrations) {
    // Checked inside the write transaction, so two processes starting at once run it once.
    db.transaction(() => {
      if (isApplied.get(m.name)) return;
      if (typeof m.up === "string") db.exec(m.up);
      else m.up(db);
      record.run(m.name, new Date().toISOString());
      ran.push(m.name);
    }).immediate();
  }
  return ran;
}
