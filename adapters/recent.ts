import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import { writeFileAtomic } from "../src/curation/atomic-write.js";

// A bounded memory of recent keys (event ids already answered, threads the bot is in, Teams
// conversations already welcomed): old keys are forgotten first, so memory stays flat.
export interface Recent {
  has(key: string): boolean;
  /** Adds the key; returns false when it was already there. */
  add(key: string): boolean;
}

export function createRecent(max = 10_000): Recent {
  const keys = new Set<string>();
  return {
    has: (key) => keys.has(key),
    add(key) {
      if (keys.has(key)) return false;
      keys.add(key);
      if (keys.size > max) keys.delete(keys.values().next().value!);
      return true;
    },
  };
}

/**
 * The same, kept in a JSON file so it survives a restart (Teams' welcome is sent once per
 * conversation, not once per process). Adds are rare, so each one rewrites the file atomically.
 */
export function createFileRecent(file: string, max = 10_000): Recent {
  const recent = createRecent(max);
  const keys: string[] = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as string[]) : [];
  keys.forEach((k) => recent.add(k));
  return {
    has: recent.has,
    add(key) {
      if (!recent.add(key)) return false;
      keys.push(key);
      mkdirSync(dirname(file), { recursive: true });
      writeFileAtomic(file, JSON.stringify(keys.slice(-max)));
      return true;
    },
  };
}
