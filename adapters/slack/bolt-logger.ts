// Bolt, its Web API client and the OAuth installer log through a logger of their own shape
// (@slack/logger); this one hands their lines to the bot's pino logger, so they are JSON lines
// (with a component naming the SDK) instead of "[WARN] web-api:WebClient:3 …" on the console, and
// the tests that read the logs for tokens see them. The level follows LOG_LEVEL.
//
// pino redacts secrets by path, but an SDK's line is one string: at debug level the Web API
// client prints request bodies (oauth.v2.access carries the client secret) and Bolt prints
// what it was given. So token-shaped words and secret-named fields are cut out of the text too.
import { LogLevel, type Logger as SlackLogger } from "@slack/bolt";
import type { Logger } from "../log.js";

const SECRET_TEXT: Array<[RegExp, string]> = [
  // Slack tokens: bot, user, app-level, refresh, configuration.
  [/\bx(?:ox[a-z]|app)-[A-Za-z0-9-]+/g, "[redacted]"],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, "$1 [redacted]"],
  // "client_secret":"…", client_secret=…, and the like, in JSON or a query string.
  [/("?[\w-]*(?:secret|password|token)[\w-]*"?\s*[:=]\s*)("[^"]*"|[^\s&,}]+)/gi, "$1[redacted]"],
];

/** An SDK's words with anything that looks like a secret cut out. */
export function scrubSecrets(text: string): string {
  return SECRET_TEXT.reduce((t, [pattern, by]) => t.replace(pattern, by), text);
}

export function slackLogger(log: Logger, name = "slack"): SlackLogger {
  const child = log.pino.child({ component: name });
  const line = (parts: unknown[]) => scrubSecrets(parts.map((p) => (typeof p === "string" ? p : p instanceof Error ? p.message : JSON.stringify(p))).join(" "));
  // Bolt and the client say several debug lines per event: below the level they cost a check.
  const at = (level: "debug" | "info" | "warn" | "error") => (...msg: unknown[]) => {
    if (child.isLevelEnabled(level)) child[level](line(msg));
  };
  return {
    debug: at("debug"),
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
    setLevel: () => {},
    getLevel: () => (child.level === "trace" ? LogLevel.DEBUG : child.level === "fatal" || child.level === "silent" ? LogLevel.ERROR : (child.level as LogLevel)),
    setName: () => {},
  };
}
