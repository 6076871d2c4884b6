// The baselines the platform paths are measured against, in the same run on the same stand-ins:
// a bare Bolt app and a bare botbuilder CloudAdapter app that post the very same reply (rendered
// once, in advance, with the 👍/👎 buttons the bot's answers carry) and do nothing else. The ratio
// to them is what our own per-event work costs.
import { App, ExpressReceiver, LogLevel } from "@slack/bolt";
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity } from "botbuilder";
import express from "express";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Reply } from "../src/seam.js";

/**
 * The reply as the bot posts it to a person: with the feedback buttons the question log adds
 * (src/loop), under a question id as long as the log's. The bare apps post the same bytes.
 */
export function withFeedback(reply: Reply): Reply {
  return { ...reply, loop: { questionId: String(2 ** 47 - 1), ask: "rating", escalate: false } };
}

export interface BareServer {
  url: string;
  close(): Promise<void>;
}

async function listen(app: express.Express): Promise<BareServer> {
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}

export async function startBareBolt(o: { secret: string; apiUrl: string; message: { text: string; blocks: unknown[] } }): Promise<BareServer> {
  const app = express();
  const receiver = new ExpressReceiver({ signingSecret: o.secret, endpoints: "/slack/events", app, processBeforeResponse: false });
  const bolt = new App({ receiver, token: "xoxb-bare", botId: "BBOT", botUserId: "UBOT", logLevel: LogLevel.ERROR, clientOptions: { slackApiUrl: o.apiUrl, retryConfig: { retries: 0 } } });
  bolt.event("app_mention", async ({ event, client }) => {
    await client.chat.postMessage({ channel: event.channel, thread_ts: event.ts, text: o.message.text, blocks: o.message.blocks as never });
  });
  return listen(app);
}

export async function startBareCloudAdapter(reply: Partial<Activity>): Promise<BareServer> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: "", MicrosoftAppPassword: "", MicrosoftAppType: "MultiTenant" }));
  const handler = new ActivityHandler();
  handler.onMessage(async (context, next) => {
    await context.sendActivity(reply);
    await next();
  });
  const app = express();
  app.post("/api/messages", express.json(), (req, res) => void adapter.process(req, res, (context) => handler.run(context)));
  return listen(app);
}
