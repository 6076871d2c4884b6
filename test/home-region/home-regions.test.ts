// Home regions and per-organisation reports through the real endpoints, as `npm start` runs them:
// Slack installed in two workspaces (the OAuth flow against the stand-in) and Teams in two
// tenants, sharing one database. Coordinators set a home region for a workspace, a tenant or a
// channel (the narrowest wins); a question about "us" or "here" that names no region gets that
// region's figure with one line saying so and a button for all regions, in Finnish, Swedish and
// English; each organisation's report holds its own questions only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { createMemoryLogger } from "../../adapters/log.js";
import { startRuntime, type Runtime } from "../../adapters/runtime.js";
import { startSlackStandIn, type Call } from "../../dev/stand-ins/slack-web-api.js";
import { cardText, startConnectorStandIn, type Sent } from "../../dev/stand-ins/teams-connector.js";
import { until } from "../../dev/stand-ins/until.js";
import { figure, KNOWLEDGE_DIR, plain, regionData } from "../helpers/bot.js";
import { installWorkspace, oauthEnv, postWorkspaceAction, postWorkspaceEvent } from "../helpers/slack-oauth.js";

const regions = regionData();
const ngos = (id: string) => String(figure(regions.find((r) => r.id === id)!, "ngos"));
const BOT = { id: "28:bot", name: "Järjestöbotti" };
let slack: Awaited<ReturnType<typeof startSlackStandIn>>;
let connector: Awaited<ReturnType<typeof startConnectorStandIn>>;
let runtime: Runtime;
const dataDir = mkdtempSync(join(tmpdir(), "home-regions-"));
let n = 0;

beforeAll(async () => {
  slack = await startSlackStandIn();
  connector = await startConnectorStandIn();
  const env = { ...oauthEnv(slack, dataDir), TEAMS_NO_AUTH: "1", COORDINATORS: "slack:UCOORD,teams:aad-coord,slack:UPIRK:pirkanmaa" };
  runtime = await startRuntime(env, createMemoryLogger(), KNOWLEDGE_DIR);
  for (const team of ["T1", "T2"]) await installWorkspace(runtime.server!.url, slack, `code-${team}`, { team: { id: team, name: team } });
});
afterAll(async () => {
  await runtime?.stop();
  await slack?.close();
  await connector?.close();
});

const url = () => runtime.server!.url;
const slackText = (c: Call) => `${String(c.body.text)} ${JSON.stringify(c.body.blocks ?? [])}`;
const buttons = (c: Call) =>
  ((c.body.blocks ?? []) as Array<{ elements?: Array<{ type: string; action_id?: string; text?: { text: string }; value?: string }> }>).flatMap((b) => b.elements ?? []).filter((e) => e.type === "button");
