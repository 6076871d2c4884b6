// Bot Framework activities through the whole runtime's HTTP path (unauthenticated local mode),
// against a bare botbuilder CloudAdapter app sending the same reply, on the same connector
// stand-in. Teams gets its HTTP 200 only after the turn, reply included, so a round trip here is
// the whole work of one question. Then a connector that stops answering.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { silentLogger } from "../adapters/log.js";
import { startRuntime } from "../adapters/runtime.js";
import { replyActivity } from "../adapters/teams/index.js";
import { startConnectorStandIn } from "../dev/stand-ins/teams-connector.js";
import { testBot } from "../test/helpers/bot.js";
import { startBareCloudAdapter, withFeedback } from "./bare-apps.js";
import { compareRates, measure, round } from "./http-stats.js";

const QUESTION = "Montako sote-järjestöä Lapissa on?";

export async function benchTeams(print: (line: string) => void, knowledgeDir: string): Promise<void> {
  const connector = await startConnectorStandIn();
  const env = { TEAMS_NO_AUTH: "1", DATA_DIR: mkdtempSync(join(tmpdir(), "bench-")), OUTBOUND_TIMEOUT_MS: "1000", PORT: "0", HOST: "127.0.0.1" };
  const runtime = await startRuntime(env, silentLogger(), knowledgeDir);
  const bare = await startBareCloudAdapter(replyActivity(withFeedback(testBot(knowledgeDir).answer({ text: QUESTION, conversationId: "bench", platform: "teams" }))));
  const send = async (url: string, i: number, text = QUESTION) => {
    const activity = { type: "message", id: `b${i}`, channelId: "msteams", serviceUrl: connector.url, from: { id: "29:u", aadObjectId: "aad-u" }, recipient: { id: "28:bot" }, conversation: { id: `a:bench-${i % 20}`, conversationType: "personal" }, text, locale: "fi-FI" };
    const res = await fetch(`${url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(activity) });
    await res.arrayBuffer();
  };
  try {
    let rounds = 0;
    const throughput = async (name: string, url: string) => {
      const base = 10_000 * ++rounds;
      for (let i = 0; i < 20; i++) await send(url, base + 1000 + i);
      return round(200, () => measure(print, `${name}: round trip`, 200, 8, (i) => send(url, base + i)));
    };
    await compareRates(print, "Teams round trips, ours / bare CloudAdapter app", () => throughput("Järjestöbotti", runtime.server!.url), () => throughput("bare CloudAdapter app", bare.url));

    let t = performance.now();
    await send(runtime.server!.url, 5000, `Lapin asukasluku ${"x".repeat(100_000)}`);
    print(`100 000-character one-word question: answered (cut, with a note) in ${(performance.now() - t).toFixed(0)} ms`);

    connector.hangNext(1);
    t = performance.now();
    await send(runtime.server!.url, 5001);
    print(`hung connector (never answers): the turn gives up after ${(performance.now() - t).toFixed(0)} ms (OUTBOUND_TIMEOUT_MS, 1 s here)`);
  } finally {
    await runtime.stop();
    await bare.close();
    await connector.close();
  }
}
