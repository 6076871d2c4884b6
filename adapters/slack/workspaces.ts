// Where the adapter's tokens come from. With one bot token (SLACK_BOT_TOKEN) every event and every
// message the bot starts itself use it; with OAuth (oauth.ts) each workspace has its own. Bolt's
// own auth.test at construction is replaced by `authorize`, so a passing network fault at start
// does not turn every later event into a 401.
import type { App, Authorize } from "@slack/bolt";
import { WebClient, type WebClientOptions } from "@slack/web-api";
import type { Express } from "express";
import type { Logger } from "../log.js";
import type { SlackAddress } from "./incoming.js";

export interface Workspaces {
  /** Bolt's authorize: the token and bot user of the workspace an event comes from. */
  authorize: Authorize<boolean>;
  /** A client with the token of the workspace an address names, for messages the bot starts itself. */
  clientFor(address: SlackAddress): Promise<WebClient>;
  /** The address of a direct message to a user, where the workspace is known without asking. */
  directAddress(userId: string): SlackAddress | undefined;
  /** The install flow's pages on the shared server (OAuth only). */
  routes?(app: Express): void;
  /** Listeners for the app's own life in a workspace (uninstalls, revoked tokens; OAuth only). */
  listen?(app: App): void;
  /** Checks made at start (OAuth: that DATA_ENCRYPTION_KEY opens the stored installations). */
  check?(): Promise<void>;
}

export function oneWorkspace(auth: { botToken: string; botUserId?: string }, clientOptions: WebClientOptions, log: Logger): Workspaces {
  const client = new WebClient(auth.botToken, clientOptions);
  let botUserId: Promise<string | undefined> | undefined = auth.botUserId ? Promise.resolve(auth.botUserId) : undefined;
  const whoAmI = () => {
    botUserId ??= client.auth.test().then(
      (r) => r.user_id,
      (err: unknown) => {
        log.warn("slack auth.test failed; will retry on the next event", { err });
        botUserId = undefined;
        return undefined;
      },
    );
    return botUserId;
  };
  return {
    authorize: async () => ({ botToken: auth.botToken, botUserId: await whoAmI() }),
    clientFor: async () => client,
    // chat.postMessage to a user id opens (or reuses) the bot's direct message with that user.
    directAddress: (userId) => ({ channel: userId }),
  };
}
