// The app installed in many workspaces, the way Bolt apps do it: Slack's InstallProvider (the
// class Bolt's own receivers use) serves /slack/install and /slack/oauth_redirect on the shared
// server in both Socket Mode and HTTP mode, keeps each workspace's installation in the bot's
// database (sealed with DATA_ENCRYPTION_KEY), and authorizes each event with its workspace's
// token. An uninstall or a revoked bot token deletes that workspace's installation only.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { App } from "@slack/bolt";
import { defaultCallbackFailure, InstallProvider, type CallbackOptions } from "@slack/oauth";
import { WebClient, type WebClientOptions } from "@slack/web-api";
import type { Express } from "express";
import { parse } from "yaml";
import type { Sql } from "../../src/state/database.js";
import { createSealer } from "../../src/state/encryption.js";
import type { Logger } from "../log.js";
import { ConfigError } from "../platform.js";
import { slackLogger } from "./bolt-logger.js";
import type { SlackAuth } from "./config.js";
import type { SlackAddress } from "./incoming.js";
import { createInstallationRows } from "./installation-rows.js";
import { createInstallationStore } from "./installations.js";
import type { Workspaces } from "./workspaces.js";

const INSTALL_PATH = "/slack/install";
const REDIRECT_PATH = "/slack/oauth_redirect";

/** The bot scopes an installation asks for: the manifest's, so the two never disagree. */
export function manifestScopes(): string[] {
  const manifest = parse(readFileSync(join(import.meta.dirname, "manifest.yaml"), "utf8")) as { oauth_config: { scopes: { bot: string[] } } };
  return manifest.oauth_config.scopes.bot;
}

/** Which workspace (or organisation, for an org-wide install) an event concerns, as Bolt's context says. */
type Where = { teamId?: string; enterpriseId?: string; isEnterpriseInstall?: boolean };

export function manyWorkspaces(auth: Extract<SlackAuth, { kind: "oauth" }>, clientOptions: WebClientOptions, db: Sql | undefined, log: Logger): Workspaces {
  if (!db) throw new ConfigError("installing Slack in many workspaces needs the bot's database (DATA_DIR)");
  const installations = createInstallationStore(createInstallationRows(db), createSealer(auth.encryptionKey), log);
  const installer = new InstallProvider({
    clientId: auth.clientId,
    clientSecret: auth.clientSecret,
    stateSecret: auth.stateSecret,
    installationStore: installations,
    // /slack/install goes straight to Slack's consent page (the app's "Direct install URL").
    directInstall: true,
    installUrlOptions: { scopes: manifestScopes(), ...(auth.redirectUri ? { redirectUri: auth.redirectUri } : {}) },
    clientOptions,
    logger: slackLogger(log, "slack-oauth"),
  });
  const callbackOptions: CallbackOptions = {
    failure(error, options, req, res) {
      log.warn("slack installation failed", { code: error.code, reason: error.message });
      defaultCallbackFailure(error, options, req, res);
    },
  };
  const forget = (why: string) => async ({ context }: { context: Where }) => {
    log.info("slack app removed from a workspace", { why, team: context.teamId, enterprise: context.enterpriseId, orgWide: context.isEnterpriseInstall ?? false });
    await installations.deleteInstallation({ teamId: context.teamId, enterpriseId: context.enterpriseId, isEnterpriseInstall: context.isEnterpriseInstall ?? false } as Parameters<typeof installations.deleteInstallation>[0]);
  };

  return {
    authorize: (source) => installer.authorize(source),
    async clientFor(address: SlackAddress) {
      if (!address.team && !address.enterprise) throw new Error(`the address of channel ${address.channel} names no Slack workspace`);
      const installation = await installations.fetchInstallation({ teamId: address.team, enterpriseId: address.enterprise, isEnterpriseInstall: false } as Parameters<typeof installations.fetchInstallation>[0]);
      if (!installation.bot?.token) throw new Error(`the installation of ${address.team ?? address.enterprise} has no bot token`);
      return new WebClient(installation.bot.token, clientOptions);
    },
    // A user id alone does not say which workspace's token may write to it.
    directAddress: () => undefined,
    routes(app: Express) {
      app.get(INSTALL_PATH, (req, res, next) => void installer.handleInstallPath(req, res).catch(next));
      app.get(REDIRECT_PATH, (req, res) => void installer.handleCallback(req, res, callbackOptions));
    },
    listen(app: App) {
      app.event("app_uninstalled", forget("app_uninstalled"));
      // Only a revoked bot token ends the installation; the app keeps no user tokens.
      app.event("tokens_revoked", async (args) => {
        if (args.event.tokens.bot?.length) await forget("tokens_revoked")(args);
      });
    },
    async check() {
      try {
        await installations.checkKey();
      } catch (err) {
        throw new ConfigError(`DATA_ENCRYPTION_KEY does not open the Slack installations in the database (was the key changed?): ${(err as Error).message}`);
      }
    },
  };
}
