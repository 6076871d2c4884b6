// Signed Slack events through the whole runtime's HTTP path (knowledge, curation, question log,
// the Slack adapter), against a bare Bolt app posting the same reply, on the same Web API
// stand-in: throughput until every answer is posted, and the ratio between the two. Then the two
// cases that once stalled everyone: a 40 000-character one-word question, and a Web API that
// stops answering.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { silentLogger } from "../adapters/log.js";
import { startRuntime } from "../adapters/runtime.js";
import { renderReply } from "../adapters/slack/render.js";
import { postSigned, startSlackStandIn } from "../dev/stand-ins/slack-web-api.js";
import { until } from "../dev/stand-ins/until.js";
import { testBot } from "../test/helpers/bot.js";
import { startBareBolt, withFeedback } from "./bare-apps.js";
import { compareRates, measure, round } from "./http-stats.js";

const QUESTION = "Montako sote-järjestöä Lapissa on?";
const TOTAL = 200;

export async function benchSlack(print: (line: string) => void, knowledgeDir: string): Promise<void> {
  const slack = await startSlackStandIn();
  const secret = "bench-secret";
  const env = { SLACK_BOT_TOKEN: "xoxb-bench", SLACK_SIGNING_SECRET: secret, SLACK_API_URL: `${slack.url}/api/`, SLACK_BOT_USER_ID: "UBOT", DATA_DIR: mkdtempSync(join(tmpdir(), "bench-")), OUTBOUND_TIMEOUT_MS: "1000", PORT: "0", HOST: "127.0.0.1" };
  const runtime = await startRuntime(env, silentLogger(), knowledgeDir);
  const [message] = renderReply(withFeedback(testBot(knowledgeDir).answer({ text: QUESTION, conversationId: "bench", platform: "slack" })));
  const bare = await startBareBolt({ secret, apiUrl: `${slack.url}/api/`, message: message! });
  let n = 0;
  const mention = (url: string, channel: string, text: string) => {
    const i = ++n;
    const body = JSON.stringify({ type: "event_callback", team_id: "T1", api_app_id: "A1", event_id: `EvB${i}`, event_time: 1, event: { type: "app_mention", user: "U1", channel, ts: `${i}.1`, text: `<@UBOT> ${text}` } });
    return postSigned(`${url}/slack/events`, body, { secret, contentType: "application/json" }).then((r) => void r.arrayBuffer());
  };
  const posted = (prefix: string) => slack.of("chat.postMessage").filter((c) => String(c.body.channel).startsWith(prefix)).length;
  let rounds = 0;
  /** Events per second until every answer is posted, not only acknowledged. */
  const throughput = async (name: string, url: string, tag: string) => {
    const prefix = `${tag}${++rounds}-`;
    for (let i = 0; i < 20; i++) await mention(url, `${prefix}warm`, QUESTION);
    await until(() => posted(`${prefix}warm`) >= 20, 30_000);
    return round(TOTAL, async () => {
      await measure(print, `${name}: acknowledgement`, TOTAL, 8, (i) => mention(url, `${prefix}${i % 20}`, QUESTION));
      await until(() => posted(prefix) - 20 >= TOTAL, 60_000);
    });
  };
  try {
    await compareRates(print, "Slack answers posted, ours / bare Bolt app", () => throughput("Järjestöbotti", runtime.server!.url, "CO"), () => throughput("bare Bolt app", bare.url, "CB"));

    let t = performance.now();
    await mention(runtime.server!.url, "CLONG", `Lapin asukasluku ${"x".repeat(40_000)}`);
    await mention(runtime.server!.url, "CNEXT", QUESTION);
    await until(() => posted("CLONG") && posted("CNEXT"), 30_000);
    print(`40 000-character one-word question: answered (cut, with a note) and the next question too in ${(performance.now() - t).toFixed(0)} ms`);

    slack.hangNext("chat.postMessage", 1);
    t = performance.now();
    await mention(runtime.server!.url, "CHUNG", QUESTION);
    await new Promise((r) => setTimeout(r, 50));
    await mention(runtime.server!.url, "CFREE", QUESTION);
    await until(() => posted("CFREE"), 30_000);
    const free = performance.now() - t;
    await until(() => posted("CHUNG"), 30_000);
    print(`hung chat.postMessage (never answers): the next question answered in ${free.toFixed(0)} ms; the hung one given up after OUTBOUND_TIMEOUT_MS (1 s here) and answered on retry after ${(performance.now() - t).toFixed(0)} ms`);
  } finally {
    await runtime.stop();
    await bare.close();
    await slack.close();
  }
}
