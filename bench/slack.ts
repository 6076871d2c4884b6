// Signed Slack events through the real HTTP path: how fast they are acknowledged (Slack wants
// an answer within 3 s) and how many the adapter takes per second, with the Web API stand-in
// recording the answers.
import { createSlackAdapter } from "../adapters/slack/index.js";
import { createLogger } from "../adapters/log.js";
import { startHttpServer } from "../adapters/server.js";
import { postSigned, startSlackStandIn } from "../dev/stand-ins/slack-web-api.js";
import { until } from "../dev/stand-ins/until.js";
import { testBot } from "../test/helpers/bot.js";
import { measure } from "./http-stats.js";

export async function benchSlack(print: (line: string) => void): Promise<void> {
  const slack = await startSlackStandIn();
  const secret = "bench-secret";
  const env = { SLACK_BOT_TOKEN: "xoxb-bench", SLACK_SIGNING_SECRET: secret, SLACK_API_URL: `${slack.url}/api/`, SLACK_BOT_USER_ID: "UBOT" };
  const adapter = createSlackAdapter({ bot: testBot(), env, log: createLogger(() => {}) })!;
  const server = await startHttpServer([adapter], { port: 0, host: "127.0.0.1" });
  const total = 400;
  const send = async (i: number) => {
    const body = JSON.stringify({ type: "event_callback", team_id: "T1", api_app_id: "A1", event_id: `EvB${i}`, event_time: 1, event: { type: "app_mention", user: "U1", channel: `C${i % 20}`, ts: `${i}.1`, text: "<@UBOT> Montako sote-järjestöä Lapissa on?" } });
    const res = await postSigned(`${server.url}/slack/events`, body, { secret, contentType: "application/json" });
    await res.arrayBuffer();
  };
  try {
    for (let i = 0; i < 20; i++) await send(total + i); // warm-up
    await measure(print, "event acknowledgement", total, 8, send);
    const started = performance.now();
    await until(() => slack.of("chat.postMessage").length >= total + 20, 60_000);
    print(`all ${total + 20} answers posted to the stand-in ${((performance.now() - started) / 1000).toFixed(2)} s after the last ack`);
  } finally {
    await server.close();
    await slack.close();
  }
}
