import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HELP_PHRASES } from "../../src/answers/help-phrases.js";
import { cardProblems } from "../../dev/checks/adaptive-card.js";
import { renderCard } from "../../adapters/teams/render.js";
import { MAX_LABEL } from "../../adapters/reply-parts.js";
import { createTeamsAdapter } from "../../adapters/teams/index.js";
import { createMemoryLogger } from "../../adapters/log.js";
import { startHttpServer, type RunningServer } from "../../adapters/server.js";
import { openDatabase } from "../../src/state/database.js";
import { figure, plain, regionData, testBot } from "../helpers/bot.js";
import { until } from "../../dev/stand-ins/until.js";
import { cardText, startConnectorStandIn } from "../../dev/stand-ins/teams-connector.js";

const regions = regionData();
const region = (id: string) => regions.find((r) => r.id === id)!;
const BOT = { id: "28:bot-id", name: "Järjestöbotti" };
let connector: Awaited<ReturnType<typeof startConnectorStandIn>>;
let server: RunningServer;
const log = createMemoryLogger();
let n = 0;

beforeAll(async () => {
  connector = await startConnectorStandIn();
  const adapter = createTeamsAdapter({ bot: testBot(), env: { TEAMS_NO_AUTH: "1" }, log })!;
  server = await startHttpServer([adapter], { port: 0, host: "127.0.0.1" });
  await adapter.start();
});
afterAll(async () => {
  await server?.close();
  await connector?.close();
});

function activity(conversation: Record<string, unknown>, extra: Record<string, unknown>) {
  return { type: "message", id: `act-${++n}`, channelId: "msteams", serviceUrl: connector.url, timestamp: new Date().toISOString(), from: { id: "29:user-1", aadObjectId: "aad-user-1", name: "Käyttäjä" }, recipient: BOT, conversation: { tenantId: "tenant-1", ...conversation }, locale: "fi-FI", ...extra };
}
const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: typeof body === "string" ? body : JSON.stringify(body) });
const repliesTo = (conversationId: string) => connector.sent.filter((s) => decodeURIComponent(s.conversationId) === conversationId);
const waitReplies = (conversationId: string, count = 1, ms?: number) => until(() => (repliesTo(conversationId).length >= count ? repliesTo(conversationId) : undefined), ms);

