import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { createBot, type CoreBot } from "../../src/bot.js";
import { parseCoordinators } from "../../src/curation/coordinators.js";
import { createCurator } from "../../src/curation/curator.js";
import type { Subscription } from "../../src/curation/state.js";
import { localFiles } from "../../src/curation/knowledge-files.js";
import { createSqlStateStore } from "../../src/state/curation-store.js";
import { openDatabase } from "../../src/state/database.js";
import { createKnowledgeStore, type KnowledgeStore } from "../../src/live/store.js";
import type { Reply } from "../../src/seam.js";
import { plain } from "../helpers/bot.js";
import { copyKnowledge, type KnowledgeCopy } from "../helpers/knowledge-copy.js";

let kb: KnowledgeCopy;
let store: KnowledgeStore;
let bot: CoreBot;
let sent: Array<{ s: Subscription; r: Reply }>;
let failWrite = false;
const FILE = "regions/pirkanmaa.yaml";

beforeEach(async () => {
  kb = copyKnowledge();
  store = createKnowledgeStore(kb.dir);
  sent = [];
  failWrite = false;
  const dataDir = mkdtempSync(join(tmpdir(), "data-"));
  const state = await createSqlStateStore(await openDatabase({ dataDir }), dataDir);
  const curator = createCurator({
    store,
    state,
    files: localFiles(store, state, () => {}, { afterTempWritten: () => { if (failWrite) throw new Error("simulated crash midway"); } }),
    coordinators: parseCoordinators("slack:UCOORD,teams:aad-1,slack:ULAPPI:lappi"),
    announce: async (s, r) => void sent.push({ s, r }),
  });
  bot = createBot({ store, curator });
});
afterEach(() => kb.remove());

const say = (text: string, userId = "slack:UCOORD", conversationId = "c1", platform = "slack") =>
  bot.handle({ text, userId, conversationId, platform, address: { channel: conversationId } });
const grantsOnDisk = () => (parse(kb.read(FILE)) as { figures: Record<string, unknown> }).figures["ngo-grants"];
const confirmId = (r: Reply) => /vahvista (\w+)/.exec(r.suggestions.map((s) => s.question).join(" "))?.[1] ?? "";

