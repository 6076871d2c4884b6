// Coordinators change the knowledge through the real Slack and Teams adapters, and subscribers on
// both platforms hear about it: the whole runtime as `npm start` assembles it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { createMemoryLogger } from "../../adapters/log.js";
import { startRuntime, type Runtime } from "../../adapters/runtime.js";
import { plain } from "../helpers/bot.js";
import { copyKnowledge, type KnowledgeCopy } from "../helpers/knowledge-copy.js";
import { postSigned, startSlackStandIn } from "../../dev/stand-ins/slack-web-api.js";
import { until } from "../../dev/stand-ins/until.js";
import { cardText, startConnectorStandIn } from "../../dev/stand-ins/teams-connector.js";

const SECRET = "s3cret";
let kb: KnowledgeCopy;
let slack: Awaited<ReturnType<typeof startSlackStandIn>>;
let connector: Awaited<ReturnType<typeof startConnectorStandIn>>;
let runtime: Runtime;
let n = 0;

beforeAll(async () => {
  kb = copyKnowledge();
  slack = await startSlackStandIn();
  connector = await startConnectorStandIn();
  const env = {
    SLACK_BOT_TOKEN: "xoxb-t",
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: `${slack.url}/api/`,
    SLACK_BOT_USER_ID: "UBOT",
    TEAMS_NO_AUTH: "1",
    TEAMS_FILE_HOSTS: "127.0.0.1",
    COORDINATORS: "slack:UCOORD,teams:aad-coord",
    DATA_DIR: mkdtempSync(join(tmpdir(), "data-")),
    PORT: "0",
    HOST: "127.0.0.1",
  };
  runtime = await startRuntime(env, createMemoryLogger(), kb.dir);
});
afterAll(async () => {
  await runtime?.stop();
  await slack?.close();
  await connector?.close();
  kb?.remove();
});

const url = () => runtime.server!.url;
const mention = (user: string, channel: string, text: string) =>
  postSigned(`${url()}/slack/events`, JSON.stringify({ type: "event_callback", team_id: "T1", api_app_id: "A1", event_id: `Ev${++n}`, event_time: 1, event: { type: "app_mention", user, channel, ts: `${n}.0`, text: `<@UBOT> ${text}` } }), { secret: SECRET, contentType: "application/json" });
const click = (user: string, channel: string, value: string) =>
  postSigned(`${url()}/slack/events`, new URLSearchParams({ payload: JSON.stringify({ type: "block_actions", user: { id: user }, team: { id: "T1" }, channel: { id: channel }, container: { type: "message", channel_id: channel, message_ts: "1.0", thread_ts: "1.0" }, message: { ts: "1.0", thread_ts: "1.0" }, trigger_id: "t", response_url: `${slack.url}/response/x`, actions: [{ type: "button", action_id: "ask_0", block_id: "b", value, action_ts: "1" }] }) }).toString(), { secret: SECRET, contentType: "application/x-www-form-urlencoded" });
