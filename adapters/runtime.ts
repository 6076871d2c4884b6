// Everything `npm start` assembles, without the process around it (signals, the terminal), so
// tests can run the real thing: the database (SQLite, or PostgreSQL shared by several instances),
// the live knowledge (a watched directory, or a followed git branch), the curator with its state,
// the bot, every configured platform adapter on one HTTP server with /health, and announcements
// routed back through the adapter of each subscriber's platform.
import { resolve } from "node:path";
import { createBot, type CoreBot } from "../src/bot.js";
import { parseCoordinators } from "../src/curation/coordinators.js";
import { createCurator } from "../src/curation/curator.js";
import { createSqlStateStore } from "../src/state/curation-store.js";
import { DATABASE_FILE, openDatabase, type TimedSql } from "../src/state/database.js";
import { createSqlClaims, memoryClaims } from "../src/state/claims.js";
import { createReadAhead } from "../src/state/read-ahead.js";
import { createSqlConversations } from "../src/state/sql-conversations.js";
import { formatProblem } from "../src/knowledge/parse-file.js";
import { createHomeRegions } from "../src/home-region/home-regions.js";
import { createSqlHomeRegionStore } from "../src/home-region/sql-store.js";
import { createLoop, type Loop } from "../src/loop/loop.js";
import { retentionDays } from "../src/loop/retention.js";
import { createSqlLoopStore } from "../src/loop/sql-store.js";
import type { Reply } from "../src/seam.js";
import { coordinatorChannel } from "./coordinator-channel.js";
import { followKnowledge } from "./knowledge-follow.js";
import { openKnowledgeSource } from "./knowledge-source.js";
import { knowledgeWebhook } from "./knowledge-webhook.js";
import type { Logger } from "./log.js";
import { ConfigError, type PlatformAdapter } from "./platform.js";
import { startHttpServer, type RunningServer } from "./server.js";

/** How often the loop's chores (stale-fact reminders, the retention clean-up) run after the first. */
const CHORES_MS = 6 * 60 * 60_000;

export interface Runtime {
  bot: CoreBot;
  loop: Loop;
  adapters: PlatformAdapter[];
  server?: RunningServer;
  stop(): Promise<void>;
}

async function openState(env: NodeJS.ProcessEnv, dataDir: string, log: Logger): Promise<TimedSql> {
  try {
    return await openDatabase({ dataDir, url: env.DATABASE_URL, onError: (err) => log.error("database connection lost; the next query reconnects", { err }) });
  } catch (err) {
    const where = env.DATABASE_URL ? "the PostgreSQL database in DATABASE_URL" : `the database ${resolve(dataDir, DATABASE_FILE)}`;
    throw new ConfigError(`${where} cannot be opened: ${(err as Error).message}`);
  }
}

