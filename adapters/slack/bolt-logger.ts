// Bolt and the Web API client log through a logger of their own shape (@slack/logger); this one
// hands their lines to the bot's pino logger, so they are JSON lines with the same redaction
// instead of "[WARN] web-api:WebClient:3 …" on the console. The level follows LOG_LEVEL.
import { LogLevel, type Logger as SlackLogger } from "@slack/bolt";
import type { Logger } from "../log.js";

export function slackLogger(log: Logger, name = "slack"): SlackLogger {
  const child = log.pino.child({ component: name });
  const line = (parts: unknown[]) => parts.map((p) => (typeof p === "string" ? p : p instanceof Error ? p.message : JSON.stringify(p))).join(" ");
  return {
    debug: (...msg: unknown[]) => child.debug(line(msg)),
    info: (...msg: unknown[]) => child.info(line(msg)),
    warn: (...msg: unknown[]) => child.warn(line(msg)),
    error: (...msg: unknown[]) => child.error(line(msg)),
    setLevel: () => {},
    getLevel: () => (child.level === "trace" ? LogLevel.DEBUG : child.level === "fatal" || child.level === "silent" ? LogLevel.ERROR : (child.level as LogLevel)),
    setName: () => {},
  };
}
