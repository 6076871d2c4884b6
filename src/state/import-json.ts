// Before the database, curation kept history.json and subscriptions.json under DATA_DIR. They are
// imported once, inside the migration's transaction (the migration is recorded, so they are never
// read again; they stay where they are as a backup). A file that cannot be parsed (truncated by a
// crash) is reported and skipped: the start goes on with what could be read.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Db } from "./database.js";

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

export function importJsonState(db: Db, dataDir: string, warn: (message: string) => void): void {
  const history = readList<OldRecord>(join(dataDir, "history.json"), warn);
  const insert = db.prepare(`INSERT OR IGNORE INTO changes (id, status, created_at, applied_at, user, platform, file, before, after, summary, rights, undoes)
    VALUES (?, 'applied', ?, ?, ?, ?, ?, ?, ?, ?, '"all"', ?)`);
  for (const r of history) insert.run(r.id, r.at, r.at, r.user, r.platform, r.file, r.before, r.after, JSON.stringify(r.summary ?? []), r.undoes ?? null);

  const subscriptions = readList<OldSubscription>(join(dataDir, "subscriptions.json"), warn);
  const sub = db.prepare("INSERT OR REPLACE INTO subscriptions (conversation_id, platform, address, regions, language) VALUES (?, ?, ?, ?, ?)");
  for (const s of subscriptions) sub.run(s.conversationId, s.platform, JSON.stringify(s.address ?? null), JSON.stringify(s.regions ?? []), s.language ?? "fi");
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
