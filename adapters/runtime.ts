// Everything `npm start` assembles, without the process around it (signals, the terminal), so
// tests can run the real thing: the live knowledge and its watcher, the curator with its state,
// the bot, every configured platform adapter on one HTTP server, and announcements routed back
// through the adapter of each subscriber's platform.
import { resolve } from "node:path";
import { createBot, type CoreBot } from "../src/bot.js";
import { curationReply } from "../src/curation/curation-phrases.js";
import { parseCoordinators } from "../src/curation/coordinators.js";
import { createCurator } from "../src/curation/curator.js";
import { reconcileChanges } from "../src/curation/reconcile.js";
import { DATABASE_FILE, openDatabase, type Db } from "../src/state/database.js";
import { createSqliteStateStore } from "../src/state/curation-store.js";
import { formatProblem } from "../src/knowledge/parse-file.js";
import { createKnowledgeStore } from "../src/knowledge/store.js";
import { watchKnowledge } from "../src/knowledge/watch.js";
import { createHomeRegions } from "../src/home-region/home-regions.js";
import { createSqliteHomeRegionStore } from "../src/home-region/sqlite-store.js";
import { createLoop, type Loop } from "../src/loop/loop.js";
import { retentionDays } from "../src/loop/retention.js";
import { createSqliteLoopStore } from "../src/loop/sqlite-store.js";
import type { CoordinatorChannel } from "../src/loop/store.js";
import type { Reply } from "../src/seam.js";
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

