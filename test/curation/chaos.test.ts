// Issue 9, defect 5: a knowledge change and its record must be one step. The real server runs in
// a child process; coordinators confirm a burst of edits over Teams activities, and the process
// is killed with SIGKILL in the middle of it, twice. After each restart every change on
// disk must have its record, and every recorded change must be on disk: per file, the applied
// records chain from the original text to exactly what is on disk.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DATABASE_FILE } from "../../src/state/database.js";
import { copyKnowledge, type KnowledgeCopy } from "../helpers/knowledge-copy.js";
import { startServerProcess, type ServerProcess } from "../helpers/server-process.js";
import { until } from "../../dev/stand-ins/until.js";
import { cardText, startConnectorStandIn } from "../../dev/stand-ins/teams-connector.js";

const REGIONS = ["Pirkanmaa", "Lappi", "Kainuu", "Satakunta", "Keski-Suomi", "Pohjois-Karjala"];
const FILES = ["pirkanmaa", "lappi", "kainuu", "satakunta", "keski-suomi", "pohjois-karjala"].map((f) => `regions/${f}.yaml`);

let kb: KnowledgeCopy;
let dataDir: string;
let connector: Awaited<ReturnType<typeof startConnectorStandIn>>;
const original = new Map<string, string>();

beforeAll(async () => {
  kb = copyKnowledge();
  for (const f of FILES) original.set(f, kb.read(f));
  dataDir = mkdtempSync(join(tmpdir(), "chaos-data-"));
  connector = await startConnectorStandIn();
});
afterAll(async () => {
  await connector?.close();
  kb?.remove();
});

const start = () => startServerProcess({ KNOWLEDGE_DIR: kb.dir, DATA_DIR: dataDir, TEAMS_NO_AUTH: "1", COORDINATORS: "teams:aad-coord" });
let n = 0;
const say = (server: ServerProcess, conversation: string, text: string) =>
  fetch(`${server.url}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ type: "message", id: `m${++n}`, channelId: "msteams", serviceUrl: connector.url, from: { id: "29:coord", aadObjectId: "aad-coord" }, recipient: { id: "28:bot" }, conversation: { id: conversation, conversationType: "personal" }, text }),
  }).catch(() => undefined); // the kill cuts requests off midway
const replies = (conversation: string) => connector.sent.filter((s) => decodeURIComponent(s.conversationId) === conversation);

/** One coordinator editing one region: preview, confirm, again, until the server dies. */
async function editLoop(server: ServerProcess, region: string, round: number): Promise<number> {
  const conversation = `a:chaos-${round}-${region}`;
  let confirmed = 0;
  for (let i = 1; server.alive(); i++) {
    const seen = replies(conversation).length;
    await say(server, conversation, `päivitä ${region} asukasluku ${round * 1000 + i} lähde aluekierros-2023 2024`);
    const preview = await until(() => replies(conversation)[seen] ?? (server.alive() ? undefined : "killed"), 3000).catch(() => undefined);
    const id = typeof preview === "object" && /vahvista ([0-9a-f]+)/.exec(cardText(preview))?.[1];
    if (!id) break;
    await say(server, conversation, `vahvista ${id}`);
    confirmed++;
  }
  return confirmed;
}

interface Row {
  id: string;
  status: string;
  file: string;
  before: string;
  after: string;
}

function checkInvariant(): { applied: number } {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    const rows = db.prepare("SELECT c.id, c.status, f.file, f.before, f.after FROM changes c JOIN change_files f ON f.change_id = c.id ORDER BY c.applied_at, c.rowid, f.n").all() as Row[];
    expect(rows.filter((r) => r.status === "writing")).toEqual([]);
    const applied = rows.filter((r) => r.status === "applied");
    for (const file of FILES) {
      let text = original.get(file)!;
      for (const r of applied.filter((a) => a.file === file)) {
        expect(r.before, `${file}: record ${r.id} does not follow the previous one`).toBe(text);
        text = r.after;
      }
      expect(kb.read(file), `${file}: the text on disk is not the last recorded change`).toBe(text);
    }
    return { applied: applied.length };
  } finally {
    db.close();
  }
}

describe("killing the server during a burst of confirmed edits", () => {
  it("never leaves a change on disk without its record, nor a record without its change", async () => {
    let total = 0;
    for (let round = 1; round <= 2; round++) {
      const server = await start();
      const atStart = FILES.map((f) => kb.read(f));
      const loops = REGIONS.map((r) => editLoop(server, r, round));
      // The kill lands in the middle of the burst: after its first change is on disk (on a busy
      // machine that can take longer than any fixed delay), then at a random moment.
      await until(() => FILES.some((f, i) => kb.read(f) !== atStart[i]) || undefined, 20_000).catch(() => undefined);
      await new Promise((r) => setTimeout(r, Math.random() * 800));
      await server.kill("SIGKILL");
      total += (await Promise.all(loops)).reduce((a, b) => a + b, 0);
    }
    const last = await start(); // the start settles what the last kill left
    try {
      const { applied } = checkInvariant();
      expect(total).toBeGreaterThan(0);
      expect(applied).toBeGreaterThan(0);
    } finally {
      await last.kill();
    }
  }, 60_000);
});
