// `npm run bench`: the core, then each platform's HTTP path. Figures are for comparing within one
// run on the same machine (ratios), not absolute promises: this machine has 2 noisy cores.
import { cpus } from "node:os";
import { knowledgeDir } from "../adapters/knowledge-dir.js";
import { benchCore } from "./core.js";
import { benchInstances } from "./instances.js";
import { benchSlack } from "./slack.js";
import { benchTeams } from "./teams.js";

/** Runs the parts named (core, slack, teams, instances), or all of them. */
export async function runBenchmarks(print: (line: string) => void, parts: string[] = []): Promise<void> {
  const want = (part: string) => parts.length === 0 || parts.includes(part);
  print(`Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? "?"})`);
  if (want("core")) {
    print("\n== core (in-process) ==");
    await benchCore(print, knowledgeDir());
  }
  if (want("slack")) {
    print("\n== Slack, signed events over HTTP ==");
    await benchSlack(print, knowledgeDir());
  }
  if (want("teams")) {
    print("\n== Teams, activities over HTTP ==");
    await benchTeams(print, knowledgeDir());
  }
  if (want("instances")) {
    print("\n== several instances: PostgreSQL shared, against SQLite and one instance ==");
    await benchInstances(print, knowledgeDir());
  }
}
