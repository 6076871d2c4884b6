// One time limit for every call the bot makes to another service: Slack's Web API, the Bot
// Framework connector, file downloads. A user is waiting behind each of them, and a call that
// never returns must not hold an answer (or one of the client's request slots) forever.
// OUTBOUND_TIMEOUT_MS changes it (tests shorten it; a slow network may need longer).
import { ConfigError } from "./platform.js";

export const DEFAULT_OUTBOUND_TIMEOUT_MS = 5_000;

export function outboundTimeoutMs(env: NodeJS.ProcessEnv): number {
  if (env.OUTBOUND_TIMEOUT_MS === undefined) return DEFAULT_OUTBOUND_TIMEOUT_MS;
  const ms = Number(env.OUTBOUND_TIMEOUT_MS);
  if (!Number.isInteger(ms) || ms < 100) throw new ConfigError("OUTBOUND_TIMEOUT_MS must be a whole number of milliseconds, at least 100.");
  return ms;
}
