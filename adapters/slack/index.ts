// The Slack adapter: Bolt in Socket Mode or HTTP mode (on the shared server), the listeners, and
// send() for announcements. Bolt's own auth.test at construction is replaced by `authorize`, so a
// passing network fault at start does not turn every later event into a 401.
import { App, ExpressReceiver } from "@slack/bolt";
import { WebClient } from "@slack/web-api";
import type { Express } from "express";
import type { Reply } from "../../src/seam.js";
import type { AdapterContext, PlatformAdapter } from "../platform.js";
import { slackLogger } from "./bolt-logger.js";
import { readSlackConfig, type SlackConfig } from "./config.js";
import { slackConversationId, type SlackAddress } from "./incoming.js";
import { registerListeners } from "./listeners.js";
import { createPoster } from "./post.js";
import { slackRequestLimits } from "./request-limits.js";
import { downloadText, MAX_DOWNLOAD_BYTES } from "../download.js";
import { outboundTimeoutMs } from "../timeouts.js";

/** Web API calls are retried a bounded number of times (429 honours Retry-After, 5xx and network back off). */
export const RETRY = { retries: 3, factor: 2, minTimeout: 200, maxTimeout: 3000 };
/** Slack serves shared files (url_private) from here; the bot token goes nowhere else. */
export const SLACK_FILE_HOSTS = ["files.slack.com"];

export function createSlackAdapter(ctx: AdapterContext): PlatformAdapter | null {
  const config = readSlackConfig(ctx.env);
  if (!config) return null;
  // Each Web API request (each retry too) is bounded: a hung connection would otherwise hold one of
  // the client's request slots forever, and once all are taken every later answer waits.
  const timeoutMs = outboundTimeoutMs(ctx.env);
  const clientOptions = { ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}), retryConfig: RETRY, rejectRateLimitedCalls: false, timeout: timeoutMs, logger: slackLogger(ctx.log, "slack-web-api") };
  const client = new WebClient(config.botToken, clientOptions);
  const poster = createPoster(clientOptions, RETRY);
  let botUserId: Promise<string | undefined> | undefined = config.botUserId ? Promise.resolve(config.botUserId) : undefined;
  const whoAmI = () => {
    botUserId ??= client.auth.test().then(
      (r) => r.user_id,
      (err: unknown) => {
        ctx.log.warn("slack auth.test failed; will retry on the next event", { err });
        botUserId = undefined;
        return undefined;
      },
    );
    return botUserId;
  };
  const authorize = async () => ({ botToken: config.botToken, botUserId: await whoAmI() });
  let app: App | undefined;
  // A configured stand-in for the Web API (tests, a proxy) serves files too.
  const fileHosts = [...SLACK_FILE_HOSTS, ...(config.apiUrl ? [new URL(config.apiUrl).hostname] : [])];
  const download = (url: string) =>
    downloadText(url, { hosts: fileHosts, maxBytes: MAX_DOWNLOAD_BYTES, timeoutMs, headers: { authorization: `Bearer ${config.botToken}` } });

  const build = (receiver?: ExpressReceiver) => {
    app = new App({
      authorize,
      clientOptions,
      logger: slackLogger(ctx.log, "bolt"),
      ...(receiver ? { receiver } : { appToken: (config as Extract<SlackConfig, { mode: "socket" }>).appToken, socketMode: true }),
    });
    registerListeners(app, { bot: ctx.bot, log: ctx.log, poster, botUserId: whoAmI, download, isCoordinator: (user) => ctx.coordinators?.isCoordinator(user) ?? false, ...(ctx.loop ? { loop: ctx.loop } : {}) });
  };
  if (config.mode === "socket") build();

  return {
    name: "slack",
    ...(config.mode === "http"
      ? {
          routes(express: Express) {
            express.post("/slack/events", slackRequestLimits);
            build(new ExpressReceiver({ signingSecret: config.signingSecret, endpoints: "/slack/events", app: express, processBeforeResponse: false }));
          },
        }
      : {}),
    async start() {
      if (config.mode === "socket") await app!.start();
      ctx.log.info("slack started", { mode: config.mode });
    },
    async stop() {
      if (config.mode === "socket") await app?.stop();
    },
    // chat.postMessage to a user id opens (or reuses) the bot's direct message with that user.
    directAddress: (userId: string): SlackAddress => ({ channel: userId }),
    channel: (id: string) => ({ address: { channel: id } satisfies SlackAddress, conversationId: slackConversationId(id) }),
    async send(address: unknown, reply: Reply, options?: { newThread?: boolean }) {
      const a = address as SlackAddress;
      if (!options?.newThread) return void (await poster.postReply(client, a, reply));
      const ts = await poster.postReply(client, { channel: a.channel }, reply);
      return ts ? slackConversationId(a.channel, ts) : undefined;
    },
  };
}