export async function startRuntime(given: NodeJS.ProcessEnv, log: Logger, knowledgeDir: string): Promise<Runtime> {
  // One resolved data directory for the core's state and the adapters' own (Teams' welcomes).
  const dataDir = resolve(given.DATA_DIR ?? "data");
  const env: NodeJS.ProcessEnv = { ...given, DATA_DIR: dataDir };
  const store = createKnowledgeStore(knowledgeDir);
  let db: Db;
  try {
    db = openDatabase(dataDir);
  } catch (err) {
    throw new ConfigError(`the database ${resolve(dataDir, DATABASE_FILE)} cannot be opened: ${(err as Error).message}`);
  }
  const state = createSqliteStateStore(db, dataDir, (message) => log.warn(message));
  reconcileChanges(state, knowledgeDir, new Date(), (event, context) => log.warn(event, context));
  const adapters: PlatformAdapter[] = [];
  const sendTo = async (platform: string, address: unknown, reply: Reply, options?: { newThread?: boolean }) => {
    const adapter = adapters.find((a) => a.name === platform);
    if (!adapter?.send) throw new Error(`no running adapter can send to ${platform}`);
    return adapter.send(address, reply, options);
  };
  let coordinators, keepDays;
  try {
    coordinators = parseCoordinators(env.COORDINATORS);
    keepDays = retentionDays(env.DATA_RETENTION_DAYS);
  } catch (err) {
    throw new ConfigError((err as Error).message);
  }
  const named = coordinatorChannel(env);
  /** COORDINATOR_CHANNEL, once its platform's adapter runs and can post to a channel by its id. */
  const fallbackChannel = (): CoordinatorChannel | undefined => {
    const target = named && adapters.find((a) => a.name === named.platform)?.channel?.(named.id);
    return target && named ? { platform: named.platform, ...target, regions: [], language: "fi" } : undefined;
  };
  const curator = createCurator({
    store,
    state,
    coordinators,
    announce: async (s, reply) => void (await sendTo(s.platform, s.address, reply)),
    log: (event, context) => log.info(event, context),
  });
  const bot = createBot({ store, curator });
  const loopStore = createSqliteLoopStore(db, { onError: (err, questions) => log.error("question log write failed", { err, questions }) });
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
  // Outermost, so the loop logs and routes questions with the home region already known.
  const homeRegions = createHomeRegions({ store: createSqliteHomeRegionStore(db), knowledge: store, coordinators, log: (event, context) => log.info(event, context) });
  const served = homeRegions.wrap(loop.wrap(bot));

  // Each SDK is imported only when its platform is configured: botbuilder alone is 130 MB.
  if (env.SLACK_BOT_TOKEN || env.SLACK_APP_TOKEN || env.SLACK_SIGNING_SECRET) {
    const { createSlackAdapter } = await import("./slack/index.js");
    const slack = createSlackAdapter({ bot: served, env, log, db, coordinators, loop });
    if (slack) adapters.push(slack);
  }
  if (env.MICROSOFT_APP_ID || env.TEAMS_NO_AUTH) {
    const { createTeamsAdapter } = await import("./teams/index.js");
    const teams = createTeamsAdapter({ bot: served, env, log, db, coordinators, loop });
    if (teams) adapters.push(teams);
  }

  const stopWatching = watchKnowledge(store, {
    reloaded: (before, after, ms) => {
      log.info("knowledge reloaded", { version: after.version, ms: Math.round(ms * 10) / 10 });
      curator.knowledgeChanged(before, after).catch((err: unknown) => log.error("announcing a file change failed", { err }));
    },
    refused: (problems) => {
      log.error("knowledge change refused; the last good knowledge keeps serving", { problems: problems.map(formatProblem) });
      const target = fallbackChannel();
      if (target) {
        const reply = curationReply("fi", "Tietopohjan muutos hylättiin: virheitä tiedostoissa", problems.map(formatProblem), false);
        sendTo(target.platform, target.address, reply).catch((err: unknown) => log.error("telling coordinators failed", { err }));
      }
    },
  });

  const port = Number(env.PORT ?? 3978);
  const host = env.HOST ?? "0.0.0.0";
  const server = adapters.some((a) => a.routes) ? await startHttpServer(adapters, { port, host }) : undefined;
  try {
    for (const a of adapters) await a.start();
  } catch (err) {
    // A start that fails (a setting found wrong only now) leaves nothing listening or open.
    stopWatching();
    await server?.close();
    db.close();
    throw err;
  }
  if (adapters.length) log.info("started", { adapters: adapters.map((a) => a.name), url: server?.url });
  if (adapters.length && !fallbackChannel() && loopStore.channels().length === 0) {
    const why = named
      ? `COORDINATOR_CHANNEL=${env.COORDINATOR_CHANNEL} is not a channel a running adapter can post to by its id (Slack only; with Slack installed in many workspaces the id names the workspace too)`
      : "COORDINATOR_CHANNEL is not set and no channel has said kysymyskanava";
    log.warn("escalation has nowhere to go: unanswered questions offer no Kysy koordinaattorilta", { why, fix: "set COORDINATOR_CHANNEL=slack:<channel id> (slack:<channel id>:<workspace id> when installed in many), or say kysymyskanava in a coordinators' channel" });
  }
  const runChores = () => loop.chores().then((done) => log.info("loop chores done", done), (err: unknown) => log.error("loop chores failed", { err }));
  await runChores();
  const choresTimer = setInterval(runChores, CHORES_MS).unref();
  return {
    bot,
    loop,
    adapters,
    ...(server ? { server } : {}),
    async stop() {
      clearInterval(choresTimer);
      stopWatching();
      for (const a of adapters) await a.stop().catch((err: unknown) => log.error("stop failed", { adapter: a.name, err }));
      await server?.close();
      loopStore.flush();
      db.close();
    },
  };
}

/**
 * COORDINATOR_CHANNEL=platform:channel-id, checked at start: slack:C0123ABCD, or slack:C0123ABCD:T0123
 * naming the workspace when Slack is installed in many (the adapter reads the id).
 */
function coordinatorChannel(env: NodeJS.ProcessEnv): { platform: string; id: string } | undefined {
  const value = env.COORDINATOR_CHANNEL?.trim();
  if (!value) return undefined;
  const m = /^([a-z]+):(\S+)$/.exec(value);
  if (!m) throw new ConfigError(`COORDINATOR_CHANNEL must be platform:channel-id, e.g. slack:C0123ABCD (got "${value}").`);
  return { platform: m[1]!, id: m[2]! };
}
