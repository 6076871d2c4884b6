// The stems a process keeps for the next: read back instead of stemming again, added to when the
// knowledge brings new words, ignored when unreadable, and never holding a question's words.
import { afterEach, describe, expect, it, vi } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { copyKnowledge, type KnowledgeCopy } from "../helpers/knowledge-copy.js";

const BIN = join(import.meta.dirname, "..", "..", "bin", "jarjestobotti.mjs");
const dirs: string[] = [];
let kb: KnowledgeCopy | undefined;
afterEach(() => {
  kb?.remove();
  kb = undefined;
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "stem-table-"));
  dirs.push(dir);
  return dir;
};

/** The stemming modules as a new process has them: nothing stemmed in memory yet. */
async function freshProcess() {
  vi.resetModules();
  const [terms, table] = await Promise.all([import("../../src/text/terms.js"), import("../../src/text/stem-table.js")]);
  return { canonicalStem: terms.canonicalStem, withKnowledgeStems: table.withKnowledgeStems };
}

const tableFile = (dir: string) => {
  const files = readdirSync(dir).filter((f) => f.endsWith(".json"));
  expect(files).toHaveLength(1);
  return join(dir, files[0]!);
};
const tableOf = (dir: string) => JSON.parse(readFileSync(tableFile(dir), "utf8")) as Record<"fi" | "sv" | "en", string[]>;
const stemsIn = (dir: string, lang: "fi" | "sv" | "en") => {
  const pairs = tableOf(dir)[lang];
  return new Map(pairs.flatMap((w, i) => (i % 2 === 0 ? [[w, pairs[i + 1]!] as const] : [])));
};

const WORDS = ["avustuksia", "kumppanuuden", "vapaaehtoisten", "jarjestoja"];

describe("the stem table", () => {
  it("keeps the stems made while preparing knowledge, and a new process reads them instead of stemming", async () => {
    const dir = tempDir();
    const first = await freshProcess();
    const stems = first.withKnowledgeStems(() => WORDS.map((w) => first.canonicalStem(w, "fi")), dir);
    first.withKnowledgeStems(() => first.canonicalStem("deltog", "sv"), dir);
    expect([...stemsIn(dir, "fi")]).toEqual(WORDS.map((w, i) => [w, stems[i]]));
    expect(stemsIn(dir, "sv").get("deltog")).toBe("deltag");

    // A stem changed on disk is what the next process answers with: it read the table.
    const table = tableOf(dir);
    table.fi[table.fi.indexOf("avustuksia") + 1] = "read-from-the-table";
    writeFileSync(tableFile(dir), JSON.stringify(table));
    const second = await freshProcess();
    expect(second.withKnowledgeStems(() => second.canonicalStem("avustuksia", "fi"), dir)).toBe("read-from-the-table");
  });

  it("adds the words of changed knowledge, and keeps no word stemmed outside preparing it", async () => {
    const dir = tempDir();
    const first = await freshProcess();
    first.withKnowledgeStems(() => WORDS.map((w) => first.canonicalStem(w, "fi")), dir);
    const second = await freshProcess();
    // A question's words are stemmed too, but never written down.
    const asked = second.canonicalStem("salaisuuksistani", "fi");
    const added = second.withKnowledgeStems(() => [...WORDS, "yhdistyksille"].map((w) => second.canonicalStem(w, "fi")), dir);
    const kept = stemsIn(dir, "fi");
    expect(kept.get("yhdistyksille")).toBe(added[4]);
    expect(WORDS.every((w) => kept.has(w))).toBe(true);
    expect(kept.has("salaisuuksistani")).toBe(false);
    expect(readFileSync(tableFile(dir), "utf8")).not.toContain(asked);
  });

  it.each([
    ["cut short", (text: string) => text.slice(0, text.length / 2)],
    ["not a table", () => JSON.stringify({ fi: [1, 2], sv: [], en: [] })],
    ["a word without its stem", () => JSON.stringify({ fi: ["avustuksia"], sv: [], en: [] })],
    ["not JSON", () => "\u0000\u0001garbage"],
  ])("ignores a table that is %s: stems are made as without one, and the table is written afresh", async (_, spoil) => {
    const dir = tempDir();
    const clean = await freshProcess();
    const expected = clean.withKnowledgeStems(() => WORDS.map((w) => clean.canonicalStem(w, "fi")), dir);
    writeFileSync(tableFile(dir), spoil(readFileSync(tableFile(dir), "utf8")));
    const next = await freshProcess();
    expect(next.withKnowledgeStems(() => WORDS.map((w) => next.canonicalStem(w, "fi")), dir)).toEqual(expected);
    expect([...stemsIn(dir, "fi").values()]).toEqual(expected);
  });

  it("gives a new process the same answers from the kept stems, and stems a word the knowledge gains", () => {
    kb = copyKnowledge();
    const env = { ...process.env, TMPDIR: tempDir(), KNOWLEDGE_DIR: kb.dir };
    const ask = (q: string) => spawnSync(process.execPath, [BIN, "ask", q], { encoding: "utf8", env });
    const question = "Mitä STEA tekee?";
    const cold = ask(question);
    expect(cold.status).toBe(0);
    const stemsDir = join(env.TMPDIR, readdirSync(env.TMPDIR).find((d) => d.startsWith("jarjestobotti-"))!, "stems");
    expect(stemsIn(stemsDir, "fi").size).toBeGreaterThan(1000);
    expect(ask(question).stdout).toBe(cold.stdout);

    // A word new to the knowledge is stemmed and kept: its inflected form finds the entry.
    kb.edit("topics/concepts.yaml", "words: [stea, ", "words: [kummitusrahoitus, stea, ");
    const asked = ask("Mitä tiedät kummitusrahoituksista?");
    expect(asked.stdout).toContain("STEA");
    expect(stemsIn(stemsDir, "fi").has("kummitusrahoitus")).toBe(true);
  });
});