const teams = (user: string, conversation: string, extra: Record<string, unknown>) =>
  fetch(`${url()}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ type: "message", id: `a${++n}`, channelId: "msteams", serviceUrl: connector.url, from: { id: `29:${user}`, aadObjectId: user }, recipient: { id: "28:bot" }, conversation: { id: conversation, conversationType: "personal" }, locale: "fi-FI", ...extra }) });
const slackPosts = (channel: string) => slack.of("chat.postMessage").filter((c) => c.body.channel === channel);
const slackText = (c: { body: Record<string, unknown> }) => `${String(c.body.text)} ${JSON.stringify(c.body.blocks)}`;
const teamsReplies = (conversation: string) => connector.sent.filter((s) => decodeURIComponent(s.conversationId) === conversation);
const grantsOnDisk = () => JSON.stringify((parse(kb.read("regions/pirkanmaa.yaml")) as { figures: Record<string, unknown> }).figures["ngo-grants"]);
const confirmValue = (text: string) => /vahvista [0-9a-f]+/.exec(text)?.[0];

describe("changing the knowledge from chat, through the platforms", () => {
  it("subscribers in both platforms get one announcement per change made from Slack", async () => {
    await mention("UANY", "CSUB", "tilaa");
    await until(() => slackPosts("CSUB").length === 1);
    await teams("aad-reader", "a:sub", { text: "tilaa Pirkanmaa" });
    await until(() => teamsReplies("a:sub").length === 1);

    await mention("UCOORD", "CCO", "päivitä Pirkanmaa järjestöavustukset 1 800 000 lähde soste-murros-2025 2025");
    const preview = await until(() => slackPosts("CCO")[0]);
    expect(slackText(preview)).toMatch(/→/);
    await click("UCOORD", "CCO", confirmValue(slackText(preview))!);
    await until(() => slackPosts("CCO").length === 2);

    const announcedSlack = await until(() => slackPosts("CSUB")[1]);
    const announcedTeams = await until(() => teamsReplies("a:sub")[1]);
    expect(plain(slackText(announcedSlack))).toContain("1.8 miljoonaa");
    expect(plain(cardText(announcedTeams))).toContain("1.8 miljoonaa");

    await mention("UOTHER", "CQ", "Paljonko Pirkanmaan järjestöavustukset ovat?");
    const answer = await until(() => slackPosts("CQ")[0]);
    expect(plain(slackText(answer))).toContain("1.8 miljoonaa");
    expect(slackText(answer)).toMatch(/murroksessa/);
    await new Promise((r) => setTimeout(r, 500)); // the watcher sees the same write: no second announcement
    expect(slackPosts("CSUB")).toHaveLength(2);
    expect(teamsReplies("a:sub")).toHaveLength(2);
  });

  it("a coordinator changes a figure from Teams with an Adaptive Card submit", async () => {
    await teams("aad-coord", "a:coord", { text: "päivitä Pirkanmaa järjestöavustukset 1 900 000 lähde soste-murros-2025 2025" });
    const preview = await until(() => teamsReplies("a:coord")[0]);
    const actions = preview.activity.attachments![0]!.content.actions as Array<{ data: { question: string } }>;
    const confirm = actions.find((a) => a.data.question.startsWith("vahvista"))!;
    await teams("aad-coord", "a:coord", { value: { question: confirm.data.question } });
    await until(() => teamsReplies("a:coord").length === 2);
    await teams("aad-reader", "a:reader", { text: "Pirkanmaan järjestöavustukset" });
    expect(plain(cardText(await until(() => teamsReplies("a:reader")[0])))).toContain("1.9 miljoonaa");
  });

  it("offers the update form in both platforms, and a filled-in form gives the same preview", async () => {
    const form = new URLSearchParams({ command: "/jarjesto", text: "päivitä", channel_id: "CF", user_id: "UCOORD", team_id: "T1", response_url: `${slack.url}/response/f`, trigger_id: "trig-1" });
    expect((await postSigned(`${url()}/slack/events`, form.toString(), { secret: SECRET, contentType: "application/x-www-form-urlencoded" })).status).toBe(200);
    const opened = await until(() => slack.of("views.open")[0]);
    expect(opened.body.trigger_id).toBe("trig-1");
    const submission = { type: "view_submission", team: { id: "T1" }, user: { id: "UCOORD" }, view: { id: "V1", callback_id: "jarjesto_update", private_metadata: "fi", state: { values: { region: { region: { value: "Lappi" } }, figure: { figure: { value: "asukasluku" } }, value: { value: { value: "176 000" } }, source: { source: { value: "aluekierros-2023" } }, date: { date: { value: "2024" } } } } } };
    await postSigned(`${url()}/slack/events`, new URLSearchParams({ payload: JSON.stringify(submission) }).toString(), { secret: SECRET, contentType: "application/x-www-form-urlencoded" });
    const preview = await until(() => slackPosts("UCOORD")[0]);
    expect(plain(slackText(preview))).toMatch(/176000/);
    expect(confirmValue(slackText(preview))).toBeTruthy();

    await teams("aad-coord", "a:form", { text: "päivitä" });
    const card = await until(() => teamsReplies("a:form")[0]);
    expect(JSON.stringify(card.activity.attachments![0]!.content)).toContain("Input.Text");
    await teams("aad-coord", "a:form", { value: { form: "update", region: "Lappi", figure: "asukasluku", value: "176 000", source: "aluekierros-2023", date: "2024" } });
    expect(plain(cardText(await until(() => teamsReplies("a:form")[1])))).toMatch(/176000/);
  });

  it("refuses a change from someone who is not a coordinator, and nothing on disk changes", async () => {
    const before = grantsOnDisk();
    await mention("UNOBODY", "CNO", "päivitä Pirkanmaa järjestöavustukset 5 lähde aluekierros-2023");
    expect(slackText(await until(() => slackPosts("CNO")[0]))).toMatch(/koordinaattori/);
    expect(grantsOnDisk()).toBe(before);
  });

  it("replaces a whole file uploaded in a Slack DM, after a preview", async () => {
    const text = kb.read("regions/lappi.yaml").replace(/ngos: \{ value: \d+/, "ngos: { value: 367");
    const url2 = slack.shareFile("lappi.yaml", text);
    await postSigned(`${url()}/slack/events`, JSON.stringify({ type: "event_callback", team_id: "T1", api_app_id: "A1", event_id: `Ev${++n}`, event_time: 1, event: { type: "message", subtype: "file_share", channel_type: "im", user: "UCOORD", channel: "DCO", ts: `${n}.0`, text: "", files: [{ name: "lappi.yaml", size: text.length, url_private_download: url2 }] } }), { secret: SECRET, contentType: "application/json" });
    const preview = await until(() => slackPosts("DCO")[0]);
    await click("UCOORD", "DCO", confirmValue(slackText(preview))!);
    await until(() => slackPosts("DCO").length === 2);
    expect(kb.read("regions/lappi.yaml")).toContain("ngos: { value: 367");
  });

  it("replaces a whole file sent in a Teams personal chat, and refuses a broken one with the reason", async () => {
    const broken = kb.read("regions/kainuu.yaml").replace(/ngos: \{ value: \d+/, "ngos: { value: many");
    const file = (name: string, text: string) => ({ attachments: [{ contentType: "application/vnd.microsoft.teams.file.download.info", name, content: { downloadUrl: connector.shareFile(name, text), fileType: "yaml" } }] });
    await teams("aad-coord", "a:upload", file("kainuu.yaml", broken));
    const refused = await until(() => teamsReplies("a:upload")[0]);
    expect(cardText(refused)).toMatch(/figures\.ngos\.value/);
    expect(kb.read("regions/kainuu.yaml")).not.toContain("many");
  });

  it("serves a knowledge file edited on disk", async () => {
    kb.edit("regions/kainuu.yaml", /population: \{ value: \d+/, "population: { value: 70999");
    // The watcher reloads within a second; ask until the answer has the new figure.
    const deadline = Date.now() + 5000;
    for (let i = 0; ; i++) {
      await teams("aad-reader", "a:disk", { text: "Kainuun asukasluku" });
      const reply = await until(() => teamsReplies("a:disk")[i]);
      if (plain(cardText(reply)).includes("70999")) break;
      if (Date.now() > deadline) throw new Error("the edit was not served");
      await new Promise((r) => setTimeout(r, 200));
    }
  });
});
