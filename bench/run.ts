// `npm run bench`: the core, then each platform's HTTP path. Figures are for comparing within one
// run on the same machine (ratios), not absolute promises: this machine has 2 noisy cores.
import { cpus } from "node:os";
import { knowledgeDir } from "../adapters/knowledge-dir.js";
import { benchCore } from "./core.js";
import { benchInstances } from "./instances.js";
import { benchSlack } from "./slack.js";
import { benchTeams } from "./teams.js";

export async function runBenchmarks(print: (line: string) => void): Promise<void> {
  print(`Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? "?"})`);
  print("\n== core (in-process) ==");
  await benchCore(print, knowledgeDir());
  print("\n== Slack, signed events over HTTP ==");
  await benchSlack(print, knowledgeDir());
  print("\n== Teams, activities over HTTP ==");
  await benchTeams(print, knowledgeDir());
  print("\n== several instances: PostgreSQL shared, against SQLite and one instance ==");
  await benchInstances(print, knowledgeDir());
}