/** Mentions the bot in a Slack channel of a workspace and returns the bot's answer in that thread. */
async function askSlack(team: string, user: string, channel: string, text: string): Promise<Call> {
  const ts = `${++n}.1`;
  await postWorkspaceEvent(url(), { team }, { type: "app_mention", user, channel, ts, text: `<@UBOT${team}> ${text}` });
  return until(() => slack.of("chat.postMessage").find((c) => c.body.channel === channel && c.body.thread_ts === ts), 15_000);
}
/** Asks the bot in a Teams conversation of a tenant and returns its answer card. */
async function askTeams(tenant: string, user: string, conversation: { id: string; conversationType: string }, text: string, locale = "fi-FI"): Promise<string> {
  const before = connector.sent.length;
  const mention = conversation.conversationType === "channel" ? { text: `<at>Järjestöbotti</at> ${text}`, entities: [{ type: "mention", text: "<at>Järjestöbotti</at>", mentioned: BOT }] } : { text };
  await fetch(`${url()}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ type: "message", id: `a${++n}`, channelId: "msteams", serviceUrl: connector.url, from: { id: `29:${user}`, aadObjectId: user }, recipient: BOT, conversation: { ...conversation, tenantId: tenant }, locale, ...mention }),
  });
  const sent = await until(() => connector.sent.slice(before).find((s: Sent) => decodeURIComponent(s.conversationId) === conversation.id), 15_000);
  return cardText(sent);
}
/** Clicks one of the loop's controls under a Slack answer (👎, "Kysy koordinaattorilta", the reason field). */
const clickLoop = (team: string, user: string, answer: Call, action: Record<string, unknown>) =>
  postWorkspaceAction(url(), team, {
    user: { id: user },
    channel: { id: answer.body.channel },
    container: { type: "message", channel_id: answer.body.channel, message_ts: answer.ts },
    response_url: `${slack.url}/response/loop-${++n}`,
    actions: [{ block_id: "loop", action_ts: "1", ...action }],
  });
const cli = (args: string[]) =>
  promisify(execFile)(process.execPath, [join(import.meta.dirname, "..", "..", "bin", "jarjestobotti.mjs"), ...args], { env: { ...process.env, DATA_DIR: dataDir, KNOWLEDGE_DIR } }).then(({ stdout }) => stdout);

describe("home regions in Slack workspaces", () => {
  it("answers 'meillä' with the workspace's home region, the line saying so and a button for all regions; another workspace is not affected", async () => {
    expect(slackText(await askSlack("T1", "UCOORD", "C-T1-admin", "kotialue työtila Pirkanmaa"))).toContain("Kotialue on nyt Pirkanmaa (tämä työtila).");
    const answer = await askSlack("T1", "U1", "C-T1-general", "montako sote-järjestöä meillä on?");
    expect(plain(slackText(answer))).toContain(ngos("pirkanmaa"));
    expect(slackText(answer)).toContain("Kotialueena Pirkanmaa.");
    expect(buttons(answer)[0]).toMatchObject({ text: { text: "Kaikki alueet" }, value: "montako sote-järjestöä meillä on? – kaikki alueet" });

    const elsewhere = await askSlack("T2", "U9", "C-T2-general", "montako sote-järjestöä meillä on?");
    expect(slackText(elsewhere)).not.toContain("Kotialueena");
    expect(slackText(elsewhere)).toContain("Minkä alueen tietoja tarkoitat?");
  });

  it("asks about all regions when the button is clicked, in the same thread, without the home line", async () => {
    const answer = await askSlack("T1", "U1", "C-T1-button", "meidän alueen järjestöavustukset");
    const all = buttons(answer)[0]!;
    await postWorkspaceAction(url(), "T1", {
      user: { id: "U1" },
      channel: { id: "C-T1-button" },
      container: { type: "message", channel_id: "C-T1-button", message_ts: answer.ts, thread_ts: answer.body.thread_ts },
      response_url: `${slack.url}/response/all-${++n}`,
      actions: [{ type: "button", action_id: all.action_id, block_id: "b", value: all.value, action_ts: "1" }],
    });
    const ranking = await until(() => slack.of("chat.postMessage").filter((c) => c.body.channel === "C-T1-button")[1]);
    expect(ranking.body.thread_ts).toBe(answer.body.thread_ts);
    expect(slackText(ranking)).not.toContain("Kotialueena");
    for (const name of ["Helsinki", "Pirkanmaa", "Lappi", "Kainuu"]) expect(slackText(ranking)).toContain(name);
  });

  it("lets a channel's setting win over the workspace's, in English too, and falls back when it is cleared", async () => {
    expect(slackText(await askSlack("T1", "UCOORD", "C-T1-lappi", "home region channel Lappi"))).toContain("The home region is now Lapland (this channel).");
    const here = await askSlack("T1", "U1", "C-T1-lappi", "how many NGOs do we have here?");
    expect(plain(slackText(here))).toContain(ngos("lappi"));
    expect(slackText(here)).toContain("Home region: Lapland.");
    expect(buttons(here)[0]).toMatchObject({ text: { text: "All regions" } });

    const shown = slackText(await askSlack("T1", "U1", "C-T1-lappi", "kotialue"));
    expect(shown).toContain("koskevat aluetta Lappi (asetus: tämä kanava)");
    expect(shown).toContain("tämä työtila: Pirkanmaa");

    expect(slackText(await askSlack("T1", "UCOORD", "C-T1-lappi", "kotialue pois"))).toContain("Kotialue poistettu (tämä kanava).");
    const after = await askSlack("T1", "U1", "C-T1-lappi", "montako sote-järjestöä meillä on?");
    expect(plain(slackText(after))).toContain(ngos("pirkanmaa"));
  });

  it("never changes a question that names a region", async () => {
    const named = await askSlack("T1", "U1", "C-T1-named", "Montako sote-järjestöä Kainuussa on?");
    expect(plain(slackText(named))).toContain(ngos("kainuu"));
    expect(slackText(named)).not.toMatch(/Kotialueena|Pirkanmaa/);
  });

  it("lets only coordinators set it, a region's coordinator only to their region", async () => {
    expect(slackText(await askSlack("T1", "U1", "C-T1-rights", "kotialue Lappi"))).toContain("Vain koordinaattorit voivat asettaa kotialueen");
    expect(slackText(await askSlack("T1", "UPIRK", "C-T1-rights", "kotialue Lappi"))).toContain("Vain koordinaattorit voivat asettaa kotialueen");
    expect(slackText(await askSlack("T1", "UPIRK", "C-T1-rights", "kotialue Pirkanmaa"))).toContain("Kotialue on nyt Pirkanmaa (tämä kanava).");
    expect(slackText(await askSlack("T1", "UCOORD", "C-T1-rights", "kotialue Atlantis"))).toContain("En tunnistanut yhtä aluetta");
  });
});

const chat = (id: string) => ({ id, conversationType: "personal" });

describe("home regions in Teams tenants", () => {
  it("answers county staff in a tenant whose home region is set, in Swedish, with the line and the button", async () => {
    expect(await askTeams("tenant-pirkanmaa", "aad-coord", chat("a:coord"), "hemområde organisation Birkaland", "sv-FI")).toContain("Hemområdet är nu Birkaland (den här organisationen).");
    const card = await askTeams("tenant-pirkanmaa", "aad-staff", chat("a:staff-sv"), "hur många organisationer har vi här?", "sv-FI");
    expect(plain(card)).toContain(ngos("pirkanmaa"));
    expect(card).toContain("Hemområde: Birkaland.");
    expect(card).toContain("hur många organisationer har vi här? – alla områden");
    for (const [q, line] of [["montako sote-järjestöä meillä on?", "Kotialueena Pirkanmaa."], ["how many NGOs do we have here?", "Home region: Pirkanmaa."]]) {
      const answer = await askTeams("tenant-pirkanmaa", "aad-staff", chat(`a:staff-${++n}`), q!);
      expect(plain(answer)).toContain(ngos("pirkanmaa"));
      expect(answer).toContain(line);
    }
    const otherTenant = await askTeams("tenant-other", "aad-staff2", chat("a:other"), "montako sote-järjestöä meillä on?");
    expect(otherTenant).not.toContain("Kotialueena");
  });

  it("lets a team channel's setting win over the tenant's, in every thread of that channel", async () => {
    const channel = "19:lappi-team@thread.tacv2";
    const first = { id: `${channel};messageid=1`, conversationType: "channel" };
    expect(await askTeams("tenant-pirkanmaa", "aad-coord", first, "kotialue kanava Lappi")).toContain("Kotialue on nyt Lappi (tämä kanava).");
    const later = await askTeams("tenant-pirkanmaa", "aad-staff", { id: `${channel};messageid=2`, conversationType: "channel" }, "montako sote-järjestöä meillä on?");
    expect(plain(later)).toContain(ngos("lappi"));
    expect(later).toContain("Kotialueena Lappi.");
  });
});

describe("questions to coordinators", () => {
  it("sends an unanswerable question that names no region to the coordinators of the asker's home region", async () => {
    await askSlack("T1", "UCOORD", "C-T1-pirkanmaa-coordinators", "kysymyskanava Pirkanmaa");
    await askSlack("T1", "UCOORD", "C-T1-general-coordinators", "kysymyskanava");
    const answer = await askSlack("T1", "U1", "C-T1-dogs", "Montako koiraa meillä on?");
    await clickLoop("T1", "U1", answer, { type: "button", action_id: "loop_escalate", value: buttons(answer).find((b) => b.action_id === "loop_escalate")!.value });
    const posted = await until(() => slack.of("chat.postMessage").find((c) => c.body.channel === "C-T1-pirkanmaa-coordinators" && slackText(c).includes("koiraa meillä")));
    expect(posted.token).toBe(slack.issued().find((i) => i.team === "T1")!.token);
    expect(slackText(posted)).toContain("Alue: Pirkanmaa");
  });
});

describe("each organisation sees its own report", () => {
  // Reports list unanswered questions by their text: one of each organisation's, told apart.
  beforeAll(async () => {
    await askSlack("T1", "U1", "C-T1-cats", "Montako kissaa Tampereella on? T1-oma");
    const secret = await askSlack("T2", "U9", "C-T2-secret", "Montako koiraa Kuopiossa on? T2-salaisuus");
    // Its feedback and its open question to coordinators belong to T2 as well.
    const questionId = buttons(secret).find((b) => b.action_id === "loop_down")!.value;
    await clickLoop("T2", "U9", secret, { type: "button", action_id: "loop_down", value: questionId });
    await clickLoop("T2", "U9", secret, { type: "plain_text_input", action_id: "loop_reason", block_id: `loop_reason:${questionId}`, value: "T2-palaute" });
    await clickLoop("T2", "U9", secret, { type: "button", action_id: "loop_escalate", value: questionId });
    await until(() => slack.of("chat.postMessage").find((c) => slackText(c).includes("Kysymys koordinaattoreille") && slackText(c).includes("T2-salaisuus")));
    await until(() => slack.calls.filter((c) => c.method.startsWith("response_url:loop")).length >= 4);
    await askTeams("tenant-pirkanmaa", "aad-staff", chat("a:horses"), "Montako hevosta meillä on? tenant-oma");
  });

  it("shows a workspace's coordinator the questions of that workspace only", async () => {
    const inT1 = slackText(await askSlack("T1", "UPIRK", "C-T1-report", "raportti"));
    expect(inT1).toContain("Vain tässä työtilassa tai organisaatiossa (slack:T1) kysytyt.");
    expect(inT1).toContain("T1-oma");
    expect(inT1).toContain("koiraa meillä");
    expect(inT1).not.toMatch(/T2-salaisuus|T2-palaute|tenant-oma/);
    const inT2 = slackText(await askSlack("T2", "UPIRK", "C-T2-report", "raportti"));
    expect(inT2).toContain("T2-palaute ← ”Montako koiraa Kuopiossa on? T2-salaisuus”");
    expect(inT2).toMatch(/Avoimet koordinaattorikysymykset[^"]*T2-salaisuus/);
    expect(inT2).not.toMatch(/T1-oma|koiraa meillä|tenant-oma/);
  });

  it("shows a coordinator for all regions every organisation's questions", async () => {
    const all = slackText(await askSlack("T2", "UCOORD", "C-T2-report-all", "raportti"));
    for (const own of ["T1-oma", "T2-salaisuus", "tenant-oma"]) expect(all).toContain(own);
    expect(all).not.toContain("Vain tässä työtilassa");
  });

  it("filters the command-line report by workspace or tenant", async () => {
    const t2 = await cli(["report", "--workspace", "T2"]);
    expect(t2).toContain("T2-salaisuus");
    expect(t2).not.toMatch(/T1-oma|tenant-oma/);
    const tenant = await cli(["report", "--tenant", "tenant-pirkanmaa"]);
    expect(tenant).toContain("tenant-oma");
    expect(tenant).not.toMatch(/T1-oma|T2-salaisuus/);
    const all = await cli(["report"]);
    for (const own of ["T1-oma", "T2-salaisuus", "tenant-oma"]) expect(all).toContain(own);
  });
});
