// Teams conversations already welcomed, so a restart (or another instance) does not greet them
// again. This is state the bot can do without (the worst case is one welcome too many), so nothing
// here may stop a start or a turn: any database trouble falls back to remembering in memory, with
// a warning in the log.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { migrate, type Migration, type Sql } from "../../src/state/database.js";
import type { Logger } from "../log.js";
import { memoryClaims } from "../../src/state/claims.js";

const migrations = (dataDir: string, log: Logger): Migration[] => [
  { name: "teams/001-welcomed", up: "CREATE TABLE teams_welcomed (conversation_id TEXT PRIMARY KEY, at TEXT NOT NULL)" },
  {
    // The JSON file of earlier versions, imported once; a corrupt one is skipped.
    name: "teams/002-import-welcomed-json",
    up: async (sql) => {
      const file = join(dataDir, "teams-welcomed.json");
      if (!existsSync(file)) return;
      let ids: unknown[];
      try {
        ids = JSON.parse(readFileSync(file, "utf8")) as unknown[];
      } catch (err) {
        return log.warn("teams-welcomed.json could not be imported and is skipped", { err });
      }
      for (const id of ids) if (typeof id === "string") await sql.run("INSERT INTO teams_welcomed (conversation_id, at) VALUES (?, ?) ON CONFLICT DO NOTHING", [id, new Date().toISOString()]);
    },
  },
];

export interface Welcomed {
  /** True the first time a conversation is seen (welcome it), false ever after. */
  add(conversationId: string): Promise<boolean>;
}

export function createWelcomed(db: Sql | undefined, dataDir: string | undefined, log: Logger): Welcomed {
  // Remembered for good: a conversation is welcomed once.
  const once = memoryClaims();
  const memory = { add: (key: string) => once.claim(key, Infinity) };
  if (!db || !dataDir) return memory;
  const ready = migrate(db, migrations(dataDir, log)).then(
    () => true,
    (err: unknown) => (log.warn("the welcomed conversations cannot be read; they are remembered in memory until restart", { err }), false),
  );
  return {
    async add(key) {
      if (!(await memory.add(key))) return false;
      if (!(await ready)) return true;
      try {
        return (await db.run("INSERT INTO teams_welcomed (conversation_id, at) VALUES (?, ?) ON CONFLICT DO NOTHING", [key, new Date().toISOString()])) === 1;
      } catch (err) {
        log.warn("remembering a welcome failed; it is kept in memory only", { err });
        return true;
      }
    },
  };
}
