// Logs through pino: one JSON line per event on stderr (stdout stays free for answers), readable
// colours when stderr is a terminal, the level from LOG_LEVEL. The event name is the message
// ("event": "slack mention failed"), so lines stay greppable as they always were.
//
// Secrets are removed by path before a line is written: settings and credentials under the names
// the adapters and SDKs give them, HTTP headers, and the config an HTTP client keeps on its errors
// (a failed Web API call carries the request, and with it "Authorization: Bearer xoxb-…").
// Errors are reduced to what an operator needs (name, message, code, status, stack) rather than
// every property an SDK hangs on them.
import { createRequire } from "node:module";
import { format } from "node:util";
import { pino, stdTimeFunctions, type DestinationStream, type Level, type Logger as Pino } from "pino";
import { ConfigError } from "./platform.js";

export interface Logger {
  debug(event: string, context?: Record<string, unknown>): void;
  info(event: string, context?: Record<string, unknown>): void;
  warn(event: string, context?: Record<string, unknown>): void;
  error(event: string, context?: Record<string, unknown>): void;
  /** The pino logger underneath: for SDKs that take a logger of their own (Bolt, the Web API client). */
  readonly pino: Pino;
}

const SECRET_KEYS = [
  "token", "botToken", "appToken", "userToken", "accessToken", "access_token", "refreshToken", "bot_token",
  "password", "appPassword", "MicrosoftAppPassword", "clientSecret", "client_secret",
  "secret", "signingSecret", "signing_secret", "encryptionKey",
  "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_CLIENT_SECRET", "SLACK_STATE_SECRET", "MICROSOFT_APP_PASSWORD",
  // The shared database's URL carries its password; the knowledge webhook's secret; the key sealing installations.
  "DATABASE_URL", "connectionString", "KNOWLEDGE_WEBHOOK_SECRET", "DATA_ENCRYPTION_KEY",
  "authorization", "Authorization", "cookie", "Cookie",
];
/** Where a secret may sit in a logged context: at the top, one or two levels down, or in headers. */
export const REDACT_PATHS = [
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((k) => `*.${k}`),
  ...SECRET_KEYS.map((k) => `*.*.${k}`),
  "*.headers.authorization", "*.headers.Authorization", "*.*.headers.authorization", "*.*.headers.Authorization",
  "*.config.headers", "env",
];

export const LOG_LEVELS = ["trace", "debug", "info", "warn", "error", "fatal", "silent"] as const;

/** LOG_LEVEL, checked: a typo must not silently hide errors or flood the log. */
export function logLevel(env: NodeJS.ProcessEnv): Level | "silent" {
  const level = (env.LOG_LEVEL ?? "info").toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(level)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")} (got "${env.LOG_LEVEL}").`);
  return level as Level | "silent";
}

/** The fields of an error worth a log line; never its request, response or client config. */
function serializeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: String(err) };
  const e = err as Error & { code?: unknown; statusCode?: unknown; status?: unknown; data?: { error?: unknown } };
  return {
    name: e.name,
    message: e.message,
    ...(e.code !== undefined ? { code: e.code } : {}),
    ...(e.statusCode !== undefined ? { statusCode: e.statusCode } : e.status !== undefined ? { statusCode: e.status } : {}),
    // A Slack platform error names what Slack refused ("channel_not_found").
    ...(typeof e.data?.error === "string" ? { slackError: e.data.error } : {}),
    ...(e.stack ? { stack: e.stack } : {}),
  };
}

function wrap(p: Pino): Logger {
  const at = (level: "debug" | "info" | "warn" | "error") => (event: string, context?: Record<string, unknown>) => (context ? p[level](context, event) : p[level](event));
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error"), pino: p };
}

export interface LoggerOptions {
  level?: Level | "silent";
  /** Where lines go; default stderr (pretty when stderr is a terminal). */
  destination?: DestinationStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const base = {
    level: options.level ?? "info",
    messageKey: "event",
    base: undefined,
    timestamp: stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
    // Every context key that holds an error (err, error, cause) is reduced the same way.
    serializers: { err: serializeError, error: serializeError, cause: serializeError },
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
  };
  if (options.destination) return wrap(pino(base, options.destination));
  if (process.stderr.isTTY) {
    // pino-pretty as a stream in this thread (not a worker transport): loaded only for a terminal.
    const pretty = createRequire(import.meta.url)("pino-pretty") as (o: object) => DestinationStream;
    return wrap(pino(base, pretty({ destination: 2, sync: true, messageKey: "event", translateTime: "SYS:HH:MM:ss" })));
  }
  // Synchronous: the last lines before a crash are the ones an operator needs. The bot logs
  // events (start, reloads, failures), not every answer, so this costs the reply path nothing.
  return wrap(pino(base, pino.destination({ dest: 2, sync: true })));
}

/** A logger that keeps its lines in memory, parsed: for tests that read what was logged. */
export function createMemoryLogger(level: Level = "debug"): Logger & { lines: Array<Record<string, unknown>>; raw: string[] } {
  const lines: Array<Record<string, unknown>> = [];
  const raw: string[] = [];
  const destination = { write: (line: string) => void (raw.push(line), lines.push(JSON.parse(line) as Record<string, unknown>)) };
  return { ...createLogger({ level, destination }), lines, raw };
}

/** A logger that writes nothing (the benchmark). */
export const silentLogger = (): Logger => createLogger({ level: "silent", destination: { write: () => {} } });

/**
 * Sends what SDKs print with console.* (botbuilder prints every refused request with its stack)
 * through the logger, so the running bot writes nothing but JSON lines to stderr.
 */
export function captureConsole(log: Logger): void {
  const to = (level: "debug" | "info" | "warn" | "error") => (...args: unknown[]) => log[level]("console", { text: format(...args) });
  Object.assign(console, { log: to("info"), info: to("info"), debug: to("debug"), warn: to("warn"), error: to("error") });
}
