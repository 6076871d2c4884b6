// Bot Framework activities through the real HTTP path (unauthenticated local mode): Teams gets
// its HTTP 200 only after the turn, reply included, so latency here is the whole round trip.
import { createTeamsAdapter } from "../adapters/teams/index.js";
import { createLogger } from "../adapters/log.js";
import { startHttpServer } from "../adapters/server.js";
import { startConnectorStandIn } from "../dev/stand-ins/teams-connector.js";
import { testBot } from "../test/helpers/bot.js";
import { measure } from "./http-stats.js";

export async function benchTeams(print: (line: string) => void): Promise<void> {
  const connector = await startConnectorStandIn();
  const adapter = createTeamsAdapter({ bot: testBot(), env: { TEAMS_NO_AUTH: "1" }, log: createLogger(() => {}) })!;
  const server = await startHttpServer([adapter], { port: 0, host: "127.0.0.1" });
  const send = async (i: number) => {
    const activity = { type: "message", id: `b${i}`, channelId: "msteams", serviceUrl: connector.url, from: { id: "29:u", aadObjectId: "aad-u" }, recipient: { id: "28:bot" }, conversation: { id: `a:bench-${i % 20}`, conversationType: "personal" }, text: "Montako sote-järjestöä Lapissa on?", locale: "fi-FI" };
    const res = await fetch(`${server.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(activity) });
    await res.arrayBuffer();
  };
  try {
    for (let i = 0; i < 20; i++) await send(1000 + i);
    await measure(print, "activity round trip (reply included)", 400, 8, send);
    print(`replies recorded by the connector stand-in: ${connector.sent.length}`);
  } finally {
    await server.close();
    await connector.close();
  }
}
