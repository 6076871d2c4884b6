// Bolt, its Web API client and the OAuth installer log through the bot's own JSON logger, so
// their lines land where every other line does (and the tests that read the logs for tokens see
// them). Their debug and info chatter is dropped; warnings and errors are kept as text.
import { LogLevel, type Logger as SlackLogger } from "@slack/bolt";
import type { Logger } from "../log.js";

const text = (parts: unknown[]) => parts.map((p) => (p instanceof Error ? p.message : typeof p === "string" ? p : JSON.stringify(p))).join(" ");

export function boltLogger(log: Logger): SlackLogger {
  let level = LogLevel.WARN;
  let name = "slack";
  return {
    debug: () => {},
    info: () => {},
    warn: (...parts: unknown[]) => log.warn(`${name} sdk warning`, { message: text(parts) }),
    error: (...parts: unknown[]) => log.error(`${name} sdk error`, { message: text(parts) }),
    setLevel: (l: LogLevel) => void (level = l),
    getLevel: () => level,
    setName: (n: string) => void (name = n),
  };
}
