// `kb export --csv [FILE]` and `kb import FILE.csv`: the region figures as a spreadsheet and back.
// An import is checked row by row (file:row:column problems, nothing written on any problem),
// shown as `kb diff` would say it, and applied as one recorded change in the bot's history, the
// same as a coordinator's change from chat: `historia` lists it and `peru <id>` undoes it.
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { userInfo } from "node:os";
import { basename, resolve } from "node:path";
import { createInterface } from "node:readline/promises";
import { parseCoordinators } from "../src/curation/coordinators.js";
import { createCurator } from "../src/curation/curator.js";
import { figuresToCsv, planFiguresCsv } from "../src/curation/figures-csv.js";
import { createKnowledgeStore } from "../src/live/store.js";
import { MAX_FILE_BYTES, loadKnowledge } from "../src/knowledge/load.js";
import { localFiles } from "../src/curation/knowledge-files.js";
import { createSqlStateStore } from "../src/state/curation-store.js";
import { openDatabase } from "../src/state/database.js";
import { printProblems } from "./kb-command.js";

const out = (s: string) => void process.stdout.write(s);
/** Who ran the command, for the history; os.userInfo() throws for a user without a passwd entry. */
const whoRuns = (env: NodeJS.ProcessEnv) => {
  try {
    return userInfo().username;
  } catch {
    return env.USER ?? `uid-${process.getuid?.() ?? "?"}`;
  }
};

export function kbExport(dir: string, file: string | undefined): number {
  const r = loadKnowledge(dir);
  if (!r.ok) return printProblems(r.problems, dir);
  const csv = figuresToCsv(r.knowledge);
  // A byte-order mark tells a spreadsheet the file is UTF-8 (Pohjois-Häme, not PohjoisâHÃ¤me).
  if (file) writeFileSync(file, "\uFEFF" + csv);
  else out(csv);
  return 0;
}

async function confirmed(yes: boolean | undefined): Promise<boolean> {
  if (yes) return true;
  if (!process.stdin.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question("Apply these changes? [y/N] ");
  rl.close();
  return /^(y|yes|k|kyllä|j|ja)$/i.test(answer.trim());
}

export async function kbImport(dir: string, csvFile: string, o: { yes?: boolean }, env: NodeJS.ProcessEnv): Promise<number> {
  const size = statSync(csvFile).size;
  if (size > MAX_FILE_BYTES) return printProblems([{ file: basename(csvFile), line: 1, path: "", message: `the file is ${size} bytes; at most ${MAX_FILE_BYTES} are read` }], csvFile);
  const store = createKnowledgeStore(dir);
  const k = store.current().knowledge;
  const planned = planFiguresCsv(basename(csvFile), readFileSync(csvFile, "utf8"), k, (file) => k.texts.get(file) ?? "");
  if ("problems" in planned) return printProblems(planned.problems, csvFile);
  const dataDir = resolve(env.DATA_DIR ?? "data");
  // The history the bot reads: its SQLite file, or PostgreSQL with DATABASE_URL.
  const db = await openDatabase({ dataDir, url: env.DATABASE_URL });
  try {
    const state = await createSqlStateStore(db, dataDir);
    const curator = createCurator({ store, state, files: localFiles(store, state, () => {}), coordinators: parseCoordinators(undefined) });
    const described = curator.describe(planned.files, "en");
    if (!("words" in described)) {
      (described.answered ? process.stdout : process.stderr).write(described.text + "\n");
      return described.answered ? 0 : 1;
    }
    out(described.words.map((w) => `- ${w}`).join("\n") + "\n");
    if (!(await confirmed(o.yes))) {
      out("nothing written: run again with --yes to apply these changes\n");
      return 0;
    }
    const reply = await curator.apply(planned.files, { user: `cli:${whoRuns(env)}`, platform: "cli" }, "en");
    (reply.answered ? process.stdout : process.stderr).write(reply.text + "\n");
    return reply.answered ? 0 : 1;
  } finally {
    await db.close();
  }
}
