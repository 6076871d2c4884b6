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

const USAGE = "usage: jarjestobotti report [--since YYYY-MM-DD] [--workspace SLACK-TEAM-ID | --tenant TEAMS-TENANT-ID] [--csv]";
/** The organisation ids IncomingMessage.organisation carries, by the option that names one. */
const ORGANISATION_OPTIONS: Record<string, string> = { "--workspace": "slack:", "--tenant": "teams:" };

export async function reportCommand(args: string[], env: NodeJS.ProcessEnv, knowledgeDir: string, out: (s: string) => void): Promise<number> {
  let csv = false;
  let since: string | undefined;
  let organisation: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--csv") csv = true;
    else if (args[i] === "--since" && /^\d{4}-\d{2}-\d{2}$/.test(args[i + 1] ?? "")) since = args[++i];
    else if (ORGANISATION_OPTIONS[args[i]!] !== undefined && args[i + 1] && !organisation) organisation = `${ORGANISATION_OPTIONS[args[i]!]}${args[++i]}`;
    else return process.stderr.write(USAGE + "\n"), 2;
  }
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
