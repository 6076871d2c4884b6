// `jarjestobotti report [--since DATE] [--workspace ID | --tenant ID] [--csv]`: the loop's report
// for coordinators at a terminal, read from the same database the running bot writes (the SQLite
// file, whose WAL lets both at once, or PostgreSQL with DATABASE_URL). It sees every organisation's
// questions, or one Slack workspace's or Teams tenant's.
import { resolve } from "node:path";
import { pick } from "../src/answers/reply-builder.js";
import type { Knowledge } from "../src/knowledge/load.js";
import { loadKnowledge } from "../src/knowledge/load.js";
import { reportCsv, reportText } from "../src/loop/report-format.js";
import { createSqlLoopStore } from "../src/loop/sql-store.js";
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

export async function reportCommand(o: ReportOptions, env: NodeJS.ProcessEnv, knowledgeDir: string, out: (s: string) => void): Promise<number> {
  const { since, csv } = o;
  // Named as IncomingMessage.organisation names the place a question came from.
  const organisation = o.workspace ? `slack:${o.workspace}` : o.tenant ? `teams:${o.tenant}` : undefined;
  const db = await openDatabase({ dataDir: resolve(env.DATA_DIR ?? "data"), url: env.DATABASE_URL });
  try {
    const data = await (await createSqlLoopStore(db)).report(since, organisation);
    if (csv) return out(reportCsv(data)), 0;
    // Names read better than ids; without valid knowledge the ids are shown.
    const loaded = loadKnowledge(knowledgeDir);
    const k = loaded.ok ? loaded.knowledge : undefined;
    out(reportText(data, "en", (id) => (k ? nameIn(k, id) : id)));
    return 0;
  } finally {
    await db.close();
  }
}

function nameIn(k: Knowledge, id: string): string {
  const entry = k.entries.find((e) => e.id === id);
  return k.regions.find((r) => r.id === id)?.names.en ?? (entry ? pick(entry.title, "en").text : id);
}
