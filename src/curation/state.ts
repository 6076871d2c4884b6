// What the bot must remember across restarts: the history of knowledge changes and who
// subscribes to announcements. One small interface, so a shared server store can replace the
// embedded default when several instances run. The default keeps two JSON files under DATA_DIR,
// each rewritten atomically: no native module to build (SQLite drivers need one), readable and
// easy to back up, and small (a change a day is a few hundred kilobytes a year).
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomic } from "./atomic-write.js";

export interface HistoryRecord {
  id: string;
  at: string;
  /** Platform-qualified user id ("slack:U0123"), or "file" for edits made on disk. */
  user: string;
  platform: string;
  /** Knowledge file the change wrote, relative to the knowledge directory. */
  file: string;
  summary: string[];
  before: string;
  after: string;
  /** Set on a record that undid another. */
  undoes?: string;
}

export interface Subscription {
  platform: string;
  /** Where to send: the adapter's own address (a Slack channel, a Teams conversation reference). */
  address: unknown;
  conversationId: string;
  /** Region ids, or empty for every change. */
  regions: string[];
  language: "fi" | "sv" | "en";
}

export interface StateStore {
  history(): HistoryRecord[];
  addHistory(record: HistoryRecord): void;
  subscriptions(): Subscription[];
  setSubscriptions(list: Subscription[]): void;
}

export function createFileStateStore(dataDir: string): StateStore {
  mkdirSync(dataDir, { recursive: true });
  const read = <T>(name: string): T[] => {
    const path = join(dataDir, name);
    return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as T[]) : [];
  };
  const write = (name: string, value: unknown) => writeFileAtomic(join(dataDir, name), JSON.stringify(value, null, 1) + "\n");
  return {
    history: () => read<HistoryRecord>("history.json"),
    addHistory: (record) => write("history.json", [...read<HistoryRecord>("history.json"), record]),
    subscriptions: () => read<Subscription>("subscriptions.json"),
    setSubscriptions: (list) => write("subscriptions.json", list),
  };
}
