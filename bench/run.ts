// `npm run bench`: the core, then each platform's HTTP path. Figures are for comparing within one
// run on the same machine (ratios), not absolute promises: this machine has 2 noisy cores.
import { cpus } from "node:os";
import { knowledgeDir } from "../adapters/knowledge-dir.js";
import { benchCore } from "./core.js";
import { benchInstances } from "./instances.js";
import { benchSlack } from "./slack.js";
import { benchTeams } from "./teams.js";

const PARTS: Array<[name: string, title: string, run: (print: (line: string) => void, knowledgeDir: string) => Promise<void>]> = [
  ["core", "core (in-process)", benchCore],
  ["slack", "Slack, signed events over HTTP", benchSlack],
  ["teams", "Teams, activities over HTTP", benchTeams],
  ["instances", "several instances: PostgreSQL shared, against SQLite and one instance", benchInstances],
];

/** Runs the parts named (core, slack, teams, instances), or all of them. */
export async function runBenchmarks(print: (line: string) => void, parts: string[] = []): Promise<void> {
  print(`Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? "?"})`);
  for (const [name, title, run] of PARTS) {
    if (parts.length && !parts.includes(name)) continue;
    print(`\n== ${title} ==`);
    await run(print, knowledgeDir());
  }
}
