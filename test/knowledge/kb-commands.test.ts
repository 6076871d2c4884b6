import { afterEach, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { KNOWLEDGE_DIR } from "../helpers/bot.js";
import { copyKnowledge, type KnowledgeCopy } from "../helpers/knowledge-copy.js";

const bin = join(import.meta.dirname, "..", "..", "bin", "jarjestobotti.mjs");
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8" });
let kb: KnowledgeCopy;
afterEach(() => kb?.remove());

describe("kb schema and kb diff", () => {
  it("writes a JSON Schema with one shape per kind of knowledge file", () => {
    const r = run("kb", "schema");
    expect(r.status).toBe(0);
    const schema = JSON.parse(r.stdout) as { oneOf: Array<{ properties: { kind: { const: string } }; required: string[] }> };
    const kinds = schema.oneOf.map((s) => s.properties.kind.const).sort();
    expect(kinds).toEqual(["entries", "lexicon", "metrics", "region", "sources", "steps"]);
    expect(schema.oneOf.find((s) => s.properties.kind.const === "region")!.required).toEqual(expect.arrayContaining(["id", "names", "figures", "tour"]));
  });

  it("says in words which facts changed between two knowledge directories", () => {
    kb = copyKnowledge();
    kb.edit("regions/pirkanmaa.yaml", /ngo-grants: \{ value: \d+/, "ngo-grants: { value: 1800000");
    const r = run("kb", "diff", KNOWLEDGE_DIR, kb.dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Pirkanmaa, Grants to NGOs: €1\.7 million → €1\.8 million/);
    expect(run("kb", "diff", KNOWLEDGE_DIR, KNOWLEDGE_DIR).stdout).toBe("no changes\n");
  });
});

describe("kb validate and short names", () => {
  it("refuses a short name longer than a button shows, and a missing one, with file, line and field", () => {
    kb = copyKnowledge();
    kb.edit("topics/concepts.yaml", "label: STEA", "label: STEA – avustuskeskus sosiaali- ja terveysjärjestöille");
    kb.edit("regions/lappi.yaml", /\nlabel: .*\n/, "\n");
    const r = run("kb", "validate", kb.dir);
    expect(r.status).toBe(1);
    const stea = kb.read("topics/concepts.yaml").split("\n").findIndex((l) => l.includes("label: STEA")) + 1;
    expect(r.stderr).toContain(`topics/concepts.yaml:${stea} entries.4.label: a short name is at most 22 characters`);
    expect(r.stderr).toMatch(/regions\/lappi\.yaml:\d+ label: /);
  });
});
