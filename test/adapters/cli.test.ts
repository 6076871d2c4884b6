// The command line as Node users expect it, through the real process: help for the program and
// every command, --version, and usage errors (an unknown command or option, a bad value) answered
// with the nearest right one and exit code 2. Existing commands keep their behaviour.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { KNOWLEDGE_DIR } from "../helpers/bot.js";

const ROOT = join(import.meta.dirname, "..", "..");
const BIN = join(ROOT, "bin", "jarjestobotti.mjs");
const run = (args: string[], input?: string) => spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", env: { ...process.env, KNOWLEDGE_DIR }, ...(input !== undefined ? { input } : {}) });
const COMMANDS = ["start", "ask", "kb", "report", "bench", "teams-package"];

describe("jarjestobotti help and version", () => {
  it("--help lists every command and exits 0; so does the command alone", () => {
    for (const args of [["--help"], []]) {
      const r = run(args);
      expect(r.status).toBe(0);
      for (const c of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^  ${c}\\b`, "m"));
    }
  });

  it("--version prints the package's version", () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    const r = run(["--version"]);
    expect([r.status, r.stdout.trim()]).toEqual([0, version]);
  });

  it("<command> --help describes each command and its options", () => {
    const expected: Record<string, RegExp> = { ask: /--jsonl/, report: /--since <date>[\s\S]*--workspace <id>[\s\S]*--tenant <id>[\s\S]*--csv/, kb: /validate[\s\S]*schema[\s\S]*diff[\s\S]*stale/, "teams-package": /\[file\]/, start: /Slack\s+and\s+Teams/, bench: /bare\s+apps/ };
    for (const c of COMMANDS) {
      const r = run([c, "--help"]);
      expect(r.status, c).toBe(0);
      expect(r.stdout).toContain(`Usage: jarjestobotti ${c}`);
      expect(r.stdout).toMatch(expected[c]!);
    }
    expect(run(["kb", "validate", "--help"]).stdout).toContain("Usage: jarjestobotti kb validate [options] [dir]");
    expect(run(["help", "report"]).stdout).toContain("Usage: jarjestobotti report");
  });
});

describe("usage errors exit 2 with the nearest right word", () => {
  it.each([
    [["ak", "Lappi"], /unknown command 'ak'[\s\S]*Did you mean ask\?/],
    [["ask", "--jsnl"], /unknown option '--jsnl'[\s\S]*Did you mean --jsonl\?/],
    [["kb", "valdate"], /unknown command 'valdate'[\s\S]*Did you mean validate\?/],
    [["report", "--csvv"], /unknown option '--csvv'[\s\S]*Did you mean --csv\?/],
    [["report", "--since", "eilen"], /YYYY-MM-DD/],
    [["report", "--workspace", "T1", "--tenant", "tenant-1"], /'--workspace <id>' cannot be used with option '--tenant <id>'/],
    [["kb", "diff", KNOWLEDGE_DIR], /missing required argument 'b'/],
  ])("%j", (args, message) => {
    const r = run(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe("");
  });
});

describe("the commands keep working", () => {
  it("ask answers one question, and ask --jsonl answers the evaluation's protocol", () => {
    const one = run(["ask", "Montako", "sote-järjestöä", "Lapissa", "on?"]);
    expect(one.status).toBe(0);
    expect(one.stdout).toMatch(/Lap/);
    const lines = run(["ask", "--jsonl"], '{"id":"a","conversation":"c","text":"Lapin asukasluku"}\n{"id":"b","conversation":"c","text":"entä Kainuun?"}\n');
    expect(lines.status).toBe(0);
    const answers = lines.stdout.trim().split("\n").map((l) => JSON.parse(l) as { id: string; answered: boolean; sources: unknown[] });
    expect(answers.map((a) => [a.id, a.answered])).toEqual([["a", true], ["b", true]]);
    expect(answers[0]!.sources.length).toBeGreaterThan(0);
  });

  it("kb validate checks the knowledge and exits 0 on valid files", () => {
    const r = run(["kb", "validate", KNOWLEDGE_DIR]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/valid — \d+ files, 22 regions/);
  });
});
