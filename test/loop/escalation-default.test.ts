// COORDINATOR_CHANNEL is the default question channel: with it set and no "kysymyskanava" said,
// an unanswered Slack question still offers "Kysy koordinaattorilta", goes to that channel, and the
// coordinators' reply comes back. Without anywhere to go, the start says so in one log line.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createMemoryLogger } from "../../adapters/log.js";
import { startRuntime, type Runtime } from "../../adapters/runtime.js";
import { KNOWLEDGE_DIR } from "../helpers/bot.js";
import { postSigned, startSlackStandIn, type Call } from "../../dev/stand-ins/slack-web-api.js";
import { until } from "../../dev/stand-ins/until.js";
import { oauthEnv } from "../helpers/slack-oauth.js";

const SECRET = "esc-secret";
const NOWHERE = "escalation has nowhere to go: unanswered questions offer no Kysy koordinaattorilta";
let slack: Awaited<ReturnType<typeof startSlackStandIn>>;
const runtimes: Runtime[] = [];
let n = 0;

const env = (extra: Record<string, string> = {}) => ({
  SLACK_BOT_TOKEN: "xoxb-t", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: `${slack.url}/api/`, SLACK_BOT_USER_ID: "UBOT",
  DATA_DIR: mkdtempSync(join(tmpdir(), "esc-")), PORT: "0", HOST: "127.0.0.1", ...extra,
});
async function start(extra: Record<string, string> = {}) {
  const log = createMemoryLogger();
  const runtime = await startRuntime(env(extra), log, KNOWLEDGE_DIR);
  runtimes.push(runtime);
  return { runtime, log };
}
beforeAll(async () => {
  slack = await startSlackStandIn();
});
afterAll(async () => {
  for (const r of runtimes) await r.stop();
  await slack?.close();
});

const event = (url: string, e: Record<string, unknown>) =>
  postSigned(`${url}/slack/events`, JSON.stringify({ type: "event_callback", team_id: "T1", api_app_id: "A1", event_id: `EvE${++n}`, event_time: 1, event: e }), { secret: SECRET, contentType: "application/json" });
const posts = (channel: string) => slack.of("chat.postMessage").filter((c) => c.body.channel === channel);
const text = (c: Call) => `${String(c.body.text)} ${JSON.stringify(c.body.blocks ?? [])}`;
const escalateButton = (c: Call) => ((c.body.blocks ?? []) as Array<{ elements?: Array<{ action_id: string; value: string }> }>).flatMap((b) => b.elements ?? []).find((e) => e.action_id === "loop_escalate");

describe("COORDINATOR_CHANNEL as the default question channel", () => {
  it("offers Kysy koordinaattorilta, posts the question there, and relays the coordinators' reply", async () => {
    const { runtime, log } = await start({ COORDINATOR_CHANNEL: "slack:CCOORD" });
    const url = runtime.server!.url;
    expect(log.lines.some((l) => l.event === NOWHERE)).toBe(false);

    await event(url, { type: "app_mention", user: "U1", channel: "CASK", ts: "10.0", text: "<@UBOT> Montako koiraa Kainuussa on?" });
    const answer = await until(() => posts("CASK")[0]);
    const button = escalateButton(answer);
    expect(button).toBeTruthy();

    const id = `r${++n}`;
    const payload = { type: "block_actions", user: { id: "U1" }, team: { id: "T1" }, channel: { id: "CASK" }, container: { type: "message", channel_id: "CASK", message_ts: "1.0" }, trigger_id: "t", response_url: `${slack.url}/response/${id}`, actions: [{ block_id: "loop", action_ts: "1", action_id: "loop_escalate", value: button!.value }] };
    await postSigned(`${url}/slack/events`, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), { secret: SECRET, contentType: "application/x-www-form-urlencoded" });
    expect(JSON.stringify((await until(() => slack.of(`response_url:${id}`)[0])).body)).toMatch(/välitetty koordinaattoreille/);

    const posted = await until(() => posts("CCOORD")[0]);
    expect(text(posted)).toContain("Montako koiraa Kainuussa on?");
    expect(posted.body.thread_ts).toBeUndefined();
    await event(url, { type: "message", channel_type: "channel", user: "UCOORD", channel: "CCOORD", ts: "30.5", thread_ts: posted.ts, text: "Koiria ei tilastoida alueittain." });
    const relayed = await until(() => posts("CASK")[1]);
    expect(relayed.body.thread_ts).toBe("10.0");
    expect(text(relayed)).toContain("Koiria ei tilastoida alueittain.");
  });

  it("says at start, in one log line, when escalation has nowhere to go", async () => {
    const { log } = await start();
    const lines = log.lines.filter((l) => l.event === NOWHERE);
    expect(lines).toEqual([expect.objectContaining({ level: "warn", why: expect.stringMatching(/COORDINATOR_CHANNEL is not set/) })]);
    // A Teams channel cannot be posted to by its id alone: it must say "kysymyskanava" itself.
    const teams = await start({ COORDINATOR_CHANNEL: "teams:19:abc@thread.tacv2", TEAMS_NO_AUTH: "1" });
    expect(teams.log.lines.filter((l) => l.event === NOWHERE)).toEqual([expect.objectContaining({ why: expect.stringMatching(/COORDINATOR_CHANNEL=teams:19:abc@thread.tacv2 is not a channel/) })]);
    const bad = await start({ COORDINATOR_CHANNEL: "C0123ABCD" }).catch((err: Error) => err);
    expect(String(bad)).toMatch(/COORDINATOR_CHANNEL must be platform:channel-id/);
  });

  it("with the app installed in many workspaces, takes a channel that names its workspace, and says so of one that does not", async () => {
    const oauth = (channel: string) =>
      start({ ...oauthEnv(slack, mkdtempSync(join(tmpdir(), "esc-oauth-"))), SLACK_BOT_TOKEN: "", SLACK_BOT_USER_ID: "", COORDINATOR_CHANNEL: channel });
    const named = await oauth("slack:CCOORD:T1");
    expect(named.log.lines.some((l) => l.event === NOWHERE)).toBe(false);
    const unnamed = await oauth("slack:CCOORD");
    expect(unnamed.log.lines.filter((l) => l.event === NOWHERE)).toEqual([expect.objectContaining({ why: expect.stringMatching(/names the workspace too/), fix: expect.stringMatching(/slack:<channel id>:<workspace id>/) })]);
  });
});
