// Slack's settings, read once at start. Socket Mode needs no public URL (a coordinator's laptop,
// a closed network); HTTP mode serves /slack/events on the shared port.
import { ConfigError } from "../platform.js";

export type SlackConfig =
  | { mode: "socket"; botToken: string; appToken: string; apiUrl?: string; botUserId?: string }
  | { mode: "http"; botToken: string; signingSecret: string; apiUrl?: string; botUserId?: string };

/** Null when Slack is not configured at all; a ConfigError naming what to set when half-configured. */
export function readSlackConfig(env: NodeJS.ProcessEnv): SlackConfig | null {
  const { SLACK_BOT_TOKEN: botToken, SLACK_APP_TOKEN: appToken, SLACK_SIGNING_SECRET: signingSecret } = env;
  if (!botToken && !appToken && !signingSecret) return null;
  if (!botToken) throw new ConfigError("SLACK_BOT_TOKEN is missing: set it (xoxb-…) to use Slack, or remove the other SLACK_ settings.");
  if (!botToken.startsWith("xoxb-")) throw new ConfigError("SLACK_BOT_TOKEN must be the bot token that starts with xoxb-.");
  if (appToken && signingSecret)
    throw new ConfigError("Set either SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode), not both.");
  const common = { botToken, ...(env.SLACK_API_URL ? { apiUrl: env.SLACK_API_URL } : {}), ...(env.SLACK_BOT_USER_ID ? { botUserId: env.SLACK_BOT_USER_ID } : {}) };
  if (appToken) {
    if (!appToken.startsWith("xapp-")) throw new ConfigError("SLACK_APP_TOKEN must be the app-level token that starts with xapp-.");
    return { mode: "socket", appToken, ...common };
  }
  if (signingSecret) return { mode: "http", signingSecret, ...common };
  throw new ConfigError("SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN (Socket Mode) nor SLACK_SIGNING_SECRET (HTTP mode) is.");
}
