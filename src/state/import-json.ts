// Before the database, curation kept history.json and subscriptions.json under DATA_DIR. They are
// imported once, inside the migration's transaction (the migration is recorded, so they are never
// read again; they stay where they are as a backup). A file that cannot be parsed (truncated by a
// crash) is reported and skipped: the start goes on with what could be read.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Sql } from "./sql.js";

interface OldRecord {
  id: string;
  at: string;
  user: string;
  platform: string;
  file: string;
  summary?: string[];
  before: string;
  after: string;
  undoes?: string;
}

interface OldSubscription {
  platform: string;
  address: unknown;
  conversationId: string;
  regions?: string[];
  language?: string;
}

export async function importJsonState(sql: Sql, dataDir: string, warn: (message: string) => void): Promise<void> {
  for (const r of readList<OldRecord>(join(dataDir, "history.json"), warn)) {
    await sql.run(
      `INSERT INTO changes (id, status, created_at, applied_at, "user", platform, file, before, after, summary, rights, undoes)
       VALUES (?, 'applied', ?, ?, ?, ?, ?, ?, ?, ?, '"all"', ?) ON CONFLICT (id) DO NOTHING`,
      [r.id, r.at, r.at, r.user, r.platform, r.file, r.before, r.after, JSON.stringify(r.summary ?? []), r.undoes ?? null],
    );
  }
  for (const s of readList<OldSubscription>(join(dataDir, "subscriptions.json"), warn)) {
    await sql.run(
      `INSERT INTO subscriptions (conversation_id, platform, address, regions, language) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (conversation_id) DO UPDATE SET platform = excluded.platform, address = excluded.address, regions = excluded.regions, language = excluded.language`,
      [s.conversationId, s.platform, JSON.stringify(s.address ?? null), JSON.stringify(s.regions ?? []), s.language ?? "fi"],
    );
  }
}

function readList<T>(path: string, warn: (message: string) => void): T[] {
  if (!existsSync(path)) return [];
  try {
    const list = JSON.parse(readFileSync(path, "utf8")) as unknown;
    if (!Array.isArray(list)) throw new Error("not a list");
    return list as T[];
  } catch (err) {
    warn(`${path} could not be imported and is skipped: ${(err as Error).message}`);
    return [];
  }
}