describe("changing the knowledge from chat", () => {
  it("previews, applies on confirmation, and the next answer has the new figure and source", async () => {
    const preview = await say("päivitä Pirkanmaa järjestöavustukset 1 800 000 lähde soste-murros-2025 2025");
    expect(preview.text).toMatch(/→/);
    expect(kb.read(FILE)).not.toContain("1800000");
    const done = await say(`vahvista ${confirmId(preview)}`);
    expect(done.answered).toBe(true);
    const answer = await say("Paljonko Pirkanmaan järjestöavustukset ovat?", "slack:UOTHER", "c2");
    expect(plain(answer.text)).toContain("1.8 miljoonaa");
    expect(answer.sources.map((s) => s.id)).toContain("soste-murros-2025");
    expect(kb.read(FILE)).toMatch(/^# /); // the file's comments survive
  });

  it("refuses a non-coordinator politely and changes nothing", async () => {
    const before = kb.read(FILE);
    const r = await say("päivitä Pirkanmaa järjestöavustukset 1 800 000 lähde aluekierros-2023", "slack:USOMEONE");
    expect(r.answered).toBe(false);
    expect(r.text).toMatch(/koordinaattori/i);
    expect(kb.read(FILE)).toBe(before);
  });

  it("refuses a coordinator of another region", async () => {
    const r = await say("päivitä Pirkanmaa järjestöavustukset 1 800 000 lähde aluekierros-2023", "slack:ULAPPI");
    expect(r.answered).toBe(false);
  });

  it("refuses text where a number belongs and an unknown source, with the reason", async () => {
    expect((await say("päivitä Pirkanmaa järjestöavustukset paljon lähde aluekierros-2023")).text).toMatch(/luku/);
    const unknown = await say("päivitä Pirkanmaa järjestöavustukset 5 lähde keksitty-lahde");
    expect(unknown.text).toMatch(/keksitty-lahde/);
    expect(unknown.text).toContain("aluekierros-2023");
  });

  it("refuses the second of two conflicting changes", async () => {
    const a = await say("päivitä Pirkanmaa järjestöavustukset 1 800 000 lähde aluekierros-2023 2024");
    const b = await say("päivitä Pirkanmaa järjestöavustukset 1 900 000 lähde aluekierros-2023 2024", "teams:aad-1", "c9", "teams");
    await say(`vahvista ${confirmId(a)}`);
    const second = await bot.handle({ text: `vahvista ${confirmId(b)}`, userId: "teams:aad-1", conversationId: "c9", platform: "teams" });
    expect(second.text).toMatch(/Ristiriita/);
    expect(JSON.stringify(grantsOnDisk())).toContain("1800000");
  });

  it("undoes a change, recorded in the history", async () => {
    const original = JSON.stringify(grantsOnDisk());
    await say(`vahvista ${confirmId(await say("päivitä Pirkanmaa järjestöavustukset 1 800 000 lähde aluekierros-2023 2024"))}`);
    const history = await say("historia");
    const id = /^• (\w+) ·/m.exec(history.text)?.[1];
    expect(id).toBeTruthy();
    await say(`vahvista ${confirmId(await say(`peru ${id}`))}`);
    expect(JSON.stringify(grantsOnDisk())).toBe(original);
    expect((await say("historia")).items).toHaveLength(2);
  });

  it("leaves the old file intact when the write is interrupted midway, and the change can be confirmed again", async () => {
    const before = kb.read(FILE);
    const preview = await say("päivitä Pirkanmaa järjestöavustukset 1 800 000 lähde aluekierros-2023 2024");
    failWrite = true;
    const failed = await say(`vahvista ${confirmId(preview)}`);
    expect(failed.answered).toBe(false);
    expect(failed.text).toMatch(/simulated crash midway/);
    expect(kb.read(FILE)).toBe(before);
    expect(readdirSync(join(kb.dir, "regions")).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    failWrite = false;
    expect((await say(`vahvista ${confirmId(preview)}`)).answered).toBe(true);
    expect(kb.read(FILE)).toContain("1800000");
  });

  it("announces each change once to each subscriber, by region", async () => {
    await say("tilaa", "slack:UANY", "slack-chan", "slack");
    await bot.handle({ text: "tilaa Pirkanmaa", userId: "teams:x", conversationId: "teams-conv", platform: "teams", address: { ref: 1 } });
    await bot.handle({ text: "tilaa Lappi", userId: "teams:y", conversationId: "teams-lappi", platform: "teams", address: { ref: 2 } });
    await say(`vahvista ${confirmId(await say("päivitä Pirkanmaa järjestöavustukset 1 800 000 lähde aluekierros-2023 2024"))}`);
    expect(sent.map((x) => x.s.conversationId).sort()).toEqual(["slack-chan", "teams-conv"]);
    expect(sent[0]!.r.text).toMatch(/1,8 miljoonaa/);
    expect(sent[0]!.r.sources.length).toBeGreaterThan(0);
    await say("peru tilaus", "slack:UANY", "slack-chan");
    await say(`vahvista ${confirmId(await say("päivitä Pirkanmaa järjestöavustukset 1 900 000 lähde aluekierros-2023 2024"))}`);
    expect(sent.filter((x) => x.s.conversationId === "slack-chan")).toHaveLength(1);
  });

  it("replaces a whole file from an uploaded YAML, validated first", async () => {
    const text = kb.read(FILE).replace(/ngos: \{ value: \d+/, "ngos: { value: 999");
    const preview = await bot.handle({ text: "", userId: "slack:UCOORD", conversationId: "c1", platform: "slack", attachment: { name: "pirkanmaa.yaml", text } });
    await say(`vahvista ${confirmId(preview)}`);
    expect(plain((await say("Montako järjestöä Pirkanmaalla on?")).text)).toContain("999");
    const broken = await bot.handle({ text: "", userId: "slack:UCOORD", conversationId: "c1", platform: "slack", attachment: { name: "pirkanmaa.yaml", text: text.replace("ngos: { value: 999", "ngos: { value: lots") } });
    expect(broken.answered).toBe(false);
    expect(broken.text).toMatch(/figures\.ngos\.value/);
    expect(existsSync(join(kb.dir, FILE)) && readFileSync(join(kb.dir, FILE), "utf8")).toContain("999");
  });
});
