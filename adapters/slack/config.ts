// Slack's settings, read once at start. Two ways to get tokens: one bot token for one workspace
// (SLACK_BOT_TOKEN), or the app installed in any number of workspaces through Slack's OAuth flow
// (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET; each workspace's token kept encrypted
// with DATA_ENCRYPTION_KEY). Either way events arrive over Socket Mode (no public URL for events;
// a coordinator's laptop, a closed network) or HTTP mode (/slack/events on the shared port).
import { parseEncryptionKey } from "../../src/state/encryption.js";
import { ConfigError } from "../platform.js";

export type SlackAuth =
  | { kind: "token"; botToken: string; botUserId?: string }
  | { kind: "oauth"; clientId: string; clientSecret: string; stateSecret: string; encryptionKey: Buffer; redirectUri?: string };

export type SlackConfig = { auth: SlackAuth; apiUrl?: string } & ({ mode: "socket"; appToken: string } | { mode: "http"; signingSecret: string });

const OAUTH = ["SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET", "SLACK_STATE_SECRET"] as const;

/** Null when Slack is not configured at all; a ConfigError naming what to set when half-configured. */
export function readSlackConfig(env: NodeJS.ProcessEnv): SlackConfig | null {
  const { SLACK_APP_TOKEN: appToken, SLACK_SIGNING_SECRET: signingSecret } = env;
  const oauth = OAUTH.some((name) => env[name]);
  if (!env.SLACK_BOT_TOKEN && !oauth && !appToken && !signingSecret) return null;
  const auth = oauth ? readOAuth(env) : readToken(env);
  if (appToken && signingSecret)
    throw new ConfigError("Set either SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode), not both.");
  const common = { auth, ...(env.SLACK_API_URL ? { apiUrl: env.SLACK_API_URL } : {}) };
  if (appToken) {
    if (!appToken.startsWith("xapp-")) throw new ConfigError("SLACK_APP_TOKEN must be the app-level token that starts with xapp-.");
    return { mode: "socket", appToken, ...common };
  }
  if (signingSecret) return { mode: "http", signingSecret, ...common };
  throw new ConfigError("Slack is configured but neither SLACK_APP_TOKEN (Socket Mode) nor SLACK_SIGNING_SECRET (HTTP mode) is set.");
}

function readToken(env: NodeJS.ProcessEnv): SlackAuth {
  const botToken = env.SLACK_BOT_TOKEN;
  if (!botToken)
    throw new ConfigError("SLACK_BOT_TOKEN is missing: set it (xoxb-…) for one workspace, or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET to install the app in many.");
  if (!botToken.startsWith("xoxb-")) throw new ConfigError("SLACK_BOT_TOKEN must be the bot token that starts with xoxb-.");
  return { kind: "token", botToken, ...(env.SLACK_BOT_USER_ID ? { botUserId: env.SLACK_BOT_USER_ID } : {}) };
}

function readOAuth(env: NodeJS.ProcessEnv): SlackAuth {
  if (env.SLACK_BOT_TOKEN)
    throw new ConfigError("Set either SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET (installed in many workspaces), not both.");
  const missing = OAUTH.find((name) => !env[name]);
  if (missing) throw new ConfigError(`${missing} is missing: installing the app in many workspaces needs ${OAUTH.join(", ")} (Basic Information → App Credentials; the state secret is any long random text).`);
  let encryptionKey: Buffer;
  try {
    encryptionKey = parseEncryptionKey(env.DATA_ENCRYPTION_KEY);
  } catch (err) {
    throw new ConfigError(`DATA_ENCRYPTION_KEY ${(err as Error).message}: with SLACK_CLIENT_ID set, each workspace's token is stored encrypted with it. Generate one with: openssl rand -base64 32`);
  }
  return {
    kind: "oauth",
    clientId: env.SLACK_CLIENT_ID!,
    clientSecret: env.SLACK_CLIENT_SECRET!,
    stateSecret: env.SLACK_STATE_SECRET!,
    encryptionKey,
    ...(env.SLACK_REDIRECT_URI ? { redirectUri: env.SLACK_REDIRECT_URI } : {}),
  };
}
