// The jarjestobotti command, on commander: help for the program and every command, --version,
// and an unknown command or option answered with the nearest one and exit code 2 (a usage
// error, as for any Unix tool). Settings come from the environment and an optional .env file.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Argument, Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { createBot, type CoreBot } from "../src/bot.js";
import { createKnowledgeStore, KnowledgeError } from "../src/live/store.js";
import { runChat, terminalStyle } from "./console/chat.js";
import { renderTerminal } from "./console/render-terminal.js";
import { runJsonLines } from "./console/jsonl.js";
import { knowledgeDir } from "./knowledge-dir.js";
import { addKbCommands } from "./kb-command.js";

export function openBot(dir = knowledgeDir()): CoreBot {
  return createBot({ store: createKnowledgeStore(dir) });
}

const VERSION = (JSON.parse(readFileSync(join(import.meta.dirname, "..", "package.json"), "utf8")) as { version: string }).version;
const ASK_EXAMPLE = 'jarjestobotti ask "Montako sote-järjestöä Lapissa on?"';

/** A YYYY-MM-DD date option, refused with a usage error (exit 2) when it is anything else. */
export function isoDay(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new InvalidArgumentError("write the date as YYYY-MM-DD, e.g. 2026-01-01.");
  return value;
}

/** The program: each action stores its exit code in `exit.code`. */
function program(exit: { code: number }): Command {
  const p = new Command("jarjestobotti")
    .description("Answers questions about Finnish NGO cooperation from the YAML knowledge base.\nKNOWLEDGE_DIR chooses the knowledge directory (default ./knowledge); settings may go in .env.")
    .version(VERSION, "-V, --version", "print the version")
    .helpCommand("help [command]", "help for a command")
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => void process.stdout.write(s), writeErr: (s) => void process.stderr.write(s) });

  p.command("start")
    .description("start Slack and Teams when configured, else a chat in the terminal")
    .action(async () => {
      const { start } = await import("./start.js");
      exit.code = await start(process.env);
    });

  p.command("ask")
    .description("print one answer; without a question, chat in the terminal (a number picks a suggestion; lopeta ends)")
    .argument("[question...]", "the question, in Finnish, Swedish or English")
    .option("--jsonl", 'answer JSON lines on stdin: {"id","conversation","text"} in, {"id","answered","text","sources"} out (the eval protocol)')
    .addHelpText("after", `\nExample: ${ASK_EXAMPLE}`)
    .action(async (words: string[], o: { jsonl?: boolean }) => {
      if (o.jsonl) return runJsonLines(openBot(), process.stdin, process.stdout);
      if (words.length === 0) return runChat(openBot(), process.stdin, process.stdout);
      const text = words.join(" ");
      if (!text.trim()) {
        process.stderr.write(`ask needs a question, e.g. ${ASK_EXAMPLE}\n(ask alone opens a chat; ask "apua" shows what to ask)\n`);
        exit.code = 2;
        return;
      }
      const reply = openBot().answer({ text, conversationId: "cli", platform: "console" });
      process.stdout.write(renderTerminal(reply, { ...terminalStyle(process.stdout), numbered: false }).text + "\n");
    });

  addKbCommands(p, exit);

  p.command("report")
    .description("questions by region and topic, unanswered questions, feedback, open questions to coordinators: of all organisations, or of one Slack workspace or Teams tenant")
    .option("--since <date>", "only questions asked on or after this day (YYYY-MM-DD)", isoDay)
    .addOption(new Option("--workspace <id>", "only questions asked in this Slack workspace (its team id, T…)").conflicts("tenant"))
    .addOption(new Option("--tenant <id>", "only questions asked in this Teams tenant (its tenant id)"))
    .option("--csv", "one table (section,item,count,detail) for a spreadsheet")
    .action(async (o: { since?: string; workspace?: string; tenant?: string; csv?: boolean }) => {
      const { reportCommand } = await import("./report-command.js");
      exit.code = await reportCommand(o, process.env, knowledgeDir(), (s) => process.stdout.write(s));
    });

  p.command("bench")
    .description("latency and throughput: the core, and the Slack and Teams paths against bare apps")
    .addArgument(new Argument("[parts...]", "only these parts; all by default").choices(["core", "slack", "teams", "instances"]))
    .action(async (parts: string[]) => {
      const { runBenchmarks } = await import("../bench/run.js");
      await runBenchmarks((line) => process.stdout.write(line + "\n"), parts);
    });

  p.command("teams-package")
    .description("build the Teams app package for the bot in MICROSOFT_APP_ID")
    .argument("[file]", "where to write it", "teams-app.zip")
    .action(async (file: string) => {
      const { teamsPackageCommand } = await import("./teams/package-command.js");
      exit.code = await teamsPackageCommand(process.env, file);
    });
  return p;
}

export async function main(args: string[]): Promise<number> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  // Output piped into `head` and the like may close early: that ends the command, quietly.
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(0);
    throw err;
  });
  const exit = { code: 0 };
  const p = program(exit);
  if (args.length === 0) {
    p.outputHelp();
    return 0;
  }
  try {
    await p.parseAsync(args, { from: "user" });
    return exit.code;
  } catch (err) {
    // Help and --version end parsing through the same exception as a usage error does.
    if (err instanceof CommanderError) return err.code === "commander.helpDisplayed" || err.code === "commander.version" || err.exitCode === 0 ? 0 : 2;
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
