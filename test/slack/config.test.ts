import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { readSlackConfig } from "../../adapters/slack/config.js";
import { readTeamsConfig } from "../../adapters/teams/config.js";
import { ConfigError } from "../../adapters/platform.js";

describe("platform settings", () => {
  it("starts Slack only when configured, in the mode the settings name", () => {
    expect(readSlackConfig({})).toBeNull();
    expect(readSlackConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1" })?.mode).toBe("socket");
    expect(readSlackConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" })?.mode).toBe("http");
  });

  it("says in one line what to set when Slack settings are missing or contradict", () => {
    for (const env of [{ SLACK_SIGNING_SECRET: "s" }, { SLACK_BOT_TOKEN: "xoxb-1" }, { SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1", SLACK_SIGNING_SECRET: "s" }, { SLACK_BOT_TOKEN: "wrong", SLACK_APP_TOKEN: "xapp-1" }]) {
      expect(() => readSlackConfig(env)).toThrow(ConfigError);
      try {
        readSlackConfig(env);
      } catch (err) {
        expect((err as Error).message).toMatch(/^[^\n]*SLACK_[A-Z_]+[^\n]*$/);
      }
    }
  });

  it("installs in many workspaces with the OAuth settings, and says what is missing or malformed", () => {
    const oauth = { SLACK_CLIENT_ID: "1.2", SLACK_CLIENT_SECRET: "c", SLACK_STATE_SECRET: "s", SLACK_SIGNING_SECRET: "x" };
    const key = "a".repeat(64);
    expect(readSlackConfig({ ...oauth, DATA_ENCRYPTION_KEY: key })?.auth.kind).toBe("oauth");
    expect(readSlackConfig({ ...oauth, SLACK_SIGNING_SECRET: "", SLACK_APP_TOKEN: "xapp-1", DATA_ENCRYPTION_KEY: Buffer.alloc(32).toString("base64") })?.mode).toBe("socket");
    const cases: Array<[Record<string, string>, RegExp]> = [
      [oauth, /^DATA_ENCRYPTION_KEY is missing: .*openssl rand -base64 32$/],
      [{ ...oauth, DATA_ENCRYPTION_KEY: "short" }, /^DATA_ENCRYPTION_KEY holds 3 bytes, not 32/],
      [{ ...oauth, DATA_ENCRYPTION_KEY: "not a key!" }, /^DATA_ENCRYPTION_KEY is neither hex nor base64/],
      [{ ...oauth, SLACK_STATE_SECRET: "", DATA_ENCRYPTION_KEY: key }, /^SLACK_STATE_SECRET is missing/],
      [{ ...oauth, SLACK_BOT_TOKEN: "xoxb-1", DATA_ENCRYPTION_KEY: key }, /either SLACK_BOT_TOKEN .* not both/],
    ];
    for (const [env, message] of cases) expect(() => readSlackConfig(env)).toThrow(message);
    // The value of a key is never echoed in the message.
    expect(() => readSlackConfig({ ...oauth, DATA_ENCRYPTION_KEY: "secretvalue" })).toThrow(/^(?!.*secretvalue)/);
  });

  it("starts Teams only with an app id, or unauthenticated when asked to", () => {
    expect(readTeamsConfig({})).toBeNull();
    expect(readTeamsConfig({ TEAMS_NO_AUTH: "1" })?.noAuth).toBe(true);
    expect(() => readTeamsConfig({ MICROSOFT_APP_ID: "id" })).toThrow(/MICROSOFT_APP_PASSWORD/);
    expect(() => readTeamsConfig({ MICROSOFT_APP_ID: "id", MICROSOFT_APP_PASSWORD: "p", MICROSOFT_APP_TYPE: "SingleTenant" })).toThrow(/TENANT_ID/);
    expect(() => readTeamsConfig({ MICROSOFT_APP_ID: "id", MICROSOFT_APP_PASSWORD: "p", MICROSOFT_APP_TYPE: "Other" })).toThrow(/MICROSOFT_APP_TYPE/);
  });

  it("ships a Slack app manifest with the command, events and scopes the adapter uses", () => {
    const m = parse(readFileSync(join(import.meta.dirname, "..", "..", "adapters", "slack", "manifest.yaml"), "utf8"));
    expect(m.features.slash_commands[0].command).toBe("/jarjesto");
    expect(m.settings.event_subscriptions.bot_events).toEqual(expect.arrayContaining(["app_mention", "app_home_opened", "message.im", "message.channels"]));
    expect(m.oauth_config.scopes.bot).toEqual(expect.arrayContaining(["chat:write", "commands", "app_mentions:read", "im:history"]));
    expect(m.features.app_home.home_tab_enabled).toBe(true);
    // Installable in other workspaces: the redirect URL Slack sends admins back to, and distribution.
    expect(m.oauth_config.redirect_urls).toEqual([expect.stringMatching(/^https:\/\/.+\/slack\/oauth_redirect$/)]);
    expect(m.settings.org_deploy_enabled).toBe(true);
  });
});
