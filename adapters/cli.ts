// The jarjestobotti command: start (platforms or the terminal), ask, kb validate, bench and
// teams-package. Settings come from the environment and an optional .env file.
import { existsSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { createBot, type CoreBot } from "../src/bot.js";
import { loadKnowledge } from "../src/knowledge/load.js";
import { diffKnowledge } from "../src/knowledge/diff.js";
import { generalWords } from "../src/understanding/general-words.js";
import { formatProblem, type Problem } from "../src/knowledge/parse-file.js";
import { knowledgeJsonSchema } from "../src/knowledge/json-schema.js";
import { createKnowledgeStore, KnowledgeError } from "../src/knowledge/store.js";
import { runChat, terminalStyle } from "./console/chat.js";
import { renderTerminal } from "./console/render-terminal.js";
import { runJsonLines } from "./console/jsonl.js";
import { knowledgeDir } from "./knowledge-dir.js";
import { kbStaleCommand } from "./kb-stale-command.js";

const USAGE = `usage:
  jarjestobotti start                 Slack/Teams when configured, else a chat in the terminal
  jarjestobotti ask "question"        print one answer
  jarjestobotti ask                   chat in the terminal (a number picks a suggestion; lopeta ends)
  jarjestobotti ask --jsonl           answer JSON lines on stdin (the eval protocol)
  jarjestobotti kb validate [DIR]     check the knowledge files, exit 1 on problems
  jarjestobotti kb schema [FILE]      write the JSON Schema of the knowledge files (for editors)
  jarjestobotti kb diff A B           which facts differ between two knowledge directories
  jarjestobotti kb stale [DIR]        entries and regions past their review date (exit 1 if any)
  jarjestobotti report [--since DATE] [--workspace ID | --tenant ID] [--csv]
                                      questions by region and topic, unanswered, feedback, open escalations
                                      (all organisations, or one Slack workspace or Teams tenant)
  jarjestobotti bench                 latency and throughput figures
  jarjestobotti teams-package [FILE]  build the Teams app package (needs MICROSOFT_APP_ID)
KNOWLEDGE_DIR chooses the knowledge directory (default ./knowledge).`;

export function openBot(dir = knowledgeDir()): CoreBot {
  return createBot({ store: createKnowledgeStore(dir) });
}

export async function main(args: string[]): Promise<number> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  const [command, ...rest] = args;
  try {
    switch (command) {
      case "start": {
        const { start } = await import("./start.js");
        return await start(process.env);
      }
      case "ask":
        if (rest[0] === "--jsonl") await runJsonLines(openBot(), process.stdin, process.stdout);
        else if (rest.length === 0) await runChat(openBot(), process.stdin, process.stdout);
        else if (!rest.join(" ").trim()) {
          process.stderr.write(`ask needs a question, e.g. jarjestobotti ask "Montako sote-järjestöä Lapissa on?"\n(ask alone opens a chat; ask "apua" shows what to ask)\n`);
          return 2;
        } else {
          const reply = openBot().answer({ text: rest.join(" "), conversationId: "cli", platform: "console" });
          process.stdout.write(renderTerminal(reply, { ...terminalStyle(process.stdout), numbered: false }).text + "\n");
        }
        return 0;
      case "kb":
        return kbCommand(rest);
      case "report": {
        const { reportCommand } = await import("./report-command.js");
        return reportCommand(rest, process.env, knowledgeDir(), (s) => process.stdout.write(s));
      }
      case "bench": {
        const { runBenchmarks } = await import("../bench/run.js");
        await runBenchmarks((line) => process.stdout.write(line + "\n"));
        return 0;
      }
      case "teams-package": {
        const { teamsPackageCommand } = await import("./teams/package-command.js");
        return await teamsPackageCommand(process.env, rest[0] ?? "teams-app.zip");
      }
      default:
        process.stderr.write(USAGE + "\n");
        return command === undefined || command === "help" || command === "--help" ? 0 : 2;
    }
  } catch (err) {
    if (err instanceof KnowledgeError) {
      process.stderr.write(err.message + "\n");
      return 1;
    }
    if (err instanceof Error && err.name === "ConfigError") {
      process.stderr.write(`configuration: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}

function kbCommand(args: string[]): number {
  const [sub, a, b] = args;
  if (sub === "schema") {
    const json = JSON.stringify(knowledgeJsonSchema(), null, 2) + "\n";
    if (a) writeFileSync(a, json);
    else process.stdout.write(json);
    return 0;
  }
  if (sub === "diff" && a && b) {
    const [ka, kb] = [loadKnowledge(resolve(a)), loadKnowledge(resolve(b))];
    for (const r of [ka, kb]) if (!r.ok) return printProblems(r.problems, r === ka ? a : b);
    if (!ka.ok || !kb.ok) return 1;
    const changes = diffKnowledge(ka.knowledge, kb.knowledge, "en");
    process.stdout.write(changes.length ? changes.map((c) => `- ${c.text}`).join("\n") + "\n" : "no changes\n");
    return 0;
  }
  if (sub === "stale") return kbStaleCommand(a ? resolve(a) : knowledgeDir(), (s) => process.stdout.write(s));
  if (sub !== "validate") {
    process.stderr.write(USAGE + "\n");
    return 2;
  }
  const target = a ? resolve(a) : knowledgeDir();
  const r = loadKnowledge(target);
  if (!r.ok) return printProblems(r.problems, target);
  const k = r.knowledge;
  process.stdout.write(`${target}: valid — ${k.files.length} files, ${k.regions.length} regions, ${k.entries.length} entries, ${k.sources.size} sources\n`);
  for (const g of generalWords(k)) {
    const why = g.why === "shared" ? `listed by ${g.entries.length} entries` : "also a common word or part of a region's name";
    process.stdout.write(`warning: trigger word "${g.word}" (${g.entries.join(", ")}) is ${why}; a longer phrase says more\n`);
  }
  return 0;
}

function printProblems(problems: Problem[], where: string): number {
  for (const p of problems) process.stderr.write(formatProblem(p) + "\n");
  process.stderr.write(`${problems.length} problem(s) in ${where}\n`);
  return 1;
}
