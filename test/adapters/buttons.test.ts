// What a user clicks: one "Kerro lisää" per answer on every platform, and suggestion labels that
// are the knowledge's short names (never a title cut at 22 characters). Through the real Slack
// and Teams adapters over HTTP and the real terminal command.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { HELP_PHRASES } from "../../src/answers/help-phrases.js";
import { MAX_LABEL } from "../../src/knowledge/schema.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { labelIn } from "../../src/answers/suggestions.js";
import { createSlackAdapter } from "../../adapters/slack/index.js";
import { createTeamsAdapter } from "../../adapters/teams/index.js";
import { createMemoryLogger } from "../../adapters/log.js";
import { startHttpServer, type RunningServer } from "../../adapters/server.js";
import { postSigned, startSlackStandIn } from "../../dev/stand-ins/slack-web-api.js";
import { startConnectorStandIn } from "../../dev/stand-ins/teams-connector.js";
import { until } from "../../dev/stand-ins/until.js";
import { KNOWLEDGE_DIR, testBot } from "../helpers/bot.js";

const SECRET = "buttons-secret";
const BIN = join(import.meta.dirname, "..", "..", "bin", "jarjestobotti.mjs");
const MORE = HELP_PHRASES.fi.more;
/** A steps answer, an entry, a region profile and a passage answer: each has more to show. */
const WITH_MORE = ["Mitkä ovat viisi askelta?", "Mikä on STEA?", "Kerro Pirkanmaasta", "Kuinka paljon valtionavustuksia leikataan?"];
const knowledge = (() => {
  const r = loadKnowledge(KNOWLEDGE_DIR);
  if (!r.ok) throw new Error("knowledge does not load");
  return r.knowledge;
})();

let slack: Awaited<ReturnType<typeof startSlackStandIn>>;
let connector: Awaited<ReturnType<typeof startConnectorStandIn>>;
let server: RunningServer;
let n = 0;

beforeAll(async () => {
  [slack, connector] = await Promise.all([startSlackStandIn(), startConnectorStandIn()]);
  const env = { SLACK_BOT_TOKEN: "xoxb-buttons", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: `${slack.url}/api/`, SLACK_BOT_USER_ID: "UBOT", TEAMS_NO_AUTH: "1" };
  const bot = testBot();
  const log = createMemoryLogger();
  const adapters = [createSlackAdapter({ bot, env, log })!, createTeamsAdapter({ bot, env, log })!];
  server = await startHttpServer(adapters, { port: 0, host: "127.0.0.1" });
  for (const a of adapters) await a.start();
});
afterAll(async () => {
  await server?.close();
  await Promise.all([slack?.close(), connector?.close()]);
});

type Button = { type: string; text?: { text: string }; value?: string };
async function slackButtons(question: string): Promise<Button[]> {
  const channel = `CB${++n}`;
  const body = JSON.stringify({ type: "event_callback", team_id: "T1", api_app_id: "A1", event_id: `EvB${n}`, event_time: 1, event: { type: "app_mention", user: "U1", channel, ts: `${n}.1`, text: `<@UBOT> ${question}` } });
  await postSigned(`${server.url}/slack/events`, body, { secret: SECRET, contentType: "application/json" });
  const post = await until(() => slack.of("chat.postMessage").find((c) => c.body.channel === channel));
  return (post.body.blocks as Array<{ type: string; elements?: Button[] }>).filter((b) => b.type === "actions").flatMap((b) => b.elements ?? []);
}

type Action = { type: string; title: string; data?: { question?: string } };
async function teamsActions(question: string): Promise<Action[]> {
  const conversation = `a:buttons-${++n}`;
  const activity = { type: "message", id: `b${n}`, channelId: "msteams", serviceUrl: connector.url, from: { id: "29:u", aadObjectId: "aad-u" }, recipient: { id: "28:bot" }, conversation: { id: conversation, conversationType: "personal" }, text: question, locale: "fi-FI" };
  await fetch(`${server.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(activity) });
  const sent = await until(() => connector.sent.find((s) => decodeURIComponent(s.conversationId) === conversation));
  return (sent.activity.attachments![0]!.content.actions ?? []) as Action[];
}

describe("one 'Kerro lisää' per answer", () => {
  it.each(WITH_MORE)("Slack: %s has one Kerro lisää button", async (question) => {
    const buttons = await slackButtons(question);
    expect(buttons.filter((b) => b.value === MORE.question || b.text?.text === MORE.label)).toHaveLength(1);
  });

  it.each(WITH_MORE)("Teams: %s has one Kerro lisää action, the card's own show-more", async (question) => {
    const actions = await teamsActions(question);
    expect(actions.filter((a) => a.title === MORE.label)).toEqual([expect.objectContaining({ type: "Action.ShowCard" })]);
    expect(actions.filter((a) => a.data?.question === MORE.question)).toEqual([]);
  });

  it("terminal: the numbered suggestions name Kerro lisää once", () => {
    const r = spawnSync(process.execPath, [BIN, "ask"], { input: WITH_MORE.join("\n") + "\n", encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(r.status).toBe(0);
    const answers = r.stdout.split("\n\n").filter((answer) => answer.includes("[1]"));
    const counts = answers.map((answer) => answer.split(`] ${MORE.label}`).length - 1);
    expect(counts.length).toBeGreaterThan(0);
    expect(counts.every((c) => c <= 1)).toBe(true);
    expect(counts[0]).toBe(1); // the five steps: their meanings are one "Kerro lisää" away
  });
});

describe("labels are the knowledge's short names", () => {
  it("Teams buttons of an entry's related topics show the entries' short names, uncut", async () => {
    // Hyte's related entries have long titles ("Hyte – hyvinvoinnin ja terveyden edistäminen" and the like).
    const hyte = knowledge.entries.find((e) => e.id === "hyte")!;
    const actions = (await teamsActions("Mikä on hyte?")).filter((a) => a.type === "Action.Submit");
    const related = hyte.related.map((id) => knowledge.entries.find((e) => e.id === id)!).filter((e) => actions.some((a) => a.data?.question === (typeof e.title === "string" ? e.title : e.title.fi)));
    expect(related.length).toBeGreaterThan(0);
    for (const e of related) expect(actions.map((a) => a.title)).toContain(labelIn(e.label, "fi"));
  });

  it("Slack buttons in Swedish use the Swedish short names, within the limit", async () => {
    const buttons = await slackButtons("Vilken region har flest social- och hälsoorganisationer?");
    const labels = buttons.map((b) => b.text!.text);
    expect(labels.length).toBeGreaterThan(0);
    expect(labels.every((l) => l.length <= MAX_LABEL)).toBe(true);
    const metricLabels = knowledge.metrics.map((m) => labelIn(m.label, "sv"));
    expect(labels.some((l) => metricLabels.includes(l))).toBe(true);
  });
});
