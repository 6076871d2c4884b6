// Bolt and the Web API client log through a logger of their own shape (@slack/logger); this one
// hands their lines to the bot's pino logger, so they are JSON lines with the same redaction
// instead of "[WARN] web-api:WebClient:3 …" on the console. The level follows LOG_LEVEL.
import { LogLevel, type Logger as SlackLogger } from "@slack/bolt";
import type { Logger } from "../log.js";

export function slackLogger(log: Logger, name = "slack"): SlackLogger {
  const child = log.pino.child({ component: name });
  const line = (parts: unknown[]) => parts.map((p) => (typeof p === "string" ? p : p instanceof Error ? p.message : JSON.stringify(p))).join(" ");
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
