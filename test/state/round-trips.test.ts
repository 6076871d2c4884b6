// What a question waits for, counted on the wire: the whole runtime with Slack (signed events over
// HTTP, replies recorded by the Web API stand-in) and Teams (activities over HTTP, replies to the
// connector stand-in) against a real PostgreSQL behind a proxy that records every round trip
// (test/helpers/postgres-round-trips.ts). A question in a new thread, its follow-up in the thread,
// a direct message, a slash command and a Teams chat's question and follow-up each wait for one
// round trip before the reply; the home region and the context it reads are the database's at that moment,
// so a setting another instance changed applies from the next question. The same questions on the
// embedded SQLite get the same replies.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createMemoryLogger } from "../../adapters/log.js";
import { startRuntime, type Runtime } from "../../adapters/runtime.js";
import { postSigned, startSlackStandIn, type Call } from "../../dev/stand-ins/slack-web-api.js";
import { cardText, startConnectorStandIn } from "../../dev/stand-ins/teams-connector.js";
import { until } from "../../dev/stand-ins/until.js";
import { openDatabase } from "../../src/state/database.js";
import { KNOWLEDGE_DIR } from "../helpers/bot.js";
import { DIALECTS, freshDatabase } from "../helpers/postgres.js";
import { countRoundTrips, type RoundTrip } from "../helpers/postgres-round-trips.js";

const SECRET = "trips-secret";
/** Writes sent beside the reply and not waited for: the context (sql-conversations.ts) and the question log's batch. */
const NOT_WAITED = /^(BEGIN|COMMIT|INSERT INTO (conversations|loop_questions|loop_question_entries) )/;

let slack: Awaited<ReturnType<typeof startSlackStandIn>>;
let connector: Awaited<ReturnType<typeof startConnectorStandIn>>;
beforeAll(async () => {
  [slack, connector] = await Promise.all([startSlackStandIn(), startConnectorStandIn()]);
});
afterAll(async () => {
  await slack?.close();
  await connector?.close();
});

