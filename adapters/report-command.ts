// `jarjestobotti report [--since DATE] [--workspace ID | --tenant ID] [--csv]`: the loop's report
// for coordinators at a terminal, read from the same database file the running bot writes (WAL
// lets both at once). It sees every organisation's questions, or one Slack workspace's or Teams
// tenant's.
import { resolve } from "node:path";
import { pick } from "../src/answers/reply-builder.js";
import type { Knowledge } from "../src/knowledge/load.js";
import { loadKnowledge } from "../src/knowledge/load.js";
import { reportCsv, reportText } from "../src/loop/report-format.js";
import { createSqliteLoopStore } from "../src/loop/sqlite-store.js";
import { openDatabase } from "../src/state/database.js";

/** Options as the command line parsed them (`--since` already checked to be a day, at most one of workspace and tenant). */
export interface ReportOptions {
  since?: string;
  /** A Slack workspace's team id (T0123). */
  workspace?: string;
  /** A Teams tenant id. */
  tenant?: string;
  csv?: boolean;
}

export function reportCommand(o: ReportOptions, env: NodeJS.ProcessEnv, knowledgeDir: string, out: (s: string) => void): number {
  const { since, csv } = o;
  // Named as IncomingMessage.organisation names the place a question came from.
  const organisation = o.workspace ? `slack:${o.workspace}` : o.tenant ? `teams:${o.tenant}` : undefined;
  const db = openDatabase(resolve(env.DATA_DIR ?? "data"));
  try {
    const data = createSqliteLoopStore(db).report(since, organisation);
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
