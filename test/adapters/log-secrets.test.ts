// Logs are JSON lines through pino, and secrets never reach them: checked on the lines the real
// `jarjestobotti start` writes while its Slack Web API fails and an unauthenticated Teams request
// arrives (at LOG_LEVEL=debug, the most it ever says), on the redaction paths themselves, and on
// the text of the Slack SDKs' own lines.
import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createMemoryLogger, logLevel } from "../../adapters/log.js";
import { slackLogger } from "../../adapters/slack/bolt-logger.js";
import { postSigned, startSlackStandIn } from "../../dev/stand-ins/slack-web-api.js";
import { until } from "../../dev/stand-ins/until.js";
import { KNOWLEDGE_DIR } from "../helpers/bot.js";
import { startServerProcess, type ServerProcess } from "../helpers/server-process.js";

const SLACK_TOKEN = "xoxb-1111-2222-TOPSECRETslacktoken";
const SIGNING_SECRET = "signing-TOPSECRET-0f9e8d";
const TEAMS_PASSWORD = "teams~TOPSECRET~client.secret";
const SECRETS = [SLACK_TOKEN, SIGNING_SECRET, TEAMS_PASSWORD, "TOPSECRET"];

let server: ServerProcess | undefined;
let slack: Awaited<ReturnType<typeof startSlackStandIn>> | undefined;
afterAll(async () => {
  await server?.kill();
  await slack?.close();
});

describe("logs", () => {
  it("a Slack token, the signing secret and a Teams password never reach a log line of the running bot", async () => {
    slack = await startSlackStandIn();
    // Every Web API call fails: users.info, then chat.postMessage and each of its retries.
    const fail = Array.from({ length: 20 }, () => ({ status: 500 }));
    slack.failNext("users.info", ...fail);
    slack.failNext("chat.postMessage", ...fail);
    server = await startServerProcess({
      KNOWLEDGE_DIR,
      DATA_DIR: mkdtempSync(join(tmpdir(), "logs-")),
      LOG_LEVEL: "debug",
      SLACK_BOT_TOKEN: SLACK_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: `${slack.url}/api/`,
      SLACK_BOT_USER_ID: "UBOT",
      MICROSOFT_APP_ID: "00000000-0000-4000-8000-000000000001",
      MICROSOFT_APP_PASSWORD: TEAMS_PASSWORD,
      OUTBOUND_TIMEOUT_MS: "500",
    });
    const body = JSON.stringify({ type: "event_callback", team_id: "T1", api_app_id: "A1", event_id: "EvLog1", event_time: 1, event: { type: "app_mention", user: "U1", channel: "CLOG", ts: "1.1", text: "<@UBOT> Lapin asukasluku" } });
    await postSigned(`${server.url}/slack/events`, body, { secret: SIGNING_SECRET, contentType: "application/json" });
    const teams = await fetch(`${server.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ type: "message", id: "1", channelId: "msteams", serviceUrl: "http://127.0.0.1:9/", conversation: { id: "a:x" }, from: { id: "u" }, recipient: { id: "b" }, text: "hei" }) });
    expect(teams.status).toBe(401);
    // botbuilder prints the refusal with console.error; the running bot logs it as a JSON line.
    expect((await server.logged("console")).text).toMatch(/Unauthorized/);
    // The failed post is logged with its error, after the Web API client's retries.
    const failed = await server.logged("slack mention failed", 30_000);
    expect(failed.level).toBe("error");
    expect(failed.err).toMatchObject({ message: expect.any(String) });
    // Bolt's and the Web API client's own lines are JSON too, through the same logger.
    expect(server.logs.some((l) => l.component === "bolt")).toBe(true);
    const text = server.logs.map((l) => JSON.stringify(l)).join("\n");
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(server.logs.every((l) => typeof l.time === "string" && typeof l.level === "string" && typeof l.event === "string")).toBe(true);
  });

  it("redacts secrets by path: settings, credentials, headers, and the request an SDK error carries", () => {
    const log = createMemoryLogger();
    const err = Object.assign(new Error("An HTTP protocol error occurred: statusCode = 500"), {
      code: "slack_webapi_http_error",
      original: { config: { headers: { Authorization: `Bearer ${SLACK_TOKEN}` } } },
    });
    log.error("call failed", {
      err,
      botToken: SLACK_TOKEN,
      config: { password: TEAMS_PASSWORD, signingSecret: SIGNING_SECRET },
      request: { headers: { authorization: `Bearer ${SLACK_TOKEN}` } },
      env: { MICROSOFT_APP_PASSWORD: TEAMS_PASSWORD },
      settings: { DATABASE_URL: "postgres://bot:pg-s3cret@db:5432/jarjestobotti", KNOWLEDGE_WEBHOOK_SECRET: "hook-s3cret" },
    });
    const [line] = log.lines;
    expect(log.raw.join("")).not.toMatch(/pg-s3cret|hook-s3cret/);
    for (const secret of SECRETS) expect(log.raw.join("")).not.toContain(secret);
    expect(line).toMatchObject({ level: "error", event: "call failed", botToken: "[redacted]", config: { password: "[redacted]", signingSecret: "[redacted]" }, request: { headers: { authorization: "[redacted]" } }, env: "[redacted]" });
    expect(line!.err).toMatchObject({ name: "Error", message: err.message, code: "slack_webapi_http_error" });
  });

  it("cuts secrets out of an SDK's own line of text, which no redaction path reaches", () => {
    const log = createMemoryLogger();
    const sdk = slackLogger(log, "slack-web-api");
    sdk.debug(`http request body: {"client_id":"1.2","client_secret":"${SIGNING_SECRET}","code":"c1"}`);
    sdk.warn("retrying with", { headers: { Authorization: `Bearer ${SLACK_TOKEN}` } }, `token=${SLACK_TOKEN}&channel=C1`);
    sdk.error(new Error(`an invalid token ${SLACK_TOKEN} was given`));
    for (const secret of SECRETS) expect(log.raw.join("")).not.toContain(secret);
    expect(log.lines.map((l) => [l.component, l.level])).toEqual([["slack-web-api", "debug"], ["slack-web-api", "warn"], ["slack-web-api", "error"]]);
    // What is not a secret stays readable.
    expect(log.lines[0]!.event).toContain('"client_id":"1.2"');
    expect(log.lines[1]!.event).toContain("channel=C1");
  });

  it("takes its level from LOG_LEVEL and refuses a level it does not know", () => {
    expect(logLevel({})).toBe("info");
    expect(logLevel({ LOG_LEVEL: "DEBUG" })).toBe("debug");
    expect(() => logLevel({ LOG_LEVEL: "verbose" })).toThrow(/LOG_LEVEL must be one of/);
  });
});
