// What every chat-platform adapter offers the start-up code. An adapter reads its own settings,
// mounts its HTTP routes on the shared server (one port for all platforms) and starts.
import type { Express } from "express";
import type { LoopActions } from "../src/loop/loop.js";
import type { Bot, Reply } from "../src/seam.js";
import type { Claims } from "../src/state/claims.js";
import type { Sql } from "../src/state/database.js";
import type { Coordinators } from "../src/curation/coordinators.js";
import type { Logger } from "./log.js";

export interface AdapterContext {
  bot: Bot;
  env: NodeJS.ProcessEnv;
  log: Logger;
  /** The bot's database (SQLite under DATA_DIR, or PostgreSQL) for an adapter's own state. */
  db?: Sql;
  /**
   * Event ids answered and threads answered in: in memory for one instance, in the shared database
   * for several (a platform's retry may reach another instance). In memory when absent.
   */
  claims?: Claims;
  /** Files are fetched only for coordinators: the adapter asks before downloading anything. */
  coordinators?: Coordinators;
  /** Feedback and "ask a coordinator" clicks go here (absent in tests of an adapter alone). */
  loop?: LoopActions;
}

export interface PlatformAdapter {
  readonly name: string;
  /** Adds the adapter's routes to the shared HTTP server; called before the server listens. */
  routes?(app: Express): void;
  /** Finishes starting once the HTTP server listens (Socket Mode connects here). */
  start(): Promise<void>;
  stop(): Promise<void>;
  /**
   * Sends a message on the platform's own initiative (announcements, relays) to an
   * IncomingMessage.address. With newThread the message starts its own thread, and the thread's
   * conversation id (as IncomingMessage.conversationId names it) is returned.
   */
  send?(address: unknown, reply: Reply, options?: { newThread?: boolean }): Promise<string | void>;
  /** The address of a direct message to one of the platform's users (its own id, no prefix), if the bot can open one itself. */
  directAddress?(userId: string): unknown;
  /**
   * A channel named by its id in the settings (COORDINATOR_CHANNEL), if the platform can post to
   * one by its id alone: where to send, and its conversation id as IncomingMessage names it.
   * Undefined when the id does not say enough (Slack installed in many workspaces needs the workspace).
   */
  channel?(id: string): { address: unknown; conversationId: string } | undefined;
}

/** Settings that are missing or contradict each other: start-up prints the message, no stack. */
export class ConfigError extends Error {
  override name = "ConfigError";
}
