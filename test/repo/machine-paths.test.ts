// The repository travels between machines: it speaks of the shared material as ../shared/, never
// by a path of the machine a file happened to be written on.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
/** An absolute path that reaches a shared/ folder, as opposed to "../shared/". */
const MACHINE_PATH = /(?<![.\w])\/(?:[\w.-]+\/)+shared\//;

it("no tracked file names the shared material by an absolute machine path", () => {
  const files = execFileSync("git", ["ls-files"], { cwd: ROOT, encoding: "utf8" }).split("\n").filter((f) => /\.(md|ts|mjs|json|ya?ml|sh)$|^\.ci\//.test(f));
  const found = files.flatMap((f) =>
    readFileSync(join(ROOT, f), "utf8")
      .split("\n")
      .flatMap((line, i) => (MACHINE_PATH.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
  );
  expect(found).toEqual([]);
  // (The example is put together so that this file does not hold one itself.)
  expect(MACHINE_PATH.test(`see ${["", "srv", "build", "shared", "eval"].join("/")}/check.mjs`)).toBe(true);
  expect(MACHINE_PATH.test("see ../shared/eval/check.mjs")).toBe(false);
});
