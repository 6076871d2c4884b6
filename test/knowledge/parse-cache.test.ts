// The parse cache a new process reads instead of parsing YAML again: the same data as a fresh
// parse, never a cached problem, and right line numbers for a problem found across files.
import { afterEach, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseWithDiskCache } from "../../src/knowledge/parse-cache.js";
import { parseKnowledgeFile } from "../../src/knowledge/parse-file.js";
import { copyKnowledge, type KnowledgeCopy } from "../helpers/knowledge-copy.js";

const BIN = join(import.meta.dirname, "..", "..", "bin", "jarjestobotti.mjs");
let kb: KnowledgeCopy | undefined;
const dirs: string[] = [];
afterEach(() => {
  kb?.remove();
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

describe("the parse cache", () => {
  it("gives a later read the same data as a fresh parse, and never keeps a file with problems", () => {
    kb = copyKnowledge();
    const dir = mkdtempSync(join(tmpdir(), "parse-cache-"));
    dirs.push(dir);
    const text = kb.read("regions/lappi.yaml");
    const first = parseWithDiskCache("regions/lappi.yaml", text, dir);
    expect(readdirSync(dir)).toHaveLength(1);
    const second = parseWithDiskCache("regions/lappi.yaml", text, dir);
    expect(second.parsed!.data).toEqual(parseKnowledgeFile("regions/lappi.yaml", text).parsed!.data);
    expect(second.parsed!.data).toEqual(first.parsed!.data);
    expect(second.parsed!.lineOf(["figures", "ngos"])).toBe(first.parsed!.lineOf(["figures", "ngos"]));

    const broken = text.replace(/ngos: \{ value: \d+/, "ngos: { value: many");
    expect(parseWithDiskCache("regions/lappi.yaml", broken, dir).problems[0]!.path).toBe("figures.ngos.value");
    expect(parseWithDiskCache("regions/lappi.yaml", broken, dir).problems).toHaveLength(1);
    expect(readdirSync(dir)).toHaveLength(1);
  });

  it("kb validate in a new process reports a cross-file problem in a cached file at its line", () => {
    kb = copyKnowledge();
    const validate = () => spawnSync(process.execPath, [BIN, "kb", "validate", kb!.dir], { encoding: "utf8" });
    expect(validate().status).toBe(0); // every file is now in the cache
    // Only sources.yaml changes: lappi.yaml comes from the cache, and its source is now unknown.
    kb.edit("sources.yaml", /^  - id: aluekierros-2023$/m, "  - id: aluekierros-2023-renamed");
    const r = validate();
    expect(r.status).toBe(1);
    const line = kb.read("regions/lappi.yaml").split("\n").findIndex((l) => l.includes("ngos:")) + 1;
    expect(r.stderr).toContain(`regions/lappi.yaml:${line} figures.ngos.source: unknown source "aluekierros-2023"`);
  });
});
