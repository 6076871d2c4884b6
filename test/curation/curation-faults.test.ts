// Issue 9, defects 4, 7 and 8 and the question of who may subscribe, through Teams activities
// over HTTP into the real runtime: a write that fails is answered with what to do, a pending
// change is decided only by its author or a coordinator with the same rights, a region-limited
// coordinator's rights follow what a file holds, and a corrupt history file from an earlier
// version neither stops the start nor loses later changes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createMemoryLogger } from "../../adapters/log.js";
import { startRuntime, type Runtime } from "../../adapters/runtime.js";
import { cardText, startConnectorStandIn } from "../../dev/stand-ins/teams-connector.js";
import { until } from "../../dev/stand-ins/until.js";
import { copyKnowledge, type KnowledgeCopy } from "../helpers/knowledge-copy.js";
import { ordinaryUser, startServerProcess } from "../helpers/server-process.js";

const FILE = "regions/pirkanmaa.yaml";
let kb: KnowledgeCopy;
let connector: Awaited<ReturnType<typeof startConnectorStandIn>>;
let runtime: Runtime;
let n = 0;
const env = (dataDir: string) => ({ TEAMS_NO_AUTH: "1", TEAMS_FILE_HOSTS: "127.0.0.1", COORDINATORS: "teams:coord,teams:coord2,teams:lappi:lappi,teams:pohj:pohjanmaa", DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1" });

beforeAll(async () => {
  kb = copyKnowledge();
  connector = await startConnectorStandIn();
  const dataDir = mkdtempSync(join(tmpdir(), "data-"));
  writeFileSync(join(dataDir, "history.json"), '[{"id":"aaaa1111","at":"2025-01-01T00:00:00Z","user":"slack:U1","platform":"slack","file":"regions/lappi.yaml","summ');
  runtime = await startRuntime(env(dataDir), createMemoryLogger(), kb.dir);
});
afterAll(async () => {
  await runtime?.stop();
  await connector?.close();
  kb?.remove();
});

async function say(url: string, user: string, conversation: string, extra: Record<string, unknown>): Promise<string> {
  const seen = connector.sent.filter((s) => decodeURIComponent(s.conversationId) === conversation).length;
  await fetch(`${url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ type: "message", id: `a${++n}`, channelId: "msteams", serviceUrl: connector.url, from: { id: `29:${user}`, aadObjectId: user }, recipient: { id: "28:bot" }, conversation: { id: conversation, conversationType: "personal" }, locale: "fi-FI", ...extra }) });
  return cardText(await until(() => connector.sent.filter((s) => decodeURIComponent(s.conversationId) === conversation)[seen]));
}
const ask = (user: string, conversation: string, text: string) => say(runtime.server!.url, user, conversation, { text });
const idIn = (text: string) => /vahvista ([0-9a-f]+)/.exec(text)?.[1] ?? "";
const update = (value: string) => `päivitä Pirkanmaa järjestöavustukset ${value} lähde aluekierros-2023 2024`;

describe("pending changes", () => {
  it("are rejected or confirmed only by their author or a coordinator with the same rights", async () => {
    const id = idIn(await ask("coord", "a:p1", update("1 810 000")));
    expect(await ask("someone", "a:p2", `hylkää ${id}`)).toMatch(/Vain muutoksen tekijä/);
    expect(await ask("lappi", "a:p3", `hylkää ${id}`)).toMatch(/Vain muutoksen tekijä/);
    expect(await ask("coord2", "a:p4", `vahvista ${id}`)).toMatch(new RegExp(`Muutos ${id} on tehty`));
    expect(kb.read(FILE)).toContain("1810000");
  });

  it("are recorded in the history even when an earlier history.json was truncated", async () => {
    const history = await ask("coord", "a:h", "historia");
    expect(history).toMatch(/1,81 miljoonaa|1810000|1\.81/);
  });
});

describe("a region-limited coordinator", () => {
  const upload = (user: string, conversation: string, name: string, text: string) =>
    say(runtime.server!.url, user, conversation, { attachments: [{ contentType: "application/vnd.microsoft.teams.file.download.info", name, content: { downloadUrl: connector.shareFile(`${conversation}.yaml`, text), fileType: "yaml" } }] });

  it("cannot replace their region's file with one holding something else", async () => {
    const reply = await upload("pohj", "a:r1", "pohjanmaa.yaml", kb.read("topics/concepts.yaml"));
    expect(reply).toMatch(/Vain koordinaattorit/);
    expect(kb.read("regions/pohjanmaa.yaml")).toMatch(/kind: region/);
  });

  it("may still change their own region's file", async () => {
    const text = kb.read("regions/pohjanmaa.yaml").replace(/ngos: \{ value: \d+/, "ngos: { value: 777");
    expect(idIn(await upload("pohj", "a:r2", "pohjanmaa.yaml", text))).not.toBe("");
  });
});

describe("subscriptions", () => {
  it("may be made by anyone in the conversation (announcements only repeat public knowledge)", async () => {
    expect(await ask("someone", "a:s1", "tilaa Lappi")).toMatch(/saa nyt ilmoituksen/);
  });
});

describe("a knowledge directory the bot cannot write", () => {
  // The server runs as an ordinary user, for whom a read-only directory really is read-only.
  const asUser = ordinaryUser();
  it.skipIf(asUser === null)("answers the coordinator with the reason and what to do; the change can be confirmed once fixed", async () => {
    const copy = copyKnowledge();
    const dataDir = mkdtempSync(join(tmpdir(), "data-"));
    chmodSync(dataDir, 0o777);
    chmodSync(copy.dir, 0o555);
    chmodSync(join(copy.dir, "regions"), 0o555);
    const server = await startServerProcess({ KNOWLEDGE_DIR: copy.dir, ...env(dataDir) }, asUser ?? undefined);
    try {
      const id = idIn(await say(server.url, "coord", "a:ro", { text: update("1 820 000") }));
      const failed = await say(server.url, "coord", "a:ro", { text: `vahvista ${id}` });
      expect(failed).toMatch(/ei voitu kirjoittaa/);
      expect(failed).toMatch(/EACCES|EROFS|EPERM/);
      expect(failed).toContain(`vahvista ${id}`);
      expect(copy.read(FILE)).not.toContain("1820000");
      chmodSync(join(copy.dir, "regions"), 0o777);
      expect(await say(server.url, "coord", "a:ro", { text: `vahvista ${id}` })).toMatch(/on tehty/);
      expect(copy.read(FILE)).toContain("1820000");
    } finally {
      await server.kill();
      chmodSync(copy.dir, 0o755);
      copy.remove();
    }
  });
});
