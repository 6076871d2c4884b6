// The shared state in PostgreSQL (DATABASE_URL), through `pg`'s connection pool. Queries arrive
// written for both dialects (sql.ts); here `?` becomes `$1, $2…`, bigint counts come back as
// numbers, and migrations take a session-wide advisory lock so that instances starting together
// run each migration once.
import pg from "pg";
import type { Param, Sql } from "./sql.js";

/** Any fixed number; every instance of the bot locks the same one while it migrates. */
const MIGRATION_LOCK = 7_301_017;
const INT8 = 20;

/** `?` placeholders to PostgreSQL's numbered ones. Queries here never hold a literal `?`. */
export const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

/** The server and database, never the password: for logs and /health. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `postgres://${u.hostname}${u.port ? `:${u.port}` : ""}${u.pathname}`;
  } catch {
    return "postgres (an unreadable DATABASE_URL)";
  }
}

type Queryable = pg.Pool | pg.PoolClient;

function over(q: Queryable, where: string, pool: pg.Pool, inside: boolean): Sql {
  const query = async <T>(sql: string, params: readonly Param[]) => q.query(numbered(sql), params as Param[]) as unknown as Promise<pg.QueryResult<T & pg.QueryResultRow>>;
  const withClient = async <T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      return await fn(client);
    } finally {
      client.release();
    }
  };
  const self: Sql = {
    dialect: "postgres",
    where,
    all: async <T>(sql: string, params: readonly Param[] = []) => (await query<T>(sql, params)).rows,
    get: async <T>(sql: string, params: readonly Param[] = []) => (await query<T>(sql, params)).rows[0],
    run: async (sql, params = []) => (await query(sql, params)).rowCount ?? 0,
    exec: async (sql) => void (await q.query(sql)),
    async transaction(fn) {
      if (inside) return fn(self);
      const run = async (client: pg.PoolClient) => {
        await client.query("BEGIN");
        try {
          const result = await fn(over(client, where, pool, true));
          await client.query("COMMIT");
          return result;
        } catch (err) {
          await client.query("ROLLBACK").catch(() => undefined);
          throw err;
        }
      };
      return q === pool ? withClient(run) : run(q as pg.PoolClient);
    },
    migrationLock: (fn) =>
      withClient(async (client) => {
        await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
        try {
          return await fn(over(client, where, pool, false));
        } finally {
          await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
        }
      }),
    close: () => pool.end(),
  };
  return self;
}

/** Connects (and checks the connection at once, so a wrong URL stops the start with its reason). */
export async function openPostgres(url: string, onError: (err: Error) => void = () => {}): Promise<Sql> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // A new connection costs a server process and a password exchange: about 14 ms on the bench's
    // machine, where a query takes 0.1-0.2 ms. A quiet instance keeps two open (a question and the
    // write beside it), so the first question after a pause pays for none; those above two close
    // after a minute unused. TCP keep-alive stops a firewall from dropping the idle ones.
    min: 2,
    idleTimeoutMillis: 60_000,
    keepAlive: true,
    // count(*) and sums are bigint; every count here fits a JavaScript number.
    types: { getTypeParser: ((oid: number, format?: "text" | "binary") => (oid === INT8 ? Number : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser },
  });
  // A connection the server drops while idle must not end the process; the next query reconnects.
  pool.on("error", onError);
  try {
    await pool.query("SELECT 1");
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw err;
  }
  return over(pool, describeUrl(url), pool, false);
}
