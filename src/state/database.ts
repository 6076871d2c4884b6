// The bot's one database, shared by every module that keeps state (curation history and pending
// changes, subscriptions, Teams' welcomed conversations, question logs...). Embedded by default:
// a single SQLite file under DATA_DIR (jarjestobotti.sqlite) in WAL mode, with transactions and
// incremental, crash-safe writes and no server to run. With DATABASE_URL it is PostgreSQL instead,
// which several instances of the bot share. Modules reach it only through sql.ts and their own
// small store interfaces.
//
// Each module brings its own migrations, named "<module>/<nnn>-<what>", and runs them with
// migrate(sql, list). A migration runs once, in its own transaction, recorded by name: modules
// never edit each other's lists, and the order between modules does not matter (only the order
// within one list). Instances starting together migrate under a lock, so each runs once.
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { openPostgres } from "./postgres.js";
import { sqliteSql, timed, type Dialect, type Sql, type SqlStats, type TimedSql } from "./sql.js";

export type { Sql, SqlStats, TimedSql };

export interface Migration {
  /** Unique across modules, e.g. "curation/001-history"; never rename one that has shipped. */
  name: string;
  /**
   * SQL that both dialects run as written; or each dialect's own where they differ (an identity
   * column, a type); or a function for data moves (such as importing older JSON files).
   */
  up: string | Record<Dialect, string> | ((sql: Sql) => Promise<void>);
}

/** A migration's text written once with the few words that differ between the dialects filled in. */
export const perDialect = (text: (d: Dialect) => string): Record<Dialect, string> => ({ sqlite: text("sqlite"), postgres: text("postgres") });

export const DATABASE_FILE = "jarjestobotti.sqlite";

/** Opens (creating if needed) DATA_DIR/jarjestobotti.sqlite in WAL mode. */
export function openSqlite(dataDir: string): Sql {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, DATABASE_FILE);
  const db = new Database(file);
  // WAL: readers never wait for the writer, and a commit is one append to the log.
  db.pragma("journal_mode = WAL");
  // NORMAL in WAL mode is durable against a killed process (the case that matters here); only a
  // power cut may lose the last commits, never corrupt the file.
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  // Another process (a `kb` command, a second instance starting) may hold the write lock briefly.
  db.pragma("busy_timeout = 5000");
  return sqliteSql(db, file);
}

/** PostgreSQL when a DATABASE_URL is given, else the SQLite file under dataDir; then the migrations. */
export async function openDatabase(o: { dataDir: string; url?: string | undefined; onError?: (err: Error) => void }, migrations: readonly Migration[] = []): Promise<TimedSql> {
  const sql = timed(o.url ? await openPostgres(o.url, o.onError) : openSqlite(o.dataDir));
  await migrate(sql, migrations);
  return sql;
}

/** Runs the migrations not yet applied, in the given order, each in its own transaction. */
export async function migrate(sql: Sql, migrations: readonly Migration[]): Promise<string[]> {
  const names = new Set<string>();
  for (const m of migrations) {
    if (names.has(m.name)) throw new Error(`migration "${m.name}" is listed twice`);
    names.add(m.name);
  }
  return sql.migrationLock(async (locked) => {
    await locked.exec("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)");
    const ran: string[] = [];
    for (const m of migrations) {
      // Checked inside the write transaction, so two processes starting at once run it once.
      await locked.transaction(async (tx) => {
        if (await tx.get("SELECT 1 FROM migrations WHERE name = ?", [m.name])) return;
        if (typeof m.up === "function") await m.up(tx);
        else await tx.exec(typeof m.up === "string" ? m.up : m.up[tx.dialect]);
        await tx.run("INSERT INTO migrations (name, applied_at) VALUES (?, ?)", [m.name, new Date().toISOString()]);
        ran.push(m.name);
      });
    }
    return ran;
  });
}
