// Teams conversations already welcomed, so a restart does not greet them again. This is state the
// bot can do without (the worst case is one welcome too many), so nothing here may stop a start:
// any database trouble falls back to remembering in memory, with a warning in the log.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { migrate, type Db } from "../../src/state/database.js";
import type { Logger } from "../log.js";
import { createRecent, type Recent } from "../recent.js";

const migrations = (dataDir: string, log: Logger) => [
  { name: "teams/001-welcomed", up: "CREATE TABLE teams_welcomed (conversation_id TEXT PRIMARY KEY, at TEXT NOT NULL)" },
  {
    // The JSON file of earlier versions, imported once; a corrupt one is skipped.
    name: "teams/002-import-welcomed-json",
    up: (db: Db) => {
      const file = join(dataDir, "teams-welcomed.json");
      if (!existsSync(file)) return;
      try {
        const insert = db.prepare("INSERT OR IGNORE INTO teams_welcomed (conversation_id, at) VALUES (?, ?)");
        for (const id of JSON.parse(readFileSync(file, "utf8")) as unknown[]) if (typeof id === "string") insert.run(id, new Date().toISOString());
      } catch (err) {
        log.warn("teams-welcomed.json could not be imported and is skipped", { err });
      }
    },
  },
];

export function createWelcomed(db: Db | undefined, dataDir: string | undefined, log: Logger): Recent {
  const memory = createRecent();
  if (!db || !dataDir) return memory;
  try {
    migrate(db, migrations(dataDir, log));
    const insert = db.prepare("INSERT OR IGNORE INTO teams_welcomed (conversation_id, at) VALUES (?, ?)");
    const select = db.prepare("SELECT 1 FROM teams_welcomed WHERE conversation_id = ?");
    return {
      has: (key) => memory.has(key) || Boolean(select.get(key)),
      add(key) {
        if (!memory.add(key)) return false;
        try {
          return insert.run(key, new Date().toISOString()).changes === 1;
        } catch (err) {
          log.warn("remembering a welcome failed; it is kept in memory only", { err });
          return true;
        }
      },
    };
  } catch (err) {
    log.warn("the welcomed conversations cannot be read; they are remembered in memory until restart", { err });
    return memory;
  }
}
