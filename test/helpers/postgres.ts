// The tests' PostgreSQL: one server for the whole run (test/postgres-setup.ts starts it with
// dev/stand-ins/postgres.ts); each test file makes its own database in it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { openDatabase, type Migration, type TimedSql } from "../../src/state/database.js";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

/** A new, empty database in the run's server; its URL. */
export async function freshDatabase(name = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`): Promise<string> {
  const admin = inject("postgresUrl");
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return admin.replace(/\/postgres$/, `/${name}`);
}

export type Dialect = "sqlite" | "postgres";
export const DIALECTS: Dialect[] = ["sqlite", "postgres"];

/** A fresh database of that dialect (a new SQLite file, or a new PostgreSQL database), and its data directory. */
export async function testDatabase(dialect: Dialect, migrations: readonly Migration[] = []): Promise<{ sql: TimedSql; dataDir: string; url?: string; done(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), "db-"));
  const url = dialect === "postgres" ? await freshDatabase() : undefined;
  const sql = await openDatabase({ dataDir, url }, migrations);
  return { sql, dataDir, ...(url ? { url } : {}), done: async () => (await sql.close(), rmSync(dataDir, { recursive: true, force: true })) };
}