export async function startRuntime(given: NodeJS.ProcessEnv, log: Logger, knowledgeDir: string): Promise<Runtime> {
  // One resolved data directory for the core's state and the adapters' own (Teams' welcomes).
  const dataDir = resolve(given.DATA_DIR ?? "data");
  const env: NodeJS.ProcessEnv = { ...given, DATA_DIR: dataDir };
  let coordinators, keepDays;
  try {
    coordinators = parseCoordinators(env.COORDINATORS);
    keepDays = retentionDays(env.DATA_RETENTION_DAYS);
  } catch (err) {
    throw new ConfigError((err as Error).message);
  }
  const adapters: PlatformAdapter[] = [];
  const setting = coordinatorChannel(env, adapters);
  const fallbackChannel = setting.resolve;
  const sql = await openState(env, dataDir, log);
  const shared = Boolean(env.DATABASE_URL);
  const say = (event: string, context: Record<string, unknown>) => log.info(event, context);
  const state = await createSqlStateStore(sql, dataDir, (message) => log.warn(message));
  const source = await openKnowledgeSource(env, dataDir, knowledgeDir, state, (event, context) => log.warn(event, context)).catch(async (err: unknown) => {
    await sql.close();
    throw err;
  });
  const { store, files } = source;
  await files.settle(new Date());
  // With several instances, what a platform retries and what a conversation remembers is shared;
  // what a question reads before its reply is read with its event's claim, in one round trip.
  const ahead = shared ? createReadAhead(sql) : undefined;
  const conversations = shared ? await createSqlConversations(sql, { background: sql.background, ahead, onError: (err, conversation) => log.error("conversation context not saved; its next question starts afresh", { err, conversation }) }) : undefined;
  const claims = shared ? await createSqlClaims(sql, Date.now, ahead) : memoryClaims();

  const sendTo = async (platform: string, address: unknown, reply: Reply, options?: { newThread?: boolean }) => {
    const adapter = adapters.find((a) => a.name === platform);
    if (!adapter?.send) throw new Error(`no running adapter can send to ${platform}`);
    return adapter.send(address, reply, options);
  };
  const curator = createCurator({
    store,
    state,
    files,
    coordinators,
    claims,
    announce: async (s, reply) => void (await sendTo(s.platform, s.address, reply)),
    log: say,
  });
  const bot = createBot({ store, curator, ...(conversations ? { conversations } : {}) });
  const loopStore = await createSqlLoopStore(sql, { background: sql.background, ahead, onError: (err, questions) => log.error("question log write failed", { err, questions }) });
  const loop = createLoop({
    store: loopStore,
    fallbackChannel,
    knowledge: store,
    coordinators,
    send: sendTo,
    retentionDays: keepDays,
    log: (event, context) => log.error(event, context),
    direct: (userId) => {
      const [platform, id] = [userId.slice(0, userId.indexOf(":")), userId.slice(userId.indexOf(":") + 1)];
      const address = adapters.find((a) => a.name === platform)?.directAddress?.(id);
      return address === undefined ? undefined : { platform, address };
    },
  });
  // Outside the loop, so the loop logs and routes questions with the home region already known;
  // outermost, the reads made in one query for a message no claim has read for.
  const homeRegions = createHomeRegions({ store: await createSqlHomeRegionStore(sql, ahead), knowledge: store, coordinators, log: say, ...(shared ? { cacheMs: 0 } : {}) });
  const wrapped = homeRegions.wrap(loop.wrap(bot));
  const served = ahead ? ahead.wrap(wrapped) : wrapped;

  // Each SDK is imported only when its platform is configured: botbuilder alone is 130 MB.
  const context = { bot: served, env, log, db: sql, claims, coordinators, loop };
  if (env.SLACK_BOT_TOKEN || env.SLACK_APP_TOKEN || env.SLACK_SIGNING_SECRET) {
    const { createSlackAdapter } = await import("./slack/index.js");
    const slack = createSlackAdapter(context);
    if (slack) adapters.push(slack);
  }
  if (env.MICROSOFT_APP_ID || env.TEAMS_NO_AUTH) {
    const { createTeamsAdapter } = await import("./teams/index.js");
    const teams = createTeamsAdapter(context);
    if (teams) adapters.push(teams);
  }

  const following = followKnowledge({ source, curator, claims, log, coordinatorChannel: fallbackChannel, send: sendTo });
  const gk = source.git;

  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  const health = async () => {
    // Read before this check's own query, which no reply waits for and so is counted apart: the
    // benchmark takes the difference per question.
    const { queries, ms, background } = sql.stats();
    const started = performance.now();
    const database = await sql.background.get("SELECT 1 AS ok").then(
      () => ({ ok: true, ms: Math.round((performance.now() - started) * 10) / 10 }),
      (err: unknown) => ({ ok: false, error: (err as Error).message }),
    );
    const c = store.current();
    const knowledge = { version: c.version, loadedAt: c.loadedAt.toISOString(), ...(gk ? { commit: gk.served(), branch: gk.settings.branch, ...(gk.refused() ? { refused: { commit: gk.refused()!.commit, problems: gk.refused()!.problems.map(formatProblem) } } : {}) } : { dir: store.dir }) };
    return { ok: database.ok, knowledge, database: { kind: sql.dialect, where: sql.where, ...database, queries, queryMs: round(ms), background: { queries: background.queries, queryMs: round(background.ms) } } };
  };
  const port = Number(env.PORT ?? 3978);
  const host = env.HOST ?? "0.0.0.0";
  const routes = gk ? [(app: Parameters<typeof knowledgeWebhook>[0]) => knowledgeWebhook(app, source.webhookSecret, () => void following.pull())] : [];
  const close = async () => {
    following.stop();
    await server?.close();
    // The questions still queued (loop/sql-store.ts) are written before the database closes.
    await loopStore.flush().catch(() => undefined);
    await conversations?.settle();
    await sql.close();
  };
  let server: RunningServer | undefined;
  try {
    server = adapters.some((a) => a.routes) || gk ? await startHttpServer(adapters, { port, host, health, routes }) : undefined;
    for (const a of adapters) await a.start();
  } catch (err) {
    // A start that fails (a setting found wrong only now) leaves nothing listening or open.
    await close();
    throw err;
  }
  if (adapters.length || server) log.info("started", { adapters: adapters.map((a) => a.name), url: server?.url, database: sql.dialect, ...(gk ? { commit: gk.served() } : {}) });
  if (adapters.length && !fallbackChannel() && (await loopStore.channels()).length === 0) {
    const why = setting.set
      ? `COORDINATOR_CHANNEL=${env.COORDINATOR_CHANNEL} is not a channel a running adapter can post to by its id (Slack only; with Slack installed in many workspaces the id names the workspace too)`
      : "COORDINATOR_CHANNEL is not set and no channel has said kysymyskanava";
    log.warn("escalation has nowhere to go: unanswered questions offer no Kysy koordinaattorilta", { why, fix: "set COORDINATOR_CHANNEL=slack:<channel id> (slack:<channel id>:<workspace id> when installed in many), or say kysymyskanava in a coordinators' channel" });
  }
  const runChores = async () => {
    const now = Date.now();
    try {
      const done = await loop.chores();
      const expired = { claims: await claims.expire(now), conversations: (await conversations?.expire(now)) ?? 0 };
      log.info("loop chores done", { ...done, expired });
    } catch (err) {
      log.error("loop chores failed", { err });
    }
  };
  await runChores();
  const choresTimer = setInterval(runChores, CHORES_MS).unref();
  return {
    bot,
    loop,
    adapters,
    ...(server ? { server } : {}),
    async stop() {
      clearInterval(choresTimer);
      for (const a of adapters) await a.stop().catch((err: unknown) => log.error("stop failed", { adapter: a.name, err }));
      await close();
    },
  };
}
