// Where Slack installations are kept: one row per workspace (or per Enterprise Grid organisation
// for an org-wide install), holding the installation sealed with DATA_ENCRYPTION_KEY. The row
// store never sees a token in clear; installations.ts seals and opens. One small interface, so a
// server database can replace the embedded SQLite one (below) with one module's work.
import { migrate, type Db, type Migration } from "../../src/state/database.js";

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

export function createSqliteInstallationRows(db: Db): InstallationRows {
  migrate(db, MIGRATIONS);
  const upsert = db.prepare(`INSERT INTO slack_installations (key, team_id, enterprise_id, sealed, installed_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (key) DO UPDATE SET team_id = excluded.team_id, enterprise_id = excluded.enterprise_id, sealed = excluded.sealed, installed_at = excluded.installed_at`);
  const one = db.prepare<[string], Row>("SELECT * FROM slack_installations WHERE key = ?");
  const first = db.prepare<[], Row>("SELECT * FROM slack_installations LIMIT 1");
  const remove = db.prepare("DELETE FROM slack_installations WHERE key = ?");
  return {
    async put(r) {
      upsert.run(r.key, r.teamId ?? null, r.enterpriseId ?? null, r.sealed, r.at);
    },
    async get(key) {
      const r = one.get(key);
      return r && toRow(r);
    },
    delete: async (key) => remove.run(key).changes === 1,
    async sample() {
      const r = first.get();
      return r && toRow(r);
    },
  };
}