describe("Teams adapter over HTTP", () => {
  it("answers a personal question with an Adaptive Card holding the right figure", async () => {
    const res = await post(activity({ id: "a:personal-1", conversationType: "personal" }, { text: "Montako sote-järjestöä Pirkanmaalla on?" }));
    expect(res.status).toBe(200);
    const [reply] = await waitReplies("a:personal-1");
    const card = reply!.activity.attachments![0]!;
    expect(card.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(card.content.version).toBe("1.5");
    expect(plain(cardText(reply!))).toContain(String(figure(region("pirkanmaa"), "ngos")));
    expect(String(card.content.fallbackText)).toContain(String(figure(region("pirkanmaa"), "ngos")).slice(0, 3));
  });

  it("answers an activity the Bot Framework delivers twice only once", async () => {
    const once = activity({ id: "a:redelivered", conversationType: "personal" }, { text: "Montako sote-järjestöä Lapissa on?" });
    expect((await post(once)).status).toBe(200);
    expect((await post(once)).status).toBe(200);
    await post(activity({ id: "a:redelivered", conversationType: "personal" }, { text: "entä Kainuun?" }));
    const replies = await waitReplies("a:redelivered", 2);
    expect(plain(cardText(replies[0]!))).toContain(String(figure(region("lappi"), "ngos")));
    expect(plain(cardText(replies[1]!))).toContain(String(figure(region("kainuu"), "ngos")));
    expect(log.lines.filter((l) => l.event === "teams activity already answered")).toHaveLength(1);
  });

  it("strips the @mention in a channel and answers in that thread", async () => {
    const thread = "19:channel-1@thread.tacv2;messageid=1700000000000";
    await post(activity({ id: thread, conversationType: "channel" }, { text: "<at>Järjestöbotti</at> Kainuun asukasluku", entities: [{ type: "mention", text: "<at>Järjestöbotti</at>", mentioned: BOT }] }));
    const [reply] = await waitReplies(thread);
    expect(plain(cardText(reply!))).toContain(String(figure(region("kainuu"), "population")));
    expect(cardText(reply!)).not.toContain("<at>");
  });

  it("follows up in the same conversation", async () => {
    const conv = "a:personal-2";
    await post(activity({ id: conv, conversationType: "personal" }, { text: "Paljonko Satakunnan järjestöavustukset ovat?" }));
    await until(() => repliesTo(conv).length === 1);
    await post(activity({ id: conv, conversationType: "personal" }, { text: "entä Pohjois-Karjalan?" }));
    const replies = await waitReplies(conv, 2);
    expect(plain(cardText(replies[1]!))).toContain(String(figure(region("pohjois-karjala"), "ngo-grants")));
  });

  it("answers a suggestion button's submit", async () => {
    const conv = "a:personal-3";
    await post(activity({ id: conv, conversationType: "personal" }, { value: { question: "Lappi: kerro alueesta" } }));
    const [reply] = await waitReplies(conv);
    expect(plain(cardText(reply!))).toContain(String(figure(region("lappi"), "population")));
    // Suggestions are buttons, or rows that can be clicked when their labels are long.
    const submits: Array<{ type: string; title: string; data?: { question?: string } }> = [];
    JSON.stringify(reply!.activity.attachments![0]!.content, (_, v) => (v?.type === "Action.Submit" && v.data?.question && submits.push(v), v));
    expect(submits.length).toBeGreaterThan(0);
    for (const s of submits) expect(s.data!.question).toBeTruthy();
  });

  it("never puts a label Teams would cut on a button: long labels become rows that wrap", async () => {
    const long = { label: "Pirkanmaa: avustukset asukasta kohden", question: "Pirkanmaa: avustukset asukasta kohden" };
    const base = testBot().help("fi");
    for (const suggestions of [base.suggestions, [...base.suggestions.slice(0, 1), long]]) {
      const card = renderCard({ ...base, suggestions }) as { actions?: Array<{ title: string }>; body: Array<{ type: string; selectAction?: { data: { question: string } } }> };
      for (const a of card.actions ?? []) expect(a.title.length).toBeLessThanOrEqual(MAX_LABEL);
      const rows = card.body.filter((b) => b.selectAction).map((b) => b.selectAction!.data.question);
      const buttons = (card.actions ?? []).length;
      expect(rows.length + buttons).toBe(suggestions.length);
      expect(cardProblems(card)).toEqual([]);
    }
  });

  it("welcomes once when the app is added to a conversation", async () => {
    const conv = "19:team-general@thread.tacv2";
    const added = () => ({ ...activity({ id: conv, conversationType: "channel" }, {}), type: "conversationUpdate", membersAdded: [BOT], text: undefined });
    await post(added());
    await until(() => repliesTo(conv).length);
    await post(added());
    await new Promise((r) => setTimeout(r, 300));
    expect(repliesTo(conv)).toHaveLength(1);
    expect(cardText(repliesTo(conv)[0]!)).toMatch(/askel/i);
  });

  it("welcomes in English with one card the Adaptive Cards library accepts when the activity's locale is English", async () => {
    const conv = "19:team-english@thread.tacv2";
    await post({ ...activity({ id: conv, conversationType: "channel" }, {}), type: "conversationUpdate", membersAdded: [BOT], locale: "en-US" });
    const [welcome] = await waitReplies(conv);
    const cards = welcome!.activity.attachments!;
    expect(cards).toHaveLength(1);
    expect(cardText(welcome!)).toContain(HELP_PHRASES.en.welcomeTitle);
    expect(cardProblems(cards[0]!.content)).toEqual([]);
  });

  it("keeps user text in a card as data, not mark-up", async () => {
    const conv = "a:personal-4";
    await post(activity({ id: conv, conversationType: "personal" }, { text: "Paljonko **Uudellamaalla** on [järjestöjä](http://x)?" }));
    const [reply] = await waitReplies(conv);
    const body = reply!.activity.attachments![0]!.content.body as Array<{ type: string }>;
    expect(body.filter((b) => b.type === "TextBlock")).toHaveLength(0);
  });

  it("rejects a body that is not an activity with 400 and a reason", async () => {
    const notJson = await post("this is not json");
    expect(notJson.status).toBe(400);
    const noType = await post({ text: "hei" });
    expect(noType.status).toBe(400);
    expect(((await noType.json()) as { error: string }).error).toMatch(/type/);
  });

  it("logs a connector failure, stays up and answers the next question", async () => {
    const conv = "a:personal-5";
    connector.failNext(50);
    await post(activity({ id: conv, conversationType: "personal" }, { text: "Lapin asukasluku" }));
    await until(() => log.lines.find((l) => l.event === "teams turn failed" && l.conversation === conv), 15_000);
    connector.failNext(0);
    await post(activity({ id: conv, conversationType: "personal" }, { text: "Kainuun asukasluku" }));
    const [reply] = await waitReplies(conv);
    expect(plain(cardText(reply!))).toContain(String(figure(region("kainuu"), "population")));
  });
});

describe("Teams welcome across a restart", () => {
  it("is not sent again to a conversation after the process restarts", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "teams-data-"));
    const conv = "19:restart@thread.tacv2";
    const added = { ...activity({ id: conv, conversationType: "channel" }, {}), type: "conversationUpdate", membersAdded: [BOT] };
    for (let restart = 0; restart < 2; restart++) {
      const db = await openDatabase({ dataDir });
      const adapter = createTeamsAdapter({ bot: testBot(), env: { TEAMS_NO_AUTH: "1", DATA_DIR: dataDir }, log, db })!;
      const running = await startHttpServer([adapter], { port: 0, host: "127.0.0.1" });
      await fetch(`${running.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(added) });
      await running.close();
      await db.close();
    }
    expect(repliesTo(conv)).toHaveLength(1);
  });
});

describe("Teams adapter with an app id", () => {
  it("refuses a request without a valid token with 401", async () => {
    const env = { MICROSOFT_APP_ID: "00000000-0000-0000-0000-000000000001", MICROSOFT_APP_PASSWORD: "secret", MICROSOFT_APP_TYPE: "MultiTenant" };
    const adapter = createTeamsAdapter({ bot: testBot(), env, log })!;
    const authed = await startHttpServer([adapter], { port: 0, host: "127.0.0.1" });
    try {
      // Counted for this conversation only: a late reply of an earlier test may still arrive.
      const res = await fetch(`${authed.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(activity({ id: "a:unauthorised", conversationType: "personal" }, { text: "Lappi" })) });
      expect(res.status).toBe(401);
      await new Promise((r) => setTimeout(r, 200));
      expect(repliesTo("a:unauthorised")).toHaveLength(0);
    } finally {
      await authed.close();
    }
  });
});
