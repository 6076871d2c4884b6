import { afterEach, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { loadKnowledge } from "../../src/knowledge/load.js";
import type { Problem } from "../../src/knowledge/parse-file.js";
import { createKnowledgeStore } from "../../src/live/store.js";
import { createBot } from "../../src/bot.js";
import { figure, KNOWLEDGE_DIR, plain, regionData } from "../helpers/bot.js";
import { copyKnowledge, type KnowledgeCopy } from "../helpers/knowledge-copy.js";

let kb: KnowledgeCopy;
afterEach(() => kb?.remove());

function problemsOf(dir: string): Problem[] {
  const r = loadKnowledge(dir);
  if (r.ok) throw new Error("expected problems, the knowledge loaded");
  return r.problems;
}

/** The line in a file where a text first appears, to check reported lines independently. */
function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split("\n").length;
}

describe("the knowledge's version", () => {
  it("is the same for the same files wherever they are loaded, and changes with any edit", () => {
    kb = copyKnowledge();
    const [a, b] = [createKnowledgeStore(KNOWLEDGE_DIR), createKnowledgeStore(kb.dir)];
    expect(b.current().version).toBe(a.current().version);
    kb.edit("regions/kainuu.yaml", /^# .*$/m, "# Kainuu, a comment edited");
    const reloaded = b.reload();
    expect(reloaded.ok && reloaded.compiled.version).not.toBe(a.current().version);
  });
});

describe("loading the knowledge", () => {
  it("loads the real knowledge base without problems", () => {
    const r = loadKnowledge(KNOWLEDGE_DIR);
    expect(r.ok ? [] : r.problems).toEqual([]);
  });

  it("reports a YAML syntax error with its file and line", () => {
    kb = copyKnowledge();
    kb.edit("regions/pirkanmaa.yaml", "structures:", "structures: [unclosed");
    const [p] = problemsOf(kb.dir);
    expect(p?.file).toBe(join("regions", "pirkanmaa.yaml"));
    expect(p?.line).toBeGreaterThan(1);
  });

  it("reports text where a number belongs, with the field's path and line", () => {
    kb = copyKnowledge();
    kb.edit("regions/pirkanmaa.yaml", /ngo-grants: \{ value: \d+/, "ngo-grants: { value: 1.7 milj");
    const problems = problemsOf(kb.dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toBe("figures.ngo-grants.value");
    expect(problems[0]!.line).toBe(lineOf(kb.read("regions/pirkanmaa.yaml"), "ngo-grants:"));
    expect(problems[0]!.message).toMatch(/number/);
  });

  it("reports an unknown source id where it is used", () => {
    kb = copyKnowledge();
    kb.edit("regions/pirkanmaa.yaml", /population: \{ value: (\d+), source: aluekierros-2023/, "population: { value: $1, source: no-such-source");
    const [p] = problemsOf(kb.dir);
    expect(p?.message).toMatch(/unknown source "no-such-source"/);
    expect(p?.line).toBe(lineOf(kb.read("regions/pirkanmaa.yaml"), "no-such-source"));
  });

  it("reports a duplicate id across files", () => {
    kb = copyKnowledge();
    kb.write("regions/copy.yaml", kb.read("regions/pirkanmaa.yaml"));
    expect(problemsOf(kb.dir).map((p) => p.message).join("\n")).toMatch(/duplicate id "pirkanmaa"/);
  });

  it("reports a region name that two regions would both claim", () => {
    kb = copyKnowledge();
    kb.edit("regions/lappi.yaml", "fi_forms: [", "fi_forms: [Pirha, ");
    const [p] = problemsOf(kb.dir);
    expect(p?.message).toMatch(/the name "Pirha" is also a name of region "(lappi|pirkanmaa)"/);
    expect(p?.file).toMatch(/(lappi|pirkanmaa)\.yaml/);
    expect(p?.file).not.toContain(/"(\w+)"$/.exec(p!.message)![1]);
  });

  it("reports a misspelt field name", () => {
    kb = copyKnowledge();
    kb.edit("regions/pirkanmaa.yaml", "highlights:", "higlights:");
    expect(problemsOf(kb.dir).map((p) => p.message).join("\n")).toMatch(/higlights/);
  });

  it("keeps serving the last good knowledge when a reload finds a broken file", () => {
    kb = copyKnowledge();
    const store = createKnowledgeStore(kb.dir);
    const bot = createBot({ store });
    const before = plain(bot.answer({ text: "Pirkanmaan asukasluku", conversationId: "a", platform: "test" }).text);
    kb.edit("regions/pirkanmaa.yaml", /population: \{ value: \d+/, "population: { value: many");
    const r = store.reload();
    expect(r.ok).toBe(false);
    expect(plain(bot.answer({ text: "Pirkanmaan asukasluku", conversationId: "b", platform: "test" }).text)).toBe(before);
    kb.edit("regions/pirkanmaa.yaml", "population: { value: many", "population: { value: 600000");
    expect(store.reload().ok).toBe(true);
    expect(plain(bot.answer({ text: "Pirkanmaan asukasluku", conversationId: "c", platform: "test" }).text)).toContain("600000");
  });


  // A reload reuses what it made from the files that did not change (their parse, their name
  // forms, their source references): an edit elsewhere must still be checked against them.
  it("checks unchanged files against an edited one on reload, and serves a region's new name", () => {
    kb = copyKnowledge();
    const store = createKnowledgeStore(kb.dir);
    const bot = createBot({ store });
    const ask = (text: string) => plain(bot.answer({ text, conversationId: text, platform: "test" }).text);

    // sources.yaml loses the source that the unchanged region files cite.
    const sources = kb.read("sources.yaml");
    kb.write("sources.yaml", sources.replace("id: aluekierros-2023", "id: aluekierros-2023-renamed"));
    const gone = store.reload();
    expect(gone.ok).toBe(false);
    const unknown = gone.ok ? [] : gone.problems.filter((p) => p.file === join("regions", "pirkanmaa.yaml"));
    expect(unknown[0]?.message).toMatch(/unknown source "aluekierros-2023"/);
    expect(unknown[0]?.line).toBe(lineOf(kb.read("regions/pirkanmaa.yaml"), "aluekierros-2023"));
    kb.write("sources.yaml", sources);
    expect(store.reload().ok).toBe(true);

    // Lappi takes a name Pirkanmaa (unchanged) already has: refused, and the old names serve on.
    const lappi = kb.read("regions/lappi.yaml");
    kb.edit("regions/lappi.yaml", "fi_forms: [", "fi_forms: [Pirha, ");
    const clash = store.reload();
    expect(clash.ok ? [] : clash.problems.map((p) => p.message)).toContainEqual(expect.stringMatching(/the name "Pirha" is also a name of region/));
    expect(ask("Montako sote-järjestöä Lapissa on?")).toMatch(/lapin hyvinvointialue/);

    // A name of its own is matched from the next question on, in the case forms made from it.
    kb.write("regions/lappi.yaml", lappi.replace("fi_forms: [", "fi_forms: [Tunturimaan, "));
    expect(store.reload().ok).toBe(true);
    const ngos = figure(regionData().find((r) => r.id === "lappi")!, "ngos");
    expect(ask("Montako sote-järjestöä Tunturimaassa on?")).toMatch(new RegExp(`lapin hyvinvointialue[\\s\\S]*${ngos}`));
  });
  it("kb validate exits 1 and prints file:line for a broken directory", () => {
    kb = copyKnowledge();
    kb.edit("regions/pirkanmaa.yaml", /population: \{ value: \d+/, "population: { value: many");
    const bin = join(import.meta.dirname, "..", "..", "bin", "jarjestobotti.mjs");
    const r = spawnSync(process.execPath, [bin, "kb", "validate", kb.dir], { encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${join("regions", "pirkanmaa.yaml")}:${lineOf(kb.read("regions/pirkanmaa.yaml"), "population:")} figures.population.value`);
    const ok = spawnSync(process.execPath, [bin, "kb", "validate", KNOWLEDGE_DIR], { encoding: "utf8" });
    expect(ok.status).toBe(0);
  });
});
