// Where Slack installations are kept: one row per workspace (or per Enterprise Grid organisation
// for an org-wide install), holding the installation sealed with DATA_ENCRYPTION_KEY. The row
// store never sees a token in clear; installations.ts seals and opens. Kept in the bot's database
// (SQLite or PostgreSQL), so every instance can answer every workspace.
import { migrate, type Migration, type Sql } from "../../src/state/database.js";

export interface InstallationRow {
  /** "team:T0123" for a workspace, "enterprise:E0123" for an org-wide install. */
  key: string;
  teamId?: string;
  enterpriseId?: string;
  /** The whole installation (tokens included), sealed for this key. */
  sealed: string;
  at: string;
}

export interface InstallationRows {
  /** Adds or replaces the row with the same key (a workspace installing again gets a new token). */
  put(row: InstallationRow): Promise<void>;
  get(key: string): Promise<InstallationRow | undefined>;
  /** False when there was no such row. */
  delete(key: string): Promise<boolean>;
  /** Any one row, to check at start that the key opens what is stored. */
  sample(): Promise<InstallationRow | undefined>;
}

const MIGRATIONS: Migration[] = [
  {
    name: "slack/001-installations",
    up: `CREATE TABLE slack_installations (
      key TEXT PRIMARY KEY,
      team_id TEXT,
      enterprise_id TEXT,
      sealed TEXT NOT NULL,
      installed_at TEXT NOT NULL
    )`,
  },
];

type Row = { key: string; team_id: string | null; enterprise_id: string | null; sealed: string; installed_at: string };
const toRow = (r: Row): InstallationRow => ({ key: r.key, sealed: r.sealed, at: r.installed_at, ...(r.team_id ? { teamId: r.team_id } : {}), ...(r.enterprise_id ? { enterpriseId: r.enterprise_id } : {}) });

export function createInstallationRows(db: Sql): InstallationRows {
  // The table is made on first use; the start's key check (a first use) reports a failure.
  const migrated = migrate(db, MIGRATIONS).then(() => db);
  migrated.catch(() => undefined);
  const sql = { run: async (...a: Parameters<Sql["run"]>) => (await migrated).run(...a), get: async <T>(...a: Parameters<Sql["get"]>) => (await migrated).get<T>(...a) };
  return {
    async put(r) {
      await sql.run(
        `INSERT INTO slack_installations (key, team_id, enterprise_id, sealed, installed_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET team_id = excluded.team_id, enterprise_id = excluded.enterprise_id, sealed = excluded.sealed, installed_at = excluded.installed_at`,
        [r.key, r.teamId ?? null, r.enterpriseId ?? null, r.sealed, r.at],
      );
    },
    async get(key) {
      const r = await sql.get<Row>("SELECT * FROM slack_installations WHERE key = ?", [key]);
      return r && toRow(r);
    },
    delete: async (key) => (await sql.run("DELETE FROM slack_installations WHERE key = ?", [key])) === 1,
    async sample() {
      const r = await sql.get<Row>("SELECT * FROM slack_installations LIMIT 1");
      return r && toRow(r);
    },
  };
}
