// Issue 9 through Bot Framework activities over HTTP into the whole runtime, against the local
// connector stand-in: oversized bodies, long questions, a hung connector, the rules for fetching
// files coordinators share, and a corrupt file of welcomed conversations at start.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createMemoryLogger } from "../../adapters/log.js";
import { startRuntime, type Runtime } from "../../adapters/runtime.js";
import { cardText, startConnectorStandIn } from "../../dev/stand-ins/teams-connector.js";
import { until } from "../../dev/stand-ins/until.js";
import { copyKnowledge, type KnowledgeCopy } from "../helpers/knowledge-copy.js";

let kb: KnowledgeCopy;
let connector: Awaited<ReturnType<typeof startConnectorStandIn>>;
let runtime: Runtime;
const log = createMemoryLogger();
let n = 0;
const env = (dataDir: string) => ({
  TEAMS_NO_AUTH: "1",
  TEAMS_FILE_HOSTS: "127.0.0.1",
  COORDINATORS: "teams:aad-coord",
  DATA_DIR: dataDir,
  OUTBOUND_TIMEOUT_MS: "300",
  PORT: "0",
  HOST: "127.0.0.1",
});

beforeAll(async () => {
  kb = copyKnowledge();
  connector = await startConnectorStandIn();
  runtime = await startRuntime(env(mkdtempSync(join(tmpdir(), "data-"))), log, kb.dir);
});
afterAll(async () => {
  await runtime?.stop();
  await connector?.close();
  kb?.remove();
});

const activity = (user: string, conversation: string, extra: Record<string, unknown>) =>
  ({ type: "message", id: `a${++n}`, channelId: "msteams", serviceUrl: connector.url, from: { id: `29:${user}`, aadObjectId: user }, recipient: { id: "28:bot" }, conversation: { id: conversation, conversationType: "personal" }, locale: "fi-FI", ...extra });
const post = (url: string, body: unknown) => fetch(`${url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const say = (user: string, conversation: string, extra: Record<string, unknown>) => post(runtime.server!.url, activity(user, conversation, extra));
const replyIn = async (conversation: string) => cardText(await until(() => connector.sent.find((s) => decodeURIComponent(s.conversationId) === conversation)));
const file = (name: string, url: string) => ({ attachments: [{ contentType: "application/vnd.microsoft.teams.file.download.info", name, content: { downloadUrl: url, fileType: "yaml" } }] });

describe("Teams: bounds where input enters", () => {
  it("refuses an activity over 256 kB with 413", async () => {
    const res = await say("u1", "a:big", { text: "z".repeat(300_000) });
    expect(res.status).toBe(413);
  });

  it("answers the beginning of a long question and says so", async () => {
    const res = await say("u1", "a:long", { text: `Kainuun asukasluku ${"x".repeat(100_000)}` });
    expect(res.status).toBe(200);
    expect(await replyIn("a:long")).toMatch(/Kysymys oli pitkä/);
  });

  it("ends a hung connector call at the time limit, logs it, and answers the next question", async () => {
    connector.hangNext(1);
    await say("u1", "a:hung", { text: "Lapin asukasluku" });
    await until(() => log.lines.find((l) => l.event === "teams turn failed" && l.conversation === "a:hung"), 8000);
    await say("u1", "a:after", { text: "Lapin asukasluku" });
    expect(await replyIn("a:after")).toMatch(/Lappi/);
  });
});

describe("Teams: files coordinators share", () => {
  const yaml = () => kb.read("regions/lappi.yaml").replace(/ngos: \{ value: \d+/, "ngos: { value: 402");

  it("are never fetched for someone who is not a coordinator", async () => {
    await say("aad-other", "a:other", file("lappi.yaml", connector.shareFile("t-other.yaml", yaml())));
    expect(await replyIn("a:other")).toMatch(/koordinaattori/);
    expect(connector.downloads).not.toContain("t-other.yaml");
  });

  it("are fetched only from the organisation's file hosts", async () => {
    const elsewhere = connector.shareFile("t-host.yaml", yaml()).replace("127.0.0.1", "localhost");
    await say("aad-coord", "a:host", file("lappi.yaml", elsewhere));
    expect(await replyIn("a:host")).toMatch(/tiedostopalvelimella/);
    expect(connector.downloads).not.toContain("t-host.yaml");
  });

  it("are cut off when more bytes arrive than the limit, with a reply", async () => {
    await say("aad-coord", "a:huge", file("lappi.yaml", connector.shareFile("t-huge.yaml", yaml() + "#" + "z".repeat(1_500_000))));
    expect(await replyIn("a:huge")).toMatch(/liian suuri/);
  });
});

describe("Teams: state the bot can rebuild", () => {
  it("a corrupt teams-welcomed.json from an earlier version does not stop the start", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "data-"));
    writeFileSync(join(dataDir, "teams-welcomed.json"), '["19:a@thread", "19:b@thr');
    const other = await startRuntime(env(dataDir), createMemoryLogger(), kb.dir);
    try {
      const conversation = "19:welcome@thread.tacv2";
      await post(other.server!.url, { ...activity("u1", conversation, {}), type: "conversationUpdate", membersAdded: [{ id: "28:bot" }] });
      expect((await replyIn(conversation)).length).toBeGreaterThan(0);
    } finally {
      await other.stop();
    }
  });
});
