// `jarjestobotti report [--since DATE] [--csv]`: the loop's report for coordinators at a
// terminal, read from the same database file the running bot writes (WAL lets both at once).
import { resolve } from "node:path";
import { pick } from "../src/answers/reply-builder.js";
import type { Knowledge } from "../src/knowledge/load.js";
import { loadKnowledge } from "../src/knowledge/load.js";
import { reportCsv, reportText } from "../src/loop/report-format.js";
import { createSqliteLoopStore } from "../src/loop/sqlite-store.js";
import { openDatabase } from "../src/state/database.js";

/** Options as the command line parsed them (`--since` already checked to be a day). */
export function reportCommand(o: { since?: string; csv?: boolean }, env: NodeJS.ProcessEnv, knowledgeDir: string, out: (s: string) => void): number {
  const { since, csv } = o;
  const db = openDatabase(resolve(env.DATA_DIR ?? "data"));
  try {
    const data = createSqliteLoopStore(db).report(since);
    if (csv) return out(reportCsv(data)), 0;
    // Names read better than ids; without valid knowledge the ids are shown.
    const loaded = loadKnowledge(knowledgeDir);
    const k = loaded.ok ? loaded.knowledge : undefined;
    out(reportText(data, "en", (id) => (k ? nameIn(k, id) : id)));
    return 0;
  } finally {
    db.close();
  }
}

function nameIn(k: Knowledge, id: string): string {
  const entry = k.entries.find((e) => e.id === id);
  return k.regions.find((r) => r.id === id)?.names.en ?? (entry ? pick(entry.title, "en").text : id);
}
