// The command runs a compiled build (bin/build.mjs) that must never be older than the sources:
// on a copy of the checkout, an edit to a source file shows in the very next run, with no build
// step in between, and a run with nothing changed does not build again. In the build, each
// module still finds the files beside its source (the answer model, package.json).
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const copy = mkdtempSync(join(tmpdir(), "build-"));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

it("rebuilds after an edit, before running, and only then", () => {
  for (const dir of ["bin", "src", "adapters", "bench", "dev", "test/helpers", "knowledge", "package.json"]) cpSync(join(ROOT, dir), join(copy, dir), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(copy, "node_modules"));
  const run = (...args: string[]) => execFileSync(process.execPath, [join(copy, "bin", "jarjestobotti.mjs"), ...args], { encoding: "utf8", cwd: tmpdir(), env: { ...process.env, KNOWLEDGE_DIR: "" } });

  // The first run builds. Run from elsewhere, the answer needs the knowledge found beside the
  // package (adapters/knowledge-dir.ts) and the model file beside src/decision/model.ts.
  expect(run("ask", "Montako sote-järjestöä Lapissa on?")).toMatch(/Lapin hyvinvointialue[\s\S]*366/);
  expect(run("--version").trim()).toBe(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version);
  const manifest = join(copy, "dist", "build.json");
  const built = statSync(manifest).mtimeMs;
  run("--help");
  expect(statSync(manifest).mtimeMs).toBe(built);

  const cli = join(copy, "adapters", "cli.ts");
  writeFileSync(cli, readFileSync(cli, "utf8").replace('description("print one answer;', 'description("print exactly one answer;'));
  expect(run("--help")).toContain("print exactly one answer");
  expect(statSync(manifest).mtimeMs).toBeGreaterThan(built);
}, 60_000);