describe.each(DIALECTS)("round trips before a reply, %s", (dialect) => {
  let runtime: Runtime;
  let proxy: Awaited<ReturnType<typeof countRoundTrips>> | undefined;
  /** Another instance's connection to the same database, which changes a home region meanwhile. */
  let other: Awaited<ReturnType<typeof openDatabase>>;
  let n = 0;
  const channel = `C${dialect}`;

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "trips-"));
    const url = dialect === "postgres" ? await freshDatabase() : undefined;
    proxy = url ? await countRoundTrips(url) : undefined;
    const env = { SLACK_BOT_TOKEN: "xoxb-t", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: `${slack.url}/api/`, SLACK_BOT_USER_ID: "UBOT", TEAMS_NO_AUTH: "1", DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1", ...(proxy ? { DATABASE_URL: proxy.url } : {}) };
    runtime = await startRuntime(env, createMemoryLogger(), KNOWLEDGE_DIR);
    other = await openDatabase({ dataDir, url });
  }, 60_000);
  afterAll(async () => {
    await runtime?.stop();
    await other?.close();
    await proxy?.close();
  });

  const setHome = (region: string, level = "channel", place = `slack:${channel}`) =>
    other.run("INSERT INTO home_regions (level, place, region, set_by, set_at) VALUES (?, ?, ?, 'slack:UCOORD', '2026-01-01') ON CONFLICT (level, place) DO UPDATE SET region = excluded.region", [level, place, region]);
  const event = (e: Record<string, unknown>) =>
    postSigned(`${runtime.server!.url}/slack/events`, JSON.stringify({ type: "event_callback", team_id: "T1", api_app_id: "A1", event_id: `EvT${dialect}${++n}`, event_time: 1, event: e }), { secret: SECRET, contentType: "application/json" });
  const text = (c: Call) => String(c.body.text);

  /** Sends, waits for the reply the stand-in records, and returns it with the round trips made meanwhile that it waited for. */
  async function ask(send: () => Promise<unknown>, reply: () => Call | undefined): Promise<{ reply: Call; waited: RoundTrip[] }> {
    const from = await settled();
    const started = performance.now();
    await send();
    const got = await until(reply);
    const waited = (proxy?.trips.slice(from) ?? []).filter((t) => t.at >= started && t.at <= got.at && !NOT_WAITED.test(t.sql));
    return { reply: got, waited };
  }
  /**
   * Waits until the bot has sent nothing to the database for a moment: what the previous question
   * sent after its reply (the thread's claim, its context) is not counted for the next.
   */
  async function settled(): Promise<number> {
    for (;;) {
      const seen = proxy?.trips.length ?? 0;
      await new Promise((r) => setTimeout(r, 100));
      if ((proxy?.trips.length ?? 0) === seen) return seen;
    }
  }
  const posted = (channelId: string, count: number) => () => slack.of("chat.postMessage").filter((c) => c.body.channel === channelId)[count];
  /** With PostgreSQL: one round trip, which read the conversation, the home region and any case together. */
  const oneTrip = (waited: RoundTrip[], ...reads: string[]) => {
    if (dialect === "sqlite") return;
    expect(waited.length, `round trips before the reply:\n${waited.map((t) => t.sql).join("\n")}`).toBe(1);
    for (const table of reads) expect(waited[0]!.sql).toContain(table);
  };

  it("a question in a new thread and its follow-up there wait for one round trip each, and read the database's home region and context", async () => {
    await setHome("lappi");
    const first = await ask(() => event({ type: "app_mention", user: "U1", channel, ts: "100.0", text: "<@UBOT> montako sote-järjestöä meillä on?" }), posted(channel, 0));
    expect(text(first.reply)).toMatch(/Kotialueena Lappi/);
    oneTrip(first.waited, "INSERT INTO claims", "FROM conversations", "FROM home_regions", "FROM loop_escalations");

    // A reply in the thread without a mention: the claim also reads that the bot answered in the thread.
    // (The bot claims the thread right after posting; one instance alone keeps that in memory.)
    if (dialect === "postgres") await until(() => other.get("SELECT 1 AS held FROM claims WHERE key = ?", [`slack:thread:slack:${channel}:100.0`]));
    else await new Promise((r) => setTimeout(r, 100));
    const second = await ask(() => event({ type: "message", channel_type: "channel", user: "U1", channel, ts: "101.0", thread_ts: "100.0", text: "entä Kainuun?" }), posted(channel, 1));
    expect(second.reply.body.thread_ts).toBe("100.0");
    expect(text(second.reply)).toMatch(/Kainuu/);
    oneTrip(second.waited, "INSERT INTO claims", "FROM conversations", "FROM claims WHERE key");

    // Another instance changes the home region: the next question here uses it at once. (One
    // instance alone, on SQLite, keeps a place's setting 5 s: every change goes through it.)
    if (dialect === "sqlite") return;
    await setHome("kainuu");
    const third = await ask(() => event({ type: "app_mention", user: "U1", channel, ts: "102.0", text: "<@UBOT> montako sote-järjestöä meillä on?" }), posted(channel, 2));
    expect(text(third.reply)).toMatch(/Kotialueena Kainuu/);
    oneTrip(third.waited, "FROM home_regions");
  });

  it("a direct message and a slash command wait for one round trip each", async () => {
    const dm = `D${dialect}`;
    const direct = await ask(() => event({ type: "message", channel_type: "im", user: "U2", channel: dm, ts: "200.0", text: "Mikä on STEA?" }), posted(dm, 0));
    expect(text(direct.reply)).toMatch(/STEA/);
    oneTrip(direct.waited, "INSERT INTO claims", "FROM conversations");

    // No claim comes before a command: its reads are made in one query of their own.
    const form = new URLSearchParams({ command: "/jarjesto", text: "Mikä on STEA?", channel_id: channel, user_id: "U2", team_id: "T1", response_url: `${slack.url}/response/trips`, trigger_id: "t" });
    const from = await settled();
    const res = await postSigned(`${runtime.server!.url}/slack/events`, form.toString(), { secret: SECRET, contentType: "application/x-www-form-urlencoded" });
    const responded = performance.now();
    expect(JSON.stringify(await res.json())).toMatch(/STEA/);
    oneTrip((proxy?.trips.slice(from) ?? []).filter((t) => t.at <= responded && !NOT_WAITED.test(t.sql)), "FROM conversations", "FROM home_regions", "FROM loop_escalations");
  });

  it("a Teams question and its follow-up in a personal chat wait for one round trip each", async () => {
    await setHome("pirkanmaa", "organisation", `teams:tenant-${dialect}`);
    const conversation = { id: `a:trips-${dialect}`, conversationType: "personal", tenantId: `tenant-${dialect}` };
    const activity = (id: string, text: string) => ({ type: "message", id, channelId: "msteams", serviceUrl: connector.url, from: { id: "29:u", aadObjectId: "aad-u" }, recipient: { id: "28:bot" }, conversation, text, locale: "fi-FI" });
    /** The Bot Framework's 200 comes after the turn, reply included: what it waited for is what came before. */
    const turn = async (id: string, text: string) => {
      const from = await settled();
      const res = await fetch(`${runtime.server!.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(activity(id, text)) });
      const done = performance.now();
      expect(res.status).toBe(200);
      oneTrip((proxy?.trips.slice(from) ?? []).filter((t) => t.at <= done && !NOT_WAITED.test(t.sql)), "INSERT INTO claims", "FROM conversations", "FROM home_regions");
      return cardText(connector.sent.filter((x) => x.conversationId === conversation.id).at(-1)!);
    };
    expect(await turn("t1", "montako sote-järjestöä meillä on?")).toMatch(/Kotialueena Pirkanmaa/);
    expect(await turn("t2", "entä Kainuun?")).toMatch(/Kainuu/);
  });

  it("a reply in a thread the bot has no part in is not answered", async () => {
    const before = slack.of("chat.postMessage").length;
    await event({ type: "message", channel_type: "channel", user: "U3", channel, ts: "301.0", thread_ts: "300.0", text: "entä Kainuun?" });
    // A mention answered after it shows the event was handled (and ignored) before it.
    await event({ type: "app_mention", user: "U1", channel, ts: "302.0", text: "<@UBOT> Mikä on STEA?" });
    await until(() => slack.of("chat.postMessage").length > before || undefined);
    await new Promise((r) => setTimeout(r, 200));
    expect(slack.of("chat.postMessage").slice(before).map((c) => c.body.thread_ts)).toEqual(["302.0"]);
  });
});
