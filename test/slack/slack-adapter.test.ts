import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KnownBlock } from "@slack/types";
import { HELP_PHRASES } from "../../src/answers/help-phrases.js";
import { LIMITS, messageProblems } from "../../dev/checks/block-kit.js";
import { createSlackAdapter } from "../../adapters/slack/index.js";
import { createMemoryLogger } from "../../adapters/log.js";
import { startHttpServer, type RunningServer } from "../../adapters/server.js";
import { figure, plain, regionData, testBot } from "../helpers/bot.js";
import { postSigned, startSlackStandIn } from "../../dev/stand-ins/slack-web-api.js";
import { until } from "../../dev/stand-ins/until.js";

const SECRET = "test-signing-secret";
const regions = regionData();
const region = (id: string) => regions.find((r) => r.id === id)!;
let slack: Awaited<ReturnType<typeof startSlackStandIn>>;
let server: RunningServer;
const log = createMemoryLogger();
let n = 0;

beforeAll(async () => {
  slack = await startSlackStandIn();
  const env = { SLACK_BOT_TOKEN: "xoxb-test", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: `${slack.url}/api/`, SLACK_BOT_USER_ID: "UBOT" };
  const adapter = createSlackAdapter({ bot: testBot(), env, log })!;
  server = await startHttpServer([adapter], { port: 0, host: "127.0.0.1" });
  await adapter.start();
});
afterAll(async () => {
  await server?.close();
  await slack?.close();
});

const event = (e: Record<string, unknown>, id = `Ev${++n}`) =>
  JSON.stringify({ type: "event_callback", team_id: "T1", api_app_id: "A1", event_id: id, event_time: 1, event: e });
const postEvent = (body: string, options: { ts?: number; retryNum?: number; secret?: string } = {}) =>
  postSigned(`${server.url}/slack/events`, body, { secret: options.secret ?? SECRET, contentType: "application/json", ...options });
const posts = () => slack.of("chat.postMessage");
const textOf = (c: { body: Record<string, unknown> }) => `${String(c.body.text)} ${JSON.stringify(c.body.blocks ?? [])}`;

