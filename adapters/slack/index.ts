// The Slack adapter: Bolt in Socket Mode or HTTP mode (on the shared server), with one bot token
// or installed in many workspaces (workspaces.ts, oauth.ts), the listeners, and send() for
// messages the bot starts itself (announcements, relays), each with its workspace's token. Every
// post goes through the poster (post.ts), which posts each message at most once.
import { App, ExpressReceiver } from "@slack/bolt";
import type { Express } from "express";
import type { Reply } from "../../src/seam.js";
import type { AdapterContext, PlatformAdapter } from "../platform.js";
import { slackLogger } from "./bolt-logger.js";
import { readSlackConfig } from "./config.js";
import { slackConversationId, type SlackAddress } from "./incoming.js";
import { registerListeners } from "./listeners.js";
import { manyWorkspaces } from "./oauth.js";
import { createPoster } from "./post.js";
import { slackRequestLimits } from "./request-limits.js";
import { oneWorkspace } from "./workspaces.js";
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
  const workspaces = config.auth.kind === "token" ? oneWorkspace(config.auth, clientOptions, ctx.log) : manyWorkspaces(config.auth, clientOptions, ctx.db, ctx.log);
  // The poster keeps one client per token: each workspace's posts, and the look-up after a
  // timed-out post, use that workspace's token.
  const poster = createPoster(clientOptions, RETRY);
  const logger = slackLogger(ctx.log, "bolt");
  let app: App | undefined;
  // A configured stand-in for the Web API (tests, a proxy) serves files too.
  const fileHosts = [...SLACK_FILE_HOSTS, ...(config.apiUrl ? [new URL(config.apiUrl).hostname] : [])];
  const download = (url: string, token: string) =>
    downloadText(url, { hosts: fileHosts, maxBytes: MAX_DOWNLOAD_BYTES, timeoutMs, headers: { authorization: `Bearer ${token}` } });

  const build = (receiver?: ExpressReceiver) => {
    app = new App({
      authorize: workspaces.authorize,
      clientOptions,
      logger,
      ...(receiver ? { receiver } : { appToken: config.mode === "socket" ? config.appToken : "", socketMode: true }),
    });
    workspaces.listen?.(app);
    registerListeners(app, { bot: ctx.bot, log: ctx.log, poster, download, isCoordinator: (user) => ctx.coordinators?.isCoordinator(user) ?? false, ...(ctx.loop ? { loop: ctx.loop } : {}), ...(ctx.claims ? { claims: ctx.claims } : {}) });
  };
  if (config.mode === "socket") build();
  const http = config.mode === "http" ? config : undefined;

  return {
    name: "slack",
    ...(http || workspaces.routes
      ? {
          routes(express: Express) {
            workspaces.routes?.(express);
            if (!http) return;
            express.post("/slack/events", slackRequestLimits);
            build(new ExpressReceiver({ signingSecret: http.signingSecret, endpoints: "/slack/events", app: express, processBeforeResponse: false, logger }));
          },
        }
      : {}),
    async start() {
      await workspaces.check?.();
      if (config.mode === "socket") await app!.start();
      ctx.log.info("slack started", { mode: config.mode, tokens: config.auth.kind === "token" ? "one workspace" : "installed per workspace" });
    },
    async stop() {
      if (config.mode === "socket") await app?.stop();
    },
    directAddress: (userId: string) => workspaces.directAddress(userId),
    // COORDINATOR_CHANNEL's id: "C0123", or "C0123:T0123" naming the workspace, which is needed
    // to pick the token when the app is installed in many.
    channel(id: string) {
      const [channel, team] = id.split(":");
      if (!channel || (!team && config.auth.kind === "oauth")) return undefined;
      return { address: { channel, ...(team ? { team } : {}) } satisfies SlackAddress, conversationId: slackConversationId(channel) };
    },
    async send(address: unknown, reply: Reply, options?: { newThread?: boolean }) {
      const a = address as SlackAddress;
      const client = await workspaces.clientFor(a);
      if (!options?.newThread) return void (await poster.postReply(client, a, reply));
      const ts = await poster.postReply(client, { channel: a.channel }, reply);
      return ts ? slackConversationId(a.channel, ts) : undefined;
    },
  };
}
