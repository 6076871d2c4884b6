// The one way stores talk to a database, whichever it is: SQLite in one file (the embedded
// default) or PostgreSQL (DATABASE_URL, when several instances share their state). Queries are
// plain SQL with `?` placeholders that both dialects understand as written (ON CONFLICT, RETURNING,
// CAST), so each store is written once; what differs between the two (placeholders, identity
// columns, the migration lock) stays in here, postgres.ts and the migrations' per-dialect text.
//
// Every call is async, because a server database is. SQLite answers synchronously underneath, so
// an async transaction on its one connection must keep other callers out until it ends: they wait
// for it instead of running inside it. A process keeps one SQLite connection: a second one in the
// same process would wait for the first's lock synchronously (busy_timeout), blocking the first.
import type Database from "better-sqlite3";

export type Param = string | number | null;
export type Dialect = "sqlite" | "postgres";

export interface Sql {
  readonly dialect: Dialect;
  all<T>(sql: string, params?: readonly Param[]): Promise<T[]>;
  get<T>(sql: string, params?: readonly Param[]): Promise<T | undefined>;
  /** Runs one statement; returns how many rows it changed. */
  run(sql: string, params?: readonly Param[]): Promise<number>;
  /** Runs statements without parameters (schema changes); several may be separated by `;`. */
  exec(sql: string): Promise<void>;
  /** Runs fn in one transaction: all of its statements take effect, or none. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  /** Runs fn while no other process migrates the same database (PostgreSQL: an advisory lock). */
  migrationLock<T>(fn: (sql: Sql) => Promise<T>): Promise<T>;
  /** Where the data is, for logs and /health: a file path, or the server without its password. */
  readonly where: string;
  close(): Promise<void>;
}

/** Calls made so far and the time spent waiting for them (a transaction counts once, whole). */
export interface SqlCount {
  queries: number;
  ms: number;
}

/** What a reply waited for, and apart from it the writes made while or after it is posted. */
export interface SqlStats extends SqlCount {
  background: SqlCount;
}

export interface TimedSql extends Sql {
  stats(): SqlStats;
  /** The same database, its calls counted apart: writes that no reply waits for (a context, the question log). */
  readonly background: Sql;
}

/** Counts the calls and the time they take: /health reports it, and the benchmark reads it per question. */
export function timed(sql: Sql): TimedSql {
  const counted = (count: SqlCount): Sql => {
    const time = async <T>(call: () => Promise<T>): Promise<T> => {
      const started = performance.now();
      try {
        return await call();
      } finally {
        count.queries++;
        count.ms += performance.now() - started;
      }
    };
    return {
      dialect: sql.dialect,
      where: sql.where,
      all: (q, p) => time(() => sql.all(q, p)),
      get: (q, p) => time(() => sql.get(q, p)),
      run: (q, p) => time(() => sql.run(q, p)),
      exec: (q) => time(() => sql.exec(q)),
      transaction: (fn) => time(() => sql.transaction(fn)),
      migrationLock: (fn) => sql.migrationLock(fn),
      close: () => sql.close(),
    };
  };
  const waited: SqlCount = { queries: 0, ms: 0 };
  const background: SqlCount = { queries: 0, ms: 0 };
  return { ...counted(waited), background: counted(background), stats: () => ({ ...waited, background: { ...background } }) };
}

export function sqliteSql(db: Database.Database, where: string): Sql {
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let s = statements.get(sql);
    if (!s) statements.set(sql, (s = db.prepare(sql)));
    return s;
  };
  // The async transaction holding the connection, if any; everyone else waits for it to end.
  let held: Promise<void> | undefined;

  const handle = (inside: boolean): Sql => {
    const turn = async () => {
      if (inside) return;
      while (held) await held;
    };
    const self: Sql = {
      dialect: "sqlite",
      where,
      async all<T>(sql: string, params: readonly Param[] = []) {
        await turn();
        return prepare(sql).all(...params) as T[];
      },
      async get<T>(sql: string, params: readonly Param[] = []) {
        await turn();
        return prepare(sql).get(...params) as T | undefined;
      },
      async run(sql, params = []) {
        await turn();
        return prepare(sql).run(...params).changes;
      },
      async exec(sql) {
        await turn();
        db.exec(sql);
      },
      async transaction(fn) {
        if (inside) return fn(self);
        while (held) await held;
        let release!: () => void;
        held = new Promise((resolve) => (release = resolve));
        try {
          // IMMEDIATE takes the write lock at once, so another process's transaction waits
          // (busy_timeout) instead of failing halfway through.
          db.exec("BEGIN IMMEDIATE");
          const inner = handle(true);
          try {
            const result = await fn(inner);
            db.exec("COMMIT");
            return result;
          } catch (err) {
            if (db.inTransaction) db.exec("ROLLBACK");
            throw err;
          }
        } finally {
          held = undefined;
          release();
        }
      },
      // Each migration's own IMMEDIATE transaction already keeps two processes from running it twice.
      migrationLock: (fn) => fn(self),
      async close() {
        while (held) await held;
        db.close();
      },
    };
    return self;
  };
  return handle(false);
}
