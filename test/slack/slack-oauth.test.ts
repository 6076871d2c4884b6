// One Slack app in many workspaces, through the real endpoints as `npm start` serves them: an
// admin installs from /slack/install and /slack/oauth_redirect (Slack's Web API is the local
// stand-in, whose oauth.v2.access gives each workspace its own token), signed events of each
// workspace are answered with that workspace's token, an uninstall or a revoked token removes one
// workspace only, and no token is ever in clear in the database file or the logs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createMemoryLogger } from "../../adapters/log.js";
import { startRuntime, type Runtime } from "../../adapters/runtime.js";
import { createSlackAdapter } from "../../adapters/slack/index.js";
import { manifestScopes } from "../../adapters/slack/oauth.js";
import { startHttpServer } from "../../adapters/server.js";
import { openDatabase } from "../../src/state/database.js";
import { curationReply } from "../../src/curation/curation-phrases.js";
import { startSlackStandIn, type Call } from "../../dev/stand-ins/slack-web-api.js";
import { until } from "../../dev/stand-ins/until.js";
import { figure, KNOWLEDGE_DIR, plain, regionData } from "../helpers/bot.js";
import { copyKnowledge, type KnowledgeCopy } from "../helpers/knowledge-copy.js";
import { installWorkspace, OAUTH_APP, oauthEnv, postWorkspaceEvent } from "../helpers/slack-oauth.js";

const regions = regionData();
const region = (id: string) => regions.find((r) => r.id === id)!;
let slack: Awaited<ReturnType<typeof startSlackStandIn>>;
let runtime: Runtime;
let env: Record<string, string>;
let dataDir: string;
let kb: KnowledgeCopy;
const log = createMemoryLogger();
let n = 0;

beforeAll(async () => {
  slack = await startSlackStandIn();
  dataDir = mkdtempSync(join(tmpdir(), "slack-oauth-"));
  // Refused knowledge edits are reported in a channel of workspace T1, with T1's token.
  env = { ...oauthEnv(slack, dataDir), COORDINATOR_CHANNEL: "slack:C-KB:T1" };
  kb = copyKnowledge();
  runtime = await startRuntime(env, log, kb.dir);
});
afterAll(async () => {
  await runtime?.stop();
  await slack?.close();
  kb?.remove();
});

const url = () => runtime.server!.url;
const tokenOf = (team: string) => slack.issued().find((i) => (i.team ?? i.enterprise) === team)!.token;
const postsTo = (channel: string) => slack.of("chat.postMessage").filter((c) => c.body.channel === channel);
const textOf = (c: Call) => `${String(c.body.text)} ${JSON.stringify(c.body.blocks ?? [])}`;
/** An @mention of the bot in a workspace, addressed to that workspace's own bot user. */
const mention = (where: Parameters<typeof postWorkspaceEvent>[1], botUser: string, channel: string, text: string) =>
  postWorkspaceEvent(url(), where, { type: "app_mention", user: "U1", channel, ts: `${++n}.1`, text: `<@${botUser}> ${text}` });
/** Waits until Bolt has given up on an event it could not authorize (it logs a warning for each). */
const refusals = () => log.lines.filter((l) => l.component === "bolt" && String(l.event).includes("Authorization of incoming event did not succeed")).length;