describe("Slack adapter over signed HTTP", () => {
  it("answers an @mention in the thread with the right figure", async () => {
    const before = posts().length;
    const res = await postEvent(event({ type: "app_mention", user: "U1", channel: "C1", ts: "100.1", text: "<@UBOT> Montako sote-järjestöä Pirkanmaalla on?" }));
    expect(res.status).toBe(200);
    const reply = await until(() => posts()[before]);
    expect(reply.body.channel).toBe("C1");
    expect(reply.body.thread_ts).toBe("100.1");
    expect(plain(textOf(reply))).toContain(String(figure(region("pirkanmaa"), "ngos")));
    expect(reply.body.blocks).toBeInstanceOf(Array);
  });

  it("continues the conversation from a plain message in that thread", async () => {
    await postEvent(event({ type: "app_mention", user: "U1", channel: "C2", ts: "200.1", text: "<@UBOT> Paljonko Satakunnan järjestöavustukset ovat?" }));
    const first = await until(() => posts().find((p) => p.body.channel === "C2"));
    expect(plain(textOf(first))).toContain(String(figure(region("satakunta"), "ngo-grants")));
    await postEvent(event({ type: "message", channel_type: "channel", user: "U1", channel: "C2", ts: "200.5", thread_ts: "200.1", text: "entä Pohjois-Karjalan?" }));
    const follow = await until(() => posts().filter((p) => p.body.channel === "C2")[1]);
    expect(follow.body.thread_ts).toBe("200.1");
    expect(plain(textOf(follow))).toContain(String(figure(region("pohjois-karjala"), "ngo-grants")));
  });

  it("answers a direct message", async () => {
    await postEvent(event({ type: "message", channel_type: "im", user: "U2", channel: "D1", ts: "300.1", text: "Hur många invånare har Lappland?" }));
    const reply = await until(() => posts().find((p) => p.body.channel === "D1"));
    expect(plain(textOf(reply))).toContain(String(figure(region("lappi"), "population")));
  });

  it("answers in the user's Slack locale when the question does not tell its language", async () => {
    slack.setLocale("USV", "sv-SE");
    await postEvent(event({ type: "message", channel_type: "im", user: "USV", channel: "DSV", ts: "350.1", text: region("lappi").names.fi }));
    const reply = await until(() => posts().find((p) => p.body.channel === "DSV"));
    expect(textOf(reply)).toContain(region("lappi").names.sv);
  });

  it("answers an event once even when Slack delivers it again with a retry header", async () => {
    const body = event({ type: "app_mention", user: "U1", channel: "C3", ts: "400.1", text: "<@UBOT> Kainuun asukasluku" }, "EvRetry");
    await postEvent(body);
    await until(() => posts().find((p) => p.body.channel === "C3"));
    expect((await postEvent(body, { retryNum: 1 })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(posts().filter((p) => p.body.channel === "C3")).toHaveLength(1);
  });

  it("refuses a bad signature and a stale timestamp with 401, posting nothing", async () => {
    const before = slack.calls.length;
    const bad = await postEvent(event({ type: "app_mention", user: "U1", channel: "C4", ts: "1.1", text: "<@UBOT> Lappi" }), { secret: "wrong" });
    const stale = await postEvent(event({ type: "app_mention", user: "U1", channel: "C4", ts: "1.2", text: "<@UBOT> Lappi" }), { ts: Math.floor(Date.now() / 1000) - 600 });
    expect([bad.status, stale.status]).toEqual([401, 401]);
    await new Promise((r) => setTimeout(r, 200));
    expect(slack.calls.slice(before).filter((c) => c.method === "chat.postMessage")).toHaveLength(0);
  });

  it("does not let a question ping @channel through the answer", async () => {
    await postEvent(event({ type: "app_mention", user: "U1", channel: "C5", ts: "500.1", text: "<@UBOT> <!channel> kerro Kainuusta <!here>" }));
    const reply = await until(() => posts().find((p) => p.body.channel === "C5"));
    expect(textOf(reply)).not.toMatch(/<!(channel|here)/);
  });

  it("answers /jarjesto ephemerally with a share button, and shares on click", async () => {
    const form = new URLSearchParams({ command: "/jarjesto", text: "Kainuun järjestöavustukset", channel_id: "C6", user_id: "U3", team_id: "T1", response_url: `${slack.url}/response/cmd1`, trigger_id: "t1" });
    const res = await postSigned(`${server.url}/slack/events`, form.toString(), { secret: SECRET, contentType: "application/x-www-form-urlencoded" });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { response_type: string; text: string; blocks: Array<{ type: string; elements?: Array<{ action_id: string; value: string }> }> };
    expect(body.response_type).toBe("ephemeral");
    expect(plain(body.text)).toContain(String(figure(region("kainuu"), "ngo-grants")));
    const share = body.blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === "share_answer")!;
    expect(share).toBeTruthy();
    const payload = { type: "block_actions", user: { id: "U3" }, team: { id: "T1" }, channel: { id: "C6" }, container: { type: "message", channel_id: "C6", is_ephemeral: true }, response_url: `${slack.url}/response/share1`, trigger_id: "t2", actions: [{ type: "button", action_id: "share_answer", block_id: "b", value: share.value, action_ts: "1" }] };
    const click = await postSigned(`${server.url}/slack/events`, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), { secret: SECRET, contentType: "application/x-www-form-urlencoded" });
    expect(click.status).toBe(200);
    const shared = await until(() => posts().find((p) => p.body.channel === "C6"));
    expect(plain(textOf(shared))).toContain(String(figure(region("kainuu"), "ngo-grants")));
  });

  it("/jarjesto alone gives help", async () => {
    const form = new URLSearchParams({ command: "/jarjesto", text: "", channel_id: "C7", user_id: "U3", team_id: "T1", response_url: `${slack.url}/response/cmd2`, trigger_id: "t3" });
    const res = await postSigned(`${server.url}/slack/events`, form.toString(), { secret: SECRET, contentType: "application/x-www-form-urlencoded" });
    expect(((await res.json()) as { text: string }).text).toMatch(/askel/);
  });

  it("/jarjesto alone gives help in the user's Slack language, in one message that keeps Block Kit's limits", async () => {
    slack.setLocale("USV2", "sv-SE");
    const form = new URLSearchParams({ command: "/jarjesto", text: "", channel_id: "C7", user_id: "USV2", team_id: "T1", response_url: `${slack.url}/response/cmd3`, trigger_id: "t5" });
    const res = await postSigned(`${server.url}/slack/events`, form.toString(), { secret: SECRET, contentType: "application/x-www-form-urlencoded" });
    const body = (await res.json()) as { text: string; blocks: KnownBlock[] };
    expect(body.text).toContain(HELP_PHRASES.sv.helpTitle);
    expect(messageProblems(body)).toEqual([]);
  });

  it("asks a suggestion's question in the same thread when its button is clicked", async () => {
    const payload = { type: "block_actions", user: { id: "U1" }, team: { id: "T1" }, channel: { id: "C8" }, container: { type: "message", channel_id: "C8", message_ts: "800.2", thread_ts: "800.1" }, message: { ts: "800.2", thread_ts: "800.1" }, trigger_id: "t4", response_url: `${slack.url}/response/s1`, actions: [{ type: "button", action_id: "ask_0", block_id: "b", value: "Lappi: kerro alueesta", action_ts: "1" }] };
    await postSigned(`${server.url}/slack/events`, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), { secret: SECRET, contentType: "application/x-www-form-urlencoded" });
    const reply = await until(() => posts().find((p) => p.body.channel === "C8"));
    expect(reply.body.thread_ts).toBe("800.1");
    expect(plain(textOf(reply))).toContain(String(figure(region("lappi"), "population")));
  });

  it("publishes the App Home view when the tab is opened", async () => {
    await postEvent(event({ type: "app_home_opened", user: "U9", channel: "D9", tab: "home" }));
    const publish = await until(() => slack.of("views.publish").find((c) => c.body.user_id === "U9"));
    expect(JSON.stringify(publish.body.view)).toMatch(/askel/i);
  });

  it("shows the App Home in English to a user whose Slack locale is English", async () => {
    slack.setLocale("UEN", "en-US");
    await postEvent(event({ type: "app_home_opened", user: "UEN", channel: "DEN", tab: "home" }));
    const publish = await until(() => slack.of("views.publish").find((c) => c.body.user_id === "UEN"));
    const view = publish.body.view as { blocks: KnownBlock[] };
    const text = JSON.stringify(view);
    expect(text).toContain(HELP_PHRASES.en.welcomeTitle);
    expect(text).toContain(HELP_PHRASES.en.helpTitle);
    expect(text).not.toContain(HELP_PHRASES.fi.helpTitle);
    expect(messageProblems({ text: "home", blocks: view.blocks }, LIMITS.viewBlocks)).toEqual([]);
  });

  it("retries a rate-limited post and answers exactly once", async () => {
    slack.failNext("chat.postMessage", { status: 429, retryAfter: 1 });
    await postEvent(event({ type: "app_mention", user: "U1", channel: "C10", ts: "1000.1", text: "<@UBOT> Lapin asukasluku" }));
    const reply = await until(() => posts().find((p) => p.body.channel === "C10"), 10_000);
    expect(plain(textOf(reply))).toContain(String(figure(region("lappi"), "population")));
    await new Promise((r) => setTimeout(r, 300));
    expect(posts().filter((p) => p.body.channel === "C10")).toHaveLength(1);
  });

  it("logs a Web API failure with context and keeps serving", async () => {
    slack.failNext("chat.postMessage", { status: 500 }, { status: 500 }, { status: 500 }, { status: 500 });
    await postEvent(event({ type: "app_mention", user: "U1", channel: "C11", ts: "1100.1", text: "<@UBOT> Lapin asukasluku" }));
    await until(() => log.lines.find((l) => l.event === "slack mention failed" && l.channel === "C11"), 15_000);
    await postEvent(event({ type: "app_mention", user: "U1", channel: "C12", ts: "1200.1", text: "<@UBOT> Kainuun asukasluku" }));
    await until(() => posts().find((p) => p.body.channel === "C12"));
  });
});
