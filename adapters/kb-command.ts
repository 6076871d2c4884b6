// `jarjestobotti kb …`: the knowledge commands a coordinator runs before committing an edit.
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Command } from "commander";
import { diffKnowledge } from "../src/curation/diff.js";
import { knowledgeJsonSchema } from "../src/knowledge/json-schema.js";
import { loadKnowledge } from "../src/knowledge/load.js";
import { formatProblem, type Problem } from "../src/knowledge/parse-file.js";
import { generalWords } from "../src/understanding/general-words.js";
import { kbStaleCommand } from "./kb-stale-command.js";
import { knowledgeDir } from "./knowledge-dir.js";

const dirOr = (dir: string | undefined) => (dir ? resolve(dir) : knowledgeDir());
const out = (s: string) => void process.stdout.write(s);

export function printProblems(problems: Problem[], where: string): number {
  for (const p of problems) process.stderr.write(formatProblem(p) + "\n");
  process.stderr.write(`${problems.length} problem(s) in ${where}\n`);
  return 1;
}

export function addKbCommands(program: Command, exit: { code: number }): void {
  const kb = program.command("kb").description("check, compare and describe the knowledge files");

  kb.command("validate")
    .description("check the knowledge files: every problem as file:line field: message, exit 1 on problems")
    .argument("[dir]", "the knowledge directory (default KNOWLEDGE_DIR or ./knowledge)")
    .action((dir?: string) => {
      const target = dirOr(dir);
      const r = loadKnowledge(target);
      if (!r.ok) return void (exit.code = printProblems(r.problems, target));
      const k = r.knowledge;
      out(`${target}: valid — ${k.files.length} files, ${k.regions.length} regions, ${k.entries.length} entries, ${k.sources.size} sources\n`);
      for (const g of generalWords(k)) {
        const why = g.why === "shared" ? `listed by ${g.entries.length} entries` : "also a common word or part of a region's name";
        out(`warning: trigger word "${g.word}" (${g.entries.join(", ")}) is ${why}; a longer phrase says more\n`);
      }
    });

  kb.command("schema")
    .description("write the JSON Schema of the knowledge files (for editors)")
    .argument("[file]", "where to write it (default: print it)")
    .action((file?: string) => {
      const json = JSON.stringify(knowledgeJsonSchema(), null, 2) + "\n";
      if (file) writeFileSync(file, json);
      else out(json);
    });

  kb.command("diff")
    .description("which facts differ between two knowledge directories, in words")
    .argument("<a>", "the knowledge before")
    .argument("<b>", "the knowledge after")
    .action((a: string, b: string) => {
      const [before, after] = [loadKnowledge(resolve(a)), loadKnowledge(resolve(b))];
      if (!before.ok) return void (exit.code = printProblems(before.problems, a));
      if (!after.ok) return void (exit.code = printProblems(after.problems, b));
      const changes = diffKnowledge(before.knowledge, after.knowledge, "en");
      out(changes.length ? changes.map((c) => `- ${c.text}`).join("\n") + "\n" : "no changes\n");
    });

  kb.command("export")
    .description("write every region's figures with their source and date as CSV, for a spreadsheet")
    .requiredOption("--csv", "as CSV (the one format there is)")
    .argument("[file]", "where to write it (default: print it)")
    .option("--dir <dir>", "the knowledge directory")
    .action(async (file: string | undefined, o: { dir?: string }) => {
      const { kbExport } = await import("./kb-csv-command.js");
      exit.code = kbExport(dirOr(o.dir), file);
    });

  kb.command("import")
    .description("update region figures from a CSV (as kb export writes it): check every row, show what would change, apply it as one recorded change")
    .argument("<file>", "the CSV file")
    .option("-y, --yes", "apply without asking")
    .option("--dir <dir>", "the knowledge directory")
    .action(async (file: string, o: { yes?: boolean; dir?: string }) => {
      const { kbImport } = await import("./kb-csv-command.js");
      exit.code = await kbImport(dirOr(o.dir), file, o, process.env);
    });

  kb.command("stale")
    .description("entries and regions past their review_by date, with their owners (exit 1 when there are any)")
    .argument("[dir]", "the knowledge directory")
    .action((dir?: string) => void (exit.code = kbStaleCommand(dirOr(dir), out)));
}