describe("installing the Slack app in many workspaces", () => {
  it("sends an admin from /slack/install to Slack's consent page, asking the manifest's scopes, with a state bound to the browser", async () => {
    const { start, consent, cookie, done } = await installWorkspace(url(), slack, "code-T1", { team: { id: "T1", name: "Järjestö ry" } });
    expect(start.status).toBe(302);
    expect(`${consent.origin}${consent.pathname}`).toBe("https://slack.com/oauth/v2/authorize");
    expect(consent.searchParams.get("client_id")).toBe(env.SLACK_CLIENT_ID);
    expect(consent.searchParams.get("scope")?.split(",")).toEqual(manifestScopes());
    expect(cookie).toBe(`slack-app-oauth-state=${consent.searchParams.get("state")}`);
    expect(done.status).toBe(200);
    expect(log.lines.find((l) => l.event === "slack installation stored")).toMatchObject({ key: "team:T1", team: "Järjestö ry" });
  });

  it("answers a second workspace with its own token while the first keeps working", async () => {
    expect((await installWorkspace(url(), slack, "code-T2", { team: { id: "T2", name: "Toinen ry" } })).done.status).toBe(200);
    await mention({ team: "T2" }, "UBOTT2", "C-T2", "Montako sote-järjestöä Lapissa on?");
    await mention({ team: "T1" }, "UBOTT1", "C-T1", "Kainuun asukasluku");
    const [second, first] = await until(() => postsTo("C-T2")[0] && postsTo("C-T1")[0] && [postsTo("C-T2")[0]!, postsTo("C-T1")[0]!]);
    expect(second.token).toBe(tokenOf("T2"));
    expect(first.token).toBe(tokenOf("T1"));
    expect(tokenOf("T1")).not.toBe(tokenOf("T2"));
    expect(plain(textOf(second))).toContain(String(figure(region("lappi"), "ngos")));
    expect(plain(textOf(first))).toContain(String(figure(region("kainuu"), "population")));
    // Each workspace's own bot user is taken out of the question, not shown back.
    expect(textOf(second)).not.toContain("UBOTT2");
  });

  it("refuses a callback that does not come from the browser that started the install, and stores nothing", async () => {
    const exchanges = slack.of("oauth.v2.access").length;
    const { done } = await installWorkspace(url(), slack, "code-T5", { team: { id: "T5", name: "Väärä" } }, { withCookie: false });
    expect(done.status).toBeGreaterThanOrEqual(400);
    expect(slack.of("oauth.v2.access")).toHaveLength(exchanges);
    expect(log.lines.find((l) => l.event === "slack installation failed")).toBeTruthy();
    const before = refusals();
    await mention({ team: "T5" }, "UBOTT5", "C-T5", "Lapin asukasluku");
    await until(() => refusals() > before);
    expect(postsTo("C-T5")).toHaveLength(0);
  });

  it("answers every workspace of an Enterprise Grid organisation installed org-wide with the organisation's token", async () => {
    expect((await installWorkspace(url(), slack, "code-E1", { enterprise: { id: "E1", name: "Kattojärjestö" } })).done.status).toBe(200);
    await mention({ team: "T71", enterprise: "E1", orgWide: true }, "UBOTE1", "C-T71", "Montako sote-järjestöä Pirkanmaalla on?");
    const answer = await until(() => postsTo("C-T71")[0]);
    expect(answer.token).toBe(tokenOf("E1"));
    expect(plain(textOf(answer))).toContain(String(figure(region("pirkanmaa"), "ngos")));
  });

  it("sends what the bot starts itself (announcements, relays) with the token of the workspace the address names", async () => {
    const adapter = runtime.adapters.find((a) => a.name === "slack")!;
    const notice = curationReply("fi", "Tietopohjaa on päivitetty", [], true);
    await adapter.send!({ channel: "C-NOTICE", team: "T2" }, notice);
    expect((await until(() => postsTo("C-NOTICE")[0])).token).toBe(tokenOf("T2"));
    await expect(adapter.send!({ channel: "C-NOWHERE" }, notice)).rejects.toThrow(/names no Slack workspace/);
  });

  it("posts at most once in each workspace: after a post that timed out, the bot looks for it with that workspace's token", async () => {
    // A second adapter on the same installations, with a short time limit on each Web API call.
    const db = await openDatabase({ dataDir });
    const adapter = createSlackAdapter({ bot: runtime.bot, env: { ...env, OUTBOUND_TIMEOUT_MS: "300" }, log: createMemoryLogger(), db })!;
    const server = await startHttpServer([adapter], { port: 0, host: "127.0.0.1" });
    try {
      // Slack under load: each message is posted, the answer comes after the time limit.
      slack.slowNext("chat.postMessage", 900, 900);
      await postWorkspaceEvent(server.url, { team: "T2" }, { type: "app_mention", user: "U1", channel: "C-SLOW-T2", ts: `${++n}.1`, text: "<@UBOTT2> Lapin asukasluku" });
      await adapter.send!({ channel: "C-SLOW-T1", team: "T1" }, curationReply("fi", "Tietopohjaa on päivitetty", [], true));
      const lookups = await until(() => {
        const [reply, notice] = [slack.of("conversations.replies").find((c) => c.body.channel === "C-SLOW-T2"), slack.of("conversations.history").find((c) => c.body.channel === "C-SLOW-T1")];
        return reply && notice && [reply, notice];
      }, 8000);
      expect(lookups.map((c) => c.token)).toEqual([tokenOf("T2"), tokenOf("T1")]);
      await new Promise((r) => setTimeout(r, 1500)); // longer than a retry would take
      expect(postsTo("C-SLOW-T2").map((c) => c.token)).toEqual([tokenOf("T2")]);
      expect(postsTo("C-SLOW-T1").map((c) => c.token)).toEqual([tokenOf("T1")]);
    } finally {
      await server.close();
      await db.close();
    }
  });

  it("keeps no token in clear in the database file or the logs", async () => {
    const tokens = slack.issued().map((i) => i.token);
    expect(tokens.length).toBeGreaterThanOrEqual(3);
    // The database and its write-ahead log, byte for byte.
    const files = readdirSync(dataDir).map((f) => readFileSync(join(dataDir, f)).toString("latin1"));
    expect(files.join("").length).toBeGreaterThan(0);
    const logs = JSON.stringify(log.lines);
    for (const token of tokens) {
      for (const text of [...files, logs]) expect(text.includes(token)).toBe(false);
    }
    for (const text of [...files, logs]) expect(text).not.toMatch(/xoxb-/);
    // The log was at debug level, where the Web API client prints each request (oauth.v2.access
    // carries the client secret in its body): those lines are there, the secrets are not.
    expect(log.lines.some((l) => l.component === "slack-web-api" && String(l.event).startsWith("http request body"))).toBe(true);
    for (const secret of [OAUTH_APP.clientSecret, env.SLACK_STATE_SECRET!, env.DATA_ENCRYPTION_KEY!]) expect(logs).not.toContain(secret);
  });

  it("will not start with a key that does not open the stored installations", async () => {
    const wrongKey = { ...env, DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64") };
    await expect(startRuntime(wrongKey, createMemoryLogger(), KNOWLEDGE_DIR)).rejects.toThrow(/DATA_ENCRYPTION_KEY does not open/);
  });

  it("removes only the uninstalled workspace; the others keep being answered", async () => {
    await postWorkspaceEvent(url(), { team: "T2" }, { type: "app_uninstalled" });
    await until(() => log.lines.find((l) => l.event === "slack installation deleted" && l.key === "team:T2"));
    const before = refusals();
    await mention({ team: "T2" }, "UBOTT2", "C-T2-after", "Lapin asukasluku");
    await until(() => refusals() > before);
    await mention({ team: "T1" }, "UBOTT1", "C-T1-after", "Lapin asukasluku");
    expect((await until(() => postsTo("C-T1-after")[0])).token).toBe(tokenOf("T1"));
    expect(postsTo("C-T2-after")).toHaveLength(0);
  });

  it("removes an organisation whose bot token is revoked, and only that one", async () => {
    await postWorkspaceEvent(url(), { team: "T71", enterprise: "E1", orgWide: true }, { type: "tokens_revoked", tokens: { bot: ["UBOTE1"] } });
    await until(() => log.lines.find((l) => l.event === "slack installation deleted" && l.key === "enterprise:E1"));
    const before = refusals();
    await mention({ team: "T71", enterprise: "E1", orgWide: true }, "UBOTE1", "C-T71-after", "Lapin asukasluku");
    await until(() => refusals() > before);
    expect(postsTo("C-T71-after")).toHaveLength(0);
    await mention({ team: "T1" }, "UBOTT1", "C-T1-last", "Lapin asukasluku");
    await until(() => postsTo("C-T1-last")[0]);
  });

  it("reports a refused knowledge edit in COORDINATOR_CHANNEL with the token of the workspace it names", async () => {
    kb.write("regions/lappi.yaml", "kind: region\nid: [broken");
    const notice = await until(() => postsTo("C-KB")[0], 15_000);
    expect(notice.token).toBe(tokenOf("T1"));
    expect(textOf(notice)).toContain("regions/lappi.yaml");
  });

  it("serves the install pages on the shared server in Socket Mode too", async () => {
    const socketEnv = { ...env, SLACK_SIGNING_SECRET: "", SLACK_APP_TOKEN: "xapp-1-test", DATA_DIR: mkdtempSync(join(tmpdir(), "slack-socket-")) };
    const db = await openDatabase({ dataDir: socketEnv.DATA_DIR });
    const adapter = createSlackAdapter({ bot: runtime.bot, env: socketEnv, log: createMemoryLogger(), db })!;
    // Not started: Socket Mode would dial Slack. The pages are there as soon as the server listens.
    const server = await startHttpServer([adapter], { port: 0, host: "127.0.0.1" });
    try {
      const { start, done } = await installWorkspace(server.url, slack, "code-T8", { team: { id: "T8", name: "Socket ry" } });
      expect([start.status, done.status]).toEqual([302, 200]);
      expect((await fetch(`${server.url}/slack/events`, { method: "POST" })).status).toBe(404);
    } finally {
      await server.close();
      await db.close();
    }
  });
});
